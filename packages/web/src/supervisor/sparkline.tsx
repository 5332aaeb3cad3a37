/** Seconds between two samples of a sparkline on the queue view (60 samples are five minutes). */
export const SAMPLE_SECONDS = 5;

const LEFT = 22;
const BOTTOM = 12;

/** Samples the chart holds: five minutes. */
export const WINDOW_SAMPLES = 60;

/** "−5 min": the start of the x axis, for a window of this many samples. */
export function spanLabel(samples: number, sampleSeconds = SAMPLE_SECONDS): string {
  const seconds = samples * sampleSeconds;
  if (seconds < 60) return `−${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `−${minutes} min` : `−${minutes} min ${rest} s`;
}

/**
 * A small line chart of recent values (e.g. contacts waiting), newest on the right at "now", with its scale: the
 * y axis labelled with the lowest and highest value shown, the x axis with the whole window (five minutes),
 * so that a chart with few samples yet does not stretch them over it.
 */
export function Sparkline(props: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
  sampleSeconds?: number;
}) {
  const width = props.width ?? 190;
  const height = props.height ?? 48;
  const values = props.values.length > 0 ? props.values : [0];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const plotWidth = width - LEFT - 2;
  const plotHeight = height - BOTTOM - 4;
  const range = max - min || 1;
  const step = plotWidth / (WINDOW_SAMPLES - 1);
  const x = (i: number) => LEFT + plotWidth - (values.length - 1 - i) * step;
  const y = (v: number) => 2 + plotHeight - ((v - min) / range) * plotHeight;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const span = spanLabel(WINDOW_SAMPLES, props.sampleSeconds);
  const latest = values.at(-1) ?? 0;
  const description = `${props.label}, ${span.replace('−', 'last ')}: now ${latest}, lowest ${min}, highest ${max}`;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={description}
      data-min={min}
      data-max={max}
    >
      <title>{description}</title>
      <g>
        <line
          x1={LEFT - 2}
          y1={2}
          x2={LEFT - 2}
          y2={2 + plotHeight}
          stroke="currentColor"
          strokeWidth="0.5"
        />
        <line
          x1={LEFT - 2}
          y1={2 + plotHeight}
          x2={width - 2}
          y2={2 + plotHeight}
          stroke="currentColor"
          strokeWidth="0.5"
        />
        <text x={LEFT - 4} y={9} textAnchor="end" data-testid="sparkline-max">
          {max}
        </text>
        <text x={LEFT - 4} y={2 + plotHeight} textAnchor="end" data-testid="sparkline-min">
          {min}
        </text>
        <text x={LEFT} y={height - 1} data-testid="sparkline-span">
          {span}
        </text>
        <text x={width - 2} y={height - 1} textAnchor="end">
          now
        </text>
      </g>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={x(values.length - 1)} cy={y(latest)} r="2" fill="currentColor" />
    </svg>
  );
}

/** Keeps the last `size` samples per key, appending one sample per key whenever `sample` is called. */
export function appendSamples(
  history: Map<string, number[]>,
  sample: Record<string, number>,
  size = WINDOW_SAMPLES,
): Map<string, number[]> {
  const next = new Map(history);
  for (const [key, value] of Object.entries(sample))
    next.set(key, [...(next.get(key) ?? []), value].slice(-size));
  return next;
}
