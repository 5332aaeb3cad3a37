import { type ApiKeyScope, authorize, invalid } from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import { newApiKey } from '../auth/secrets.ts';
import type { Db } from '../db/database.ts';
import { apiKeysRepository, usersRepository } from '../db/repositories/index.ts';
import { presentApiKey } from './presenters.ts';

const loadKey = (tenantId: string, id: string) => async (db: Db) => {
  const row = await apiKeysRepository.findById(db, tenantId, id);
  return row && presentApiKey(row);
};

const target = (id: string) => ({ entity: 'API key', entityType: 'api_key', entityId: id });

export async function listApiKeys(db: Db, principal: Principal, userId: string) {
  authorize(principal, 'apiKey.manage');
  await found('User', usersRepository.findById(db, principal.tenantId, userId));
  return (await apiKeysRepository.listOfUser(db, principal.tenantId, userId)).map(presentApiKey);
}

/** Issues a key for a service user. The key itself is returned this once and stored only as a hash. */
export async function issueApiKey(
  db: Db,
  principal: Principal,
  userId: string,
  input: { name: string; scope: ApiKeyScope },
) {
  authorize(principal, 'apiKey.manage');
  const user = await found('User', usersRepository.findById(db, principal.tenantId, userId));
  if (user.role !== 'service' || !user.active) {
    throw invalid(
      'API keys belong to active service users; create a user with the service role for each integration.',
    );
  }
  const issued = newApiKey();
  const record = await found(
    'API key',
    auditedChange(db, principal, {
      ...target(issued.id),
      action: 'create',
      load: loadKey(principal.tenantId, issued.id),
      apply: (trx) =>
        apiKeysRepository.insert(trx, {
          id: issued.id,
          tenantId: principal.tenantId,
          userId,
          name: input.name,
          scope: input.scope,
          keyHash: issued.hash,
        }),
    }),
  );
  return { ...record, key: issued.key };
}

export function revokeApiKey(db: Db, principal: Principal, keyId: string) {
  authorize(principal, 'apiKey.manage');
  return found(
    'API key',
    auditedChange(db, principal, {
      ...target(keyId),
      action: 'update',
      load: loadKey(principal.tenantId, keyId),
      apply: (trx) => apiKeysRepository.revoke(trx, principal.tenantId, keyId, new Date()),
    }),
  );
}
