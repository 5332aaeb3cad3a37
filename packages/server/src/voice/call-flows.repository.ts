import type { Flow } from '@switchboard/core';
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CallFlowsTable } from '../db/schema.ts';
import { countForCreate } from '../db/tenant-lock.ts';

/** How many versions of a flow are kept: the oldest go as new ones are saved. */
export const CALL_FLOW_VERSIONS_KEPT = 100;

export interface FlowReferences {
  csqIds: string[];
  calendarIds: string[];
  promptIds: string[];
}

export interface StoredCallFlow {
  id: string;
  name: string;
  version: number;
  definition: Flow;
  createdAt: Date;
  updatedAt: Date;
}

type FlowRow = Selectable<
  Pick<CallFlowsTable, 'id' | 'name' | 'version' | 'definition' | 'created_at' | 'updated_at'>
>;
const toStored = (row: FlowRow): StoredCallFlow => ({
  id: row.id,
  name: row.name,
  version: row.version,
  definition: row.definition,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const COLUMNS = ['id', 'name', 'version', 'definition', 'created_at', 'updated_at'] as const;

export const callFlowsRepository = {
  async findById(db: Db, tenantId: string, id: string): Promise<StoredCallFlow | undefined> {
    const row = await db
      .selectFrom('call_flows')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStored(row);
  },

  async list(db: Db, tenantId: string): Promise<StoredCallFlow[]> {
    const rows = await db
      .selectFrom('call_flows')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .orderBy('name')
      .execute();
    return rows.map(toStored);
  },

  countForCreate: (db: Db, tenantId: string): Promise<number> => countForCreate(db, 'call_flows', tenantId),

  async insert(
    db: Db,
    tenantId: string,
    flow: {
      id: string;
      name: string;
      definition: Flow;
      references: FlowReferences;
      savedBy: string;
      at: Date;
    },
  ): Promise<void> {
    const definition = JSON.stringify(flow.definition);
    await db
      .insertInto('call_flows')
      .values({
        id: flow.id,
        tenant_id: tenantId,
        name: flow.name,
        version: 1,
        definition,
        csq_ids: flow.references.csqIds,
        calendar_ids: flow.references.calendarIds,
        prompt_ids: flow.references.promptIds,
        created_at: flow.at,
        updated_at: flow.at,
      })
      .execute();
    await db
      .insertInto('call_flow_versions')
      .values({
        tenant_id: tenantId,
        flow_id: flow.id,
        version: 1,
        name: flow.name,
        definition,
        saved_by: flow.savedBy,
        saved_at: flow.at,
      })
      .execute();
  },

  /**
   * Saves a new version if the flow is still at `expectedVersion` (compare and set: of two editors saving
   * from the same version, one wins). Returns the new version, or null when the flow has moved on.
   */
  async saveVersion(
    db: Db,
    tenantId: string,
    id: string,
    flow: {
      expectedVersion: number;
      name: string;
      definition: Flow;
      references: FlowReferences;
      savedBy: string;
      at: Date;
    },
  ): Promise<number | null> {
    const definition = JSON.stringify(flow.definition);
    const saved = await db
      .updateTable('call_flows')
      .set((eb) => ({
        name: flow.name,
        version: eb('version', '+', 1),
        definition,
        csq_ids: flow.references.csqIds,
        calendar_ids: flow.references.calendarIds,
        prompt_ids: flow.references.promptIds,
        updated_at: flow.at,
      }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', flow.expectedVersion)
      .returning('version')
      .executeTakeFirst();
    if (!saved) return null;
    await db
      .insertInto('call_flow_versions')
      .values({
        tenant_id: tenantId,
        flow_id: id,
        version: saved.version,
        name: flow.name,
        definition,
        saved_by: flow.savedBy,
        saved_at: flow.at,
      })
      .execute();
    await db
      .deleteFrom('call_flow_versions')
      .where('flow_id', '=', id)
      .where('version', '<=', saved.version - CALL_FLOW_VERSIONS_KEPT)
      .execute();
    return saved.version;
  },

  async versions(db: Db, tenantId: string, id: string) {
    return db
      .selectFrom('call_flow_versions')
      .select(['version', 'name', 'saved_by', 'saved_at'])
      .where('tenant_id', '=', tenantId)
      .where('flow_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
  },

  async version(db: Db, tenantId: string, id: string, version: number) {
    return db
      .selectFrom('call_flow_versions')
      .select(['version', 'name', 'definition', 'saved_by', 'saved_at'])
      .where('tenant_id', '=', tenantId)
      .where('flow_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('call_flows').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },

  /** The names of the flows that send calls to, or check the hours of, this CSQ or calendar. */
  async using(db: Db, tenantId: string, what: 'csq' | 'calendar', id: string): Promise<string[]> {
    const column = what === 'csq' ? 'csq_ids' : 'calendar_ids';
    const rows = await db
      .selectFrom('call_flows')
      .select('name')
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb(eb.val(id), '=', eb.fn.any(column)))
      .orderBy('name')
      .execute();
    return rows.map((row) => row.name);
  },
};
