import { setTimeout as delay } from 'node:timers/promises';
import type { ApiClient } from '@switchboard/cli/api-client';
import { sql } from 'kysely';
import { type Database, ensureFirstTenant } from '../../packages/server/src/index.ts';
import { seedChatRecords } from '../../packages/server/src/testing/seed-chat-records.ts';
import { ADMIN_PASSWORD } from './server.ts';

/** Chat records seeded before the export run, and exported by a background job while the load runs. */
export const EXPORT_CHATS = 100_000;

export interface ChatRange {
  from: string;
  to: string;
}

/**
 * Gives the first tenant (`demo`, the one the load signs in to) EXPORT_CHATS ended chats, one a second, and
 * returns their range. Runs before the server starts, on the database it will open.
 */
export async function seedExportChats(database: Database): Promise<ChatRange> {
  await ensureFirstTenant(database.db, ADMIN_PASSWORD);
  const tenant = await database.db
    .selectFrom('tenants')
    .select('id')
    .where('name', '=', 'demo')
    .executeTakeFirstOrThrow();
  const admin = await database.db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenant.id)
    .where(sql`lower(username)`, '=', 'admin')
    .executeTakeFirstOrThrow();
  const from = new Date(Date.now() - 2 * EXPORT_CHATS * 1000);
  await seedChatRecords(database.db, {
    tenantId: tenant.id,
    csqId: crypto.randomUUID(),
    agentId: admin.id,
    count: EXPORT_CHATS,
    from,
  });
  return { from: from.toISOString(), to: new Date(from.getTime() + EXPORT_CHATS * 1000).toISOString() };
}

/** When the export's job ran, by the server's record of it (epoch ms). */
export interface ExportWindow {
  from: number;
  to: number;
}

interface ExportView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  rows: number;
  error: string | null;
  jobId: string | null;
}

/** How often the bench asks for the export's status (as the desktop's screen would, only faster). */
const POLL_MS = 100;

/**
 * Asks for the export (`POST /chat-records/exports`), tells `onRunning` once its background job has started,
 * follows its status until it has completed, and downloads the file: throws unless every seeded chat is in it.
 * Returns when the job ran, from the job's own start and finish times (`GET /jobs`).
 */
export async function exportAsJob(
  admin: ApiClient,
  range: ChatRange,
  onRunning: () => void,
): Promise<ExportWindow> {
  const asked = await admin.request<ExportView>('POST', '/chat-records/exports', range);
  let view = asked;
  let told = false;
  while (view.status === 'queued' || view.status === 'running') {
    if (view.status === 'running' && !told) {
      told = true;
      onRunning();
    }
    await delay(POLL_MS);
    view = await admin.request<ExportView>('GET', `/chat-records/exports/${asked.id}`);
  }
  if (!told) onRunning();
  if (view.status !== 'completed') throw new Error(`export: ${view.status} (${view.error})`);
  if (view.rows !== EXPORT_CHATS) throw new Error(`export: ${view.rows} rows, expected ${EXPORT_CHATS}`);
  const rows = (await downloadLines(admin, asked.id)) - 1;
  if (rows !== EXPORT_CHATS) throw new Error(`export file: ${rows} rows, expected ${EXPORT_CHATS}`);
  const jobs = await admin.request<{ id: string; startedAt: string; finishedAt: string }[]>(
    'GET',
    '/jobs?state=completed',
  );
  const job = jobs.find((j) => j.id === view.jobId);
  if (!job) throw new Error(`export: its job ${view.jobId} is not among the completed ones`);
  return { from: Date.parse(job.startedAt), to: Date.parse(job.finishedAt) };
}

async function downloadLines(admin: ApiClient, id: string): Promise<number> {
  const response = await fetch(`${admin.baseUrl}/api/v1/chat-records/exports/${id}/csv`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  if (!response.ok || !response.body)
    throw new Error(`download: ${response.status} ${await response.text()}`);
  let lines = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return lines;
}
