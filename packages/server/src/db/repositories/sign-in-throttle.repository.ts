import { refundAttempt, reserveAttempt, type ThrottleRule, type ThrottleState } from '@switchboard/core';
import type { Db } from '../database.ts';

export interface ThrottledKey {
  /** Already hashed: the table holds no usernames or addresses. */
  key: string;
  rule: ThrottleRule;
}

/** When allowed: each key's consecutive failures, this attempt included. */
export type ReserveResult =
  | { allowed: true; failures: Map<string, number> }
  | { allowed: false; retryAfterMs: number };

const toState = (row: { failures: number; last_attempt_at: Date; next_allowed_at: Date }): ThrottleState => ({
  failures: row.failures,
  lastAttemptAt: row.last_attempt_at.getTime(),
  nextAllowedAt: row.next_allowed_at.getTime(),
});

const toRow = (state: ThrottleState) => ({
  failures: state.failures,
  last_attempt_at: new Date(state.lastAttemptAt),
  next_allowed_at: new Date(state.nextAllowedAt),
});

async function lockedStates(trx: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  // Locked in key order, so two attempts that share keys never wait on each other in a cycle.
  const rows = await trx
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('key', 'in', keys)
    .orderBy('key')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.key, toState(row)]));
}

/**
 * The sign-in throttle's counts, kept in the database so that every node and every parallel request sees
 * the same ones: a reservation locks the keys' rows, so attempts made together are counted one by one.
 */
export const signInThrottleRepository = {
  /** Reserves one attempt under every key, or none if any key must still wait. */
  reserve(db: Db, keys: ThrottledKey[], now: number): Promise<ReserveResult> {
    const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
    return db.transaction().execute(async (trx) => {
      const epoch = new Date(0);
      await trx
        .insertInto('sign_in_throttle')
        .values(
          sorted.map(({ key }) => ({ key, failures: 0, last_attempt_at: epoch, next_allowed_at: epoch })),
        )
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const states = await lockedStates(
        trx,
        sorted.map((k) => k.key),
      );
      const reservations = sorted.map(({ key, rule }) => ({
        key,
        ...reserveAttempt(rule, states.get(key), now),
      }));
      const refused = reservations.filter((r) => !r.allowed);
      if (refused.length > 0) {
        const retryAfterMs = Math.max(...refused.map((r) => (r.allowed ? 0 : r.retryAfterMs)));
        return { allowed: false, retryAfterMs };
      }
      for (const reservation of reservations) {
        await trx
          .updateTable('sign_in_throttle')
          .set(toRow(reservation.state))
          .where('key', '=', reservation.key)
          .execute();
      }
      return { allowed: true, failures: new Map(reservations.map((r) => [r.key, r.state.failures])) };
    });
  },

  /** The attempt succeeded: `clear` keys forget their failures, the others get the reservation back. */
  settleSuccess(db: Db, keys: (ThrottledKey & { clear: boolean })[]): Promise<void> {
    return db.transaction().execute(async (trx) => {
      const states = await lockedStates(
        trx,
        keys.map((k) => k.key),
      );
      for (const { key, rule, clear } of keys) {
        const state = states.get(key);
        if (!state) continue;
        if (clear) await trx.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
        else
          await trx
            .updateTable('sign_in_throttle')
            .set(toRow(refundAttempt(rule, state)))
            .where('key', '=', key)
            .execute();
      }
    });
  },

  /** Drops keys whose last attempt is older than `before`: they have forgotten their failures anyway. */
  async forget(db: Db, before: Date): Promise<void> {
    await db.deleteFrom('sign_in_throttle').where('last_attempt_at', '<', before).execute();
  },
};
