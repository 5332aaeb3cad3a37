import { LIMITS } from '../limits.ts';
import { codePoints } from '../text.ts';
import {
  type ColumnPlan,
  type DetectedColumn,
  type IntervalColumnField,
  type IntervalMapping,
  planColumns,
} from './interval-columns.ts';
import {
  isAlignedStart,
  type Read,
  readCount,
  readDateAndTime,
  readSeconds,
  readServiceLevel,
  readStart,
  type StartTime,
} from './interval-values.ts';

/** How long each row of interval history is. */
export type IntervalMinutes = (typeof LIMITS.intervalMinutes)[number];

export const isIntervalMinutes = (value: number): value is IntervalMinutes =>
  (LIMITS.intervalMinutes as readonly number[]).includes(value);

/** One interval of one queue, as imported and exported. */
export interface IntervalRow {
  /** The CSQ or call type the row is about. */
  queue: string;
  /** Epoch milliseconds of the interval's start. */
  intervalStart: number;
  offered: number;
  answered: number;
  abandoned: number;
  /** Average handle time of the answered contacts. */
  ahtSeconds: number;
  asaSeconds: number | null;
  /** 0–1. */
  serviceLevel: number | null;
}

export interface IntervalFileOptions {
  /** The tenant's IANA zone: local times are read in it and starts must align to its wall clock. */
  timeZone: string;
  minutes: IntervalMinutes;
  /** The queue of every row, for a file without a queue column. */
  queue?: string | undefined;
  mapping?: IntervalMapping | undefined;
}

/** A problem of the file; `line` counts from 1 (the header), null for the file as a whole. */
export interface IntervalFileError {
  line: number | null;
  message: string;
}

export interface IntervalFileReading {
  columns: DetectedColumn[];
  rows: IntervalRow[];
  errors: IntervalFileError[];
  /** More errors were found than are reported: reading stopped at the last one. */
  errorsTruncated: boolean;
}

/**
 * Reads an interval file row by row (so large files stream through it), checking each row as it comes.
 * The reading is either every row, or errors: import only when `errors` is empty.
 *
 * @example
 * const reader = new IntervalFileReader({ timeZone: 'Europe/Berlin', minutes: 15 });
 * reader.header(['Minutes', 'Queue', 'Calls Presented', 'Calls Answered', 'Calls Abandoned', 'Avg Call Duration']);
 * reader.row(['2026-03-02 08:00', 'Sales', '12', '11', '1', '3:05'], 2);
 * reader.finish(); // { rows: [{ queue: 'Sales', offered: 12, … }], errors: [] }
 */
export class IntervalFileReader {
  readonly #options: IntervalFileOptions;
  readonly #rows: IntervalRow[] = [];
  readonly #errors: IntervalFileError[] = [];
  readonly #seen = new Map<string, number>();
  #plan: ColumnPlan | null = null;
  #truncated = false;
  #rowCount = 0;

  constructor(options: IntervalFileOptions) {
    this.#options = options;
    const queue = options.queue?.trim();
    if (queue !== undefined && queue !== '') this.#checkQueue(queue, null);
  }

  /** Reading has stopped: the error limit was reached or the header cannot be read. */
  get stopped(): boolean {
    return this.#truncated || (this.#plan !== null && this.#plan.problems.length > 0);
  }

  header(cells: readonly string[]): void {
    this.#plan = planColumns(cells, this.#options.mapping ?? {}, Boolean(this.#options.queue?.trim()));
    for (const problem of this.#plan.problems) this.#error(1, problem);
  }

  /** One row of the file; `line` is its line number (the header is line 1). Blank rows are skipped. */
  row(cells: readonly string[], line: number): void {
    const plan = this.#plan;
    if (plan === null) throw new Error('IntervalFileReader.row before header');
    if (this.stopped || cells.every((cell) => cell.trim() === '')) return;
    this.#rowCount += 1;
    if (this.#rowCount > LIMITS.intervalImport.rows) {
      this.#error(
        line,
        `the file has more than ${LIMITS.intervalImport.rows.toLocaleString('en')} rows; split it`,
      );
      this.#truncated = true;
      return;
    }
    const row = this.#readRow(plan, cells, line);
    if (row !== null) this.#rows.push(row);
  }

  finish(): IntervalFileReading {
    if (this.#plan === null) {
      this.#error(null, 'the file is empty; it needs a header row and one row per interval');
    } else if (this.#rowCount === 0 && !this.stopped) {
      this.#error(null, 'the file has a header but no rows');
    }
    return {
      columns: this.#plan?.columns ?? [],
      rows: this.#rows,
      errors: this.#errors,
      errorsTruncated: this.#truncated,
    };
  }

