import { randomUUID } from 'node:crypto';
import {
  contactMetrics,
  type DetectedColumn,
  formatInstantInZone,
  type IntervalFileError,
  type IntervalMapping,
  type IntervalMinutes,
  type IntervalRow,
  intervalTable,
  invalid,
  LIMITS,
  notFound,
} from '@switchboard/core';
import type { Db } from '../db/database.ts';
import { tenantsRepository } from '../db/repositories/tenants.repository.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import {
  type IntervalImportRecord,
  intervalHistoryRepository,
  type StoredIntervalRow,
} from './interval-history.repository.ts';
import {
  type IntervalFileFormat,
  intervalCsv,
  intervalXlsx,
  type ReadProgress,
  readIntervalFileOf,
} from './interval-history-files.ts';
import { tenantTimeZoneOf } from './interval-history-zone.ts';
import { contactCountsOf } from './interval-tables.repository.ts';

export interface IntervalFileInput {
  tenantId: string;
  fileName: string;
  format: IntervalFileFormat;
  file: Buffer;
  minutes: IntervalMinutes;
  queue?: string | undefined;
  mapping?: IntervalMapping | undefined;
  progress?: ReadProgress;
  /** Told as rows are stored: how many of how many. */
  storeProgress?: (done: number, total: number) => void;
}

/** A row as the API shows it: the start in ISO-8601 with the tenant's offset. */
export type ShownIntervalRow = Omit<IntervalRow, 'intervalStart'> & {
  intervalStart: string;
  minutes?: number;
};

export interface IntervalImportPreview {
  timeZone: string;
  columns: DetectedColumn[];
  /** Rows read without error. */
  rowCount: number;
  /** The first rows read, for the preview. */
  rows: ShownIntervalRow[];
  errors: IntervalFileError[];
  errorsTruncated: boolean;
}

export type IntervalImportSummary = IntervalImportRecord;

const shown = (timeZone: string, row: IntervalRow | StoredIntervalRow): ShownIntervalRow => ({
  ...row,
  intervalStart: formatInstantInZone(timeZone, row.intervalStart),
});

async function readFile(db: Db, input: IntervalFileInput) {
  const timeZone = await tenantTimeZoneOf(db, input.tenantId);
  const reading = await readIntervalFileOf(
    input.format,
    input.file,
    { timeZone, minutes: input.minutes, queue: input.queue, mapping: input.mapping },
    input.progress,
  );
  return { timeZone, reading };
}

/** A dry run: what the file's columns were taken for, its first rows and its errors. Nothing is stored. */
export async function previewIntervalFile(db: Db, input: IntervalFileInput): Promise<IntervalImportPreview> {
  const { timeZone, reading } = await readFile(db, input);
  return {
    timeZone,
    columns: reading.columns,
    rowCount: reading.rows.length,
    rows: reading.rows.slice(0, LIMITS.intervalImport.previewRows).map((row) => shown(timeZone, row)),
    errors: reading.errors,
    errorsTruncated: reading.errorsTruncated,
  };
}

/**
 * Imports every row of the file in one transaction, or none: a file with any error is refused with the
 * errors (validation_failed, details.errors). Rows already stored for a queue, start and size are replaced.
 */
export async function importIntervalFile(
  db: Db,
  input: IntervalFileInput & { userId: string | null; now: Date },
): Promise<IntervalImportSummary> {
  const { reading } = await readFile(db, input);
  if (reading.errors.length > 0) {
    const count = reading.errorsTruncated
      ? `more than ${reading.errors.length}`
      : String(reading.errors.length);
    throw invalid(
      `The file has ${count} error${reading.errors.length === 1 ? '' : 's'}; nothing was imported. ${reading.errors[0]?.message}`,
      { errors: reading.errors, errorsTruncated: reading.errorsTruncated },
    );
  }
  const record: IntervalImportRecord = {
    id: randomUUID(),
    userId: input.userId,
    fileName: input.fileName,
    minutes: input.minutes,
    rows: reading.rows.length,
    inserted: 0,
    replaced: 0,
    createdAt: input.now,
  };
  return db.transaction().execute(async (trx) => {
    await intervalHistoryRepository.insertImport(trx, input.tenantId, record);
    const counts = await intervalHistoryRepository.upsert(
      trx,
      input.tenantId,
      record.id,
      input.minutes,
      reading.rows,
      input.now,
    );
    await intervalHistoryRepository.setImportCounts(trx, input.tenantId, record.id, counts);
    return { ...record, ...counts };
  });
}

