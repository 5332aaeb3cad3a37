/**
 * Erlang staffing benchmark: how long `staffIntervals` takes to staff a week of 15-minute intervals (672) for
 * 100 workloads — voice on Erlang C and Erlang A, chat with concurrency, email as deferred work (see
 * bench/erlang/mix.ts) — compared in the same run with a straightforward implementation (bench/erlang/naive.ts:
 * Erlang C by summing the series afresh for every candidate n, searching n = 1, 2, …).
 *
 * Method. Each run is one whole call (validation included), timed with performance.now() on a freshly
 * collected heap. The first call in the process is reported on its own (cold JIT); then, after warm-up, the
 * engine and the baseline are timed in interleaved rounds, so that a busy machine slows both alike, and each
 * figure is the median of its runs. The goal is on the engine's warm median for the full mix.
 * The naive baseline has no Erlang A, so the like-for-like ratio is taken on the workloads both staff the same
 * way (Erlang C voice and chat, and email), where both must choose exactly the same agents in every interval
 * (checked; any difference throws). The baseline is also timed on the full mix, staffing Erlang A workloads as
 * Erlang C. Most intervals of a realistic week carry a few Erlangs (nights, small queues), where a search costs
 * tens of nanoseconds either way; the scaling table shows how one decision's cost grows with the load.
 */

import { staffIntervals } from '../packages/wfm/src/staffing/index.ts';
import type { StaffingRequest } from '../packages/wfm/src/staffing/types.ts';
import { buildRequest, INTERVAL_MINUTES, INTERVALS, MIX, SEED } from './erlang/mix.ts';
import { naiveStaffIntervals } from './erlang/naive.ts';
import { printReport } from './erlang/report.ts';
import { measureScaling } from './erlang/scaling.ts';
import { round, summarize, type Timing, timeOnce, timeRuns } from './erlang/timing.ts';

export const GOALS = { ms_672x100: 200 } as const;
const ROUNDS = 9;
const NAIVE_FULL_EVERY = 3;

const subset = (request: StaffingRequest, keep: (id: string) => boolean): StaffingRequest => ({
  ...request,
  workloads: request.workloads.filter((w) => keep(w.id)),
});

/** Engine and baseline must staff alike every interval the baseline models the same way. */
function checkAgreement(request: StaffingRequest) {
  const engine = staffIntervals(request).workloads;
  const naive = naiveStaffIntervals(request);
  let intervals = 0;
  let erlangAIntervals = 0;
  let agentsSaved = 0;
  engine.forEach((workload, w) => {
    workload.intervals.forEach((interval, i) => {
      const other = naive[w]?.intervals[i];
      if (workload.model === 'erlang_a') {
        erlangAIntervals += 1;
        agentsSaved += (other?.agents ?? 0) - interval.agents;
        return;
      }
      intervals += 1;
      if (other?.agents !== interval.agents)
        throw new Error(
          `${workload.id}, interval ${i}: engine ${interval.agents} agents, naive ${other?.agents}.`,
        );
    });
  });
  return { intervals, erlangAIntervals, agentsSaved };
}

