import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
// The chart's own figure and legend styles, wherever the chart is shown.
import './reports.css';
import { duration } from '../ui/format.ts';
import type { ChartData } from './chart-data.ts';

export const PALETTE = [
  '#1f5fd1',
  '#e07b00',
  '#137a3a',
  '#b42318',
  '#7a3fb8',
  '#00838f',
  '#8d6e00',
  '#5b6475',
];
const HEIGHT = 240;
/** Room for one label along x, in pixels per character, plus the gap between labels. */
const LABEL_CHAR_PX = 7;
const LABEL_GAP_PX = 16;

/** Labels along x: on one day the date is the same everywhere, so only the time is shown. */
function axisLabels(labels: readonly string[]): string[] {
  const day = labels[0]?.slice(0, 10);
  const oneDay =
    labels.length > 1 && labels.every((label) => label.length > 11 && label.startsWith(`${day} `));
  return oneDay ? labels.map((label) => label.slice(11)) : [...labels];
}

const unitFormat = (unit: ChartData['unit']) => (value: number) =>
  unit === 'percent' ? `${value} %` : unit === 'seconds' ? duration(value) : String(value);

/** uPlot draws from the first series to the last: a stack is drawn tallest first, each part over the rest. */
function stacked(series: ChartData['series']): ChartData['series'] {
  const sums: ChartData['series'] = [];
  let running = series[0]?.values.map(() => 0) ?? [];
  for (const part of series) {
    running = running.map((sum, i) => sum + (part.values[i] ?? 0));
    sums.push({ label: part.label, values: running });
  }
  return sums.reverse();
}

function optionsOf(chart: ChartData, width: number): uPlot.Options {
  const count = chart.labels.length;
  const labels = axisLabels(chart.labels);
  const widest = Math.max(1, ...labels.map((label) => label.length));
  const fit = Math.max(2, Math.floor(width / (widest * LABEL_CHAR_PX + LABEL_GAP_PX)));
  const step = Math.max(1, Math.ceil(count / fit));
  const format = unitFormat(chart.unit);
  const drawn = chart.kind === 'stacked' ? stacked(chart.series) : chart.series;
  const colourOf = (label: string) =>
    PALETTE[chart.series.findIndex((s) => s.label === label) % PALETTE.length];
  const grouped = chart.kind === 'bars' && drawn.length === 2;
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, count - 0.5] },
      y: { range: (_u, _min, max) => [0, Math.max(chart.unit === 'percent' ? 100 : 1, max)] },
    },
    axes: [
      {
        splits: () => chart.labels.map((_, i) => i).filter((i) => i % step === 0),
        values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
      },
      { values: (_u, splits) => splits.map(format), size: 60 },
    ],
    series: [
      {},
      ...drawn.map((s, i) => {
        const colour = colourOf(s.label) ?? PALETTE[0];
        const bars = chart.kind !== 'lines';
        const align = grouped ? (i === 0 ? -1 : 1) : 0;
        return {
          label: s.label,
          stroke: colour,
          width: bars ? 0 : 2,
          fill: bars ? colour : undefined,
          spanGaps: false,
          // A lone figure between empty intervals is a point: without it, it would not show at all.
          points: { show: !bars, size: count < 40 ? 6 : 4 },
          ...(bars ? { paths: uPlot.paths.bars?.({ size: [grouped ? 0.4 : 0.7, 60], align }) } : {}),
        };
      }),
    ],
  };
}

/** One chart: a uPlot canvas with its legend, and its figures as words for those who cannot see it. */
export function UplotChart({ chart }: { chart: ChartData }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    const drawn = chart.kind === 'stacked' ? stacked(chart.series) : chart.series;
    const data = [chart.labels.map((_, i) => i), ...drawn.map((s) => s.values)] as uPlot.AlignedData;
    const plot = new uPlot(optionsOf(chart, element.clientWidth || 600), data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [chart]);
  const format = unitFormat(chart.unit);
  const summary = chart.series
    .map(
      (s) =>
        `${s.label}: ${s.values.map((v, i) => `${chart.labels[i]} ${v === null ? '—' : format(v)}`).join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="report-chart" data-chart={chart.title} data-points={chart.labels.length}>
      <figcaption>{chart.title}</figcaption>
      <div ref={target} role="img" aria-label={`${chart.title}. ${summary}`} />
      <ul className="chart-legend">
        {chart.series.map((s, i) => (
          <li key={s.label}>
            <span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
