/**
 * Which column of an interval file holds which field: the names seen in the field (METRICS.md), matched
 * ignoring case and spaces, overridden by the user's mapping.
 */

/** The canonical fields of an interval row, and the two columns a start may be split into. */
export const INTERVAL_COLUMN_FIELDS = [
  'intervalStart',
  'intervalDate',
  'intervalTime',
  'queue',
  'offered',
  'answered',
  'abandoned',
  'ahtSeconds',
  'asaSeconds',
  'serviceLevel',
] as const;

export type IntervalColumnField = (typeof INTERVAL_COLUMN_FIELDS)[number];
/** What a mapping may say of a column: a field, or `ignore` to leave a column the defaults would take. */
export type IntervalMappingTarget = IntervalColumnField | 'ignore';
/** The user's mapping: file column name ⇒ field. */
export type IntervalMapping = Readonly<Record<string, string>>;

/** The name each field is written under, and is called by in messages. */
export const INTERVAL_FIELD_LABELS: Record<IntervalColumnField, string> = {
  intervalStart: 'Minutes',
  intervalDate: 'Date',
  intervalTime: 'Interval',
  queue: 'Queue',
  offered: 'Calls Presented',
  answered: 'Calls Answered',
  abandoned: 'Calls Abandoned',
  ahtSeconds: 'Avg Call Duration',
  asaSeconds: 'ASA',
  serviceLevel: 'Service Level',
};

const DEFAULT_NAMES: Record<IntervalColumnField, readonly string[]> = {
  intervalStart: ['Minutes', 'Interval Start', 'Start'],
  intervalDate: ['Date'],
  intervalTime: ['Interval', 'Time'],
  queue: ['Queue', 'CSQ', 'Call Type'],
  offered: ['Calls Presented', 'Offered', 'Calls Offered'],
  answered: ['Calls Answered', 'Answered'],
  abandoned: ['Calls Abandoned', 'Abandoned'],
  ahtSeconds: ['Avg Call Duration', 'AHT', 'Average Handle Time'],
  asaSeconds: ['ASA', 'Average Speed of Answer'],
  serviceLevel: ['SLA', 'Service Level'],
};

/** A column name as it is compared: no case, no spaces, no byte-order mark. */
export const columnKey = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

const FIELD_BY_KEY = new Map<string, IntervalColumnField>(
  INTERVAL_COLUMN_FIELDS.flatMap((field) =>
    DEFAULT_NAMES[field].map((name) => [columnKey(name), field] as const),
  ),
);

const isTarget = (value: string): value is IntervalMappingTarget =>
  value === 'ignore' || (INTERVAL_COLUMN_FIELDS as readonly string[]).includes(value);

/** A column of the file and the field it was given (null: not read). */
export interface DetectedColumn {
  name: string;
  field: IntervalColumnField | null;
}

export interface ColumnPlan {
  columns: DetectedColumn[];
  /** Field ⇒ index of its column. */
  index: Partial<Record<IntervalColumnField, number>>;
  /** Sentences for what the header and mapping leave wrong; empty when the file can be read. */
  problems: string[];
}

/**
 * Assigns fields to the header's columns: the user's mapping first, then the default names. A start in
 * one column wins over Date + Interval; an "Interval" column without a date column is the whole start.
 */
export function planColumns(
  header: readonly string[],
  mapping: IntervalMapping,
  queueChosen: boolean,
): ColumnPlan {
  const problems: string[] = [];
  const names = header.map((name) => name.replace(/^\uFEFF/, '').trim());
  const keys = names.map(columnKey);
  const assigned: (IntervalColumnField | null)[] = names.map(() => null);
  const mapped = new Set<number>();
  for (const [column, target] of Object.entries(mapping)) {
    const at = keys.indexOf(columnKey(column));
    if (!isTarget(target)) {
      problems.push(
        `the mapping gives column "${column}" the field "${target}", which is not one of: ${[...INTERVAL_COLUMN_FIELDS, 'ignore'].join(', ')}`,
      );
    } else if (at < 0) {
      problems.push(
        `the mapping names column "${column}", which the file does not have; its columns are: ${names.join(', ')}`,
      );
    } else {
      mapped.add(at);
      assigned[at] = target === 'ignore' ? null : target;
    }
  }
  const taken = new Set(assigned.filter((field) => field !== null));
  keys.forEach((key, at) => {
    const field = FIELD_BY_KEY.get(key);
    if (mapped.has(at) || field === undefined || taken.has(field)) return;
    assigned[at] = field;
    taken.add(field);
  });
  resolveStartColumns(assigned, mapped);

  const index: ColumnPlan['index'] = {};
  assigned.forEach((field, at) => {
    if (field === null) return;
    const earlier = index[field];
    if (earlier !== undefined) {
      problems.push(
        `columns "${names[earlier]}" and "${names[at]}" are both mapped to ${field}; map only one`,
      );
    } else {
      index[field] = at;
    }
  });
  const unread = names.filter((_, at) => assigned[at] === null);
  const mapOneOf =
    unread.length > 0 ? `map one of: ${unread.join(', ')}` : 'the file has no other column to map';
  const hasStart =
    index.intervalStart !== undefined ||
    (index.intervalDate !== undefined && index.intervalTime !== undefined);
  if (!hasStart)
    problems.push(`no column for the interval start (Minutes, or Date and Interval); ${mapOneOf}`);
  for (const field of ['offered', 'answered', 'abandoned', 'ahtSeconds'] as const) {
    if (index[field] === undefined)
      problems.push(`no column for ${INTERVAL_FIELD_LABELS[field]}; ${mapOneOf}`);
  }
  if (index.queue === undefined && !queueChosen) {
    problems.push(
      `no column for Queue; ${unread.length > 0 ? `map one of: ${unread.join(', ')}, or ` : ''}choose the queue the whole file is about`,
    );
  }
  return { columns: names.map((name, at) => ({ name, field: assigned[at] ?? null })), index, problems };
}

/** Date + Interval make the start unless a whole start column is there; a lone time column is the start. */
function resolveStartColumns(assigned: (IntervalColumnField | null)[], mapped: ReadonlySet<number>): void {
  const has = (field: IntervalColumnField) => assigned.includes(field);
  const drop = (field: IntervalColumnField) => {
    const at = assigned.indexOf(field);
    if (at >= 0 && !mapped.has(at)) assigned[at] = null;
  };
  if (has('intervalStart')) {
    drop('intervalDate');
    drop('intervalTime');
  } else if (has('intervalTime') && !has('intervalDate')) {
    const at = assigned.indexOf('intervalTime');
    if (!mapped.has(at)) assigned[at] = 'intervalStart';
  }
}
