/**
 * How the cost of one staffing decision grows with the offered load: the engine's `requiredAgents` (Erlang B
 * recursion once, then one step per candidate) against the naive search (the series summed afresh for every
 * candidate), on the same 80/20 target at a few loads. Both must choose the same agents. The naive sum
 * overflows beyond about 700 Erlangs, so it is not run there.
 */

import { requiredAgents, type StaffingTarget } from '../../packages/wfm/src/staffing/index.ts';
import { naiveRequiredAgents } from './naive.ts';
import { round } from './timing.ts';

export const SCALING_LOADS = [1, 10, 100, 500, 4000] as const;
const NAIVE_UP_TO = 700;
const DECISIONS = 400;
const AHT_SECONDS = 300;
const TARGET: StaffingTarget = { kind: 'service_level', fraction: 0.8, withinSeconds: 20 };

export interface ScalingRow {
  load_erlangs: number;
  agents: number;
  engine_us: number;
  /** null where the naive sum overflows. */
  naive_us: number | null;
  speedup: number | null;
}

/** Median µs per decision over a few repetitions of DECISIONS slightly different loads. */
function microsPerDecision(decide: (load: number) => number, base: number): number {
  const times: number[] = [];
  for (let repetition = 0; repetition < 5; repetition++) {
    const started = performance.now();
    for (let i = 0; i < DECISIONS; i++) decide(base * (1 + i * 1e-5));
    times.push(((performance.now() - started) * 1000) / DECISIONS);
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}

export function measureScaling(): ScalingRow[] {
  const engine = (load: number) =>
    requiredAgents({ loadErlangs: load, ahtSeconds: AHT_SECONDS, target: TARGET });
  const naive = (load: number) => naiveRequiredAgents(load, AHT_SECONDS, TARGET, 1);
  return SCALING_LOADS.map((load) => {
    const agents = engine(load);
    const engineUs = microsPerDecision(engine, load);
    if (load > NAIVE_UP_TO)
      return { load_erlangs: load, agents, engine_us: round(engineUs, 3), naive_us: null, speedup: null };
    if (naive(load) !== agents)
      throw new Error(`At ${load} Erlangs the engine chose ${agents} agents, naive ${naive(load)}.`);
    const naiveUs = microsPerDecision(naive, load);
    return {
      load_erlangs: load,
      agents,
      engine_us: round(engineUs, 3),
      naive_us: round(naiveUs, 3),
      speedup: round(naiveUs / engineUs, 1),
    };
  });
}
