import { invalid } from '@switchboard/core';
import {
  DAYS,
  DEFAULT_MIN_REST_MINUTES,
  HORIZON,
  INTERVAL_MINUTES,
  type ScheduleAgent,
  type ScheduleInstance,
  type ScheduleWorkload,
  type ShiftTemplate,
} from './model.ts';

const MINUTES_PER_DAY = 24 * 60;

const fail = (field: string, message: string): never => {
  throw invalid(`${field} ${message}`, { field });
};

function integerIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(field, `must be a whole number from ${min} to ${max}.`);
  return value as number;
}

function minutesIn(field: string, value: unknown, min: number, max: number): number {
  const minutes = integerIn(field, value, min, max);
  if (minutes % INTERVAL_MINUTES !== 0) fail(field, `must be a multiple of ${INTERVAL_MINUTES} minutes.`);
  return minutes;
}

function numberIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    fail(field, `must be a number from ${min} to ${max}.`);
  return value as number;
}

function uniqueIds(field: string, items: readonly { id: string }[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (typeof item.id !== 'string' || item.id === '')
      fail(`${field}[${i}].id`, 'must be a non-empty string.');
    if (ids.has(item.id)) fail(`${field}[${i}].id`, `repeats "${item.id}".`);
    ids.add(item.id);
  });
  return ids;
}

function listOf<T>(field: string, value: readonly T[] | undefined, minLength = 0): readonly T[] {
  if (!Array.isArray(value) || value.length < minLength)
    fail(field, minLength > 0 ? `must be a list of at least ${minLength}.` : 'must be a list.');
  return value as readonly T[];
}

function validateWorkload(field: string, workload: ScheduleWorkload): void {
  const required = listOf(`${field}.required`, workload.required);
  if (required.length !== HORIZON)
    fail(`${field}.required`, `must have ${HORIZON} intervals (7 days of 15 min).`);
  required.forEach((value, i) => {
    integerIn(`${field}.required[${i}]`, value, 0, 1_000_000);
  });
}

function validateTemplate(field: string, template: ShiftTemplate, minRest: number): void {
  const length = minutesIn(`${field}.lengthMinutes`, template.lengthMinutes, INTERVAL_MINUTES, 24 * 60);
  if (length + minRest > MINUTES_PER_DAY)
    fail(`${field}.lengthMinutes`, `plus the minimum rest (${minRest} min) must not exceed 24 hours.`);
  let previousEnd = 0;
  listOf(`${field}.breaks`, template.breaks).forEach((rule, k) => {
    const at = `${field}.breaks[${k}]`;
    if (typeof rule.name !== 'string' || rule.name === '') fail(`${at}.name`, 'must be a non-empty string.');
    if (typeof rule.paid !== 'boolean') fail(`${at}.paid`, 'must be true or false.');
    const duration = minutesIn(`${at}.durationMinutes`, rule.durationMinutes, INTERVAL_MINUTES, length);
    const earliest = minutesIn(`${at}.earliestStartMinutes`, rule.earliestStartMinutes, 0, length);
    const latest = minutesIn(`${at}.latestStartMinutes`, rule.latestStartMinutes, earliest, length);
    if (latest + duration > length)
      fail(`${at}.latestStartMinutes`, 'leaves the break ending after the shift.');
    if (earliest < previousEnd)
      fail(`${at}.earliestStartMinutes`, 'must not be before the latest end of the previous break.');
    previousEnd = latest + duration;
  });
}

