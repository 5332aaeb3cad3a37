import {
  authorize,
  conflict,
  invalid,
  LIMITS,
  matchesDialPattern,
  type VoiceSettings,
  voiceSettingsOf,
} from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantsRepository } from '../db/repositories/index.ts';
import { lockTenant } from '../db/tenant-lock.ts';
import type { MasterKeyring } from '../secrets/master-keys.ts';
import { SecretStore } from '../secrets/secret-store.ts';
import { deskPhonesRepository, type StoredDeskPhone } from './desk-phones.repository.ts';
import { ha1Of, newSipPassword, SIP_REALM, sipUsernameOf } from './sip/digest-credentials.ts';

/*
 * Desk phones (docs/voice.md): SIP phones on agents' desks, administered like numbers (read with
 * callFlow.read, changed with callFlow.manage). A phone's password is shown once, when it is made; the server
 * keeps only its digest hash (HA1), sealed (`desk_phone_ha1`, the tenant's secret).
 */

/** The sealed secrets' purpose of a desk phone's HA1. */
export const DESK_PHONE_HA1 = 'desk_phone_ha1';

/** What a desk phone registers with, given only when the password is made. */
export interface DeskPhoneCredentials {
  sipUsername: string;
  password: string;
  realm: string;
}

export interface DeskPhoneInput {
  extension: string;
  name: string;
}

/** The phone as the API shows it: never its secret. */
export const presentDeskPhone = (phone: StoredDeskPhone) => ({
  id: phone.id,
  extension: phone.extension,
  name: phone.name,
  sipUsername: phone.sipUsername,
  agentId: phone.agentId,
  createdAt: phone.createdAt.toISOString(),
  updatedAt: phone.updatedAt.toISOString(),
});

const load = (tenantId: string, id: string) => async (db: Db) => {
  const phone = await deskPhonesRepository.findById(db, tenantId, id);
  return phone && presentDeskPhone(phone);
};

const target = (id: string) => ({ entity: 'desk phone', entityType: 'desk_phone', entityId: id });

/** A new password for the phone, its HA1 sealed in `db` (the change's transaction). */
async function sealNewPassword(
  db: Db,
  keys: MasterKeyring,
  tenantId: string,
  sipUsername: string,
  at: Date,
): Promise<{ credentials: DeskPhoneCredentials; secretId: string }> {
  const password = newSipPassword();
  const ha1 = Buffer.from(ha1Of(sipUsername, password));
  const secretId = await new SecretStore(db, keys).add(DESK_PHONE_HA1, ha1, at, tenantId);
  return { credentials: { sipUsername, password, realm: SIP_REALM }, secretId };
}

/**
 * The phone read again once the tenant is locked: password changes and deletes of one tenant's phones go one
 * after another, so each replaces or removes the secret the phone holds now, and none is left behind.
 */
async function lockedPhone(db: Db, tenantId: string, id: string): Promise<StoredDeskPhone> {
  await lockTenant(db, tenantId);
  return found('Desk phone', deskPhonesRepository.findById(db, tenantId, id));
}

/** Refuses (400, naming the field) an extension that does not fit the tenant's extension pattern. */
export function refuseExtensionOutside(
  settings: Partial<VoiceSettings> | undefined,
  extension: string,
): void {
  const { extensionPattern } = voiceSettingsOf(settings);
  if (matchesDialPattern(extensionPattern, extension)) return;
  const message = `The extension ${extension} does not fit the tenant's extension pattern "${extensionPattern}".`;
  throw invalid(message, [{ path: 'body/extension', field: 'extension', message }]);
}

export async function listDeskPhones(db: Db, principal: Principal) {
  authorize(principal, 'callFlow.read');
  return (await deskPhonesRepository.list(db, principal.tenantId)).map(presentDeskPhone);
}

export function getDeskPhone(db: Db, principal: Principal, id: string) {
  authorize(principal, 'callFlow.read');
  return found('Desk phone', load(principal.tenantId, id)(db));
}

/**
 * Adds a phone with a new password, answered with it once. The extension must fit the tenant's extension
 * pattern (400 naming it); one another phone of the tenant has is refused with 409 extension_taken (the unique
 * constraint, so also when two are added at once). The tenant's lock keeps the cap, and the pattern read here
 * the one in force: a change of the pattern waits for the same lock.
 */
