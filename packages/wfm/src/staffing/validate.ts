import { ABANDON_RULES, abandonRuleNamed, invalid } from '@switchboard/core';
import type { StaffingTarget } from './required-agents.ts';
import {
  type IntervalDemand,
  STAFFING_CHANNELS,
  STAFFING_INTERVAL_MINUTES,
  type StaffingRequest,
  type StaffingWorkload,
} from './types.ts';

/** Beyond this offered load (per interval and workload) a request is refused rather than computed slowly. */
export const MAX_OFFERED_LOAD_ERLANGS = 50_000;
export const MAX_CONCURRENT_CHATS = 20;
const DAY_SECONDS = 86_400;

const fail = (field: string, message: string): never => {
  throw invalid(`${field} ${message}`, { field });
};

/** A finite number within [min, max], either end open when asked. */
function numberIn(
  field: string,
  value: unknown,
  min: number,
  max: number,
  open: { min?: boolean; max?: boolean } = {},
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (open.min ? value > min : value >= min) &&
    (open.max ? value < max : value <= max);
  if (!ok) {
    const upper = max === Number.MAX_VALUE ? '' : ` and ${open.max ? '<' : '≤'} ${max}`;
    fail(field, `must be a number ${open.min ? '>' : '≥'} ${min}${upper}.`);
  }
  return value as number;
}

function optional<T>(value: T | undefined, check: (value: T) => void): void {
  if (value !== undefined) check(value);
}

function validateDemand(field: string, demand: IntervalDemand, intervalSeconds: number): void {
  if (typeof demand !== 'object' || demand === null) fail(field, 'must be an object { volume, ahtSeconds }.');
  const volume = numberIn(`${field}.volume`, demand.volume, 0, Number.MAX_VALUE);
  if (volume === 0) numberIn(`${field}.ahtSeconds`, demand.ahtSeconds, 0, DAY_SECONDS);
  else numberIn(`${field}.ahtSeconds`, demand.ahtSeconds, 0, DAY_SECONDS, { min: true });
  if ((volume * demand.ahtSeconds) / intervalSeconds > MAX_OFFERED_LOAD_ERLANGS)
    fail(
      field,
      `offers more than ${MAX_OFFERED_LOAD_ERLANGS} Erlangs (volume × ahtSeconds ÷ interval length).`,
    );
}

function validateTarget(field: string, target: StaffingTarget): void {
  if (typeof target !== 'object' || target === null) fail(field, 'must be an object.');
  if (target.kind === 'service_level') {
    numberIn(`${field}.fraction`, target.fraction, 0, 1, { min: true, max: true });
    numberIn(`${field}.withinSeconds`, target.withinSeconds, 0, DAY_SECONDS);
  } else if (target.kind === 'asa') {
    numberIn(`${field}.seconds`, target.seconds, 0, DAY_SECONDS, { min: true });
  } else {
    fail(`${field}.kind`, "must be 'service_level' or 'asa'.");
  }
}

function validateCommon(field: string, workload: StaffingWorkload): void {
  optional(workload.maxOccupancy, (v) => numberIn(`${field}.maxOccupancy`, v, 0, 1, { min: true }));
  optional(workload.shrinkage, (v) => numberIn(`${field}.shrinkage`, v, 0, 1, { max: true }));
}

function validateWorkload(field: string, workload: StaffingWorkload, intervalSeconds: number): void {
  if (!STAFFING_CHANNELS.includes(workload.channel))
    fail(`${field}.channel`, `must be one of ${STAFFING_CHANNELS.join(', ')}.`);
  validateCommon(field, workload);
  workload.intervals.forEach((demand, i) => {
    validateDemand(`${field}.intervals[${i}]`, demand, intervalSeconds);
  });
  if (workload.channel === 'email') {
    numberIn(`${field}.responseSeconds`, workload.responseSeconds, 0, 31 * DAY_SECONDS, { min: true });
    optional(workload.openingBacklog, (v) => validateDemand(`${field}.openingBacklog`, v, intervalSeconds));
    return;
  }
  validateTarget(`${field}.target`, workload.target);
  optional(workload.patienceSeconds, (v) =>
    numberIn(`${field}.patienceSeconds`, v, 0, DAY_SECONDS, { min: true }),
  );
  optional(workload.maxAbandonRate, (v) => {
    if (workload.patienceSeconds === undefined)
      fail(`${field}.maxAbandonRate`, 'needs patienceSeconds (abandonment is modelled by Erlang A only).');
    numberIn(`${field}.maxAbandonRate`, v, 0, 1, { min: true, max: true });
  });
  optional(workload.serviceLevelRule, (v) => {
    if (abandonRuleNamed(v) === null)
      fail(`${field}.serviceLevelRule`, `must be one of ${ABANDON_RULES.join(', ')}.`);
  });
  if (workload.channel === 'chat') {
    const chats = workload.maxConcurrentChats;
    if (typeof chats !== 'number' || !Number.isInteger(chats) || chats < 1 || chats > MAX_CONCURRENT_CHATS)
      fail(`${field}.maxConcurrentChats`, `must be a whole number from 1 to ${MAX_CONCURRENT_CHATS}.`);
    optional(workload.concurrencyAhtFactor, (v) => numberIn(`${field}.concurrencyAhtFactor`, v, 1, 10));
  }
}

/** Throws SwitchboardError('validation_failed') naming the first field that is wrong. */
export function validateStaffingRequest(request: StaffingRequest): void {
  if (typeof request !== 'object' || request === null) fail('request', 'must be an object.');
  if (!STAFFING_INTERVAL_MINUTES.includes(request.intervalMinutes))
    fail('intervalMinutes', `must be one of ${STAFFING_INTERVAL_MINUTES.join(', ')}.`);
  if (!Array.isArray(request.workloads)) fail('workloads', 'must be a list.');
  const intervalSeconds = request.intervalMinutes * 60;
  const ids = new Set<string>();
  request.workloads.forEach((workload, w) => {
    const field = `workloads[${w}]`;
    if (typeof workload !== 'object' || workload === null) fail(field, 'must be an object.');
    if (typeof workload.id !== 'string' || workload.id === '')
      fail(`${field}.id`, 'must be a non-empty string.');
    if (ids.has(workload.id)) fail(`${field}.id`, `repeats "${workload.id}".`);
    ids.add(workload.id);
    if (!Array.isArray(workload.intervals)) fail(`${field}.intervals`, 'must be a list.');
    const expected = request.workloads[0]?.intervals.length ?? 0;
    if (workload.intervals.length !== expected)
      fail(`${field}.intervals`, `must have ${expected} intervals, like workloads[0].`);
    validateWorkload(field, workload, intervalSeconds);
  });
}
