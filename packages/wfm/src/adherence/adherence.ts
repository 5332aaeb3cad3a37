import { type AgentState, DOMAINS, type Domain, invalid } from '@switchboard/core';

/** Which of an agent's two states an activity is judged on: phone work the voice state, chat and email the digital one. */
export type ActivityChannels = 'voice' | 'digital' | 'any';

/** One block of an agent's schedule, [start, end) in epoch ms: 'work', 'break', 'lunch', 'meeting', … */
export interface ScheduledActivity {
  activity: string;
  start: number;
  end: number;
  /** The states the activity is judged on; default 'any': the agent adheres when either state matches. */
  channels?: ActivityChannels;
}

/** A span a supervisor excused (an approved exception): counted as adhering. */
export interface ExcusedSpan {
  start: number;
  end: number;
}

/** One entry of the agent state trace (as the router records it). */
export interface StateChange {
  at: number;
  domain: Domain;
  state: AgentState;
  reasonCode: number | null;
}

/**
 * Which activity an agent state counts as. The first rule that matches wins; `reasonCodes` narrows a rule to
 * those Not Ready or logout codes. A state no rule matches counts as no activity at all.
 */
export interface ActivityRule {
  state: AgentState;
  reasonCodes?: readonly number[];
  activity: string;
}

export interface AdherenceOptions {
  /** The period measured, [from, to) in epoch ms. */
  from: number;
  to: number;
  /** Out of adherence for at most this long counts as adhering (0–3600 s). */
  thresholdSeconds: number;
  rules: readonly ActivityRule[];
  /** Activities that are work for conformance (by default just 'work'). */
  workActivities?: readonly string[];
  /** Approved exceptions: out of adherence within them does not count. */
  excused?: readonly ExcusedSpan[];
}

export interface OutOfAdherenceSpan {
  start: number;
  end: number;
  /** What the schedule said over the span, and what the agent did, in order of appearance. */
  scheduled: string[];
  actual: string[];
}

export interface AdherenceResult {
  scheduledMs: number;
  outOfAdherenceMs: number;
  /** (scheduled − out of adherence) ÷ scheduled × 100; null when nothing was scheduled. */
  adherencePct: number | null;
  scheduledWorkMs: number;
  workedMs: number;
  /** worked ÷ scheduled to work × 100 (may exceed 100); null when no work was scheduled. */
  conformancePct: number | null;
  /** Spans longer than the threshold, in time order. */
  spans: OutOfAdherenceSpan[];
  /** The run of non-adherence reaching `to`, however short: what a live board shows (null when adhering). */
  current: OutOfAdherenceSpan | null;
}

export const ADHERENCE_LIMITS = { thresholdSeconds: { min: 0, max: 3600 } } as const;

/** What the agent does on each domain at an instant, by the rules. */
function activityOf(rules: readonly ActivityRule[], change: StateChange | undefined): string | null {
  const state = change?.state ?? 'logged_out';
  const code = change?.reasonCode ?? null;
  for (const rule of rules) {
    if (rule.state !== state) continue;
    if (rule.reasonCodes === undefined || (code !== null && rule.reasonCodes.includes(code)))
      return rule.activity;
  }
  return null;
}

interface Piece {
  start: number;
  end: number;
  scheduled: string | null;
  actual: string[];
  excused: boolean;
}

/**
 * Adherence (was the agent doing what the schedule said, when it said it) and conformance (did they work as
 * long as scheduled) over a period. An activity is judged on the states of the channels it covers: phone on
 * the voice state, chat and email on the digital one, 'any' on either (the agent adheres when either matches).
 * A run of non-adherence no longer than the threshold counts as adherence; a longer run counts in full. Spans
 * a supervisor excused count as adhering.
 */
