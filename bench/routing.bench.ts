/**
 * Routing benchmark: how fast the ACD engine decides, compared in the same run with the straightforward way of
 * deciding: the same engine with its CSQ indexes switched off, scanning every agent for each arriving contact.
 *
 * World (deterministic from SEED): 20 skills, 200 CSQs (80 % chat, 10 % email, 10 % voice; criteria longest
 * available or most skilled), agents with a few skills at random competences so that each serves about five
 * CSQs. Every agent logs in to both domains. Contacts arrive (Poisson, offered load 97 % of the chat sessions,
 * spread over the CSQs in proportion to their membership, less for voice), ring for a few seconds, are
 * accepted, handled, wrapped up and released: a steady state where about 90 % of agents hold a contact and
 * queues fill and drain, so decisions happen both when a contact arrives and when an agent frees capacity.
 * Customers never hang up and agents always answer in time, so no timer moves a contact; the event sequence
 * is a pure function of the seed and the decisions.
 *
 * Method. A decision is one `contact.offered` event. Every engine command the driver issues (create, accept,
 * complete, end wrap-up) is timed on its own with process.hrtime.bigint() around the call and nothing else.
 * - decisions/s = decisions ÷ the summed time of every command in the window (commands that made no offer,
 *   e.g. an arrival that had to queue, still count: they are routing work);
 * - per-decision latency = the time of the command that produced the offer, split evenly among the offers
 *   that command produced (more than one only when a released agent takes several emails at once);
 * - mean µs per decision = 1e6 ÷ decisions/s.
 * Baselines, timed the same way:
 * - scan: Switchboard's own engine with `selection: 'scan'` — same events, state trace and timers, but every
 *   arriving contact examines every agent and every freed agent every contact waiting in their queues. This is
 *   the baseline of the goal: it isolates what the indexes buy.
 * - lean scan: a separate minimal router over typed arrays that only searches (no events, no state trace, no
 *   timers): the cost of the search alone, for reference.
 * All are driven by the same driver with the same seed; each baseline must make exactly the engine's decisions
 * (checked offer by offer; any difference throws), so all see the same event sequence. To keep the run short
 * at 10k agents a baseline reaches the measured window without searching (the engine scan on its indexes, the
 * lean scan by replaying the engine's recorded offers), then searches on its own for a few hundred unmeasured
 * decisions (JIT warm-up, still checked) and for the measured window.
 * Before any timing, all run from scratch on small worlds, each searching on its own, and must agree.
 */

import type { ManualClock } from '../packages/core/src/clock.ts';
import { drive, type Measured, type OfferLog } from './routing/driver.ts';
import { type Figures, figures, printReport, round } from './routing/report.ts';
import { type Contacts, EngineRouter, type Router } from './routing/routers.ts';
import { ScanRouter } from './routing/scan-router.ts';
import { buildWorld, CSQS, LOAD, SEED, SKILLS, SKILLS_PER_AGENT, type World } from './routing/world.ts';

const SIZES = [1_000, 10_000] as const;
/** Decisions before the measured window, per agent (the ramp-up fills every agent's capacity first). */
const WARMUP_PER_AGENT = 6;
const ENGINE_DECISIONS = 200_000;
const SCAN_DECISIONS: Record<number, number> = { 1000: 20_000, 10000: 4_000 };
const LEAN_SCAN_DECISIONS: Record<number, number> = { 1000: 40_000, 10000: 10_000 };
/** Decisions a baseline makes on its own, unmeasured, before its window. */
const BASELINE_SELF_WARMUP = 500;
const CHECK_WORLDS = [
  { agents: 50, decisions: 4_000 },
  { agents: 300, decisions: 6_000 },
];

export const GOALS = {
  decisions_per_s_10k: 20_000,
  p99_us_10k: 1_000,
  speedup_vs_scan_10k: 20,
  cost_growth_1k_to_10k: 2,
} as const;

type MakeRouter = (clock: ManualClock, contacts: Contacts) => Router;
const ROUTERS = {
  engine:
    (world: World): MakeRouter =>
    (clock, contacts) =>
      new EngineRouter(world, clock, contacts),
  scan:
    (world: World): MakeRouter =>
    (clock, contacts) =>
      new EngineRouter(world, clock, contacts, 'scan'),
  leanScan:
    (world: World): MakeRouter =>
    (clock, contacts) =>
      new ScanRouter(world, clock, contacts),
};

