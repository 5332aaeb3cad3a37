/**
 * Service level, as METRICS.md defines it: the share of contacts answered within a threshold, with one of
 * three rules for abandoned contacts (PRODUCT.md C7: "ignored / counted against / counted for").
 */

/** A CSQ's service-level threshold in seconds: answered with a wait at or below it counts as within. */
export const SERVICE_LEVEL_SECONDS = { min: 1, max: 3600, default: 20 } as const;

/**
 * - `counted_against` (the default): SL answered ÷ (offered − dequeued)
 * - `ignored`: SL answered ÷ (offered − abandoned − dequeued)
 * - `counted_for`: (SL answered + abandoned within the threshold) ÷ (offered − dequeued)
 */
export const ABANDON_RULES = ['counted_against', 'ignored', 'counted_for'] as const;
export type AbandonRule = (typeof ABANDON_RULES)[number];
export const DEFAULT_ABANDON_RULE: AbandonRule = 'counted_against';

/** The names the simulator's and staffing's input files used before they took these: still read, as these. */
export const FORMER_ABANDON_RULE_NAMES: Readonly<Record<string, AbandonRule>> = {
  abandons_count_against: 'counted_against',
  abandons_ignored: 'ignored',
  abandons_within_threshold_count_for: 'counted_for',
};

/**
 * The rule a name in an input file means: one of ABANDON_RULES, or a former name; null for anything else.
 *
 * @example abandonRuleNamed('abandons_ignored') // 'ignored'
 */
export function abandonRuleNamed(name: unknown): AbandonRule | null {
  if (typeof name !== 'string') return null;
  if ((ABANDON_RULES as readonly string[]).includes(name)) return name as AbandonRule;
  return Object.hasOwn(FORMER_ABANDON_RULE_NAMES, name)
    ? (FORMER_ABANDON_RULE_NAMES[name] as AbandonRule)
    : null;
}

/** Counts over the contacts whose service-level fate is known. */
export interface ServiceLevelCounts {
  offered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  abandonedWithinThreshold: number;
  dequeued: number;
}

/**
 * The service level as a fraction from 0 to 1, or null when there is nothing to measure (the denominator
 * is zero).
 *
 * @example serviceLevel({ offered: 10, answeredWithinThreshold: 6, abandoned: 2, abandonedWithinThreshold: 1, dequeued: 0 }, 'counted_against') // 0.6
 */
export function serviceLevel(counts: ServiceLevelCounts, rule: AbandonRule): number | null {
  const { offered, answeredWithinThreshold, abandoned, abandonedWithinThreshold, dequeued } = counts;
  const [within, measured] =
    rule === 'ignored'
      ? [answeredWithinThreshold, offered - abandoned - dequeued]
      : rule === 'counted_for'
        ? [answeredWithinThreshold + abandonedWithinThreshold, offered - dequeued]
        : [answeredWithinThreshold, offered - dequeued];
  return measured > 0 ? within / measured : null;
}
