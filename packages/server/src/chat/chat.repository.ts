import type { ChatMessage } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import type { ChatMessageRow, ChatSessionRow } from '../db/schema.ts';

export interface NewChatSession {
  contactId: string;
  widgetId: string | null;
  tokenHash: string;
  customer: { name?: string | undefined; email?: string | undefined; phone?: string | undefined };
  customFields: Record<string, string>;
  problemStatement: string | null;
  createdAt: Date;
}

export interface NewChatMessage {
  sender: 'customer' | 'agent';
  agentId: string | null;
  alias: string | null;
  body: string;
  clientId: string | null;
  at: Date;
}

export const toChatMessage = (row: ChatMessageRow): ChatMessage => ({
  seq: row.seq,
  from: row.sender,
  alias: row.alias,
  text: row.body,
  at: row.at.getTime(),
});

export const chatRepository = {
  /** A retried start (same contact id, same secret) keeps the session the first one stored. */
  async insertSession(db: Db, tenantId: string, session: NewChatSession): Promise<void> {
    await db
      .insertInto('chat_sessions')
      .values({
        tenant_id: tenantId,
        contact_id: session.contactId,
        widget_id: session.widgetId,
        token_hash: session.tokenHash,
        customer_name: session.customer.name ?? null,
        customer_email: session.customer.email ?? null,
        customer_phone: session.customer.phone ?? null,
        custom_fields: JSON.stringify(session.customFields),
        problem_statement: session.problemStatement,
        created_at: session.createdAt,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'contact_id']).doNothing())
      .execute();
  },

  find(db: Db, tenantId: string, contactId: string): Promise<ChatSessionRow | undefined> {
    return db
      .selectFrom('chat_sessions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .executeTakeFirst();
  },

  /** The customer's calls: found by the chat alone (contact ids are unique across tenants). */
  findForCustomer(db: Db, contactId: string): Promise<ChatSessionRow | undefined> {
    return db.selectFrom('chat_sessions').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
  },

  /**
   * Appends a message with the chat's next number. Taking the number first locks the chat's row, so a
   * concurrent retry of the same client id waits, then finds the first one and gets its number back.
   */
  async append(
    db: Db,
    tenantId: string,
    contactId: string,
    message: NewChatMessage,
  ): Promise<{ message: ChatMessage; created: boolean }> {
    return db.transaction().execute(async (trx) => {
      const numbered = await trx
        .updateTable('chat_sessions')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('tenant_id', '=', tenantId)
        .where('contact_id', '=', contactId)
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      if (message.clientId) {
        const earlier = await trx
          .selectFrom('chat_messages')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', contactId)
          .where('client_id', '=', message.clientId)
          .executeTakeFirst();
        if (earlier) {
          // Give the number back so the chat's numbers stay without gaps.
          await trx
            .updateTable('chat_sessions')
            .set((eb) => ({ last_seq: eb('last_seq', '-', 1) }))
            .where('tenant_id', '=', tenantId)
            .where('contact_id', '=', contactId)
            .execute();
          return { message: toChatMessage(earlier), created: false };
        }
      }
      const row = await trx
        .insertInto('chat_messages')
        .values({
          tenant_id: tenantId,
          contact_id: contactId,
          seq: numbered.last_seq,
          sender: message.sender,
          agent_id: message.agentId,
          alias: message.alias,
          body: message.body,
          client_id: message.clientId,
          at: message.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { message: toChatMessage(row), created: true };
    });
  },

  async byClientId(
    db: Db,
    tenantId: string,
    contactId: string,
    clientId: string,
  ): Promise<ChatMessage | undefined> {
    const row = await db
      .selectFrom('chat_messages')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toChatMessage(row);
  },

  /** Messages numbered above `after`, oldest first; `last` keeps only the newest that many. */
  async messages(
    db: Db,
    tenantId: string,
    contactId: string,
    options: { after?: number; last?: number } = {},
  ): Promise<ChatMessage[]> {
    let query = db
      .selectFrom('chat_messages')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .where('seq', '>', options.after ?? 0);
    if (options.last !== undefined) {
      const rows = await query.orderBy('seq', 'desc').limit(options.last).execute();
      return rows.reverse().map(toChatMessage);
    }
    query = query.orderBy('seq', 'asc');
    return (await query.execute()).map(toChatMessage);
  },

  /** The number of the last message written at or before `at` (0 when there was none). */
  async lastSeqAt(db: Db, tenantId: string, contactId: string, at: Date): Promise<number> {
    const row = await db
      .selectFrom('chat_messages')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .where('at', '<=', at)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  },

  async rate(
    db: Db,
    tenantId: string,
    contactId: string,
    rating: { rating: number; comment: string | null; at: Date },
  ): Promise<void> {
    await db
      .updateTable('chat_sessions')
      .set({ rating: rating.rating, rating_comment: rating.comment, rated_at: rating.at })
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .execute();
  },
};