function validateAgent(
  field: string,
  agent: ScheduleAgent,
  workloads: Set<string>,
  templates: Set<string>,
): void {
  listOf(`${field}.skills`, agent.skills, 1).forEach((skill, i) => {
    if (!workloads.has(skill)) fail(`${field}.skills[${i}]`, `names no workload ("${skill}").`);
  });
  if (new Set(agent.skills).size !== agent.skills.length) fail(`${field}.skills`, 'repeats a workload.');
  listOf(`${field}.templates`, agent.templates, 1).forEach((id, i) => {
    if (!templates.has(id)) fail(`${field}.templates[${i}]`, `names no shift template ("${id}").`);
  });
  const min = numberIn(`${field}.minHoursPerWeek`, agent.minHoursPerWeek, 0, 168);
  numberIn(`${field}.maxHoursPerWeek`, agent.maxHoursPerWeek, min, 168);
  const fixed = listOf(`${field}.daysOff.fixed`, agent.daysOff?.fixed ?? []);
  fixed.forEach((day, i) => {
    integerIn(`${field}.daysOff.fixed[${i}]`, day, 0, DAYS - 1);
  });
  if (new Set(fixed).size !== fixed.length) fail(`${field}.daysOff.fixed`, 'repeats a day.');
  if (agent.daysOff?.count !== undefined) integerIn(`${field}.daysOff.count`, agent.daysOff.count, 0, DAYS);
  if (agent.startWindows !== undefined) {
    const windows = listOf(`${field}.startWindows`, agent.startWindows);
    if (windows.length !== DAYS) fail(`${field}.startWindows`, `must have ${DAYS} entries (null for none).`);
    windows.forEach((window, d) => {
      if (window === null) return;
      const at = `${field}.startWindows[${d}]`;
      const last = MINUTES_PER_DAY - INTERVAL_MINUTES;
      const earliest = minutesIn(`${at}.earliestMinute`, window.earliestMinute, 0, last);
      minutesIn(`${at}.latestMinute`, window.latestMinute, earliest, last);
    });
  }
  listOf(`${field}.unavailable`, agent.unavailable ?? []).forEach((range, i) => {
    const from = integerIn(`${field}.unavailable[${i}].from`, range.from, 0, HORIZON - 1);
    integerIn(`${field}.unavailable[${i}].to`, range.to, from + 1, HORIZON);
  });
  listOf(`${field}.timeOff`, agent.timeOff ?? []).forEach((off, i) => {
    const at = `${field}.timeOff[${i}]`;
    if ('day' in off) integerIn(`${at}.day`, off.day, 0, DAYS - 1);
    else {
      const from = integerIn(`${at}.from`, off.from, 0, HORIZON - 1);
      integerIn(`${at}.to`, off.to, from + 1, HORIZON);
    }
    if (off.creditedMinutes !== undefined) numberIn(`${at}.creditedMinutes`, off.creditedMinutes, 0, 24 * 60);
  });
}

/**
 * Throws `invalid` (validation_failed) naming the first field that breaks the model's rules. Whether each
 * contract can be met at all is checked when the agent's shift options are built (see `prepare`).
 */
export function validateScheduleInstance(instance: ScheduleInstance): void {
  if (typeof instance !== 'object' || instance === null) fail('instance', 'must be an object.');
  const minRest =
    instance.minRestMinutes === undefined
      ? DEFAULT_MIN_REST_MINUTES
      : integerIn('minRestMinutes', instance.minRestMinutes, 0, MINUTES_PER_DAY - INTERVAL_MINUTES);
  if (instance.weights !== undefined) {
    if (instance.weights.under !== undefined) numberIn('weights.under', instance.weights.under, 0, 1e6);
    if (instance.weights.over !== undefined) numberIn('weights.over', instance.weights.over, 0, 1e6);
  }
  const workloads = listOf('workloads', instance.workloads, 1);
  const workloadIds = uniqueIds('workloads', workloads);
  workloads.forEach((workload, i) => {
    validateWorkload(`workloads[${i}]`, workload);
  });
  const templates = listOf('templates', instance.templates, 1);
  const templateIds = uniqueIds('templates', templates);
  templates.forEach((template, i) => {
    validateTemplate(`templates[${i}]`, template, minRest);
  });
  const agents = listOf('agents', instance.agents);
  uniqueIds('agents', agents);
  agents.forEach((agent, i) => {
    validateAgent(`agents[${i}]`, agent, workloadIds, templateIds);
  });
}
