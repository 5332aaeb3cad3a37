import { invalid } from '@switchboard/core';
import {
  cheapestWeek,
  completeContracts,
  placeMissingBreaks,
  polishBreaks,
  unmeetableContract,
} from './complete.ts';
import { evaluateSchedule } from './coverage.ts';
import { buildCoverageFormulation, type CoverageFormulation } from './formulation.ts';
import { greedyRoster } from './greedy.ts';
import type { LinearModel } from './linear-model.ts';
import type { Schedule, ScheduleCoverage, ScheduleInstance } from './model.ts';
import { type Problem, prepare } from './prepare.ts';
import { readPlan, realisePlan } from './realise.ts';
import { type SolveOutcome, type Solver, solve } from './solver.ts';
import { toSchedule } from './to-schedule.ts';

export interface OptimiseOptions {
  /** HiGHS, from `loadSolver()`. */
  solver: Solver;
  /** Time HiGHS may spend in all (LP bound, rounding MIP, full MIP). */
  timeLimitSeconds: number;
  /** Stop once the schedule's plan is proven within this fraction of the bound (default 0.005). */
  relativeGap?: number;
  /** Optional limit on branch-and-bound nodes of the full MIP (a budget independent of the machine's speed). */
  maxNodes?: number;
}

export type OptimiseStatus = 'optimal' | 'within_gap' | 'limit_reached' | 'no_plan';

export interface ScheduleResult {
  schedule: Schedule;
  coverage: ScheduleCoverage;
  /** coverage.objective: weighted under- plus over-staffing of the schedule. */
  objective: number;
  /** Optimum of the LP relaxation (null if HiGHS ran out of time before solving it). */
  lpBound: number | null;
  /** Best proven lower bound of the instance: the larger of the LP bound and the full MIP's dual bound (0 without either). */
  bound: number;
  /** (objective − bound) ÷ objective × 100 (0 when the objective is 0). */
  gapPct: number;
  /** The same against the LP bound alone (null without it). */
  lpGapPct: number | null;
  /**
   * optimal: the schedule is proven optimal; within_gap: proven within relativeGap; limit_reached: HiGHS
   * stopped at the time (or node) limit further away; no_plan: HiGHS found no plan in time and the schedule
   * is the greedy one.
   */
  status: OptimiseStatus;
  /** Objective of the coverage plan before it was given to named agents (null when none). */
  planObjective: number | null;
  seconds: { lp: number; rounding: number; mip: number };
  model: { agentTypes: number; columns: number; rows: number };
}

const DEFAULT_RELATIVE_GAP = 0.005;
/** Share of the time left after the LP that the rounding MIP may use. */
const ROUNDING_SHARE = 0.5;
/** Share of the whole time limit kept back from the full MIP: HiGHS can overrun a limit by a few seconds. */
const OVERRUN_RESERVE = 0.1;

const gapPct = (objective: number, bound: number): number =>
  objective <= 0 ? 0 : (Math.max(0, objective - bound) / objective) * 100;

/** Names the first agent whose contract no week can meet (the only way the coverage MIP is infeasible). */
function explainInfeasible(problem: Problem, solver: Solver): never {
  for (const type of problem.types) {
    const a = type.agents[0] ?? 0;
    if (cheapestWeek(problem, a, () => 0, solver) === null) throw unmeetableContract(problem, a);
  }
  throw invalid('No schedule meets every contract.', { field: 'agents' });
}

/** Bounds of the rounding MIP: each agent-type count between the floor and ceiling of its LP value (RENS). */
function roundingBounds(model: LinearModel, typeColumns: number[][], lp: Float64Array) {
  const lower = Float64Array.from(model.lower);
  const upper = Float64Array.from(model.upper);
  for (const columns of typeColumns)
    for (const column of columns) {
      const value = lp[column] ?? 0;
      lower[column] = Math.floor(value + 1e-6);
      upper[column] = Math.ceil(value - 1e-6);
    }
  return { lower, upper };
}

interface Plan {
  values: Float64Array | null;
  objective: number | null;
  lpBound: number | null;
  bound: number;
  seconds: { lp: number; rounding: number; mip: number };
}

/**
 * LP relaxation (the bound), then the MIP restricted to roundings of the LP solution (fast, and usually within
 * a fraction of a percent), then, unless that is proven close enough, the full MIP started from it.
 */
