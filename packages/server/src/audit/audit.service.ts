import { authorize, invalid, LIMITS } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { type AuditEntry, type AuditFilter, auditRepository } from '../db/repositories/index.ts';

export type Change = Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'before' | 'after'>;

/** Records a configuration change; call it inside the transaction that makes the change. */
export function recordChange(db: Db, principal: Principal, change: Change): Promise<void> {
  const isSystem = principal.name === 'system';
  return auditRepository.append(db, {
    tenantId: principal.tenantId,
    actorId: isSystem ? null : principal.userId,
    actorName: principal.name,
    ...change,
  });
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
