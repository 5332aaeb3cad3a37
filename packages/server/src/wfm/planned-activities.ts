import { invalid } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { readPlannedShifts } from './planned-shift-file.ts';

export interface PlannedImportSummary {
  activities: number;
  agents: number;
  dryRun: boolean;
}

/**
 * Imports a planned-shift CSV for a tenant: every line checked first (a file with errors is refused whole,
 * `validation_failed` with details.errors), then, for each agent in the file, their planned activities over
 * the file's span replaced, in one transaction. A dry run checks and counts only.
 */
export async function importPlannedActivities(
  db: Db,
  tenantId: string,
  file: Buffer,
  options: { dryRun: boolean },
): Promise<PlannedImportSummary> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const byName = new Map(users.map((user) => [user.username.toLowerCase(), user.id]));
  const { timeZone } = await tenantReportingSettings(db, tenantId);
  const reading = readPlannedShifts(file, {
    timeZone,
    agentIdOf: (username) => byName.get(username.toLowerCase()),
  });
  if (reading.errors.length > 0)
    throw invalid(
      `The file has ${reading.errors.length} error(s); nothing was imported. First: line ${reading.errors[0]?.line}: ${reading.errors[0]?.message}.`,
      { errors: reading.errors },
    );
  if (reading.rows.length === 0) throw invalid('The file has no activities.');
  const agents = [...new Set(reading.rows.map((row) => row.agentId))];
  const summary = { activities: reading.rows.length, agents: agents.length, dryRun: options.dryRun };
  if (options.dryRun) return summary;
  const importId = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    // Imports of one tenant take turns: two at once could both insert, and an agent's plan would overlap.
    await sql`select pg_advisory_xact_lock(hashtext(${`wfm-plan:${tenantId}`}))`.execute(trx);
    for (const agentId of agents) {
      const own = reading.rows.filter((row) => row.agentId === agentId);
      await clearSpan(
        trx,
        tenantId,
        agentId,
        Math.min(...own.map((row) => row.start)),
        Math.max(...own.map((row) => row.end)),
      );
    }
    for (let i = 0; i < reading.rows.length; i += 1000) {
      await trx
        .insertInto('wfm_planned_activities')
        .values(
          reading.rows.slice(i, i + 1000).map((row) => ({
            tenant_id: tenantId,
            id: crypto.randomUUID(),
            agent_id: row.agentId,
            starts_at: new Date(row.start),
            ends_at: new Date(row.end),
            activity: row.activity,
            channels: row.channels,
            import_id: importId,
          })),
        )
        .execute();
    }
  });
  return summary;
}

/**
 * Makes room for an agent's new plan over [from, to): blocks inside go, blocks reaching into it are cut at its
 * edges (a block around the whole span keeps its part before and after).
 */
async function clearSpan(db: Db, tenantId: string, agentId: string, from: number, to: number) {
  const [start, end] = [new Date(from), new Date(to)];
  const mine = () =>
    db
      .selectFrom('wfm_planned_activities')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('agent_id', '=', agentId);
  for (const around of await mine().where('starts_at', '<', start).where('ends_at', '>', end).execute()) {
    await db
      .insertInto('wfm_planned_activities')
      .values({ ...around, id: crypto.randomUUID(), starts_at: end })
      .execute();
    await db
      .updateTable('wfm_planned_activities')
      .set({ ends_at: start })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', around.id)
      .execute();
  }
  await db
    .updateTable('wfm_planned_activities')
    .set({ ends_at: start })
    .where('tenant_id', '=', tenantId)
    .where('agent_id', '=', agentId)
    .where('starts_at', '<', start)
    .where('ends_at', '>', start)
    .execute();
  await db
    .updateTable('wfm_planned_activities')
    .set({ starts_at: end })
    .where('tenant_id', '=', tenantId)
    .where('agent_id', '=', agentId)
    .where('starts_at', '>=', start)
    .where('starts_at', '<', end)
    .where('ends_at', '>', end)
    .execute();
  await db
    .deleteFrom('wfm_planned_activities')
    .where('tenant_id', '=', tenantId)
    .where('agent_id', '=', agentId)
    .where('starts_at', '>=', start)
    .where('ends_at', '<=', end)
    .execute();
}