  #readRow(plan: ColumnPlan, cells: readonly string[], line: number): IntervalRow | null {
    const before = this.#errors.length;
    const cell = (field: IntervalColumnField): string | null => {
      const at = plan.index[field];
      return at === undefined ? null : (cells[at] ?? '');
    };
    const label = (field: IntervalColumnField) => plan.columns[plan.index[field] ?? -1]?.name ?? field;
    const take = <T>(field: IntervalColumnField, read: (text: string) => Read<T>): T | null => {
      const text = cell(field);
      if (text === null) return null;
      const result = read(text);
      if (result.ok) return result.value;
      this.#error(line, `${label(field)} ${result.problem}`);
      return null;
    };
    const start = this.#readStartOf(plan, cell, label, line);
    const queue = cell('queue')?.trim() ?? this.#options.queue?.trim() ?? '';
    if (plan.index.queue !== undefined && queue === '') this.#error(line, `${label('queue')} is empty`);
    else this.#checkQueue(queue, line);
    const offered = take('offered', readCount);
    const answered = take('answered', readCount);
    const abandoned = take('abandoned', readCount);
    const blankAht = cell('ahtSeconds')?.trim() === '' && answered === 0;
    const ahtSeconds = blankAht ? 0 : take('ahtSeconds', readSeconds);
    const optional = <T>(field: IntervalColumnField, read: (text: string) => Read<T>) =>
      cell(field)?.trim() ? take(field, read) : null;
    const asaSeconds = optional('asaSeconds', readSeconds);
    const serviceLevel = optional('serviceLevel', readServiceLevel);
    if (offered !== null && answered !== null && answered > offered) {
      this.#error(line, `${label('answered')} is greater than ${label('offered')}`);
    }
    if (offered !== null && abandoned !== null && abandoned > offered) {
      this.#error(line, `${label('abandoned')} is greater than ${label('offered')}`);
    }
    if (start !== null)
      this.#checkStart(
        start,
        queue,
        line,
        label(plan.index.intervalStart !== undefined ? 'intervalStart' : 'intervalTime'),
      );
    if (this.#errors.length > before || start === null) return null;
    return {
      queue,
      intervalStart: start.ms,
      offered: offered as number,
      answered: answered as number,
      abandoned: abandoned as number,
      ahtSeconds: ahtSeconds as number,
      asaSeconds,
      serviceLevel,
    };
  }

  #readStartOf(
    plan: ColumnPlan,
    cell: (field: IntervalColumnField) => string | null,
    label: (field: IntervalColumnField) => string,
    line: number,
  ): StartTime | null {
    const { timeZone } = this.#options;
    const single = cell('intervalStart');
    const result =
      single !== null
        ? readStart(single, timeZone)
        : readDateAndTime(cell('intervalDate') ?? '', cell('intervalTime') ?? '', timeZone);
    if (result.ok) return result.value;
    const name =
      plan.index.intervalStart !== undefined
        ? label('intervalStart')
        : `${label('intervalDate')} and ${label('intervalTime')}`;
    this.#error(line, `${name} ${result.problem}`);
    return null;
  }

  #checkStart(start: StartTime, queue: string, line: number, name: string): void {
    const { timeZone, minutes } = this.#options;
    if (!isAlignedStart(timeZone, start.ms, minutes)) {
      this.#error(
        line,
        `${name} does not start a ${minutes}-minute interval in ${timeZone} (it must fall on :00${minutes < 60 ? `, :${minutes}` : ''}…)`,
      );
      return;
    }
    const key = `${queue}\u0000${start.ms}`;
    const earlier = this.#seen.get(key);
    if (earlier === undefined) {
      this.#seen.set(key, line);
      return;
    }
    const why = start.ambiguous
      ? `; that local time happens twice in ${timeZone} (the clocks go back) and is read as the first, so give the second with its offset`
      : '';
    this.#error(line, `the interval of ${queue} at this start is already on line ${earlier}${why}`);
  }

  #checkQueue(queue: string, line: number | null): void {
    const max = LIMITS.intervalQueueName.max;
    if (codePoints(queue) > max) this.#error(line, `the queue name is longer than ${max} characters`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
    else if (/[\u0000-\u001f\u007f]/.test(queue))
      this.#error(line, 'the queue name contains a control character');
  }

  #error(line: number | null, sentence: string): void {
    if (this.#errors.length >= LIMITS.intervalImport.errorsReported) {
      this.#truncated = true;
      return;
    }
    this.#errors.push({ line, message: line === null ? sentence : `line ${line}: ${sentence}` });
  }
}

/** Reads a whole table: its first row is the header, the rest are rows on lines 2, 3, … */
export function readIntervalTable(
  table: readonly (readonly string[])[],
  options: IntervalFileOptions,
): IntervalFileReading {
  const reader = new IntervalFileReader(options);
  const [header, ...rows] = table;
  if (header !== undefined) reader.header(header);
  rows.forEach((cells, at) => {
    if (!reader.stopped) reader.row(cells, at + 2);
  });
  return reader.finish();
}
