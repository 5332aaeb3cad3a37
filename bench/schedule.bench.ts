/**
 * Schedule benchmark: how close the optimiser (packages/wfm/src/schedule) gets to the LP bound of a realistic
 * week, and how fast, compared in the same run with the greedy baseline on the same instance.
 *
 * Instances (deterministic from SEED, bench/schedule/instance.ts): 100, 300 and 1,000 agents, one week of
 * 15-minute intervals, voice and chat with a double-peak weekday curve and lighter weekends, full-time 8.5-h
 * shifts (lunch and two breaks) and part-time 4- or 6-h shifts, contracts with hours, days off, start windows,
 * availability and time off; the requirement is scaled to 97 % of the agents' time on duty.
 *
 * Method. Each size is solved by `optimiseSchedule` with a time limit, and by `greedySchedule`. Every schedule
 * is checked with `checkSchedule` (any violation throws) and scored with `evaluateSchedule`. The gap of both is
 * measured against the same LP bound: (objective − LP bound) ÷ objective, a conservative figure (the optimiser
 * also reports the full MIP's dual bound when it runs). Seconds are wall-clock time of each call.
 */
import {
  checkSchedule,
  evaluateSchedule,
  greedySchedule,
  loadSolver,
  optimiseSchedule,
  type Schedule,
  type ScheduleInstance,
} from '../packages/wfm/src/schedule/index.ts';
import { buildInstance, LOAD, SEED, TEMPLATES } from './schedule/instance.ts';
import { type Figures, type OptimiserFigures, printReport, round } from './schedule/report.ts';

const SIZES = [100, 300, 1_000] as const;
const TIME_LIMIT_SECONDS: Record<number, number> = { 100: 30, 300: 60, 1000: 60 };

export const GOALS = { gap_pct_300: 2, seconds_300: 60 } as const;

function measure(instance: ScheduleInstance, schedule: Schedule, lpBound: number, seconds: number): Figures {
  const violations = checkSchedule(instance, schedule);
  if (violations.length > 0)
    throw new Error(`Invalid schedule: ${violations.length} violations, e.g. ${violations[0]?.message}`);
  const coverage = evaluateSchedule(instance, schedule);
  return {
    objective: coverage.objective,
    under_agent_hours: coverage.under / 4,
    over_agent_hours: coverage.over / 4,
    gap_pct: round(coverage.objective <= 0 ? 0 : ((coverage.objective - lpBound) / coverage.objective) * 100),
    seconds: round(seconds, 1),
    shifts: schedule.shifts.length,
  };
}

