import type { Calendar } from '@switchboard/core';
import type { Db } from '../database.ts';
import type { CalendarJson, CalendarRow } from '../schema.ts';
import { countForCreate } from '../tenant-lock.ts';

export interface CalendarFields {
  name: string;
  /** As validateCalendar returns it. */
  calendar: Calendar;
}

export interface StoredCalendar {
  id: string;
  name: string;
  calendar: CalendarJson;
  createdAt: Date;
  updatedAt: Date;
}

const toStored = (row: CalendarRow): StoredCalendar => ({
  id: row.id,
  name: row.name,
  calendar: row.calendar,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const calendarsRepository = {
  async insert(db: Db, tenantId: string, id: string, fields: CalendarFields): Promise<void> {
    await db
      .insertInto('calendars')
      .values({ id, tenant_id: tenantId, name: fields.name, calendar: JSON.stringify(fields.calendar) })
      .execute();
  },

  async update(db: Db, tenantId: string, id: string, fields: CalendarFields): Promise<void> {
    await db
      .updateTable('calendars')
      .set({ name: fields.name, calendar: JSON.stringify(fields.calendar), updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('calendars').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },

  async findById(db: Db, tenantId: string, id: string): Promise<StoredCalendar | undefined> {
    const row = await db
      .selectFrom('calendars')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStored(row);
  },

  async list(db: Db, tenantId: string): Promise<StoredCalendar[]> {
    const rows = await db
      .selectFrom('calendars')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('name')
      .execute();
    return rows.map(toStored);
  },

  countForCreate: (db: Db, tenantId: string): Promise<number> => countForCreate(db, 'calendars', tenantId),
};
