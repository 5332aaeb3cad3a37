import type { Db } from '../database.ts';
import type { AuditRow } from '../schema.ts';

/**
 * Configuration changes, what happens to people's sign-ins and passwords, who watched or joined whose chat, and
 * customers' personal data erased.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'sign_in',
  'sign_in_failed',
  'sign_in_delayed',
  'password_check_failed',
  'password_change',
  'monitor_start',
  'barge_start',
  'erase',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the audit log can be narrowed to; every field is optional. */
export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: AuditAction | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
}

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
    page: { limit: number; beforeId?: string | undefined } & AuditFilter,
  ): Promise<AuditRow[]> {
    let query = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId);
    if (page.beforeId) query = query.where('id', '<', page.beforeId);
    if (page.entityType) query = query.where('entity_type', '=', page.entityType);
    if (page.entityId) query = query.where('entity_id', '=', page.entityId);
    if (page.actorId) query = query.where('actor_id', '=', page.actorId);
    if (page.action) query = query.where('action', '=', page.action);
    if (page.since) query = query.where('at', '>=', page.since);
    if (page.until) query = query.where('at', '<', page.until);
    return query.orderBy('id', 'desc').limit(page.limit).execute();
  },
};
