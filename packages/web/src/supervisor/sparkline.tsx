/** A small line chart of recent values (e.g. contacts waiting), newest on the right. */
export function Sparkline(props: { values: number[]; label: string; width?: number; height?: number }) {
  const width = props.width ?? 160;
  const height = props.height ?? 36;
  const max = Math.max(1, ...props.values);
  const step = props.values.length > 1 ? width / (props.values.length - 1) : width;
  const points = props.values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${props.label}: now ${props.values.at(-1) ?? 0}, peak ${max} in the last ${props.values.length} samples`}
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** Keeps the last `size` samples per key, appending one sample per key whenever `sample` is called. */
export function appendSamples(
  history: Map<string, number[]>,
  sample: Record<string, number>,
  size = 60,
): Map<string, number[]> {
  const next = new Map(history);
  for (const [key, value] of Object.entries(sample))
    next.set(key, [...(next.get(key) ?? []), value].slice(-size));
  return next;
}
