import * as highsModule from 'highs';
import type { LinearModel } from './linear-model.ts';

/** The loaded HiGHS WebAssembly runtime. Load it once with `loadSolver()` and pass it to the optimiser. */
export type Solver = highsModule.Highs;

type Loader = typeof highsModule.default.default;
// highs' declarations describe its CommonJS build, where the loader is `exports.default`; Node loads its ES
// module build, whose default export is the loader itself.
const loadHighs = highsModule.default as unknown as Loader;

/** Loads HiGHS (asynchronous: it compiles the WebAssembly module). */
export const loadSolver = (): Promise<Solver> => loadHighs();

export const RANDOM_SEED = 20_240_601;

export interface SolveOutcome {
  /** 'optimal', 'time_limit', 'infeasible' or another HiGHS model status, in words. */
  status: string;
  /** Objective of the solution found, null when none was. */
  objective: number | null;
  /** Proven lower bound (LP: the optimum; MIP: HiGHS's dual bound). */
  bound: number | null;
  values: Float64Array | null;
  seconds: number;
}

const STATUS_WORDS: Record<number, string> = {
  7: 'optimal',
  8: 'infeasible',
  13: 'time_limit',
  14: 'iteration_limit',
  16: 'solution_limit',
  17: 'interrupted',
};

export interface SolveSettings {
  timeLimitSeconds: number;
  /** Solve the LP relaxation (interior point, then crossover to an exact vertex) instead of the MIP. */
  relaxation?: boolean;
  relativeGap?: number;
  maxNodes?: number;
  /** Column bounds to use instead of the model's (same length). */
  bounds?: { lower: Float64Array; upper: Float64Array };
  /** A feasible solution to start the MIP from. */
  start?: Float64Array;
}

/**
 * Solves a minimisation model with fixed options so that the same model gives the same answer (one thread:
 * the WebAssembly build has no others; fixed random seed). Under a time limit the answer can still depend on
 * how far HiGHS got; see docs/wfm/scheduling.md, "Determinism".
 */
export function solve(solver: Solver, model: LinearModel, settings: SolveSettings): SolveOutcome {
  const relaxation = settings.relaxation ?? false;
  const data = model.toModelData(!relaxation);
  const highs = solver.createModel(
    settings.bounds === undefined
      ? data
      : { ...data, colLower: settings.bounds.lower, colUpper: settings.bounds.upper },
  );
  try {
    highs.options.set({
      output_flag: false,
      random_seed: RANDOM_SEED,
      time_limit: Math.max(0.1, settings.timeLimitSeconds),
      ...(relaxation
        ? { solver: 'ipm', run_crossover: 'on' }
        : {
            // The root LP of this model solves about ten times faster by interior point than by simplex.
            mip_lp_solver: 'ipm',
            mip_rel_gap: settings.relativeGap ?? 0.002,
            ...(settings.maxNodes === undefined ? {} : { mip_max_nodes: settings.maxNodes }),
          }),
    });
    if (settings.start !== undefined) highs.setSolution({ colValue: settings.start });
    highs.run();
    const code = highs.getModelStatus();
    const status = STATUS_WORDS[code] ?? `highs_status_${code}`;
    const hasSolution = Number(highs.info.get('primal_solution_status')) === 2;
    const objective = hasSolution ? highs.getObjectiveValue() : null;
    const bound = relaxation
      ? status === 'optimal'
        ? objective
        : null
      : status === 'infeasible'
        ? null
        : Number(highs.info.get('mip_dual_bound'));
    return {
      status,
      objective,
      bound: bound !== null && Number.isFinite(bound) ? bound : null,
      values: hasSolution ? highs.getSolution().colValue : null,
      seconds: highs.getRunTime(),
    };
  } finally {
    highs.dispose();
  }
}
