import { invalid } from '@switchboard/core';
import {
  DAYS,
  DEFAULT_MIN_REST_MINUTES,
  DEFAULT_WEIGHTS,
  HORIZON,
  INTERVAL_MINUTES,
  INTERVALS_PER_DAY,
  type ScheduleAgent,
  type ScheduleInstance,
  type ShiftTemplate,
} from './model.ts';
import { validateScheduleInstance } from './validate.ts';

/** A template in intervals: break offsets are counted from the shift start. */
export interface PreparedTemplate {
  id: string;
  length: number;
  paidMinutes: number;
  breaks: { name: string; duration: number; earliest: number; latest: number }[];
}

/** One way to work one day: a template started at an interval. */
export interface ShiftOption {
  template: number;
  day: number;
  start: number;
  end: number;
  paidMinutes: number;
}

export interface PreparedAgent {
  id: string;
  group: number;
  type: number;
  /** Options the agent may work (indexes into Problem.options, by start). */
  options: number[];
  minMinutes: number;
  maxMinutes: number;
  maxShifts: number;
}

/** Agents who are interchangeable: same skills, same options, same contract. */
export interface AgentType {
  agents: number[];
  options: number[];
  group: number;
  minMinutes: number;
  maxMinutes: number;
  maxShifts: number;
}

/** The internal, validated form of an instance that the optimiser, greedy and checker share. */
export interface Problem {
  workloadIds: string[];
  required: Int32Array[];
  templates: PreparedTemplate[];
  options: ShiftOption[];
  agents: PreparedAgent[];
  types: AgentType[];
  /** Distinct skill sets, as workload indexes. */
  groups: number[][];
  minRestMinutes: number;
  weights: { under: number; over: number };
}

export const toIntervals = (minutes: number): number => minutes / INTERVAL_MINUTES;

/** True when an agent whose shift ends at `earlierEnd` may not start again at `laterStart` (too little rest). */
export const restConflict = (earlierEnd: number, laterStart: number, minRestMinutes: number): boolean =>
  (laterStart - earlierEnd) * INTERVAL_MINUTES < minRestMinutes;

function prepareTemplate(template: ShiftTemplate): PreparedTemplate {
  const unpaid = template.breaks.reduce((sum, rule) => sum + (rule.paid ? 0 : rule.durationMinutes), 0);
  return {
    id: template.id,
    length: toIntervals(template.lengthMinutes),
    paidMinutes: template.lengthMinutes - unpaid,
    breaks: template.breaks.map((rule) => ({
      name: rule.name,
      duration: toIntervals(rule.durationMinutes),
      earliest: toIntervals(rule.earliestStartMinutes),
      latest: toIntervals(rule.latestStartMinutes),
    })),
  };
}

/** Intervals the agent may not work, and days no shift may start. */
function blockedFor(agent: ScheduleAgent): { blocked: Uint8Array; closedDays: Set<number> } {
  const blocked = new Uint8Array(HORIZON);
  const closedDays = new Set(agent.daysOff?.fixed ?? []);
  const block = (from: number, to: number) => blocked.fill(1, from, to);
  for (const range of agent.unavailable ?? []) block(range.from, range.to);
  for (const off of agent.timeOff ?? []) {
    if ('day' in off) {
      closedDays.add(off.day);
      block(off.day * INTERVALS_PER_DAY, (off.day + 1) * INTERVALS_PER_DAY);
    } else block(off.from, off.to);
  }
  return { blocked, closedDays };
}

/** Option keys (template × HORIZON + start) the agent may work. */
function optionKeysFor(
  agent: ScheduleAgent,
  templateIndex: Map<string, number>,
  templates: PreparedTemplate[],
): number[] {
  const { blocked, closedDays } = blockedFor(agent);
  const keys: number[] = [];
  for (let day = 0; day < DAYS; day++) {
    if (closedDays.has(day)) continue;
    const window =
      agent.startWindows === undefined ? { earliestMinute: 0, latestMinute: 1425 } : agent.startWindows[day];
    if (window === null || window === undefined) continue;
    for (const id of agent.templates) {
      const t = templateIndex.get(id) ?? -1;
      const length = templates[t]?.length ?? HORIZON;
      const first = day * INTERVALS_PER_DAY + toIntervals(window.earliestMinute);
      const last = day * INTERVALS_PER_DAY + toIntervals(window.latestMinute);
      for (let start = first; start <= last && start + length <= HORIZON; start++) {
        if (blocked.subarray(start, start + length).includes(1)) continue;
        keys.push(t * HORIZON + start);
      }
    }
  }
  return keys;
}

