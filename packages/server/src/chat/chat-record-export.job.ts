import { isAllowed } from '@switchboard/core';
import { Type } from 'typebox';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { usersRepository } from '../db/repositories/users.repository.ts';
import { Uuid } from '../http/common.schema.ts';
import { FinalJobFailure, type JobQueue } from '../jobs/job-queue.ts';
import { exportsRepository as repository } from './chat-record-exports.repository.ts';
import { chatRecordsCsvChunks } from './chat-records-export.ts';

export const EXPORT_JOB = 'chat-records.export';

/**
 * Characters of CSV per stored part: a few pages of rows (a page is about 25 kB), each part one short insert,
 * and a download reads one part per query.
 */
export const PART_CHARS = 64 * 1024;

export interface ExportRun {
  /** Whether a failure now is final: the export is then marked failed (otherwise it stays running for the retry). */
  lastAttempt: boolean;
  now: () => number;
  partChars?: number;
}

/**
 * Writes the export's CSV into its parts. Idempotent: each run deletes the parts an earlier run left and writes
 * them all again, page by page (chatRecordsCsvChunks: short queries that let routing go first), then marks the
 * export completed with its row count. It runs with the rights its requester holds now: one who may no longer
 * read contacts (or is gone or deactivated) fails the export at once, without retries.
 */
export async function runChatRecordExport(
  db: Db,
  tenantId: string,
  exportId: string,
  { lastAttempt, now, partChars = PART_CHARS }: ExportRun,
): Promise<void> {
  const request = await repository.find(db, tenantId, exportId);
  if (!request) return; // purged, or its tenant is gone: nothing left to write
  const principal = await requester(db, tenantId, request.requested_by);
  if (typeof principal === 'string') {
    await repository.fail(db, tenantId, exportId, principal, new Date(now()));
    throw new FinalJobFailure(principal);
  }
  try {
    await repository.start(db, tenantId, exportId);
    await repository.deleteParts(db, tenantId, exportId);
    let rows = 0;
    let seq = 0;
    let buffer = '';
    const range = {
      from: request.from_at.toISOString(),
      to: request.to_at.toISOString(),
      csqId: request.csq_id ?? undefined,
    };
    const chunks = chatRecordsCsvChunks(db, principal, range, {
      onProgress: (progress) => {
        rows = progress.rows;
      },
    });
    for await (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length < partChars) continue;
      await repository.insertPart(db, tenantId, exportId, seq++, buffer);
      buffer = '';
    }
    if (buffer || seq === 0) await repository.insertPart(db, tenantId, exportId, seq, buffer);
    await repository.complete(db, tenantId, exportId, rows, new Date(now()));
  } catch (error) {
    if (lastAttempt) {
      const reason = error instanceof Error ? error.message : String(error);
      await repository.fail(db, tenantId, exportId, reason, new Date(now()));
    }
    throw error;
  }
}

/** The requester as they are now, or why they may not export any more. */
async function requester(db: Db, tenantId: string, userId: string): Promise<Principal | string> {
  const user = await usersRepository.findById(db, tenantId, userId);
  if (!user?.active) return 'The user who asked for this export is no longer active.';
  const principal: Principal = { tenantId, userId, role: user.role, name: user.username };
  if (!isAllowed(principal, 'contact.read'))
    return `The user who asked for this export may no longer read contacts (their role is now ${user.role}).`;
  return principal;
}

/** The kind: one job per export (its id the singleton key), retried with backoff. */
export function defineChatRecordExport(jobs: JobQueue, db: Db, now: () => number): void {
  jobs.define(EXPORT_JOB, {
    schema: Type.Object({ exportId: Uuid }, { additionalProperties: false }),
    retry: { limit: 3, backoff: { delaySeconds: 30, exponential: true, maxSeconds: 600 } },
    singleton: true,
    // Long periods take minutes; a run still going after an hour is taken for dead and run again.
    timeoutMs: 60 * 60_000,
    handler: async ({ exportId }, run) => {
      if (!run.tenantId) throw new FinalJobFailure('A chat records export belongs to a tenant.');
      await runChatRecordExport(db, run.tenantId, exportId, { lastAttempt: run.lastAttempt, now });
    },
  });
}