export async function run({ json }: { json: boolean }): Promise<void> {
  const started = performance.now();
  const solver = await loadSolver();
  const results: Record<string, OptimiserFigures> = {};
  const baseline: Record<string, Figures> = {};
  for (const agents of SIZES) {
    const instance = buildInstance(agents);
    let t = performance.now();
    const result = optimiseSchedule(instance, { solver, timeLimitSeconds: TIME_LIMIT_SECONDS[agents] ?? 60 });
    const seconds = (performance.now() - t) / 1_000;
    const lpBound = result.lpBound ?? 0;
    results[String(agents)] = {
      ...measure(instance, result.schedule, lpBound, seconds),
      lp_bound: round(lpBound),
      bound: round(result.bound),
      bound_gap_pct: round(result.gapPct),
      plan_objective: result.planObjective === null ? null : round(result.planObjective),
      status: result.status,
      agent_types: result.model.agentTypes,
      mip_columns: result.model.columns,
      mip_rows: result.model.rows,
      stage_seconds: {
        lp: round(result.seconds.lp, 1),
        rounding: round(result.seconds.rounding, 1),
        mip: round(result.seconds.mip, 1),
      },
    };
    t = performance.now();
    const greedy = greedySchedule(instance, { solver });
    baseline[String(agents)] = measure(instance, greedy.schedule, lpBound, (performance.now() - t) / 1_000);
  }

  const at = (n: number) => results[String(n)]!;
  const greedyAt = (n: number) => baseline[String(n)]!;
  const ratio = Object.fromEntries(
    SIZES.map((n) => [
      `greedy_over_optimiser_objective_${n}`,
      round(greedyAt(n).objective / at(n).objective),
    ]),
  );
  const met = (ok: boolean): number => (ok ? 1 : 0);
  const summary = {
    gap_pct_300: at(300).gap_pct,
    seconds_300: at(300).seconds,
    gap_pct_1000: at(1000).gap_pct,
    seconds_1000: at(1000).seconds,
    greedy_gap_pct_300: greedyAt(300).gap_pct,
    gap_pct_100: at(100).gap_pct,
    seconds_100: at(100).seconds,
    greedy_gap_pct_100: greedyAt(100).gap_pct,
    greedy_gap_pct_1000: greedyAt(1000).gap_pct,
    bound_gap_pct_300: at(300).bound_gap_pct,
    objective_300: at(300).objective,
    lp_bound_300: at(300).lp_bound,
    greedy_objective_300: greedyAt(300).objective,
    goal_gap_pct_300: GOALS.gap_pct_300,
    goal_seconds_300: GOALS.seconds_300,
    met_gap_pct_300: met(at(300).gap_pct <= GOALS.gap_pct_300),
    met_seconds_300: met(at(300).seconds <= GOALS.seconds_300),
    met_all: 0,
    run_seconds: 0,
  };
  summary.met_all = met(summary.met_gap_pct_300 + summary.met_seconds_300 === 2);
  summary.run_seconds = round((performance.now() - started) / 1_000, 1);

  const example = buildInstance(300);
  const params = {
    seed: SEED,
    agents: [...SIZES],
    horizon: '7 days × 96 intervals of 15 min',
    workloads: example.workloads.map((w) => w.id),
    templates: TEMPLATES.map((t) => ({
      id: t.id,
      minutes: t.lengthMinutes,
      breaks: t.breaks.map(
        (b) => `${b.name} ${b.durationMinutes} min at ${b.earliestStartMinutes}–${b.latestStartMinutes}`,
      ),
    })),
    contracts: 'full-time 40 h (5 × 8 paid h), part-time 20–30 h; 2 days off; start windows; 11 h rest',
    requirement_vs_on_duty_time: LOAD,
    weights: example.weights,
    time_limit_seconds: TIME_LIMIT_SECONDS,
    relative_gap: 0.005,
    gap: '(objective − LP bound) ÷ objective × 100, the same LP bound for optimiser and greedy',
    baseline:
      'greedy: cheapest shift first for contracts short of minimum hours, then while a shift lowers the objective',
  };

  printReport({
    sizes: SIZES,
    results,
    baseline,
    header:
      `Schedule benchmark: seed ${SEED}, one week of 15-min intervals, voice + chat, weights under ` +
      `${example.weights?.under} / over ${example.weights?.over}. Every schedule passed checkSchedule. ` +
      'Gap % = (objective − LP bound) ÷ objective.',
    footer: [
      `Optimiser stages (LP / rounding MIP / full MIP, s): ${SIZES.map((n) => `${n}: ${at(n).stage_seconds.lp} / ${at(n).stage_seconds.rounding} / ${at(n).stage_seconds.mip}`).join('; ')}.`,
      `Model: ${SIZES.map((n) => `${n} agents → ${at(n).agent_types} agent types, ${at(n).mip_columns} columns, ${at(n).mip_rows} rows`).join('; ')}.`,
      `Greedy ÷ optimiser objective: ${SIZES.map((n) => `${n}: ${ratio[`greedy_over_optimiser_objective_${n}`]}×`).join(', ')}.`,
      `Goal at 300 agents: gap ≤ ${GOALS.gap_pct_300} % ${summary.met_gap_pct_300 ? 'met' : 'NOT met'}; ` +
        `≤ ${GOALS.seconds_300} s ${summary.met_seconds_300 ? 'met' : 'NOT met'}. Run time ${summary.run_seconds} s.`,
    ],
  });
  if (json) console.log(JSON.stringify({ bench: 'schedule', params, results, baseline, ratio, summary }));
}
