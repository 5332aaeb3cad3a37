import { invalid, notFound, SwitchboardError } from '@switchboard/core';
import { parseOpenHours, type WeeklyHours } from '@switchboard/wfm';
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { WfmWorkloadsTable } from '../db/schema.ts';

export type WorkloadRow = Selectable<WfmWorkloadsTable>;
export type WorkloadChannel = WorkloadRow['channel'];

/** What a workload is staffed to: a service level, an average speed of answer, or (email) a response time. */
export type WorkloadTarget =
  | { kind: 'service_level'; percent: number; seconds: number }
  | { kind: 'asa'; seconds: number }
  | { kind: 'response_time'; seconds: number };

export interface Workload {
  id: string;
  name: string;
  channel: WorkloadChannel;
  basis: 'csq' | 'call_type';
  csqIds: string[];
  callTypes: string[];
  importedQueues: string[];
  target: WorkloadTarget;
  maxOccupancy: number | null;
  shrinkage: number;
  patienceSeconds: number | null;
  maxConcurrentChats: number | null;
  /** As typed, e.g. "mon-fri 08:00-20:00"; null: open where the history has contacts. */
  openHours: string | null;
  autoPublish: boolean;
  createdAt: string;
  updatedAt: string;
}

export type WorkloadInput = Omit<Workload, 'id' | 'createdAt' | 'updatedAt'>;

/** A tenant keeps at most this many workloads. */
export const WORKLOADS_PER_TENANT = 200;

function targetOf(row: WorkloadRow): WorkloadTarget {
  if (row.response_seconds !== null) return { kind: 'response_time', seconds: row.response_seconds };
  if (row.asa_seconds !== null) return { kind: 'asa', seconds: row.asa_seconds };
  return {
    kind: 'service_level',
    percent: row.service_level_pct ?? 80,
    seconds: row.service_level_seconds ?? 20,
  };
}

export function presentWorkload(row: WorkloadRow): Workload {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    basis: row.basis,
    csqIds: row.csq_ids,
    callTypes: row.call_types,
    importedQueues: row.imported_queues,
    target: targetOf(row),
    maxOccupancy: row.max_occupancy,
    shrinkage: row.shrinkage,
    patienceSeconds: row.patience_seconds,
    maxConcurrentChats: row.max_concurrent_chats,
    openHours: typeof row.open_hours === 'string' ? row.open_hours : null,
    autoPublish: row.auto_publish,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The workload's open hours as the forecast reads them; undefined when none are set. */
export function openHoursOf(workload: Workload): WeeklyHours | undefined {
  return workload.openHours === null ? undefined : parseOpenHours(workload.openHours);
}

/**
 * Checks what the schema cannot: the target fits the channel, chat has a concurrency, the queues exist, at least
 * one source of history is named, the open hours parse.
 */
export async function checkWorkload(db: Db, tenantId: string, input: WorkloadInput): Promise<void> {
  if (input.channel === 'email' && input.target.kind !== 'response_time')
    throw invalid('An email workload is staffed to a response time: give target.kind "response_time".');
  if (input.channel !== 'email' && input.target.kind === 'response_time')
    throw invalid('A response-time target is for email; voice and chat take "service_level" or "asa".');
  if (input.channel === 'chat' && input.maxConcurrentChats === null)
    throw invalid('A chat workload needs maxConcurrentChats: the chats an agent holds at once.');
  if (input.csqIds.length + input.callTypes.length + input.importedQueues.length === 0)
    throw invalid(
      'Name the workload’s queues: csqIds, callTypes or importedQueues (imported interval history).',
    );
  if (input.basis === 'call_type' && input.csqIds.length > 0)
    throw invalid('A workload by call type names callTypes, not csqIds.');
  if (input.basis === 'csq' && input.callTypes.length > 0)
    throw invalid('A workload by CSQ names csqIds, not callTypes.');
  if (input.openHours !== null) parseOpenHours(input.openHours);
  if (input.csqIds.length === 0) return;
  const known = await db
    .selectFrom('csqs')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', input.csqIds)
    .execute();
  const unknown = input.csqIds.filter((id) => !known.some((csq) => csq.id === id));
  if (unknown.length > 0)
    throw new SwitchboardError(
      'unknown_csq',
      `No CSQ of yours has the id ${unknown.slice(0, 5).join(', ')}: list the CSQs (GET /csqs) and use their ids.`,
      { ids: unknown },
    );
}

export function workloadColumns(input: WorkloadInput) {
  const { target } = input;
  return {
    name: input.name.trim(),
    channel: input.channel,
    basis: input.basis,
    csq_ids: [...new Set(input.csqIds)],
    call_types: [...new Set(input.callTypes)],
    imported_queues: [...new Set(input.importedQueues)],
    service_level_pct: target.kind === 'service_level' ? target.percent : null,
    service_level_seconds: target.kind === 'service_level' ? target.seconds : null,
    asa_seconds: target.kind === 'asa' ? target.seconds : null,
    response_seconds: target.kind === 'response_time' ? target.seconds : null,
    max_occupancy: input.maxOccupancy,
    shrinkage: input.shrinkage,
    patience_seconds: input.patienceSeconds,
    max_concurrent_chats: input.channel === 'chat' ? input.maxConcurrentChats : null,
    open_hours: input.openHours === null ? null : JSON.stringify(input.openHours),
    auto_publish: input.autoPublish,
  };
}

export const workloadsRepository = {
  list: (db: Db, tenantId: string) =>
    db.selectFrom('wfm_workloads').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute(),

  async get(db: Db, tenantId: string, id: string): Promise<Workload> {
    const row = await db
      .selectFrom('wfm_workloads')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Workload');
    return presentWorkload(row);
  },
};