/** Every router from scratch on a small world, each searching on its own: they must decide identically. */
function checkAgreement(agents: number, decisions: number): number {
  const world = buildWorld(agents);
  const log: OfferLog = { start: [], pairs: [] };
  const options = { stopAfter: decisions, measureFrom: 0, log };
  const engine = drive(world, ROUTERS.engine(world), { ...options, mode: 'record' });
  for (const name of ['scan', 'leanScan'] as const) {
    const other = drive(world, ROUTERS[name](world), { ...options, mode: 'check' });
    if (engine.contactsOffered !== other.contactsOffered || engine.decisions !== other.decisions) {
      throw new Error(
        `Engine and ${name} disagree on ${agents} agents: engine offered ${engine.contactsOffered} contacts ` +
          `(${engine.decisions} decisions), ${name} ${other.contactsOffered} (${other.decisions}).`,
      );
    }
  }
  return engine.contactsOffered;
}

/** A baseline's measured window: it must make the engine's logged decisions, searching on its own near the end. */
function baselineWindow(
  world: World,
  make: MakeRouter,
  log: OfferLog,
  warmup: number,
  decisions: number,
): Figures {
  const t = performance.now();
  const measured: Measured = drive(world, make, {
    stopAfter: warmup + decisions,
    measureFrom: warmup,
    log,
    mode: 'check',
    replayUntil: warmup - BASELINE_SELF_WARMUP,
  });
  return figures(measured, performance.now() - t);
}

