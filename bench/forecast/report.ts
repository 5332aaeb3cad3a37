import type { BacktestResult, MethodScore } from '../../packages/wfm/src/forecast/index.ts';

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
const roundOrNull = (x: number | null): number | null => (x === null ? null : round(x));

export interface MethodFigures {
  wape_pct: number | null;
  mape_pct: number | null;
  bias_pct: number | null;
  intervals: number;
}

export function methodFigures(score: MethodScore): MethodFigures {
  return {
    wape_pct: roundOrNull(score.wapePct),
    mape_pct: roundOrNull(score.mapePct),
    bias_pct: roundOrNull(score.biasPct),
    intervals: score.intervals,
  };
}

export interface Resolution {
  minutes: number;
  result: BacktestResult;
}

const pct = (x: number | null) => (x === null ? '–' : `${x.toFixed(2)}%`);

/** One row per method, WAPE / MAPE / bias side by side for every resolution; the baseline and the best marked. */
export function printTable(resolutions: readonly Resolution[], baseline: string): void {
  const header = [
    'method',
    ...resolutions.flatMap((r) => [`WAPE ${r.minutes}`, `MAPE ${r.minutes}`, `bias ${r.minutes}`]),
  ];
  const names = resolutions[0]?.result.scores.map((s) => s.method) ?? [];
  const rows = names.map((name) => {
    const marks = [
      name === baseline ? 'baseline' : '',
      ...resolutions.map((r) => (r.result.best === name ? `best ${r.minutes}` : '')),
    ].filter((mark) => mark !== '');
    return [
      marks.length > 0 ? `${name} (${marks.join(', ')})` : name,
      ...resolutions.flatMap((r) => {
        const score = r.result.scores.find((s) => s.method === name);
        return [pct(score?.wapePct ?? null), pct(score?.mapePct ?? null), pct(score?.biasPct ?? null)];
      }),
    ];
  });
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  for (const row of table) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
    );
  }
}
