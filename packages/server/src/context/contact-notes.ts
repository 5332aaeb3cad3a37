import {
  type Clock,
  conflict,
  contactNoteProblem,
  forbidden,
  invalid,
  isAllowed,
  LIMITS,
  SwitchboardError,
} from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { contactToRead, isTheirsNow } from './contact-access.ts';

export interface Note {
  id: string;
  contactId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** The notes of these contacts, oldest first in each, with their authors' names. */
export async function notesOf(db: Db, tenantId: string, contactIds: string[]): Promise<Note[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .selectFrom('contact_notes as n')
    .innerJoin('users as u', (join) =>
      join.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.author_id'),
    )
    .select(['n.id', 'n.contact_id', 'n.author_id', 'u.display_name', 'n.body', 'n.created_at'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.contact_id', 'in', contactIds)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    authorId: r.author_id,
    authorName: r.display_name,
    body: r.body,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function contactNotes(db: Db, principal: Principal, contactId: string): Promise<Note[]> {
  await contactToRead(db, principal, contactId);
  return notesOf(db, principal.tenantId, [contactId]);
}

/**
 * Stores a note by the agent handling the contact, for the agents who get it next and its customer's
 * history. A contact record, not configuration: its author and time are the record, no audit entry.
 */
export async function addNote(
  deps: { db: Db; clock: Clock },
  principal: Principal,
  contactId: string,
  body: string,
): Promise<Note> {
  if (!isAllowed(principal, 'contact.handle'))
    throw forbidden('Notes are written by the agent handling a contact.');
  const problem = contactNoteProblem(body);
  if (problem) throw invalid(problem, [{ path: 'body/body', message: problem }]);
  const row = await contactToRead(deps.db, principal, contactId);
  if (!isTheirsNow(principal, row) || row.status === 'offered')
    throw conflict('You can add notes to a contact once you have accepted it, until its wrap-up ends.');
  const id = crypto.randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    // Counting under the contact's row lock keeps two notes at once from passing the cap together.
    await trx
      .selectFrom('contacts')
      .select('id')
      .where('tenant_id', '=', principal.tenantId)
      .where('id', '=', contactId)
      .forUpdate()
      .execute();
    const { count } = await trx
      .selectFrom('contact_notes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('tenant_id', '=', principal.tenantId)
      .where('contact_id', '=', contactId)
      .executeTakeFirstOrThrow();
    const limit = LIMITS.contactNotesPerContact.max;
    if (Number(count) >= limit)
      throw new SwitchboardError('limit_reached', `A contact holds at most ${limit} notes.`, {
        limit,
        what: 'contact notes',
      });
    await trx
      .insertInto('contact_notes')
      .values({
        id,
        tenant_id: principal.tenantId,
        contact_id: contactId,
        author_id: principal.userId,
        body,
        created_at: new Date(deps.clock.now()),
      })
      .execute();
  });
  const [note] = await notesOf(deps.db, principal.tenantId, [contactId]).then((all) =>
    all.filter((n) => n.id === id),
  );
  if (!note) throw new Error('note vanished after insert');
  return note;
}