export function run({ json }: { json: boolean }): void {
  const started = performance.now();
  const checked = CHECK_WORLDS.map((w) => ({
    agents: w.agents,
    contacts_offered: checkAgreement(w.agents, w.decisions),
  }));

  const results: Record<string, Figures> = {};
  const baseline: Record<string, Figures> = {};
  const lean: Record<string, Figures> = {};
  const sameWindow: Record<string, { decisions: number; decisions_per_s: number }> = {};
  const worlds: Record<
    string,
    { mean_csqs_per_agent: number; csqs_without_members: number; warmup_decisions: number }
  > = {};
  for (const agents of SIZES) {
    const key = `${agents / 1_000}k`;
    const world = buildWorld(agents);
    const warmup = WARMUP_PER_AGENT * agents;
    worlds[key] = {
      mean_csqs_per_agent: round(world.meanCsqsPerAgent),
      csqs_without_members: world.csqsWithoutMembers,
      warmup_decisions: warmup,
    };
    const log: OfferLog = { start: [], pairs: [] };
    const t = performance.now();
    const engine = drive(world, ROUTERS.engine(world), {
      stopAfter: warmup + ENGINE_DECISIONS,
      measureFrom: warmup,
      log,
      mode: 'record',
      firstWindow: SCAN_DECISIONS[agents]!,
    });
    results[key] = figures(engine, performance.now() - t);
    sameWindow[key] = {
      decisions: engine.firstWindow.decisions,
      decisions_per_s: Math.round(engine.firstWindow.decisions / (engine.firstWindow.ns / 1e9)),
    };
    baseline[key] = baselineWindow(world, ROUTERS.scan(world), log, warmup, SCAN_DECISIONS[agents]!);
    lean[key] = baselineWindow(world, ROUTERS.leanScan(world), log, warmup, LEAN_SCAN_DECISIONS[agents]!);
  }

  const e1 = results['1k']!;
  const e10 = results['10k']!;
  const b1 = baseline['1k']!;
  const b10 = baseline['10k']!;
  const l1 = lean['1k']!;
  const l10 = lean['10k']!;
  const ratio = {
    speedup_vs_scan_1k: round(e1.decisions_per_s / b1.decisions_per_s),
    speedup_vs_scan_10k: round(e10.decisions_per_s / b10.decisions_per_s),
    speedup_vs_scan_10k_same_window: round(sameWindow['10k']!.decisions_per_s / b10.decisions_per_s),
    p99_scan_over_engine_10k: round(b10.p99_us / e10.p99_us),
    speedup_vs_lean_scan_1k: round(e1.decisions_per_s / l1.decisions_per_s),
    speedup_vs_lean_scan_10k: round(e10.decisions_per_s / l10.decisions_per_s),
    cost_growth_1k_to_10k: round(e10.mean_us / e1.mean_us),
    baseline_cost_growth_1k_to_10k: round(b10.mean_us / b1.mean_us),
    lean_scan_cost_growth_1k_to_10k: round(l10.mean_us / l1.mean_us),
  };
  const met = (ok: boolean): number => (ok ? 1 : 0);
  const summary = {
    decisions_per_s_10k: e10.decisions_per_s,
    p50_us_10k: e10.p50_us,
    p99_us_10k: e10.p99_us,
    speedup_vs_scan_10k: ratio.speedup_vs_scan_10k,
    cost_growth_1k_to_10k: ratio.cost_growth_1k_to_10k,
    decisions_per_s_1k: e1.decisions_per_s,
    p50_us_1k: e1.p50_us,
    p99_us_1k: e1.p99_us,
    mean_us_1k: e1.mean_us,
    mean_us_10k: e10.mean_us,
    baseline_decisions_per_s_10k: b10.decisions_per_s,
    baseline_p50_us_10k: b10.p50_us,
    baseline_p99_us_10k: b10.p99_us,
    lean_scan_decisions_per_s_10k: l10.decisions_per_s,
    speedup_vs_lean_scan_10k: ratio.speedup_vs_lean_scan_10k,
    goal_decisions_per_s_10k: GOALS.decisions_per_s_10k,
    goal_p99_us_10k: GOALS.p99_us_10k,
    goal_speedup_vs_scan_10k: GOALS.speedup_vs_scan_10k,
    goal_cost_growth_1k_to_10k: GOALS.cost_growth_1k_to_10k,
    met_decisions_per_s_10k: met(e10.decisions_per_s >= GOALS.decisions_per_s_10k),
    met_p99_us_10k: met(e10.p99_us <= GOALS.p99_us_10k),
    met_speedup_vs_scan_10k: met(ratio.speedup_vs_scan_10k >= GOALS.speedup_vs_scan_10k),
    met_cost_growth_1k_to_10k: met(ratio.cost_growth_1k_to_10k <= GOALS.cost_growth_1k_to_10k),
    met_all: 0,
    run_seconds: 0,
  };
  summary.met_all = met(
    summary.met_decisions_per_s_10k +
      summary.met_p99_us_10k +
      summary.met_speedup_vs_scan_10k +
      summary.met_cost_growth_1k_to_10k ===
      4,
  );
  summary.run_seconds = round((performance.now() - started) / 1_000, 1);

  const params = {
    seed: SEED,
    skills: SKILLS,
    csqs: CSQS,
    csq_channels: { chat: 0.8, email: 0.1, voice: 0.1 },
    criteria: ['longest_available', 'most_skilled'],
    skills_per_agent: SKILLS_PER_AGENT,
    offered_load_vs_chat_sessions: LOAD,
    agents: [...SIZES],
    worlds,
    engine_measured_decisions: ENGINE_DECISIONS,
    baseline_measured_decisions: SCAN_DECISIONS,
    lean_scan_measured_decisions: LEAN_SCAN_DECISIONS,
    baseline_self_warmup_decisions: BASELINE_SELF_WARMUP,
    agreement_checked_on: checked,
    baseline:
      "the same engine with selection 'scan' (every agent examined per arriving contact); lean scan: a " +
      'search-only router over typed arrays, for reference',
    method:
      'decision = contact.offered; each command timed alone with process.hrtime.bigint; decisions/s = decisions ÷ summed ' +
      'time of all commands in the window; latency = command time split over the offers it produced; each baseline ' +
      'makes exactly the engine’s decisions (checked offer by offer).',
  };

  printReport({ sizes: SIZES, checked, results, baseline, lean, sameWindow, ratio, summary, goals: GOALS });
  if (json)
    console.log(JSON.stringify({ bench: 'routing', params, results, baseline, lean, ratio, summary }));
}
