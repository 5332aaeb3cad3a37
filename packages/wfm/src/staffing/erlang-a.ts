/**
 * Erlang A (M/M/n+M): Erlang C's queue where each waiting caller also hangs up after an exponential patience
 * of mean θ⁻¹ seconds (Garnett, Mandelbaum & Reiman 2002; Mandelbaum & Zeltyn, "The M/M/n+G queue: summary
 * of performance measures"). Exact, from the stationary birth–death distribution; docs/wfm/staffing.md
 * derives every formula below.
 *
 * Notation: r = patience ÷ AHT, x = n·r, y = A·r, a = x + 1, B = Erlang B at n, and
 *   G = Σ_{m≥1} y^m / ((x + 1)…(x + m)) = e^y y^(−x) Γ(x + 1) P(x + 1, y) = P(x + 1, y) / p(x; y),
 * p(x; y) = y^x e^(−y) / Γ(x + 1) being the Poisson probability of x at mean y,
 * so that with k callers waiting the state probability is π_(n+k) = π_n·y^k / ((x + 1)…(x + k)) and
 *   π_n = B / (1 + B·G),   P(wait) = π_n (1 + G),   P(served after waiting) = (n/A)·π_n·G,
 *   P(abandon) = θ·E[Q] / λ (= P(wait) − P(served after waiting), computed without that subtraction).
 */

import { type AbandonRule, abandonRuleNamed, DEFAULT_ABANDON_RULE } from '@switchboard/core';
import { erlangB, idleMeasures } from './erlang-c.ts';
import {
  logPoissonTerm,
  logRegularizedLowerGamma,
  logRegularizedLowerGammaRatio,
  lowerGammaSeries,
} from './incomplete-gamma.ts';
import type { QueueMeasures } from './measures.ts';
import { type StageMoments, stageMoments } from './waiting-stages.ts';

export interface ErlangAInput {
  agents: number;
  /** Offered load A = arrival rate × AHT, in Erlangs. */
  loadErlangs: number;
  ahtSeconds: number;
  /** Mean time a caller is willing to wait before hanging up. */
  patienceSeconds: number;
  answerWithinSeconds: number;
  serviceLevelRule?: AbandonRule;
}

/** The probabilities every Erlang A measure at one n is built from (load > 0, n ≥ 1). */
export interface ErlangAState {
  x: number;
  y: number;
  /** S(x + 1, y) when y < x + 2 (the series range), else 0. */
  seriesAtY: number;
  /** π_n·G: the probability that someone is waiting. */
  someoneWaiting: number;
  waitProbability: number;
  /** 1 − P(wait): answered on arrival. */
  noWait: number;
  servedAfterWaiting: number;
}

/** ln(1 + e^u) without overflow. */
const softplus = (u: number): number => (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));

/** The probabilities at n ≥ 1 agents and load > 0, given B(n). */
export function erlangAState(
  input: Pick<ErlangAInput, 'agents' | 'loadErlangs' | 'ahtSeconds' | 'patienceSeconds'>,
  blocking: number,
): ErlangAState {
  const ratio = input.patienceSeconds / input.ahtSeconds;
  const x = input.agents * ratio;
  const y = input.loadErlangs * ratio;
  const a = x + 1;
  const seriesAtY = y < a + 1 ? lowerGammaSeries(a, y) : 0;
  const logG =
    y < a + 1 ? Math.log((y / a) * seriesAtY) : logRegularizedLowerGamma(a, y) - logPoissonTerm(x, y);
  const logBlocking = Math.log(blocking);
  const logNormalizer = softplus(logBlocking + logG); // ln(1 + B·G)
  const piN = Math.exp(logBlocking - logNormalizer);
  const someoneWaiting = Math.exp(logBlocking - logNormalizer + logG);
  return {
    x,
    y,
    seriesAtY,
    someoneWaiting,
    waitProbability: Math.min(1, piN + someoneWaiting),
    noWait: (1 - blocking) * Math.exp(-logNormalizer),
    servedAfterWaiting: (x / y) * someoneWaiting,
  };
}

