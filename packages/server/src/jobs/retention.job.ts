import { SIGN_IN_THROTTLE } from '@switchboard/core';
import { Type } from 'typebox';
import { exportsRepository } from '../chat/chat-record-exports.repository.ts';
import type { Db } from '../db/database.ts';
import { purgeEvents } from '../events/event-log.ts';
import type { JobQueue } from './job-queue.ts';

export const RETENTION_JOB = 'retention.purge';
const DAY_MS = 86_400_000;

/** Sessions stay this long after they expired or were revoked (for anyone looking into a sign-in), then go. */
export const ENDED_SESSION_DAYS = 30;

/** Event-log entries are kept this long: a stream or feed that resumes from an older cursor resyncs. */
export const EVENT_LOG_DAYS = 7;
/** Chat record exports (and their files) are kept this long after they finished. */
export const FINISHED_EXPORT_DAYS = 7;
/** Entries deleted per statement, so the purge never holds the database long. */
const EVENT_LOG_CHUNK = 5000;

export interface Purged {
  eventLog: number;
  streamTickets: number;
  signInThrottle: number;
  sessions: number;
  chatRecordExports: number;
}

/**
 * Deletes rows nothing reads any more: stream tickets past their expiry (refused already; new tickets sweep
 * them only when someone asks for one), sign-in throttle keys whose last attempt is older than the longest
 * window (they have forgotten their failures), and sessions that ended — expired or revoked — more than
 * `ENDED_SESSION_DAYS` ago (a refresh with them is refused either way), and each tenant's event log older than
 * `EVENT_LOG_DAYS`, a prefix at a time, and chat record exports finished more than `FINISHED_EXPORT_DAYS` ago with
 * their files, one export per statement. Idempotent: a second run deletes nothing.
 */
export async function purgeExpired(db: Db, nowMs: number): Promise<Purged> {
  const now = new Date(nowMs);
  const throttleWindow = Math.max(
    SIGN_IN_THROTTLE.userAtAddress.forgetAfterMs,
    SIGN_IN_THROTTLE.address.forgetAfterMs,
  );
  const sessionsBefore = new Date(nowMs - ENDED_SESSION_DAYS * DAY_MS);
  const tickets = await db.deleteFrom('stream_tickets').where('expires_at', '<=', now).executeTakeFirst();
  const throttle = await db
    .deleteFrom('sign_in_throttle')
    .where('last_attempt_at', '<', new Date(nowMs - throttleWindow))
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', sessionsBefore), eb('revoked_at', '<', sessionsBefore)]))
    .executeTakeFirst();
  let eventLog = 0;
  const logBefore = new Date(nowMs - EVENT_LOG_DAYS * DAY_MS);
  for (const { id } of await db.selectFrom('tenants').select('id').execute())
    for (let purged = EVENT_LOG_CHUNK; purged === EVENT_LOG_CHUNK; eventLog += purged)
      purged = await purgeEvents(db, id, logBefore, EVENT_LOG_CHUNK);
  let chatRecordExports = 0;
  const exportsBefore = new Date(nowMs - FINISHED_EXPORT_DAYS * DAY_MS);
  while (await exportsRepository.purgeOneFinishedBefore(db, exportsBefore)) chatRecordExports++;
  return {
    eventLog,
    streamTickets: Number(tickets.numDeletedRows),
    signInThrottle: Number(throttle.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    chatRecordExports,
  };
}

/** The purge, every night at 03:30 in the deployment's zone (UTC unless set), for the whole deployment. */
export function defineRetention(jobs: JobQueue, db: Db, now: () => number, timeZone = 'UTC'): void {
  jobs.define(RETENTION_JOB, {
    schema: Type.Object({}, { additionalProperties: false }),
    retry: { limit: 3, backoff: { delaySeconds: 300, exponential: true } },
    singleton: true,
    handler: async () => {
      await purgeExpired(db, now());
    },
  });
  jobs.recur(RETENTION_JOB, { kind: 'daily', hour: 3, minute: 30, timeZone }, {});
}
