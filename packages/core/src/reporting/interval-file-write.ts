import { INTERVAL_FIELD_LABELS } from './interval-columns.ts';
import type { IntervalRow } from './interval-file.ts';
import { formatInstantInZone } from './interval-values.ts';

/** The optional columns an export adds after the default five. */
export interface IntervalWriteOptions {
  timeZone: string;
  queue?: boolean;
  asa?: boolean;
  serviceLevel?: boolean;
}

export type IntervalCell = string | number;

/** The kind of each written column, for formats that type their cells (XLSX number formats). */
export type IntervalColumnKind = 'start' | 'text' | 'count' | 'seconds' | 'fraction';

export interface IntervalTable {
  header: string[];
  kinds: IntervalColumnKind[];
  records: IntervalCell[][];
}

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/**
 * Rows ⇒ the default columns `Minutes, Calls Presented, Calls Answered, Calls Abandoned, Avg Call Duration`,
 * then `Queue`, `ASA`, `Service Level` when asked. Starts are ISO-8601 with the zone's offset; counts and
 * handle times are always numbers (zeros, never blanks); an ASA or service level the history does not hold
 * stays blank, since a zero would claim a value. Seconds keep two decimals, the service level four.
 */
export function intervalTable(rows: readonly IntervalRow[], options: IntervalWriteOptions): IntervalTable {
  const columns: { label: string; kind: IntervalColumnKind; value: (row: IntervalRow) => IntervalCell }[] = [
    {
      label: INTERVAL_FIELD_LABELS.intervalStart,
      kind: 'start',
      value: (row) => formatInstantInZone(options.timeZone, row.intervalStart),
    },
    { label: INTERVAL_FIELD_LABELS.offered, kind: 'count', value: (row) => row.offered },
    { label: INTERVAL_FIELD_LABELS.answered, kind: 'count', value: (row) => row.answered },
    { label: INTERVAL_FIELD_LABELS.abandoned, kind: 'count', value: (row) => row.abandoned },
    { label: INTERVAL_FIELD_LABELS.ahtSeconds, kind: 'seconds', value: (row) => round(row.ahtSeconds, 2) },
  ];
  if (options.queue)
    columns.push({ label: INTERVAL_FIELD_LABELS.queue, kind: 'text', value: (row) => row.queue });
  if (options.asa) {
    columns.push({
      label: INTERVAL_FIELD_LABELS.asaSeconds,
      kind: 'seconds',
      value: (row) => (row.asaSeconds === null ? '' : round(row.asaSeconds, 2)),
    });
  }
  if (options.serviceLevel) {
    columns.push({
      label: INTERVAL_FIELD_LABELS.serviceLevel,
      kind: 'fraction',
      value: (row) => (row.serviceLevel === null ? '' : round(row.serviceLevel, 4)),
    });
  }
  return {
    header: columns.map((column) => column.label),
    kinds: columns.map((column) => column.kind),
    records: rows.map((row) => columns.map((column) => column.value(row))),
  };
}
