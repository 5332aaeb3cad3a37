import type { AssistRequest } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AssistRequestsTable } from '../db/schema.ts';

/** A request as stored, with the names and the contact's details its alert shows. */
export interface StoredAssist extends AssistRequest {
  id: string;
  contactId: string;
  agentId: string;
  agentName: string;
  teamId: string | null;
  answeredByName: string | null;
  primaryName: string | null;
  secondaryName: string | null;
  customerName: string | null;
  csqId: string;
  csqName: string;
}

export interface NewAssist {
  id: string;
  contactId: string;
  agentId: string;
  teamId: string | null;
  request: AssistRequest;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const ms = (d: Date | null) => (d === null ? null : d.getTime());
const OPEN = sql<boolean>`r.answered_at is null and r.cancelled_at is null and r.ended_at is null`;
/** The request's agent no longer handles its contact: it ended, went back to a queue or to wrap-up, or moved on. */
const ABANDONED = sql<boolean>`not exists (select 1 from contacts c where c.tenant_id = r.tenant_id
  and c.id = r.contact_id and c.agent_id = r.agent_id and c.status = 'active')`;

function requests(db: Db, tenantId: string) {
  return db
    .selectFrom('assist_requests as r')
    .innerJoin('users as a', (j) =>
      j.onRef('a.tenant_id', '=', 'r.tenant_id').onRef('a.id', '=', 'r.agent_id'),
    )
    .leftJoin('users as p', (j) =>
      j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.primary_supervisor_id'),
    )
    .leftJoin('users as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.secondary_supervisor_id'),
    )
    .leftJoin('users as w', (j) =>
      j.onRef('w.tenant_id', '=', 'r.tenant_id').onRef('w.id', '=', 'r.answered_by'),
    )
    .innerJoin('contacts as c', (join) =>
      join.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.id', '=', 'r.contact_id'),
    )
    .innerJoin('csqs as q', (join) =>
      join.onRef('q.tenant_id', '=', 'c.tenant_id').onRef('q.id', '=', 'c.csq_id'),
    )
    .leftJoin('chat_sessions as cs', (join) =>
      join.onRef('cs.tenant_id', '=', 'r.tenant_id').onRef('cs.contact_id', '=', 'r.contact_id'),
    )
    .selectAll('r')
    .select([
      'a.display_name as agent_name',
      'p.display_name as primary_name',
      's.display_name as secondary_name',
      'w.display_name as answered_by_name',
      'cs.customer_name',
      'c.csq_id',
      'q.name as csq_name',
    ])
    .where('r.tenant_id', '=', tenantId);
}

type Row = Awaited<ReturnType<ReturnType<typeof requests>['executeTakeFirstOrThrow']>>;

const stored = (row: Row): StoredAssist => ({
  id: row.id,
  contactId: row.contact_id,
  agentId: row.agent_id,
  agentName: row.agent_name,
  teamId: row.team_id,
  kind: row.kind,
  createdAt: row.created_at.getTime(),
  primaryId: row.primary_supervisor_id,
  secondaryId: row.secondary_supervisor_id,
  primaryName: row.primary_name,
  secondaryName: row.secondary_name,
  escalatedAt: ms(row.escalated_at),
  answeredAt: ms(row.answered_at),
  answeredBy: row.answered_by,
  answeredByName: row.answered_by_name,
  cancelledAt: ms(row.cancelled_at),
  endedAt: ms(row.ended_at),
  customerName: row.customer_name,
  csqId: row.csq_id,
  csqName: row.csq_name,
});

/** Whose requests a list shows: the tenant's, or one person's own and (a supervisor's) those alerted to them. */
export type AssistScope = 'everyone' | { userId: string; supervisor: boolean };