/** The id of the tenant of that name, for the command line. */
export async function tenantIdNamed(db: Db, name: string): Promise<string> {
  const tenant = await tenantsRepository.findByName(db, name);
  if (tenant === undefined) throw notFound(`Tenant "${name}"`);
  return tenant.id;
}

export function listIntervalImports(db: Db, tenantId: string): Promise<IntervalImportRecord[]> {
  return intervalHistoryRepository.recentImports(db, tenantId, LIMITS.listPageSize.max);
}

export interface IntervalExportQuery {
  from: Date;
  to: Date;
  queue?: string | undefined;
}

export type IntervalExport =
  | { format: 'json'; timeZone: string; rows: ShownIntervalRow[] }
  | { format: 'csv'; body: string }
  | { format: 'xlsx'; body: Buffer };

/** The stored history of a period (start in [from, to)), as JSON rows or a file in the default columns. */
export async function exportIntervalHistory(
  db: Db,
  tenantId: string,
  query: IntervalExportQuery,
  format: 'json' | 'csv' | 'xlsx',
): Promise<IntervalExport> {
  if (query.from.getTime() >= query.to.getTime()) throw invalid('"to" must be after "from".');
  const max = LIMITS.intervalExportRows.max;
  const rows = await intervalHistoryFor(db, tenantId, { ...query, limit: max + 1 });
  if (rows.length > max) {
    throw invalid(
      `The period holds more than ${max.toLocaleString('en')} rows; ask for a shorter period or one queue.`,
    );
  }
  const timeZone = await tenantTimeZoneOf(db, tenantId);
  if (format === 'json') return { format, timeZone, rows: rows.map((row) => shown(timeZone, row)) };
  const table = intervalTable(rows, { timeZone, queue: true, asa: true, serviceLevel: true });
  return format === 'csv'
    ? { format, body: intervalCsv(table) }
    : { format, body: await intervalXlsx(table) };
}

/**
 * A tenant's interval history by queue: the rows imported from files, and the CSQ rows Switchboard captured
 * itself (a CSQ's name as the queue, figures by the tenant's rules), the captured row winning where both hold
 * the same queue and start. Ordered by start, then queue. What exports and forecasts read.
 */
export async function intervalHistoryFor(
  db: Db,
  tenantId: string,
  query: { from: Date; to: Date; queue?: string | undefined; limit: number },
): Promise<StoredIntervalRow[]> {
  const [imported, settings, captured] = await Promise.all([
    intervalHistoryRepository.history(db, tenantId, query),
    tenantReportingSettings(db, tenantId),
    capturedRows(db, tenantId, query),
  ]);
  const byKey = new Map<string, StoredIntervalRow>();
  for (const row of imported) byKey.set(`${row.queue}\u0000${row.intervalStart}`, row);
  for (const row of captured) {
    const counts = contactCountsOf(row);
    const metrics = contactMetrics(counts, settings.abandonRule);
    const stored: StoredIntervalRow = {
      queue: row.name,
      intervalStart: row.interval_start.getTime(),
      minutes: row.interval_minutes as IntervalMinutes,
      offered: counts.offered,
      answered: counts.answered,
      abandoned: counts.abandoned,
      ahtSeconds: metrics.ahtSeconds ?? 0,
      asaSeconds: metrics.asaSeconds,
      serviceLevel: metrics.serviceLevel,
    };
    byKey.set(`${stored.queue}\u0000${stored.intervalStart}`, stored);
  }
  return [...byKey.values()]
    .sort((a, b) => a.intervalStart - b.intervalStart || a.queue.localeCompare(b.queue))
    .slice(0, query.limit);
}

async function capturedRows(
  db: Db,
  tenantId: string,
  query: { from: Date; to: Date; queue?: string | undefined; limit: number },
) {
  let select = db
    .selectFrom('csq_intervals')
    .innerJoin('csqs', (join) =>
      join
        .onRef('csqs.id', '=', 'csq_intervals.csq_id')
        .onRef('csqs.tenant_id', '=', 'csq_intervals.tenant_id'),
    )
    .selectAll('csq_intervals')
    .select('csqs.name')
    .where('csq_intervals.tenant_id', '=', tenantId)
    .where('csq_intervals.interval_start', '>=', query.from)
    .where('csq_intervals.interval_start', '<', query.to);
  if (query.queue !== undefined) select = select.where('csqs.name', '=', query.queue);
  return select.orderBy('csq_intervals.interval_start').limit(query.limit).execute();
}