/** Most paid minutes the options allow in `maxShifts` days (rest ignored): a quick necessary check. */
function mostPaidMinutes(options: readonly ShiftOption[], maxShifts: number): number {
  const bestPerDay = new Array<number>(DAYS).fill(0);
  for (const option of options)
    bestPerDay[option.day] = Math.max(bestPerDay[option.day] ?? 0, option.paidMinutes);
  return bestPerDay
    .sort((a, b) => b - a)
    .slice(0, maxShifts)
    .reduce((sum, minutes) => sum + minutes, 0);
}

/** Validates the instance and builds the shared internal form. Throws `invalid` on any broken rule. */
export function prepare(instance: ScheduleInstance): Problem {
  validateScheduleInstance(instance);
  const templates = instance.templates.map(prepareTemplate);
  const templateIndex = new Map(templates.map((t, i) => [t.id, i]));
  const workloadIndex = new Map(instance.workloads.map((w, i) => [w.id, i]));
  const keysPerAgent = instance.agents.map((agent) => optionKeysFor(agent, templateIndex, templates));
  const allKeys = [...new Set(keysPerAgent.flat())].sort(
    (a, b) => (a % HORIZON) - (b % HORIZON) || Math.floor(a / HORIZON) - Math.floor(b / HORIZON),
  );
  const optionOfKey = new Map(allKeys.map((key, i) => [key, i]));
  const options: ShiftOption[] = allKeys.map((key) => {
    const template = Math.floor(key / HORIZON);
    const start = key % HORIZON;
    const t = templates[template] as PreparedTemplate;
    return {
      template,
      day: Math.floor(start / INTERVALS_PER_DAY),
      start,
      end: start + t.length,
      paidMinutes: t.paidMinutes,
    };
  });

  const groupKeys = new Map<string, number>();
  const typeKeys = new Map<string, number>();
  const groups: number[][] = [];
  const types: AgentType[] = [];
  const agents = instance.agents.map((agent, a): PreparedAgent => {
    const skills = agent.skills.map((s) => workloadIndex.get(s) ?? -1).sort((x, y) => x - y);
    const groupKey = skills.join(',');
    if (!groupKeys.has(groupKey)) groupKeys.set(groupKey, groups.push(skills) - 1);
    const group = groupKeys.get(groupKey) ?? 0;
    const credited = (agent.timeOff ?? []).reduce((sum, off) => sum + (off.creditedMinutes ?? 0), 0);
    const optionList = (keysPerAgent[a] ?? []).map((key) => optionOfKey.get(key) ?? -1).sort((x, y) => x - y);
    const minMinutes = Math.max(0, agent.minHoursPerWeek * 60 - credited);
    const maxMinutes = Math.max(0, agent.maxHoursPerWeek * 60 - credited);
    const maxShifts = DAYS - (agent.daysOff?.count ?? 0);
    const reachable = mostPaidMinutes(
      optionList.map((o) => options[o] as ShiftOption),
      maxShifts,
    );
    if (reachable < minMinutes)
      throw invalid(
        `agents[${a}].minHoursPerWeek (${agent.minHoursPerWeek} h) cannot be met: the agent's days, start windows, ` +
          `templates and availability allow at most ${reachable / 60} paid hours.`,
        { field: `agents[${a}].minHoursPerWeek` },
      );
    const typeKey = `${group}|${minMinutes}|${maxMinutes}|${maxShifts}|${optionList.join(',')}`;
    if (!typeKeys.has(typeKey))
      typeKeys.set(
        typeKey,
        types.push({ agents: [], options: optionList, group, minMinutes, maxMinutes, maxShifts }) - 1,
      );
    const type = typeKeys.get(typeKey) ?? 0;
    types[type]?.agents.push(a);
    return { id: agent.id, group, type, options: optionList, minMinutes, maxMinutes, maxShifts };
  });

  return {
    workloadIds: instance.workloads.map((w) => w.id),
    required: instance.workloads.map((w) => Int32Array.from(w.required)),
    templates,
    options,
    agents,
    types,
    groups,
    minRestMinutes: instance.minRestMinutes ?? DEFAULT_MIN_REST_MINUTES,
    weights: {
      under: instance.weights?.under ?? DEFAULT_WEIGHTS.under,
      over: instance.weights?.over ?? DEFAULT_WEIGHTS.over,
    },
  };
}
