import type { Db } from '../database.ts';
import type { StreamTicketRow } from '../schema.ts';

export type NewStreamTicket = Omit<StreamTicketRow, 'user_id' | 'session_id' | 'api_key_id' | 'chat_id'> &
  Partial<Pick<StreamTicketRow, 'user_id' | 'session_id' | 'api_key_id' | 'chat_id'>>;

export const streamTicketsRepository = {
  async insert(db: Db, ticket: NewStreamTicket): Promise<void> {
    await db.insertInto('stream_tickets').values(ticket).execute();
  },

  /** Deletes the ticket and answers it: of two nodes redeeming one ticket at once, only one gets it. */
  take(db: Db, ticketHash: string): Promise<StreamTicketRow | undefined> {
    return db
      .deleteFrom('stream_tickets')
      .where('ticket_hash', '=', ticketHash)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteExpired(db: Db, now: Date): Promise<void> {
    await db.deleteFrom('stream_tickets').where('expires_at', '<=', now).execute();
  },
};
