import { authorize, invalid, type ReasonCodeKind } from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { type ReasonCodeFields, reasonCodesRepository } from '../db/repositories/index.ts';
import { presentReasonCode } from './presenters.ts';

const loadReasonCode = (tenantId: string, id: string) => async (db: Db) => {
  const row = await reasonCodesRepository.findById(db, tenantId, id);
  return row && presentReasonCode(row);
};

const systemCode = (label: string, what: string) =>
  invalid(`"${label}" is a system reason code, given when an agent's desktop is lost: ${what}.`, {
    field: 'kind',
  });

const target = (id: string) => ({ entity: 'reason code', entityType: 'reason_code', entityId: id });

export async function listReasonCodes(db: Db, principal: Principal, kind?: ReasonCodeKind) {
  authorize(principal, 'reasonCode.read');
  return (await reasonCodesRepository.list(db, principal.tenantId, kind)).map(presentReasonCode);
}

export function createReasonCode(db: Db, principal: Principal, input: ReasonCodeFields) {
  authorize(principal, 'reasonCode.manage');
  const id = crypto.randomUUID();
  return found(
    'Reason code',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadReasonCode(principal.tenantId, id),
      apply: (trx) => reasonCodesRepository.insert(trx, principal.tenantId, id, input),
    }),
  );
}

export function updateReasonCode(
  db: Db,
  principal: Principal,
  id: string,
  change: Partial<ReasonCodeFields>,
) {
  authorize(principal, 'reasonCode.manage');
  return found(
    'Reason code',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadReasonCode(principal.tenantId, id),
      apply: async (trx, before) => {
        if (before?.system && change.kind !== undefined && change.kind !== before.kind)
          throw systemCode(before.label, 'its kind cannot change');
        await reasonCodesRepository.update(trx, principal.tenantId, id, change);
      },
    }),
  );
}

export async function deleteReasonCode(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'reasonCode.manage');
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadReasonCode(principal.tenantId, id),
    apply: async (trx, before) => {
      if (before?.system) throw systemCode(before.label, 'it cannot be deleted (rename it instead)');
      await reasonCodesRepository.delete(trx, principal.tenantId, id);
    },
  });
}
