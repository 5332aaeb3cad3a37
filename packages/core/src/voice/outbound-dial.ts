import { invalid } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { dialPatternProblem, matchesDialPattern } from './dial-pattern.ts';

/**
 * What the tenant's agents may dial (docs/voice.md, "Outbound calls"). Emergency numbers always go through;
 * international numbers only when the tenant turned them on; every other number must fit one of the patterns.
 */
export interface OutboundDialPlan {
  /** Dial patterns (see `dial-pattern.ts`) a number must fit. */
  patterns: string[];
  /** Whether international numbers may be dialled (off by default: the costliest toll fraud is there). */
  international: boolean;
  /** The center's country calling code: `+<code>…` is then a national number; null: every `+` number is international. */
  countryCode: string | null;
  /** Prefixes that dial abroad besides `+` (00 in most of the world, 011 from North America). */
  internationalPrefixes: string[];
  /**
   * The access code a PBX behind the trunk takes for an outside line (`9`): what follows it is the number the PBX
   * dials, so `9 00 44…` is international too. Null: no such code.
   */
  outsideLinePrefix: string | null;
  /** Numbers that are always allowed, whatever the plan and the tenant's limit. */
  emergencyNumbers: string[];
  /** Outbound calls of the tenant in progress at once; 0 turns outbound calls off. */
  maxConcurrentCalls: number;
}

export const DEFAULT_OUTBOUND_DIAL_PLAN: OutboundDialPlan = {
  patterns: ['X!', '+X!'],
  international: false,
  countryCode: null,
  internationalPrefixes: ['00', '011'],
  outsideLinePrefix: null,
  emergencyNumbers: ['112', '911'],
  maxConcurrentCalls: 10,
};

export type DialVerdict =
  | { allowed: true; number: string; emergency: boolean; international: boolean }
  | {
      allowed: false;
      number: string;
      reason: 'malformed' | 'international' | 'not_in_plan';
      message: string;
    };

/** Spaces, dashes, dots and brackets people write numbers with; they are not dialled. */
const READING_MARKS = /[\s\-.()/]/g;

/** A dialled number as written (`+44 (20) 7946-0000`) checked against the plan, and what is dialled (`+442079460000`). */
export function checkDialled(dialled: string, plan: OutboundDialPlan): DialVerdict {
  const number = dialled.replace(READING_MARKS, '');
  const { min, max } = LIMITS.dialledNumber;
  if (!/^\+?[0-9*#]+$/.test(number) || number.length < min || number.length > max)
    return {
      allowed: false,
      number,
      reason: 'malformed',
      message: `A number is ${min}–${max} digits (* and # too), with + only in front: "${dialled}" is not one.`,
    };
  if (plan.emergencyNumbers.includes(number))
    return { allowed: true, number, emergency: true, international: false };
  const international = isInternational(number, plan);
  if (international && !plan.international)
    return {
      allowed: false,
      number,
      reason: 'international',
      message: `${number} is an international number, and international calls are off for this center.`,
    };
  if (!plan.patterns.some((pattern) => matchesDialPattern(pattern, number)))
    return {
      allowed: false,
      number,
      reason: 'not_in_plan',
      message: `${number} fits none of the center's dial patterns (${plan.patterns.join(', ')}).`,
    };
  return { allowed: true, number, emergency: false, international };
}

function isInternational(dialled: string, plan: OutboundDialPlan): boolean {
  const { outsideLinePrefix: outside } = plan;
  const number = outside && dialled.startsWith(outside) ? dialled.slice(outside.length) : dialled;
  if (number.startsWith('+')) return plan.countryCode === null || !number.startsWith(`+${plan.countryCode}`);
  return plan.internationalPrefixes.some((prefix) => number.startsWith(prefix));
}

/** The plan with a change merged in, or a refusal naming the field (`voice/outbound/…`) and what is wrong. */
export function changeOutboundDialPlan(
  current: OutboundDialPlan,
  change: Partial<OutboundDialPlan>,
): OutboundDialPlan {
  const next = { ...current, ...change };
  const refuse = (field: keyof OutboundDialPlan, message: string) => {
    throw invalid(message, [
      { path: `body/voice/outbound/${field}`, field: `voice/outbound/${field}`, message },
    ]);
  };
  if (next.patterns.length < 1 || next.patterns.length > LIMITS.outboundPatterns.max)
    refuse('patterns', `Give 1–${LIMITS.outboundPatterns.max} dial patterns.`);
  for (const pattern of next.patterns) {
    const problem = dialPatternProblem(pattern);
    if (problem !== null) refuse('patterns', `Dial pattern "${pattern}": ${problem}`);
  }
  const fits = (text: string, limit: { pattern: string }) => new RegExp(limit.pattern).test(text);
  if (next.countryCode !== null && !fits(next.countryCode, LIMITS.countryCode))
    refuse('countryCode', 'A country calling code is 1–3 digits, without + (44, 1, 353), or null.');
  if (next.outsideLinePrefix !== null && !fits(next.outsideLinePrefix, LIMITS.outsideLinePrefix))
    refuse('outsideLinePrefix', 'An outside-line code is 1–4 digits, * or # (9, 0), or null.');
  if (next.internationalPrefixes.length > LIMITS.internationalPrefixes.max)
    refuse(
      'internationalPrefixes',
      `Give at most ${LIMITS.internationalPrefixes.max} international prefixes.`,
    );
  for (const prefix of next.internationalPrefixes)
    if (!fits(prefix, LIMITS.internationalPrefixes))
      refuse('internationalPrefixes', `"${prefix}" is not a prefix of 1–4 digits.`);
  if (next.emergencyNumbers.length > LIMITS.emergencyNumbers.max)
    refuse('emergencyNumbers', `Give at most ${LIMITS.emergencyNumbers.max} emergency numbers.`);
  for (const emergency of next.emergencyNumbers)
    if (!fits(emergency, LIMITS.emergencyNumbers))
      refuse('emergencyNumbers', `"${emergency}" is not an emergency number (2–6 digits).`);
  const { max } = LIMITS.outboundCallsPerTenant;
  if (
    !Number.isInteger(next.maxConcurrentCalls) ||
    next.maxConcurrentCalls < 0 ||
    next.maxConcurrentCalls > max
  )
    refuse(
      'maxConcurrentCalls',
      `The limit of outbound calls in progress is a whole number from 0 to ${max}.`,
    );
  return next;
}
