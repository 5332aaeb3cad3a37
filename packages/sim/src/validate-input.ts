import {
  ABANDON_RULES,
  abandonRuleNamed,
  CHANNEL_PARAM_LIMITS,
  CHANNELS,
  type ChannelParams,
  DIGITAL_CRITERIA,
  invalid,
  LIMITS,
  PRIORITY,
  SELECTION_CRITERIA,
  type SkillRequirement,
} from '@switchboard/core';
import { checkArray, checkDuration, checkNumber, checkOneOf, checkString } from './field-checks.ts';
import {
  type ArrivalProfile,
  type ScheduledBreak,
  type Shift,
  SIMULATION_INTERVAL_MINUTES,
  type SimulatedAgent,
  type SimulatedCsq,
  type SimulationInput,
} from './input.ts';

const COMPETENCE = { ...LIMITS.competence, whole: true };

/**
 * Refuses an input the simulation cannot run, with a `validation_failed` error whose message names the field
 * (e.g. `csqs[1].arrivals.volumes[3] must be a number at least 0.`).
 */
export function validateSimulationInput(input: SimulationInput, params: ChannelParams): void {
  checkNumber(input.seed, 'seed', {
    whole: true,
    min: Number.MIN_SAFE_INTEGER,
    max: Number.MAX_SAFE_INTEGER,
  });
  checkOneOf(input.reportIntervalMinutes, SIMULATION_INTERVAL_MINUTES, 'reportIntervalMinutes');
  if (input.serviceLevelRule !== undefined && abandonRuleNamed(input.serviceLevelRule) === null)
    checkOneOf(input.serviceLevelRule, ABANDON_RULES, 'serviceLevelRule');
  if (input.shortAbandonSeconds !== undefined)
    checkNumber(input.shortAbandonSeconds, 'shortAbandonSeconds', { min: 0 });
  checkChannelParams(params);
  const csqs = checkArray(input.csqs, 'csqs', { nonEmpty: true }) as SimulatedCsq[];
  for (const [i, csq] of csqs.entries()) checkCsq(csq, `csqs[${i}]`);
  checkUnique(csqs, 'csqs');
  const agents = checkArray(input.agents, 'agents') as SimulatedAgent[];
  for (const [i, agent] of agents.entries()) checkAgent(agent, `agents[${i}]`);
  checkUnique(agents, 'agents');
  if (input.answerDelaySeconds !== undefined) checkAnswerDelay(input.answerDelaySeconds, csqs, params);
}

function checkCsq(csq: SimulatedCsq, field: string): void {
  checkString(csq.id, `${field}.id`);
  const channel = checkOneOf(csq.channel, CHANNELS, `${field}.channel`);
  for (const [i, requirement] of checkArray(csq.skills, `${field}.skills`).entries()) {
    const { skillId, minCompetence } = (requirement ?? {}) as Partial<SkillRequirement>;
    checkString(skillId, `${field}.skills[${i}].skillId`);
    checkNumber(minCompetence, `${field}.skills[${i}].minCompetence`, COMPETENCE);
  }
  const criterion = checkOneOf(csq.criterion, SELECTION_CRITERIA, `${field}.criterion`);
  if (channel !== 'voice' && !DIGITAL_CRITERIA.includes(criterion)) {
    throw invalid(`${field}.criterion: ${criterion} is for voice queues only.`, {
      field: `${field}.criterion`,
    });
  }
  if (csq.agentOrder !== undefined) {
    for (const [i, id] of checkArray(csq.agentOrder, `${field}.agentOrder`).entries())
      checkString(id, `${field}.agentOrder[${i}]`);
  }
  if (csq.priority !== undefined)
    checkNumber(csq.priority, `${field}.priority`, { min: PRIORITY.min, max: PRIORITY.max, whole: true });
  const arrivals: Partial<ArrivalProfile> = csq.arrivals ?? {};
  checkOneOf(arrivals.intervalMinutes, SIMULATION_INTERVAL_MINUTES, `${field}.arrivals.intervalMinutes`);
  const volumes = checkArray(arrivals.volumes, `${field}.arrivals.volumes`, { nonEmpty: true });
  for (const [i, volume] of volumes.entries())
    checkNumber(volume, `${field}.arrivals.volumes[${i}]`, { min: 0 });
  checkDuration(csq.handleTime, `${field}.handleTime`);
  if (csq.wrapUp !== undefined) checkDuration(csq.wrapUp, `${field}.wrapUp`);
  if (csq.patience !== undefined) checkDuration(csq.patience, `${field}.patience`);
  if (csq.serviceLevelSeconds !== undefined)
    checkNumber(csq.serviceLevelSeconds, `${field}.serviceLevelSeconds`, { min: 0 });
}

