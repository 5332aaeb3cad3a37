import { readFile } from 'node:fs/promises';
import { SwitchboardError } from '@switchboard/core';
import {
  createForecast,
  importPlannedActivities,
  migrate,
  openDatabase,
  tenantIdNamed,
  workloadsRepository,
} from '@switchboard/server';
import type { Command } from 'commander';

type StorageOptions = (command: Command) => Command;
interface Storage {
  data: string;
  databaseUrl?: string;
  tenant: string;
}

async function withTenant<T>(
  flags: Storage,
  work: (db: Awaited<ReturnType<typeof openDatabase>>['db'], tenantId: string) => Promise<T>,
) {
  const database = await openDatabase({ dataDir: flags.data, databaseUrl: flags.databaseUrl });
  await migrate(database.db);
  try {
    return await work(database.db, await tenantIdNamed(database.db, flags.tenant));
  } finally {
    await database.close();
  }
}

/** Forecasts every workload of a tenant now, as the nightly job does after the recapture. */
async function forecastWorkloads(flags: Storage & { days: string; publish?: boolean }): Promise<void> {
  const days = Number(flags.days);
  if (!Number.isInteger(days) || days < 1) throw new Error('--days must be a whole number ≥ 1.');
  await withTenant(flags, async (db, tenantId) => {
    const workloads = await workloadsRepository.list(db, tenantId);
    if (workloads.length === 0) console.error(`Tenant "${flags.tenant}" has no workloads.`);
    for (const workload of workloads) {
      try {
        const forecast = await createForecast(db, tenantId, workload.id, {
          days,
          by: null,
          now: Date.now(),
          publish: flags.publish ?? workload.auto_publish,
        });
        console.log(
          `${workload.name}: ${forecast.method}, ${forecast.days} days from ${forecast.firstDay}, ${forecast.status}.`,
        );
      } catch (error) {
        if (!(error instanceof SwitchboardError) || error.code !== 'no_history') throw error;
        console.error(`${workload.name}: no history yet, not forecast.`);
      }
    }
  });
}

async function importPlan(file: string, flags: Storage & { dryRun?: boolean }): Promise<void> {
  await withTenant(flags, async (db, tenantId) => {
    try {
      const summary = await importPlannedActivities(db, tenantId, await readFile(file), {
        dryRun: flags.dryRun ?? false,
      });
      console.log(
        `${summary.activities} planned activities of ${summary.agents} agents ${summary.dryRun ? 'checked (dry run)' : 'imported'}.`,
      );
    } catch (error) {
      const details =
        error instanceof SwitchboardError
          ? (error.details as { errors?: { line: number; message: string }[] })
          : undefined;
      for (const row of details?.errors ?? []) console.error(`line ${row.line}: ${row.message}`);
      throw error;
    }
  });
}

/** `switchboard wfm forecast-workloads | import-plan`: the product's workforce data of a tenant, on its database. */
export function addTenantWfmCommands(wfm: Command, storageOptions: StorageOptions): void {
  storageOptions(
    wfm
      .command('forecast-workloads')
      .description('Forecast every workload of a tenant now from its history, as the nightly job does.')
      .requiredOption('--tenant <name>', 'tenant name')
      .option('--days <n>', 'days to forecast from tomorrow', '14')
      .option('--publish', 'publish every forecast (default: as each workload is set)'),
  ).action(forecastWorkloads);
  storageOptions(
    wfm
      .command('import-plan <file>')
      .description(
        "Import agents' planned activities from a CSV (agent, start, end, activity, channels): every line, or none.",
      )
      .requiredOption('--tenant <name>', 'tenant name')
      .option('--dry-run', 'check the file and count, store nothing'),
  ).action(importPlan);
}
