import { authorize, invalid, LIMITS, notFound, SwitchboardError } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { lockTenant } from '../db/tenant-lock.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { EXPORT_JOB } from './chat-record-export.job.ts';
import {
  type ChatRecordExportRow,
  PENDING,
  exportsRepository as repository,
} from './chat-record-exports.repository.ts';
import type { ChatRecordRange } from './chat-records.ts';

export interface ExportsContext {
  db: Db;
  jobs: JobQueue;
  now: () => number;
}

/** Exports the list shows: the most recent; the nightly purge removes those finished a week ago. */
const RECENT = 50;

/**
 * Stores the request and enqueues its job: 202, the file comes later. The period must not be empty, a CSQ
 * must be the tenant's, and a tenant has at most `chatRecordExportsPendingPerTenant` exports waiting or
 * running (counted with the tenant's row held, so two requests at once cannot both take the last place).
 */
export async function requestExport(context: ExportsContext, principal: Principal, range: ChatRecordRange) {
  authorize(principal, 'contact.read');
  const { db, jobs } = context;
  const { tenantId } = principal;
  if (Date.parse(range.from) >= Date.parse(range.to))
    throw invalid('The period ends before it starts: "to" must be after "from".', [
      { path: 'body/to', message: '"to" must be after "from".' },
    ]);
  await settle(context, tenantId, await repository.pending(db, tenantId));
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await lockTenant(trx, tenantId);
    const max = LIMITS.chatRecordExportsPendingPerTenant.max;
    if ((await repository.countPending(trx, tenantId)) >= max)
      throw new SwitchboardError(
        'limit_reached',
        `${max} exports are already waiting or running, the most a tenant may have: wait for one to finish.`,
        { limit: max, what: 'chatRecordExportsPendingPerTenant' },
      );
    if (range.csqId && !(await csqExists(trx, tenantId, range.csqId)))
      throw invalid('There is no such CSQ.', [{ path: 'body/csqId', message: 'There is no such CSQ.' }]);
    await repository.insert(trx, {
      tenant_id: tenantId,
      id,
      requested_by: principal.userId,
      from_at: new Date(range.from),
      to_at: new Date(range.to),
      csq_id: range.csqId ?? null,
      created_at: new Date(context.now()),
    });
  });
  try {
    const jobId = await jobs.enqueue(tenantId, EXPORT_JOB, { exportId: id }, { key: id });
    await repository.setJob(db, tenantId, id, jobId);
  } catch (error) {
    await repository.fail(db, tenantId, id, 'The export could not be queued.', new Date(context.now()));
    throw error;
  }
  return findExport(context, principal, id);
}

export async function listExports(context: ExportsContext, principal: Principal) {
  authorize(principal, 'contact.read');
  const rows = await repository.recent(context.db, principal.tenantId, RECENT);
  if (rows.some((row) => PENDING.includes(row.status))) {
    await settle(context, principal.tenantId, rows);
    return Promise.all(
      (await repository.recent(context.db, principal.tenantId, RECENT)).map(present(context)),
    );
  }
  return Promise.all(rows.map(present(context)));
}

export async function findExport(context: ExportsContext, principal: Principal, id: string) {
  authorize(principal, 'contact.read');
  const row = await found(context, principal.tenantId, id);
  return present(context)(row);
}

/** The finished file as its parts in order; `export_not_ready` until the export has completed. */
export async function exportFile(context: ExportsContext, principal: Principal, id: string) {
  authorize(principal, 'contact.read');
  const row = await found(context, principal.tenantId, id);
  if (row.status !== 'completed')
    throw new SwitchboardError(
      'export_not_ready',
      row.status === 'failed'
        ? `The export failed (${row.error ?? 'no reason given'}): ask for it again.`
        : `The export is ${row.status}: download it once it has completed.`,
      { status: row.status },
    );
  return repository.parts(context.db, principal.tenantId, id);
}

async function found(context: ExportsContext, tenantId: string, id: string): Promise<ChatRecordExportRow> {
  const row = await repository.find(context.db, tenantId, id);
  if (!row) throw notFound('The export');
  if (!PENDING.includes(row.status)) return row;
  await settle(context, tenantId, [row]);
  return (await repository.find(context.db, tenantId, id)) ?? row;
}

/**
 * An export whose job ended without it (cancelled on the Jobs screen, or failed by a crash or timeout on its last
 * attempt) would wait for ever: it is marked failed with the job's error.
 */
async function settle(context: ExportsContext, tenantId: string, rows: ChatRecordExportRow[]): Promise<void> {
  for (const row of rows) {
    if (!PENDING.includes(row.status) || !row.job_id) continue;
    const job = await context.jobs.get({ tenantId }, row.job_id);
    if (job && job.state !== 'failed' && job.state !== 'cancelled') continue;
    const reason = !job
      ? 'Its job is gone.'
      : job.state === 'cancelled'
        ? 'Its job was cancelled.'
        : (job.error ?? 'Its job failed.');
    await repository.fail(context.db, tenantId, row.id, reason, new Date(context.now()), true);
  }
}

/** The API's form; while a retry is due, `error` is why the last attempt failed. */
function present(context: ExportsContext) {
  return async (row: ChatRecordExportRow) => {
    let error = row.error;
    if (PENDING.includes(row.status) && row.job_id)
      error = (await context.jobs.get({ tenantId: row.tenant_id }, row.job_id))?.error ?? null;
    return {
      id: row.id,
      status: row.status,
      from: row.from_at.toISOString(),
      to: row.to_at.toISOString(),
      csqId: row.csq_id,
      rows: row.rows,
      error,
      requestedBy: row.requested_by,
      jobId: row.job_id,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
    };
  };
}

async function csqExists(db: Db, tenantId: string, csqId: string): Promise<boolean> {
  const row = await db
    .selectFrom('csqs')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', csqId)
    .executeTakeFirst();
  return row !== undefined;
}