export async function createDeskPhone(
  db: Db,
  keys: MasterKeyring,
  principal: Principal,
  input: DeskPhoneInput,
  at: Date,
) {
  authorize(principal, 'callFlow.manage');
  const id = crypto.randomUUID();
  const { tenantId } = principal;
  let credentials: DeskPhoneCredentials | undefined;
  const phone = await found(
    'Desk phone',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: load(tenantId, id),
      apply: async (trx) => {
        const count = await deskPhonesRepository.countForCreate(trx, tenantId);
        const tenant = await found('Tenant', tenantsRepository.findById(trx, tenantId));
        refuseExtensionOutside(tenant.settings.voice, input.extension);
        const max = LIMITS.deskPhonesPerTenant.max;
        if (count >= max)
          throw conflict(`A tenant may have at most ${max} desk phones; delete one first.`, {
            limit: max,
            what: 'deskPhonesPerTenant',
          });
        const sipUsername = sipUsernameOf(tenant.name, input.extension);
        const sealed = await sealNewPassword(trx, keys, tenantId, sipUsername, at);
        credentials = sealed.credentials;
        await deskPhonesRepository.insert(
          trx,
          tenantId,
          { id, extension: input.extension, name: input.name, sipUsername, secretId: sealed.secretId },
          at,
        );
      },
    }),
  );
  if (!credentials) throw new Error('a desk phone was added without its credentials');
  return { ...phone, credentials };
}

/** Renames a phone; its extension stays (delete the phone and add another for a new one). */
export function renameDeskPhone(db: Db, principal: Principal, id: string, name: string, at: Date) {
  authorize(principal, 'callFlow.manage');
  const { tenantId } = principal;
  return found(
    'Desk phone',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: load(tenantId, id),
      apply: (trx) => deskPhonesRepository.rename(trx, tenantId, id, name, at),
    }),
  );
}

/** Gives the phone a new password, answered once; the old one stops working (its secret is removed). */
export async function renewDeskPhonePassword(
  db: Db,
  keys: MasterKeyring,
  principal: Principal,
  id: string,
  at: Date,
): Promise<DeskPhoneCredentials> {
  authorize(principal, 'callFlow.manage');
  const { tenantId } = principal;
  let credentials: DeskPhoneCredentials | undefined;
  await auditedChange(db, principal, {
    ...target(id),
    action: 'update',
    load: load(tenantId, id),
    apply: async (trx) => {
      const phone = await lockedPhone(trx, tenantId, id);
      const sealed = await sealNewPassword(trx, keys, tenantId, phone.sipUsername, at);
      await deskPhonesRepository.replaceSecret(trx, tenantId, id, sealed.secretId, at);
      await new SecretStore(trx, keys).remove(phone.secretId);
      credentials = sealed.credentials;
    },
  });
  if (!credentials) throw new Error('a desk phone password was renewed without its credentials');
  return credentials;
}

/** Deletes the phone and its secret: it can no longer register. */
export async function deleteDeskPhone(
  db: Db,
  keys: MasterKeyring,
  principal: Principal,
  id: string,
): Promise<void> {
  authorize(principal, 'callFlow.manage');
  const { tenantId } = principal;
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: load(tenantId, id),
    apply: async (trx) => {
      const phone = await lockedPhone(trx, tenantId, id);
      await deskPhonesRepository.delete(trx, tenantId, id);
      await new SecretStore(trx, keys).remove(phone.secretId);
    },
  });
}

/** How many extensions a refusal's message names; its details name them all. */
const NAMED = 10;

/**
 * Refuses an extension pattern that a desk phone of the tenant no longer fits, naming those phones'
 * extensions (409). Call it in the change's transaction: it locks the tenant, so no phone is added meanwhile
 * under the pattern being replaced.
 */
export async function refuseIfExtensionsOutside(db: Db, tenantId: string, pattern: string): Promise<void> {
  await lockTenant(db, tenantId);
  const outside = (await deskPhonesRepository.list(db, tenantId))
    .map((phone) => phone.extension)
    .filter((extension) => !matchesDialPattern(pattern, extension));
  if (outside.length === 0) return;
  const more = outside.length > NAMED ? ` and ${outside.length - NAMED} more` : '';
  throw conflict(
    `Desk phone extension(s) ${outside.slice(0, NAMED).join(', ')}${more} do not fit the pattern "${pattern}": delete those phones, or choose a pattern they fit.`,
    { extensions: outside },
  );
}