function solvePlan(problem: Problem, formulation: CoverageFormulation, options: OptimiseOptions): Plan {
  const { solver, timeLimitSeconds } = options;
  const relativeGap = options.relativeGap ?? DEFAULT_RELATIVE_GAP;
  const { model } = formulation;
  const lp = solve(solver, model, { timeLimitSeconds, relaxation: true });
  if (lp.status === 'infeasible') explainInfeasible(problem, solver);
  let left = timeLimitSeconds - lp.seconds;
  let best: SolveOutcome | null = null;
  const seconds = { lp: lp.seconds, rounding: 0, mip: 0 };
  if (lp.values !== null && left > 0) {
    const bounds = roundingBounds(model, formulation.typeColumns, lp.values);
    const rounded = solve(solver, model, { timeLimitSeconds: left * ROUNDING_SHARE, relativeGap, bounds });
    seconds.rounding = rounded.seconds;
    left -= rounded.seconds;
    if (rounded.values !== null) best = rounded;
  }
  let bound = lp.bound ?? 0;
  const closeEnough = best?.objective != null && gapPct(best.objective, bound) <= relativeGap * 100;
  left -= timeLimitSeconds * OVERRUN_RESERVE;
  if (!closeEnough && left > 0) {
    const mip = solve(solver, model, {
      timeLimitSeconds: left,
      relativeGap,
      maxNodes: options.maxNodes,
      ...(best?.values ? { start: best.values } : {}),
    });
    if (mip.status === 'infeasible') explainInfeasible(problem, solver);
    seconds.mip = mip.seconds;
    bound = Math.max(bound, mip.bound ?? 0);
    if (mip.values !== null && (best === null || (mip.objective ?? Infinity) <= (best.objective ?? Infinity)))
      best = mip;
  }
  return {
    values: best?.values ?? null,
    objective: best?.objective ?? null,
    lpBound: lp.bound,
    bound,
    seconds,
  };
}

function statusOf(plan: Plan, objective: number, relativeGap: number): OptimiseStatus {
  if (plan.values === null) return 'no_plan';
  if (objective - plan.bound <= 1e-6 * Math.max(1, objective)) return 'optimal';
  return gapPct(objective, plan.bound) <= relativeGap * 100 ? 'within_gap' : 'limit_reached';
}

/**
 * Chooses shifts, breaks and workloads for every agent to minimise weighted under- and over-staffing: a
 * coverage MIP over agent types solved by HiGHS, whose plan is then handed to named agents
 * (docs/wfm/scheduling.md).
 *
 * @example
 * const solver = await loadSolver();
 * const result = optimiseSchedule(instance, { solver, timeLimitSeconds: 30 });
 * result.schedule.shifts; result.objective; result.bound; result.gapPct;
 */
export function optimiseSchedule(instance: ScheduleInstance, options: OptimiseOptions): ScheduleResult {
  const { solver, timeLimitSeconds } = options;
  if (!(timeLimitSeconds > 0))
    throw invalid('timeLimitSeconds must be above 0.', { field: 'timeLimitSeconds' });
  const problem = prepare(instance);
  const formulation = buildCoverageFormulation(problem);
  const plan = solvePlan(problem, formulation, options);
  const roster =
    plan.values === null
      ? greedyRoster(problem)
      : realisePlan(problem, readPlan(problem, formulation, plan.values));
  placeMissingBreaks(roster);
  completeContracts(roster, solver);
  polishBreaks(roster);
  const schedule = toSchedule(roster);
  const coverage = evaluateSchedule(instance, schedule);
  return {
    schedule,
    coverage,
    objective: coverage.objective,
    lpBound: plan.lpBound,
    bound: plan.bound,
    gapPct: gapPct(coverage.objective, plan.bound),
    lpGapPct: plan.lpBound === null ? null : gapPct(coverage.objective, plan.lpBound),
    status: statusOf(plan, coverage.objective, options.relativeGap ?? DEFAULT_RELATIVE_GAP),
    planObjective: plan.objective,
    seconds: plan.seconds,
    model: {
      agentTypes: problem.types.length,
      columns: formulation.model.columns,
      rows: formulation.model.rows,
    },
  };
}