export function computeAdherence(
  schedule: readonly ScheduledActivity[],
  trace: readonly StateChange[],
  options: AdherenceOptions,
): AdherenceResult {
  const { from, to, rules } = options;
  checkInput(schedule, trace, options);
  const work = new Set(options.workActivities ?? ['work']);
  const thresholdMs = options.thresholdSeconds * 1000;
  const pieces = piecesOf(schedule, trace, rules, from, to, options.excused ?? []);

  let scheduledMs = 0;
  let scheduledWorkMs = 0;
  let workedMs = 0;
  for (const piece of pieces) {
    const length = piece.end - piece.start;
    if (piece.actual.some((a) => work.has(a))) workedMs += length;
    if (piece.scheduled === null) continue;
    scheduledMs += length;
    if (work.has(piece.scheduled)) scheduledWorkMs += length;
  }

  const spans: OutOfAdherenceSpan[] = [];
  let run: OutOfAdherenceSpan | null = null;
  const close = () => {
    if (run && run.end - run.start > thresholdMs) spans.push(run);
    run = null;
  };
  let reachingEnd: OutOfAdherenceSpan | null = null;
  for (const piece of pieces) {
    const adheres = piece.excused || piece.scheduled === null || piece.actual.includes(piece.scheduled);
    if (adheres) {
      close();
      continue;
    }
    if (run === null || run.end !== piece.start) {
      close();
      run = { start: piece.start, end: piece.end, scheduled: [], actual: [] };
    }
    const current: OutOfAdherenceSpan = run;
    current.end = piece.end;
    addDistinct(current.scheduled, [piece.scheduled as string]);
    addDistinct(current.actual, piece.actual);
  }
  const last: OutOfAdherenceSpan | null = run;
  if (last !== null && (last as OutOfAdherenceSpan).end === to)
    reachingEnd = { ...(last as OutOfAdherenceSpan) };
  close();

  const outOfAdherenceMs = spans.reduce((sum, s) => sum + (s.end - s.start), 0);
  return {
    scheduledMs,
    outOfAdherenceMs,
    adherencePct: scheduledMs === 0 ? null : (100 * (scheduledMs - outOfAdherenceMs)) / scheduledMs,
    scheduledWorkMs,
    workedMs,
    conformancePct: scheduledWorkMs === 0 ? null : (100 * workedMs) / scheduledWorkMs,
    spans,
    current: reachingEnd,
  };
}

function addDistinct(into: string[], values: readonly string[]): void {
  for (const v of values) if (!into.includes(v)) into.push(v);
}

/** Cuts [from, to) wherever the schedule or a state changes; each piece has one scheduled and one actual. */
function piecesOf(
  schedule: readonly ScheduledActivity[],
  trace: readonly StateChange[],
  rules: readonly ActivityRule[],
  from: number,
  to: number,
  excused: readonly ExcusedSpan[],
): Piece[] {
  const ordered = [...trace].sort((a, b) => a.at - b.at);
  const cuts = new Set<number>([from, to]);
  for (const s of [...schedule, ...excused])
    for (const t of [s.start, s.end]) if (t > from && t < to) cuts.add(t);
  for (const c of ordered) if (c.at > from && c.at < to) cuts.add(c.at);
  const times = [...cuts].sort((a, b) => a - b);

  const current: Record<Domain, StateChange | undefined> = { voice: undefined, digital: undefined };
  let next = 0;
  const blocks = [...schedule].sort((a, b) => a.start - b.start);
  let block = 0;
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < times.length; i++) {
    const start = times[i] as number;
    const end = times[i + 1] as number;
    for (; next < ordered.length && (ordered[next] as StateChange).at <= start; next++) {
      const change = ordered[next] as StateChange;
      current[change.domain] = change;
    }
    while (block < blocks.length && (blocks[block] as ScheduledActivity).end <= start) block++;
    const b = blocks[block];
    const inBlock = b !== undefined && b.start <= start;
    const scheduled = inBlock ? b.activity : null;
    const judged = inBlock ? (b.channels ?? 'any') : 'any';
    const actual: string[] = [];
    for (const domain of DOMAINS) {
      if (judged !== 'any' && judged !== domain) continue;
      const activity = activityOf(rules, current[domain]);
      if (activity !== null && !actual.includes(activity)) actual.push(activity);
    }
    const isExcused = excused.some((span) => span.start <= start && end <= span.end);
    pieces.push({ start, end, scheduled, actual, excused: isExcused });
  }
  return pieces;
}

function checkInput(
  schedule: readonly ScheduledActivity[],
  trace: readonly StateChange[],
  options: AdherenceOptions,
): void {
  const { from, to, thresholdSeconds } = options;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) {
    throw invalid('from must be a time before to.', { field: 'from' });
  }
  const { min, max } = ADHERENCE_LIMITS.thresholdSeconds;
  if (!Number.isFinite(thresholdSeconds) || thresholdSeconds < min || thresholdSeconds > max) {
    throw invalid(`thresholdSeconds must be from ${min} to ${max}.`, { field: 'thresholdSeconds' });
  }
  const blocks = [...schedule].sort((a, b) => a.start - b.start);
  blocks.forEach((block, i) => {
    if (!Number.isFinite(block.start) || !Number.isFinite(block.end) || block.start >= block.end) {
      throw invalid(`The ${block.activity} activity must start before it ends.`, { field: 'schedule' });
    }
    const previous = blocks[i - 1];
    if (previous && block.start < previous.end) {
      throw invalid(`The ${previous.activity} and ${block.activity} activities overlap.`, {
        field: 'schedule',
      });
    }
  });
  for (const change of trace) {
    if (!Number.isFinite(change.at)) throw invalid('Every state change needs a time.', { field: 'trace' });
  }
}
