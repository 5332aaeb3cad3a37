import { authorize, LIMITS } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { type AuditEntry, auditRepository } from '../db/repositories/index.ts';

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

export async function listAudit(
  db: Db,
  principal: Principal,
  page: { limit?: number | undefined; before?: string | undefined; entityType?: string | undefined },
) {
  authorize(principal, 'audit.read');
  const rows = await auditRepository.list(db, principal.tenantId, {
    limit: page.limit ?? LIMITS.listPageSize.default,
    beforeId: page.before,
    entityType: page.entityType,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
  }));
}
