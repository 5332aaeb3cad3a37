import { authorize, invalid, LIMITS } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { type AuditEntry, type AuditFilter, auditRepository } from '../db/repositories/index.ts';
import { appendEvents } from '../events/event-log.ts';

export type Change = Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'before' | 'after'>;

/** Records a configuration change; call it inside the transaction that makes the change. */
export async function recordChange(db: Db, principal: Principal, change: Change): Promise<void> {
  const isSystem = principal.name === 'system';
  const actorId = isSystem ? null : principal.userId;
  await auditRepository.append(db, {
    tenantId: principal.tenantId,
    actorId,
    actorName: principal.name,
    ...change,
  });
  // Last in the transaction, as it holds the tenant's event counter until the commit; streams find it by polling.
  await appendEvents(db, principal.tenantId, [
    {
      kind: 'config',
      type: 'config.changed',
      at: null,
      userIds: null,
      payload: { entityType: change.entityType, entityId: change.entityId, action: change.action, actorId },
    },
  ]);
}

/** The name a person knows a record by, from what it was before or after the change. */
function recordName(before: unknown, after: unknown): string | null {
  for (const state of [after, before]) {
    if (state && typeof state === 'object') {
      const { name, username, title, displayName } = state as Record<string, unknown>;
      for (const value of [name, username, title, displayName]) if (typeof value === 'string') return value;
    }
  }
  return null;
}

export async function listAudit(
  db: Db,
  principal: Principal,
  page: { limit?: number | undefined; before?: string | undefined } & Omit<AuditFilter, 'since' | 'until'> & {
      since?: string | undefined;
      until?: string | undefined;
    },
) {
  authorize(principal, 'audit.read');
  if (page.since && page.until && page.since >= page.until) {
    throw invalid('`since` must come before `until`.', [
      { path: 'querystring/until', message: 'must come after since' },
    ]);
  }
  const rows = await auditRepository.list(db, principal.tenantId, {
    limit: page.limit ?? LIMITS.listPageSize.default,
    beforeId: page.before,
    entityType: page.entityType,
    entityId: page.entityId,
    actorId: page.actorId,
    action: page.action,
    since: page.since ? new Date(page.since) : undefined,
    until: page.until ? new Date(page.until) : undefined,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    record: recordName(row.before, row.after),
    before: row.before,
    after: row.after,
  }));
}
