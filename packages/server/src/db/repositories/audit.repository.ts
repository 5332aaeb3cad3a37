import type { Db } from '../database.ts';
import type { AuditRow } from '../schema.ts';

/** Configuration changes, and what happens to people's sign-ins and passwords. */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_delayed'
  | 'password_check_failed'
  | 'password_change';

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  actorName: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export const auditRepository = {
  async append(db: Db, entry: AuditEntry): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        tenant_id: entry.tenantId,
        actor_id: entry.actorId,
        actor_name: entry.actorName,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
      })
      .execute();
  },

  /** Newest first; `beforeId` pages backwards through history. */
  list(
    db: Db,
    tenantId: string,
    page: { limit: number; beforeId?: string | undefined; entityType?: string | undefined },
  ): Promise<AuditRow[]> {
    let query = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId);
    if (page.beforeId) query = query.where('id', '<', page.beforeId);
    if (page.entityType) query = query.where('entity_type', '=', page.entityType);
    return query.orderBy('id', 'desc').limit(page.limit).execute();
  },
};
