import type { Db } from '../db/database.ts';
import { type Note, notesOf } from './contact-notes.ts';

/**
 * Contacts as the desktop lists them in "Recent" and a customer's history: who, where, when, how long,
 * how it ended, and the notes written on it. In the order of `ids`.
 */
export async function contactSummaries(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const [rows, notes] = await Promise.all([
    db
      .selectFrom('contacts as c')
      .leftJoin('chat_sessions as s', (join) =>
        join.onRef('s.tenant_id', '=', 'c.tenant_id').onRef('s.contact_id', '=', 'c.id'),
      )
      .leftJoin('csqs as q', (join) =>
        join.onRef('q.tenant_id', '=', 'c.tenant_id').onRef('q.id', '=', 'c.csq_id'),
      )
      .leftJoin('users as u', (join) =>
        join.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.agent_id'),
      )
      .select([
        'c.id',
        'c.channel',
        'c.csq_id',
        'q.name as csq_name',
        'c.status',
        'c.agent_id',
        'u.display_name as agent_name',
        'c.created_at',
        'c.accepted_at',
        'c.ended_at',
        'c.outcome',
        'c.wrap_up_reasons',
        's.customer_name',
        's.customer_email',
      ])
      .where('c.tenant_id', '=', tenantId)
      .where('c.id', 'in', ids)
      .execute(),
    notesOf(db, tenantId, ids),
  ]);
  const notesBy = new Map<string, Note[]>();
  for (const note of notes) notesBy.set(note.contactId, [...(notesBy.get(note.contactId) ?? []), note]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const start = r.accepted_at ?? r.created_at;
    return [
      {
        contactId: r.id,
        channel: r.channel,
        csqId: r.csq_id,
        csqName: r.csq_name ?? null,
        status: r.status,
        agentId: r.agent_id,
        agentName: r.agent_name ?? null,
        customerName: r.customer_name ?? null,
        customerEmail: r.customer_email ?? null,
        createdAt: r.created_at.toISOString(),
        acceptedAt: r.accepted_at?.toISOString() ?? null,
        endedAt: r.ended_at?.toISOString() ?? null,
        /** From accepted (or created, if never accepted) to ended; null while open. */
        durationSeconds: r.ended_at
          ? Math.max(0, Math.round((r.ended_at.getTime() - start.getTime()) / 1000))
          : null,
        outcome: r.outcome,
        wrapUpReasons: r.wrap_up_reasons ?? [],
        notes: notesBy.get(id) ?? [],
      },
    ];
  });
}

export type ContactSummary = Awaited<ReturnType<typeof contactSummaries>>[number];