export function run({ json }: { json: boolean }): void {
  const started = performance.now();
  const request = buildRequest();
  const count = (r: StaffingRequest) => r.workloads.length * INTERVALS;
  const coldMs = timeOnce(() => staffIntervals(request));
  const agreement = checkAgreement(request);

  const erlangA = new Set(
    request.workloads
      .filter((w) => w.channel !== 'email' && w.patienceSeconds !== undefined)
      .map((w) => w.id),
  );
  const likeForLike = subset(request, (id) => !erlangA.has(id));
  const families: Record<string, StaffingRequest> = {
    voice_erlang_c: subset(request, (id) => id.startsWith('voice-c')),
    voice_erlang_a: subset(request, (id) => id.startsWith('voice-a')),
    chat: subset(request, (id) => id.startsWith('chat')),
    email: subset(request, (id) => id.startsWith('email')),
  };

  for (let i = 0; i < 3; i++) {
    staffIntervals(request);
    naiveStaffIntervals(request);
  }
  const times = {
    full: [] as number[],
    subset: [] as number[],
    naiveSubset: [] as number[],
    naiveFull: [] as number[],
  };
  for (let round = 0; round < ROUNDS; round++) {
    times.full.push(timeOnce(() => staffIntervals(request)));
    times.subset.push(timeOnce(() => staffIntervals(likeForLike)));
    times.naiveSubset.push(timeOnce(() => naiveStaffIntervals(likeForLike)));
    if (round % NAIVE_FULL_EVERY === 0) times.naiveFull.push(timeOnce(() => naiveStaffIntervals(request)));
  }
  const full = summarize(times.full, count(request));
  const engineSubset = summarize(times.subset, count(likeForLike));
  const baselineSubset = summarize(times.naiveSubset, count(likeForLike));
  const baselineFull = summarize(times.naiveFull, count(request));
  const byModel: Record<string, Timing> = {};
  for (const [name, part] of Object.entries(families))
    byModel[name] = timeRuns(() => staffIntervals(part), 5, count(part));
  const scaling = measureScaling();
  const at = (load: number) => scaling.find((row) => row.load_erlangs === load);

  const ratio = {
    speedup_vs_naive_erlang_c: round(baselineSubset.ms_median / engineSubset.ms_median),
    speedup_vs_naive_full_mix: round(baselineFull.ms_median / full.ms_median),
    speedup_vs_naive_at_100_erlangs: at(100)?.speedup ?? 0,
    speedup_vs_naive_at_500_erlangs: at(500)?.speedup ?? 0,
  };
  const met = (ok: boolean): number => (ok ? 1 : 0);
  const summary = {
    ms_672x100: full.ms_median,
    goal_ms_672x100: GOALS.ms_672x100,
    met_ms_672x100: met(full.ms_median < GOALS.ms_672x100),
    met_all: met(full.ms_median < GOALS.ms_672x100),
    cold_ms_672x100: round(coldMs),
    min_ms_672x100: full.ms_min,
    us_per_interval: full.us_per_interval,
    erlang_c_subset_ms: engineSubset.ms_median,
    baseline_erlang_c_subset_ms: baselineSubset.ms_median,
    baseline_full_mix_ms: baselineFull.ms_median,
    ...ratio,
    engine_us_per_decision_at_4000_erlangs: at(4000)?.engine_us ?? 0,
    intervals_staffed: count(request),
    intervals_checked_equal: agreement.intervals,
    erlang_a_intervals: agreement.erlangAIntervals,
    erlang_a_agents_saved: agreement.agentsSaved,
    run_seconds: 0,
  };
  summary.run_seconds = round((performance.now() - started) / 1000, 1);

  printReport({
    rows: [
      { run: 'engine, full mix', workloads: request.workloads.length, timing: full },
      ...Object.entries(byModel).map(([name, timing]) => ({
        run: `  engine, ${name.replaceAll('_', ' ')}`,
        workloads: families[name]?.workloads.length ?? 0,
        timing,
      })),
      { run: 'engine, Erlang C + email', workloads: likeForLike.workloads.length, timing: engineSubset },
      { run: 'naive, Erlang C + email', workloads: likeForLike.workloads.length, timing: baselineSubset },
      { run: 'naive, full mix (A as C)', workloads: request.workloads.length, timing: baselineFull },
    ],
    scaling,
    coldMs,
    lines: [
      `Engine and naive chose the same agents in all ${agreement.intervals} Erlang C and email intervals; on the ` +
        `${agreement.erlangAIntervals} Erlang A intervals the engine staffs ${agreement.agentsSaved} agent-intervals ` +
        'fewer than Erlang C would.',
      `Speedup engine ÷ naive: ${ratio.speedup_vs_naive_erlang_c}× like for like on the mix (Erlang C + email), ` +
        `${ratio.speedup_vs_naive_full_mix}× on the full mix (engine exact Erlang A, naive Erlang C); per decision ` +
        `${ratio.speedup_vs_naive_at_100_erlangs}× at 100 Erlangs, ${ratio.speedup_vs_naive_at_500_erlangs}× at 500.`,
      `Goal: 672 × 100 in < ${GOALS.ms_672x100} ms (warm median): ${full.ms_median} ms, ` +
        `${summary.met_ms_672x100 ? 'met' : 'NOT met'}. Run time ${summary.run_seconds} s.`,
    ],
  });

  const params = {
    seed: SEED,
    interval_minutes: INTERVAL_MINUTES,
    intervals: INTERVALS,
    workloads: request.workloads.length,
    mix: MIX,
    rounds: ROUNDS,
    baseline:
      'naive Erlang C: series Σ A^k/k! summed afresh per candidate n, linear search from n = 1; no Erlang A ' +
      '(those workloads staffed as Erlang C); chat slots and email as the engine',
    method:
      'whole staffIntervals calls timed with performance.now() after gc; first call reported as cold; engine and ' +
      'baseline timed in interleaved rounds, medians reported; agents compared interval by interval where both ' +
      'model the same; scaling: µs per requiredAgents decision (80/20, AHT 300 s), median of 5 × 400',
  };
  if (json) {
    const results = {
      full_mix: full,
      erlang_c_subset: engineSubset,
      by_model: byModel,
      scaling,
      cold_ms: round(coldMs),
    };
    const baseline = { erlang_c_subset: baselineSubset, full_mix: baselineFull };
    console.log(JSON.stringify({ bench: 'erlang', params, results, baseline, ratio, summary }));
  }
}
