/** Figures of one schedule in the benchmark, and the table printed from them. */

export interface Figures {
  objective: number;
  under_agent_hours: number;
  over_agent_hours: number;
  /** (objective − LP bound) ÷ objective × 100. */
  gap_pct: number;
  seconds: number;
  shifts: number;
}

export interface OptimiserFigures extends Figures {
  lp_bound: number;
  /** Best proven bound (LP, or the full MIP's dual bound when it ran) and the gap to it. */
  bound: number;
  bound_gap_pct: number;
  plan_objective: number | null;
  status: string;
  agent_types: number;
  mip_columns: number;
  mip_rows: number;
  stage_seconds: { lp: number; rounding: number; mip: number };
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

const pad = (value: string | number, width: number): string => String(value).padStart(width);

export function printReport(options: {
  sizes: readonly number[];
  results: Record<string, OptimiserFigures>;
  baseline: Record<string, Figures>;
  header: string;
  footer: string[];
}): void {
  const rows: (string | number)[][] = [
    ['agents', 'method', 'objective', 'under h', 'over h', 'LP bound', 'gap %', 'seconds', 'status'],
  ];
  for (const agents of options.sizes) {
    const r = options.results[String(agents)]!;
    const g = options.baseline[String(agents)]!;
    rows.push([
      agents,
      'optimiser',
      r.objective,
      r.under_agent_hours,
      r.over_agent_hours,
      r.lp_bound.toFixed(1),
      r.gap_pct.toFixed(2),
      r.seconds.toFixed(1),
      r.status,
    ]);
    rows.push([
      agents,
      'greedy',
      g.objective,
      g.under_agent_hours,
      g.over_agent_hours,
      r.lp_bound.toFixed(1),
      g.gap_pct.toFixed(2),
      g.seconds.toFixed(1),
      '',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  console.log(
    [
      options.header,
      '',
      ...rows.map((row) => row.map((cell, c) => pad(cell, widths[c]!)).join('  ')),
      '',
      ...options.footer,
    ].join('\n'),
  );
}