export const assistRepository = {
  async insert(db: Db, tenantId: string, row: NewAssist): Promise<void> {
    const { request } = row;
    await db
      .insertInto('assist_requests')
      .values({
        id: row.id,
        tenant_id: tenantId,
        contact_id: row.contactId,
        agent_id: row.agentId,
        team_id: row.teamId,
        primary_supervisor_id: request.primaryId,
        secondary_supervisor_id: request.secondaryId,
        kind: request.kind,
        created_at: new Date(request.createdAt),
        escalated_at: date(request.escalatedAt),
      })
      .execute();
  },

  async find(db: Db, tenantId: string, id: string): Promise<StoredAssist | undefined> {
    const row = await requests(db, tenantId).where('r.id', '=', id).executeTakeFirst();
    return row && stored(row);
  },

  async openOn(db: Db, tenantId: string, contactId: string): Promise<StoredAssist | undefined> {
    const row = await requests(db, tenantId)
      .where('r.contact_id', '=', contactId)
      .where(OPEN)
      .executeTakeFirst();
    return row && stored(row);
  },

  async list(db: Db, tenantId: string, scope: AssistScope, open: boolean, limit: number, offset: number) {
    let query = requests(db, tenantId);
    if (open) query = query.where(OPEN);
    if (scope !== 'everyone') {
      const me = scope.userId;
      query = query.where((eb) =>
        eb.or([
          eb('r.agent_id', '=', me),
          ...(scope.supervisor
            ? [
                eb('r.primary_supervisor_id', '=', me),
                eb.and([eb('r.secondary_supervisor_id', '=', me), eb('r.escalated_at', 'is not', null)]),
              ]
            : []),
        ]),
      );
    }
    const rows = await query
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(stored);
  },

  /** Tenants with an open request, whose contacts a starting server watches again. */
  async tenantsWithOpen(db: Db): Promise<string[]> {
    const rows = await db
      .selectFrom('assist_requests as r')
      .select('r.tenant_id')
      .distinct()
      .where(OPEN)
      .execute();
    return rows.map((row) => row.tenant_id);
  },

  /**
   * Closes, as ended, every open request whose agent no longer handles its contact (it ended, went back to a
   * queue, wrap-up, another agent): what happened while no server watched. Of every tenant.
   */
  async endOrphans(db: Db, at: Date): Promise<{ tenantId: string; id: string }[]> {
    const rows = await db
      .updateTable('assist_requests as r')
      .set({ ended_at: at })
      .where(OPEN)
      .where(ABANDONED)
      .returning(['r.tenant_id', 'r.id'])
      .execute();
    return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }));
  },

  /** Closes, as ended, a request just made on a contact its agent no longer handles. True when it did. */
  async endIfAbandoned(db: Db, tenantId: string, id: string, at: Date): Promise<boolean> {
    const result = await db
      .updateTable('assist_requests as r')
      .set({ ended_at: at })
      .where('r.tenant_id', '=', tenantId)
      .where('r.id', '=', id)
      .where(OPEN)
      .where(ABANDONED)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Open requests still to be escalated, of every tenant: what a starting server schedules. */
  pendingEscalations(db: Db) {
    return db
      .selectFrom('assist_requests as r')
      .select(['r.tenant_id', 'r.id', 'r.kind', 'r.created_at'])
      .where(OPEN)
      .where('r.escalated_at', 'is', null)
      .where('r.secondary_supervisor_id', 'is not', null)
      .execute();
  },

  /**
   * Writes one step if the request is still as `expected` says (open, and for an escalation not yet
   * escalated): of two nodes or two clicks, one wins. False when it had changed.
   */
  async update(
    db: Db,
    tenantId: string,
    id: string,
    change: Partial<
      Pick<AssistRequestsTable, 'escalated_at' | 'answered_at' | 'answered_by' | 'cancelled_at' | 'ended_at'>
    >,
  ): Promise<boolean> {
    let query = db
      .updateTable('assist_requests as r')
      .set(change)
      .where('r.tenant_id', '=', tenantId)
      .where('r.id', '=', id)
      .where(OPEN);
    if (change.escalated_at) query = query.where('r.escalated_at', 'is', null);
    const result = await query.executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Closes the open request on a contact that ended (only `agentId`'s, when one agent left it). */
  async endOn(
    db: Db,
    tenantId: string,
    contactId: string,
    agentId: string | null,
    at: Date,
  ): Promise<string[]> {
    let query = db
      .updateTable('assist_requests as r')
      .set({ ended_at: at })
      .where('r.tenant_id', '=', tenantId)
      .where('r.contact_id', '=', contactId)
      .where(OPEN);
    if (agentId) query = query.where('r.agent_id', '=', agentId);
    return (await query.returning('r.id').execute()).map((row) => row.id);
  },
};
