import { INTERVAL_MINUTES, INTERVALS, MIX, SEED } from './mix.ts';
import type { ScalingRow } from './scaling.ts';
import type { Timing } from './timing.ts';

export interface Report {
  rows: { run: string; workloads: number; timing: Timing }[];
  scaling: ScalingRow[];
  coldMs: number;
  lines: string[];
}

/** Columns right-aligned except the first. */
function formatTable(table: (string | number)[][]): string[] {
  const widths = (table[0] ?? []).map((_, c) => Math.max(...table.map((row) => String(row[c]).length)));
  return table.map((row) =>
    row
      .map((cell, c) =>
        c === 0 ? String(cell).padEnd(widths[c] ?? 0) : String(cell).padStart(widths[c] ?? 0),
      )
      .join('  '),
  );
}

export function printReport({ rows, scaling, coldMs, lines }: Report): void {
  const timings: (string | number)[][] = [
    ['run', 'workloads', 'runs', 'median ms', 'min ms', 'max ms', 'µs/interval'],
  ];
  for (const { run, workloads, timing } of rows) {
    timings.push([
      run,
      workloads,
      timing.runs,
      timing.ms_median.toFixed(2),
      timing.ms_min.toFixed(2),
      timing.ms_max.toFixed(2),
      timing.us_per_interval.toFixed(3),
    ]);
  }
  const perDecision: (string | number)[][] = [
    ['load (Erlangs)', 'agents', 'engine µs', 'naive µs', 'speedup'],
  ];
  for (const row of scaling) {
    perDecision.push([
      row.load_erlangs,
      row.agents,
      row.engine_us.toFixed(3),
      row.naive_us === null ? 'overflows' : row.naive_us.toFixed(3),
      row.speedup === null ? '—' : `${row.speedup}×`,
    ]);
  }
  console.log(
    [
      `Erlang staffing benchmark: seed ${SEED}, ${INTERVALS} intervals of ${INTERVAL_MINUTES} min × 100 workloads ` +
        `(voice: ${MIX.voiceErlangC} Erlang C + ${MIX.voiceErlangA} Erlang A; ${MIX.chat} chat, a quarter Erlang A; ` +
        `${MIX.email} email). Engine: staffIntervals, validation included. Baseline: naive Erlang C, series ` +
        'summed per candidate n, linear search from n = 1.',
      '',
      ...formatTable(timings),
      '',
      'One staffing decision (80 % in 20 s, AHT 300 s) as the load grows:',
      ...formatTable(perDecision),
      '',
      `First call in this process (cold JIT): ${coldMs.toFixed(1)} ms.`,
      ...lines,
    ].join('\n'),
  );
}
