import { notFound } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { translateConstraintErrors } from '../db/repositories/index.ts';
import { recordChange } from './audit.service.ts';

interface AuditedChange<T> {
  /** Human name of the entity for error messages, e.g. 'skill'. */
  entity: string;
  entityType: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  /** Reads the entity as the API presents it; undefined when it does not exist (in this tenant). */
  load: (trx: Db) => Promise<T | undefined>;
  /** Makes the change; receives the state before it (undefined for a create). */
  apply: (trx: Db, before: T | undefined) => Promise<void>;
}

/**
 * One configuration change in one transaction: check the entity exists, apply the change, and write the
 * before/after pair to the audit log. Returns the entity after the change (undefined after a delete).
 */
export function auditedChange<T>(
  db: Db,
  principal: Principal,
  change: AuditedChange<T>,
): Promise<T | undefined> {
  const name = change.entity.charAt(0).toUpperCase() + change.entity.slice(1);
  return translateConstraintErrors(change.entity, () =>
    db.transaction().execute(async (trx) => {
      const before = change.action === 'create' ? undefined : await change.load(trx);
      if (change.action !== 'create' && before === undefined) throw notFound(name);
      await change.apply(trx, before);
      const after = change.action === 'delete' ? undefined : await change.load(trx);
      await recordChange(trx, principal, {
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId,
        before: before ?? null,
        after: after ?? null,
      });
      return after;
    }),
  );
}

/** For reads: the entity, or a not_found error naming it. */
export async function found<T>(what: string, value: Promise<T | undefined>): Promise<T> {
  const row = await value;
  if (row === undefined) throw notFound(what);
  return row;
}
