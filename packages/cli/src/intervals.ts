import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  INTERVAL_FIELD_LABELS,
  type IntervalMapping,
  isIntervalMinutes,
  LIMITS,
  SwitchboardError,
} from '@switchboard/core';
import {
  exportIntervalHistory,
  type IntervalImportPreview,
  importIntervalFile,
  migrate,
  openDatabase,
  previewIntervalFile,
  tenantIdNamed,
} from '@switchboard/server';
import type { Command } from 'commander';
import { progressBar } from './wfm/progress.ts';

type StorageOptions = (command: Command) => Command;
interface Storage {
  data: string;
  databaseUrl?: string;
}

/** `--map "Handled=answered,Talk=ahtSeconds"` (or the same as JSON) ⇒ the mapping of the API. */
export function parseMapping(text: string | undefined): IntervalMapping | undefined {
  if (text === undefined) return undefined;
  if (text.trim().startsWith('{')) return JSON.parse(text) as IntervalMapping;
  const mapping: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.lastIndexOf('=');
    if (at <= 0)
      throw new Error(`--map takes "File column=field" pairs separated by commas; "${pair}" has no "="`);
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return mapping;
}

async function withDatabase<T>(
  flags: Storage,
  work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>,
) {
  const database = await openDatabase({ dataDir: flags.data, databaseUrl: flags.databaseUrl });
  await migrate(database.db);
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

function printPreview(preview: IntervalImportPreview): void {
  console.log(`Time zone: ${preview.timeZone}`);
  console.log('Columns:');
  for (const column of preview.columns) {
    console.log(
      `  ${column.name} → ${column.field === null ? '(not read)' : `${column.field} (${INTERVAL_FIELD_LABELS[column.field]})`}`,
    );
  }
  console.log(`Rows read: ${preview.rowCount}${preview.rows.length > 0 ? '; the first:' : ''}`);
  for (const row of preview.rows) {
    console.log(
      `  ${row.intervalStart}  ${row.queue}  offered ${row.offered}, answered ${row.answered}, abandoned ${row.abandoned}, AHT ${row.ahtSeconds} s`,
    );
  }
}

function printErrors(errors: readonly { message: string }[], truncated: boolean): void {
  for (const error of errors) console.error(error.message);
  if (truncated) console.error(`… and more: reading stopped after ${errors.length} errors.`);
}

interface ImportFlags extends Storage {
  tenant: string;
  minutes: string;
  queue?: string;
  map?: string;
  dryRun?: boolean;
}

async function importCommand(file: string, flags: ImportFlags): Promise<void> {
  const minutes = Number(flags.minutes);
  if (!isIntervalMinutes(minutes)) throw new Error('--minutes must be 15, 30 or 60: the length of each row');
  const { size } = await stat(file);
  if (size > LIMITS.intervalImport.fileBytes) {
    throw new Error(`${file} is larger than ${LIMITS.intervalImport.fileBytes / (1024 * 1024)} MB; split it`);
  }
  const reading = progressBar('Reading');
  const storing = progressBar('Storing');
  await withDatabase(flags, async (db) => {
    const input = {
      tenantId: await tenantIdNamed(db, flags.tenant),
      fileName: basename(file),
      format: extname(file).toLowerCase() === '.xlsx' ? ('xlsx' as const) : ('csv' as const),
      file: await readFile(file),
      minutes,
      queue: flags.queue,
      mapping: parseMapping(flags.map),
      progress: reading.update,
      storeProgress: storing.update,
    };
    if (flags.dryRun) {
      const preview = await previewIntervalFile(db, input);
      reading.stop();
      printPreview(preview);
      printErrors(preview.errors, preview.errorsTruncated);
      if (preview.errors.length > 0) process.exitCode = 1;
      return;
    }
    try {
      const done = await importIntervalFile(db, { ...input, userId: null, now: new Date() });
      console.log(
        `Imported ${done.rows} rows of ${done.fileName} into tenant "${flags.tenant}": ${done.inserted} new, ${done.replaced} replaced.`,
      );
    } catch (error) {
      const details =
        error instanceof SwitchboardError
          ? (error.details as { errors?: { message: string }[]; errorsTruncated?: boolean } | undefined)
          : undefined;
      if (details?.errors === undefined) throw error;
      printErrors(details.errors, details.errorsTruncated === true);
      throw new Error(`${file}: nothing was imported; mend the lines above and run again`);
    } finally {
      reading.stop();
      storing.stop();
    }
  });
}

interface ExportFlags extends Storage {
  tenant: string;
  from: string;
  to: string;
  queue?: string;
  format?: 'csv' | 'xlsx';
  out?: string;
}

async function exportCommand(flags: ExportFlags): Promise<void> {
  const format = flags.format ?? (flags.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  const [from, to] = [new Date(flags.from), new Date(flags.to)];
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new Error(
      '--from and --to are dates or ISO-8601 times, e.g. 2026-03-01 or 2026-03-01T00:00:00+01:00',
    );
  }
  await withDatabase(flags, async (db) => {
    const exported = await exportIntervalHistory(
      db,
      await tenantIdNamed(db, flags.tenant),
      { from, to, queue: flags.queue },
      format,
    );
    if (exported.format === 'json') return;
    if (flags.out === undefined) process.stdout.write(exported.body);
    else {
      await writeFile(flags.out, exported.body);
      console.error(`Wrote ${flags.out}.`);
    }
  });
}

/** `switchboard intervals import|export`: interval history straight on the database. */
export function addIntervalsCommands(program: Command, storageOptions: StorageOptions): void {
  const intervals = program
    .command('intervals')
    .description('Import and export interval history (CSV or XLSX).');
  storageOptions(
    intervals
      .command('import <file>')
      .description(
        'Import interval history from a CSV or XLSX file: every row, or none when a row has an error.',
      )
      .requiredOption('--tenant <name>', 'tenant name')
      .requiredOption('--minutes <15|30|60>', 'the length of each row')
      .option('--queue <name>', 'the queue of every row, for a file without a queue column')
      .option('--map <pairs>', 'file columns to fields, e.g. "Handled=answered,Talk=ahtSeconds"')
      .option('--dry-run', 'read and check the file, show its columns and first rows, store nothing'),
  ).action(importCommand);
  storageOptions(
    intervals
      .command('export')
      .description('Write the interval history of a period (starts in [from, to)) in the default columns.')
      .requiredOption('--tenant <name>', 'tenant name')
      .requiredOption('--from <time>', 'first start, ISO-8601')
      .requiredOption('--to <time>', 'end (exclusive), ISO-8601')
      .option('--queue <name>', 'one queue only')
      .option('--format <csv|xlsx>', 'file format (default: from --out, else csv)')
      .option('--out <file>', 'the file to write (default: standard output)'),
  ).action(exportCommand);
}
