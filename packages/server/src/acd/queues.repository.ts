import { LEG_EVENT_TYPES, type LegEvent, OUTCOMES, type Outcome } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

const isOutcome = (value: string | null): value is Outcome => OUTCOMES.some((o) => o === value);

export const queuesRepository = {
  /**
   * The leg events (queued, accepted, transferred, ended) since `from`, in the order they happened, of every
   * contact that was queued since then — in `csqId` only, when given.
   */
  async legEventsSince(db: Db, tenantId: string, from: Date, csqId?: string): Promise<LegEvent[]> {
    let entered = db
      .selectFrom('contact_events')
      .select('contact_id')
      .where('tenant_id', '=', tenantId)
      .where('type', '=', 'contact.queued')
      .where('at', '>=', from);
    if (csqId) entered = entered.where('csq_id', '=', csqId);
    const rows = await db
      .selectFrom('contact_events')
      .select([
        'contact_id',
        'type',
        'at',
        'csq_id',
        sql<string | null>`data->>'cause'`.as('cause'),
        sql<string | null>`data->>'toCsqId'`.as('to_csq_id'),
        sql<string | null>`data->>'outcome'`.as('outcome'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('at', '>=', from)
      .where('type', 'in', LEG_EVENT_TYPES)
      .where('contact_id', 'in', entered)
      .orderBy('id')
      .execute();
    return rows.flatMap((row): LegEvent[] => {
      const base = { contactId: row.contact_id, at: row.at.getTime() };
      switch (row.type) {
        case 'contact.queued':
          return row.csq_id ? [{ type: row.type, ...base, csqId: row.csq_id, cause: row.cause }] : [];
        case 'contact.accepted':
          return [{ type: row.type, ...base }];
        case 'contact.transferred':
          return [{ type: row.type, ...base, toCsqId: row.to_csq_id }];
        case 'contact.ended':
          return isOutcome(row.outcome) ? [{ type: row.type, ...base, outcome: row.outcome }] : [];
        default:
          return [];
      }
    });
  },

  /** Who the given users are, for lists of agents. */
  async people(db: Db, tenantId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'alias', 'team_id'])
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
  },
};
