import type { Measured } from './driver.ts';
import { CSQS, LOAD, SEED, SKILLS } from './world.ts';

// ---------------------------------------------------------------------------------------------------------
// Figures

export interface Figures {
  decisions: number;
  decisions_per_s: number;
  mean_us: number;
  p50_us: number;
  p99_us: number;
  max_us: number;
  commands: number;
  decided_on_arrival_pct: number;
  busy_agents_pct: number;
  mean_waiting_contacts: number;
  csqs_with_waiting_pct: number;
  simulated_s: number;
  wall_s: number;
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function figures(m: Measured, wallMs: number): Figures {
  const sorted = m.latencyUs.slice().sort();
  const seconds = m.ns / 1e9;
  return {
    decisions: m.decisions,
    decisions_per_s: Math.round(m.decisions / seconds),
    mean_us: round((seconds * 1e6) / m.decisions),
    p50_us: round(percentile(sorted, 0.5)),
    p99_us: round(percentile(sorted, 0.99)),
    max_us: round(percentile(sorted, 1)),
    commands: m.commands,
    decided_on_arrival_pct: round((100 * m.onArrival) / m.decisions, 1),
    busy_agents_pct: round(m.busyPct, 1),
    mean_waiting_contacts: round(m.meanWaiting, 1),
    csqs_with_waiting_pct: round(m.csqsWaitingPct, 1),
    simulated_s: round(m.simulatedSeconds, 0),
    wall_s: round(wallMs / 1_000),
  };
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);

/** What the human-readable report is printed from. */
export interface Report {
  sizes: readonly number[];
  checked: { agents: number; contacts_offered: number }[];
  results: Record<string, Figures>;
  baseline: Record<string, Figures>;
  lean: Record<string, Figures>;
  sameWindow: Record<string, { decisions: number; decisions_per_s: number }>;
  ratio: {
    speedup_vs_scan_1k: number;
    speedup_vs_scan_10k: number;
    speedup_vs_scan_10k_same_window: number;
    speedup_vs_lean_scan_1k: number;
    speedup_vs_lean_scan_10k: number;
    cost_growth_1k_to_10k: number;
    baseline_cost_growth_1k_to_10k: number;
    lean_scan_cost_growth_1k_to_10k: number;
  };
  summary: {
    met_decisions_per_s_10k: number;
    met_p99_us_10k: number;
    met_speedup_vs_scan_10k: number;
    met_cost_growth_1k_to_10k: number;
    run_seconds: number;
  };
  goals: {
    decisions_per_s_10k: number;
    p99_us_10k: number;
    speedup_vs_scan_10k: number;
    cost_growth_1k_to_10k: number;
  };
}

/** Prints the table of figures per size and router, then the speedup and goals lines. */
export function printReport({
  sizes,
  checked,
  results,
  baseline,
  lean,
  sameWindow,
  ratio,
  summary,
  goals,
}: Report): void {
  const rows: (string | number)[][] = [
    [
      'agents',
      'router',
      'decisions',
      'decisions/s',
      'mean µs',
      'p50 µs',
      'p99 µs',
      'max µs',
      'on arrival',
      'busy',
      'queued',
      'CSQs waiting',
    ],
  ];
  for (const agents of sizes) {
    const key = `${agents / 1_000}k`;
    for (const [name, f] of [
      ['engine', results[key]!],
      ['scan', baseline[key]!],
      ['lean scan', lean[key]!],
    ] as const) {
      rows.push([
        agents,
        name,
        f.decisions,
        f.decisions_per_s,
        f.mean_us.toFixed(2),
        f.p50_us.toFixed(2),
        f.p99_us.toFixed(2),
        f.max_us.toFixed(0),
        `${f.decided_on_arrival_pct}%`,
        `${f.busy_agents_pct}%`,
        f.mean_waiting_contacts,
        `${f.csqs_with_waiting_pct}%`,
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  const lines = [
    `Routing benchmark: seed ${SEED}, ${SKILLS} skills, ${CSQS} CSQs (80% chat, 10% email, 10% voice), ` +
      `offered load ${LOAD} of chat sessions. Baseline "scan": the same engine scanning every agent per arriving ` +
      `contact; "lean scan": a search-only router over typed arrays. All agreed on every decision, from scratch on ` +
      `${checked.map((c) => `${c.agents} agents (${c.contacts_offered} contacts)`).join(' and ')}, and in every window below.`,
    '',
    ...rows.map((row) => row.map((cell, c) => pad(cell, widths[c]!)).join('  ')),
  ];
  const goal = (ok: number) => (ok ? 'met' : 'NOT met');
  lines.push(
    '',
    `Speedup engine ÷ scan: 1k ${ratio.speedup_vs_scan_1k}×, 10k ${ratio.speedup_vs_scan_10k}× ` +
      `(same ${sameWindow['10k']!.decisions} decisions: ${ratio.speedup_vs_scan_10k_same_window}×); ` +
      `cost growth 1k→10k: engine ${ratio.cost_growth_1k_to_10k}×, scan ${ratio.baseline_cost_growth_1k_to_10k}×, ` +
      `lean scan ${ratio.lean_scan_cost_growth_1k_to_10k}×.`,
    `Engine ÷ lean scan (search only, no bookkeeping): 1k ${ratio.speedup_vs_lean_scan_1k}×, 10k ${ratio.speedup_vs_lean_scan_10k}×.`,
    `Goals at 10k: ≥ ${goals.decisions_per_s_10k} decisions/s ${goal(summary.met_decisions_per_s_10k)}; ` +
      `p99 ≤ ${goals.p99_us_10k} µs ${goal(summary.met_p99_us_10k)}; speedup ≥ ${goals.speedup_vs_scan_10k}× ` +
      `${goal(summary.met_speedup_vs_scan_10k)}; growth ≤ ${goals.cost_growth_1k_to_10k}× ${goal(summary.met_cost_growth_1k_to_10k)}. ` +
      `Run time ${summary.run_seconds} s.`,
  );
  console.log(lines.join('\n'));
}
