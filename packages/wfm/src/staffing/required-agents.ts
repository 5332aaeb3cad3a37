import type { AbandonRule } from '@switchboard/core';
/**
 * The fewest agents (servers) that meet a queue's targets. Every measure used is monotone in n — service
 * level rises, ASA, abandonment and occupancy fall — so "meets every target" is false below the answer and
 * true from it on, and the answer is found by search, never by scanning from 1:
 * - Erlang C: from max(⌊A⌋ + 1, ⌈A / max occupancy⌉) upward, one O(1) recursion step per agent (the answer
 *   is typically A + O(√A), so a few dozen steps even at thousands of Erlangs);
 * - Erlang A: galloping out from the Erlang C answer (step 1, 2, 4, …) to bracket the answer, then
 *   bisection, with B(n) from a shared ErlangBTable: a handful of evaluations at any load.
 */

import {
  erlangAAbandonProbability,
  erlangAAsaSeconds,
  erlangAServiceLevel,
  erlangAStageMoments,
  erlangAState,
} from './erlang-a.ts';
import { ErlangBTable, erlangB, erlangCFromBlocking, nextErlangB } from './erlang-c.ts';
import { ceilWhole } from './whole-numbers.ts';

export type StaffingTarget =
  /** At least `fraction` of contacts answered within `withinSeconds` (e.g. 80 % in 20 s). */
  | { kind: 'service_level'; fraction: number; withinSeconds: number }
  /** Mean wait of answered contacts at most `seconds`. */
  | { kind: 'asa'; seconds: number };

/** What a queue must achieve, whatever its load: a workload's targets and caps. */
export interface QueueTargets {
  target: StaffingTarget;
  /** Carried load ÷ agents may not exceed this (default 1). */
  maxOccupancy?: number;
  /** Mean patience: given, the queue is Erlang A; omitted, Erlang C. */
  patienceSeconds?: number;
  /** Erlang A only: abandonment may not exceed this share of arrivals. */
  maxAbandonRate?: number;
  serviceLevelRule?: AbandonRule;
}

export interface QueueRequirement extends QueueTargets {
  /** Offered load A = arrival rate × AHT, in Erlangs. */
  loadErlangs: number;
  ahtSeconds: number;
}

/** The fewest agents that meet the targets, and Erlang B there (so the measures need no second recursion). */
export interface Staffed {
  agents: number;
  blocking: number;
}

/**
 * Slack on each comparison, so that a target met exactly on paper (say 80.0 %) is not missed by the last bit
 * of a floating-point result.
 */
export const TARGET_TOLERANCE = 1e-12;

/** The fewest agents meeting every target of the requirement; 0 when nothing is offered. */
export const requiredAgents = (requirement: QueueRequirement): number =>
  solveQueue(requirement.loadErlangs, requirement.ahtSeconds, requirement).agents;

/** The fewest agents (chat: slots) for one interval's load, with Erlang B there; Erlang A when a patience is set. */
export function solveQueue(load: number, ahtSeconds: number, targets: QueueTargets): Staffed {
  if (load === 0) return { agents: 0, blocking: 1 };
  const erlangC = solveErlangC(load, ahtSeconds, targets);
  if (targets.patienceSeconds === undefined) return erlangC;
  return solveErlangA(load, ahtSeconds, targets, erlangC.agents);
}

function solveErlangC(load: number, ahtSeconds: number, targets: QueueTargets): Staffed {
  const target = targets.target;
  let agents = Math.max(Math.floor(load) + 1, ceilWhole(load / (targets.maxOccupancy ?? 1)));
  let blocking = erlangB(agents, load);
  for (;;) {
    const waiting = erlangCFromBlocking(agents, load, blocking);
    const spare = agents - load;
    const met =
      target.kind === 'service_level'
        ? 1 - waiting * Math.exp((-spare * target.withinSeconds) / ahtSeconds) >=
          target.fraction - TARGET_TOLERANCE
        : (waiting * ahtSeconds) / spare <= target.seconds * (1 + TARGET_TOLERANCE);
    if (met) return { agents, blocking };
    agents += 1;
    blocking = nextErlangB(agents, load, blocking);
  }
}

function solveErlangA(load: number, ahtSeconds: number, targets: QueueTargets, start: number): Staffed {
  const { target } = targets;
  const patienceSeconds = targets.patienceSeconds as number;
  const maxOccupancy = targets.maxOccupancy ?? 1;
  const maxAbandonRate = targets.maxAbandonRate ?? 1;
  const table = new ErlangBTable(load);
  const meets = (agents: number): boolean => {
    if (agents === 0) return false;
    const state = erlangAState({ agents, loadErlangs: load, ahtSeconds, patienceSeconds }, table.at(agents));
    if ((load * (state.noWait + state.servedAfterWaiting)) / agents > maxOccupancy + TARGET_TOLERANCE)
      return false;
    if (target.kind === 'asa' || maxAbandonRate < 1) {
      const moments = erlangAStageMoments(state);
      if (erlangAAbandonProbability(state, moments) > maxAbandonRate + TARGET_TOLERANCE) return false;
      if (target.kind === 'asa') {
        return erlangAAsaSeconds(state, moments, patienceSeconds) <= target.seconds * (1 + TARGET_TOLERANCE);
      }
    }
    const serviceLevel = erlangAServiceLevel(
      state,
      target.withinSeconds,
      patienceSeconds,
      targets.serviceLevelRule,
    );
    return serviceLevel >= target.fraction - TARGET_TOLERANCE;
  };
  const agents = smallestMeeting(start, meets);
  return { agents, blocking: table.at(agents) };
}

/**
 * The smallest n ≥ 1 with meets(n), for a predicate false below the answer and true from it on (meets(0)
 * is taken as false). Gallops from `start` to bracket the answer, then bisects.
 */
export function smallestMeeting(start: number, meets: (n: number) => boolean): number {
  let failing: number;
  let passing: number;
  if (meets(start)) {
    passing = start;
    for (let step = 1; ; step *= 2) {
      const probe = passing - step;
      if (probe <= 0) {
        failing = 0;
        break;
      }
      if (!meets(probe)) {
        failing = probe;
        break;
      }
      passing = probe;
    }
  } else {
    failing = start;
    for (let step = 1; ; step *= 2) {
      const probe = failing + step;
      if (meets(probe)) {
        passing = probe;
        break;
      }
      failing = probe;
    }
  }
  while (passing - failing > 1) {
    const middle = failing + Math.floor((passing - failing) / 2);
    if (meets(middle)) passing = middle;
    else failing = middle;
  }
  return passing;
}