function checkAgent(agent: SimulatedAgent, field: string): void {
  checkString(agent.id, `${field}.id`);
  if (typeof agent.skills !== 'object' || agent.skills === null) {
    throw invalid(`${field}.skills must be an object of skill id → competence.`, {
      field: `${field}.skills`,
    });
  }
  for (const [skillId, competence] of Object.entries(agent.skills))
    checkNumber(competence, `${field}.skills.${skillId}`, COMPETENCE);
  if (agent.capacity !== undefined) {
    const { min, max } = CHANNEL_PARAM_LIMITS.capacity;
    checkNumber(agent.capacity.chat, `${field}.capacity.chat`, { min, max, whole: true });
    checkNumber(agent.capacity.email, `${field}.capacity.email`, { min, max, whole: true });
  }
  let previousEnd = 0;
  for (const [i, shift] of checkArray(agent.shifts, `${field}.shifts`).entries())
    previousEnd = checkShift((shift ?? {}) as Partial<Shift>, `${field}.shifts[${i}]`, previousEnd);
}

/** Shifts and their breaks come in order and do not overlap; returns the shift's end. */
function checkShift(shift: Partial<Shift>, field: string, previousEnd: number): number {
  const start = checkNumber(shift.startMinute, `${field}.startMinute`, { min: previousEnd });
  const end = checkNumber(shift.endMinute, `${field}.endMinute`, { min: start, aboveMin: true });
  if (shift.breaks === undefined) return end;
  let breakFrom = start;
  for (const [j, pause] of checkArray(shift.breaks, `${field}.breaks`).entries()) {
    const at = `${field}.breaks[${j}]`;
    const { startMinute, endMinute, reasonCode } = (pause ?? {}) as Partial<ScheduledBreak>;
    const begins = checkNumber(startMinute, `${at}.startMinute`, { min: breakFrom, max: end });
    breakFrom = checkNumber(endMinute, `${at}.endMinute`, { min: begins, aboveMin: true, max: end });
    checkNumber(reasonCode, `${at}.reasonCode`, { ...LIMITS.reasonCode, whole: true });
  }
  return end;
}

function checkUnique(items: readonly { id: string }[], field: string): void {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.id)) throw invalid(`${field}[${i}].id: ${item.id} is used twice.`, { field });
    seen.add(item.id);
  }
}

function checkChannelParams(params: ChannelParams): void {
  const limits = CHANNEL_PARAM_LIMITS;
  for (const channel of CHANNELS)
    checkNumber(params.noAnswerTimeoutMs?.[channel], `channelParams.noAnswerTimeoutMs.${channel}`, {
      ...limits.noAnswerTimeoutMs,
      whole: true,
    });
  checkNumber(params.joinTimeoutMs, 'channelParams.joinTimeoutMs', { ...limits.joinTimeoutMs, whole: true });
  checkNumber(params.inactivityTimeoutMs, 'channelParams.inactivityTimeoutMs', {
    ...limits.inactivityTimeoutMs,
    whole: true,
  });
  checkNumber(params.stickyEmailTimeoutMs, 'channelParams.stickyEmailTimeoutMs', {
    ...limits.stickyEmailTimeoutMs,
    whole: true,
  });
  if (params.wrapUpTimeoutMs !== null)
    checkNumber(params.wrapUpTimeoutMs, 'channelParams.wrapUpTimeoutMs', {
      ...limits.wrapUpTimeoutMs,
      whole: true,
    });
}

/** A virtual agent always answers: the delay must end before the offer rings out (no RONA is simulated). */
function checkAnswerDelay(seconds: number, csqs: readonly SimulatedCsq[], params: ChannelParams): void {
  checkNumber(seconds, 'answerDelaySeconds', { min: 0 });
  for (const channel of ['voice', 'chat'] as const) {
    const timeoutMs = params.noAnswerTimeoutMs[channel];
    if (csqs.some((csq) => csq.channel === channel) && seconds * 1000 >= timeoutMs) {
      throw invalid(
        `answerDelaySeconds must be shorter than the ${channel} no-answer timeout (${timeoutMs / 1000} s).`,
        { field: 'answerDelaySeconds' },
      );
    }
  }
}
