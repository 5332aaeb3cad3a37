import { type Channel, type WidgetSettings, withWidgetDefaults } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ChatWidgetRow, StoredWidgetSettings } from '../db/schema.ts';
import { countForCreate } from '../db/tenant-lock.ts';

export interface ProblemStatementFields {
  id: string;
  label: string;
  csqId: string;
}

export interface ChatWidgetFields {
  name: string;
  description: string;
  settings: WidgetSettings;
  /** In the order the widget lists them. */
  problemStatements: ProblemStatementFields[];
}

export interface StoredChatWidget extends ChatWidgetFields {
  id: string;
  tenantId: string;
  createdAt: Date;
  updatedAt: Date;
}

const columns = (fields: ChatWidgetFields) => {
  const { calendarId, ...serviceHours } = fields.settings.serviceHours;
  const settings: StoredWidgetSettings = { ...fields.settings, serviceHours };
  return {
    name: fields.name,
    description: fields.description,
    calendar_id: calendarId,
    settings: JSON.stringify(settings),
  };
};

async function withStatements(db: Db, rows: ChatWidgetRow[]): Promise<StoredChatWidget[]> {
  if (rows.length === 0) return [];
  const statements = await db
    .selectFrom('chat_widget_problem_statements')
    .select(['widget_id', 'id', 'label', 'csq_id'])
    .where('tenant_id', 'in', [...new Set(rows.map((r) => r.tenant_id))])
    .where(
      'widget_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('widget_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => {
    const stored = row.settings;
    const settings = withWidgetDefaults({
      ...stored,
      serviceHours: { ...stored.serviceHours, calendarId: row.calendar_id },
    });
    return {
      id: row.id,
      tenantId: row.tenant_id,
      name: row.name,
      description: row.description,
      settings,
      problemStatements: statements
        .filter((s) => s.widget_id === row.id)
        .map((s) => ({ id: s.id, label: s.label, csqId: s.csq_id })),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

async function replaceStatements(db: Db, tenantId: string, widgetId: string, fields: ChatWidgetFields) {
  await db
    .deleteFrom('chat_widget_problem_statements')
    .where('tenant_id', '=', tenantId)
    .where('widget_id', '=', widgetId)
    .execute();
  await db
    .insertInto('chat_widget_problem_statements')
    .values(
      fields.problemStatements.map((s, position) => ({
        tenant_id: tenantId,
        widget_id: widgetId,
        id: s.id,
        position,
        label: s.label,
        csq_id: s.csqId,
      })),
    )
    .execute();
}

export const chatWidgetsRepository = {
  async insert(db: Db, tenantId: string, id: string, fields: ChatWidgetFields): Promise<void> {
    await db
      .insertInto('chat_widgets')
      .values({ id, tenant_id: tenantId, ...columns(fields) })
      .execute();
    await replaceStatements(db, tenantId, id, fields);
  },

  async update(db: Db, tenantId: string, id: string, fields: ChatWidgetFields): Promise<void> {
    await db
      .updateTable('chat_widgets')
      .set({ ...columns(fields), updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    await replaceStatements(db, tenantId, id, fields);
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('chat_widgets').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },

  async findById(db: Db, tenantId: string, id: string): Promise<StoredChatWidget | undefined> {
    const row = await db
      .selectFrom('chat_widgets')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && (await withStatements(db, [row]))[0];
  },

  async findByName(db: Db, tenantId: string, name: string): Promise<StoredChatWidget | undefined> {
    const row = await db
      .selectFrom('chat_widgets')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name)
      .executeTakeFirst();
    return row && (await withStatements(db, [row]))[0];
  },

  /** A widget by id alone, whatever its tenant: for the public endpoints the embedded widget calls. */
  async findPublic(db: Db, id: string): Promise<StoredChatWidget | undefined> {
    const row = await db.selectFrom('chat_widgets').selectAll().where('id', '=', id).executeTakeFirst();
    return row && (await withStatements(db, [row]))[0];
  },

  async list(db: Db, tenantId: string): Promise<StoredChatWidget[]> {
    const rows = await db
      .selectFrom('chat_widgets')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('name')
      .execute();
    return withStatements(db, rows);
  },

  countForCreate: (db: Db, tenantId: string): Promise<number> => countForCreate(db, 'chat_widgets', tenantId),

  /** The channel of each of these CSQs that exists in the tenant. */
  async csqChannels(db: Db, tenantId: string, csqIds: string[]): Promise<Map<string, Channel>> {
    if (csqIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('csqs')
      .select(['id', 'channel'])
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', csqIds)
      .execute();
    return new Map(rows.map((r) => [r.id, r.channel]));
  },

  /** Names of the widgets whose service hours follow this calendar. */
  async usingCalendar(db: Db, tenantId: string, calendarId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('chat_widgets')
      .select('name')
      .where('tenant_id', '=', tenantId)
      .where('calendar_id', '=', calendarId)
      .orderBy('name')
      .execute();
    return rows.map((r) => r.name);
  },

  async flowExists(db: Db, tenantId: string, flowId: string): Promise<boolean> {
    const row = await db
      .selectFrom('call_flows')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', flowId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Names of the widgets whose calls go through this call flow. */
  async usingFlow(db: Db, tenantId: string, flowId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('chat_widgets')
      .select('name')
      .where('tenant_id', '=', tenantId)
      .where(sql`settings->'calls'->>'flowId'`, '=', flowId)
      .orderBy('name')
      .execute();
    return rows.map((r) => r.name);
  },

  /** Names of the widgets with a problem statement mapped to this CSQ. */
  async usingCsq(db: Db, tenantId: string, csqId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('chat_widgets')
      .select('name')
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('chat_widget_problem_statements as s')
              .select('s.id')
              .whereRef('s.tenant_id', '=', 'chat_widgets.tenant_id')
              .whereRef('s.widget_id', '=', 'chat_widgets.id')
              .where('s.csq_id', '=', csqId),
          ),
          eb(sql`settings->'calls'->>'csqId'`, '=', csqId),
        ]),
      )
      .orderBy('name')
      .execute();
    return rows.map((r) => r.name);
  },
};