/** The service level of an Erlang A state, by abandon rule (a former name is read as its rule). */
export function erlangAServiceLevel(
  state: ErlangAState,
  answerWithinSeconds: number,
  patienceSeconds: number,
  abandonRule: AbandonRule = DEFAULT_ABANDON_RULE,
): number {
  const rule = abandonRuleNamed(abandonRule) ?? DEFAULT_ABANDON_RULE;
  const { x, y, seriesAtY, noWait, servedAfterWaiting } = state;
  const logShrink = -answerWithinSeconds / patienceSeconds;
  if (rule === 'counted_for') {
    // Neither answered nor abandoned by t means still waiting at t: P(V > t)·P(patience > t).
    const logStillWaiting =
      Math.log(state.waitProbability) + logRegularizedLowerGammaRatio(x, y, logShrink) + logShrink;
    return clampUnit(-Math.expm1(logStillWaiting));
  }
  const a = x + 1;
  let logRatio = 0;
  if (logShrink !== 0) {
    logRatio =
      y < a + 1
        ? a * logShrink -
          y * Math.expm1(logShrink) +
          Math.log(lowerGammaSeries(a, y * Math.exp(logShrink)) / seriesAtY)
        : logRegularizedLowerGammaRatio(a, y, logShrink);
  }
  const servedWithin = noWait + servedAfterWaiting * -Math.expm1(logRatio);
  return clampUnit(rule === 'ignored' ? servedWithin / (noWait + servedAfterWaiting) : servedWithin);
}

export const erlangAStageMoments = (state: ErlangAState): StageMoments => stageMoments(state.x + 1, state.y);

/** P(abandon) = θ·E[Q] / λ = π_n·G·E[Q | Q ≥ 1] / y. */
export const erlangAAbandonProbability = (state: ErlangAState, moments: StageMoments): number =>
  Math.min(state.waitProbability, (state.someoneWaiting * moments.meanLength) / state.y);

/** ASA of answered contacts: E[W · 1{served}] ÷ P(served), immediate answers included. */
export function erlangAAsaSeconds(
  state: ErlangAState,
  moments: StageMoments,
  patienceSeconds: number,
): number {
  const { noWait, servedAfterWaiting } = state;
  if (servedAfterWaiting === 0) return 0;
  return (servedAfterWaiting * patienceSeconds * moments.meanStages) / (noWait + servedAfterWaiting);
}

const clampUnit = (p: number): number => Math.min(1, Math.max(0, p));

/** Erlang A measures at n agents, given B(n) (see ErlangBTable); `erlangAMeasures` computes B itself. */
export function erlangAMeasuresFromBlocking(input: ErlangAInput, blocking: number): QueueMeasures {
  const { agents, loadErlangs: load, patienceSeconds, answerWithinSeconds } = input;
  const rule = abandonRuleNamed(input.serviceLevelRule) ?? DEFAULT_ABANDON_RULE;
  if (load === 0) return idleMeasures();
  if (agents === 0) {
    const abandonedWithin = -Math.expm1(-answerWithinSeconds / patienceSeconds);
    return {
      waitProbability: 1,
      serviceLevel: rule === 'counted_for' ? abandonedWithin : 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      meanWaitSeconds: patienceSeconds,
      abandonProbability: 1,
      occupancy: 0,
    };
  }
  const state = erlangAState(input, blocking);
  const moments = erlangAStageMoments(state);
  const abandonProbability = erlangAAbandonProbability(state, moments);
  return {
    waitProbability: state.waitProbability,
    serviceLevel: erlangAServiceLevel(state, answerWithinSeconds, patienceSeconds, rule),
    asaSeconds: erlangAAsaSeconds(state, moments, patienceSeconds),
    // Little's law on the queue: E[W] = E[Q] / λ = P(abandon) / θ.
    meanWaitSeconds: patienceSeconds * abandonProbability,
    abandonProbability,
    occupancy: Math.min(1, (load * (state.noWait + state.servedAfterWaiting)) / agents),
  };
}

export const erlangAMeasures = (input: ErlangAInput): QueueMeasures =>
  erlangAMeasuresFromBlocking(input, erlangB(input.agents, input.loadErlangs));
