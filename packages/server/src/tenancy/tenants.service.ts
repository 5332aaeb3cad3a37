import { randomBytes } from 'node:crypto';
import {
  authorize,
  CONNECTION_LOST_REASON,
  changePresenceSettings,
  changeReportingSettings,
  changeTokenLifetimes,
  changeVoiceSettings,
  DEFAULT_PRESENCE_SETTINGS,
  DEFAULT_REPORTING_SETTINGS,
  DEFAULT_RETENTION,
  DEFAULT_TOKEN_LIFETIMES,
  invalid,
  LIMITS,
  type PresenceSettings,
  type ReportingSettings,
  type ReportingSettingsChange,
  SwitchboardError,
  type TokenLifetimes,
  type VoiceSettingsChange,
  voiceSettingsOf,
} from '@switchboard/core';
import { recordChange } from '../audit/audit.service.ts';
import { auditedChange, found } from '../audit/audited-change.ts';
import { hashPassword } from '../auth/password.ts';
import { type Principal, systemPrincipal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import {
  reasonCodesRepository,
  tenantsRepository,
  translateConstraintErrors,
  usersRepository,
} from '../db/repositories/index.ts';
import type { TenantRow } from '../db/schema.ts';
import { NewUserBody } from '../directory/users.schema.ts';
import { createUser, type NewUserInput, setUserPassword } from '../directory/users.service.ts';
import { assertValid } from '../http/validation.ts';
import { refuseIfExtensionsOutside } from '../voice/desk-phones.service.ts';
import { NewTenantBody } from './tenant.schema.ts';

export interface NewTenant {
  name: string;
  displayName: string;
  admin: { username: string; password: string; displayName?: string };
}

const presentTenant = (row: TenantRow) => ({
  id: row.id,
  name: row.name,
  displayName: row.display_name,
  settings: {
    tokens: row.settings.tokens,
    presence: row.settings.presence ?? DEFAULT_PRESENCE_SETTINGS,
    reporting: reportingSettingsOf(row),
    voice: voiceSettingsOf(row.settings.voice),
  },
  createdAt: row.created_at.toISOString(),
});

/** A tenant's reporting settings, the defaults filling what an older tenant lacks. */
export const reportingSettingsOf = (row: Pick<TenantRow, 'settings'>): ReportingSettings => ({
  ...DEFAULT_REPORTING_SETTINGS,
  ...row.settings.reporting,
  retention: { ...DEFAULT_RETENTION, ...row.settings.reporting?.retention },
});

/** The reporting settings of a tenant by id. */
export async function tenantReportingSettings(db: Db, tenantId: string): Promise<ReportingSettings> {
  return reportingSettingsOf(await found('Tenant', tenantsRepository.findById(db, tenantId)));
}

/** Creates a tenant and its first administrator (deployment operators do this from the command line). */
export async function createTenant(db: Db, unchecked: NewTenant) {
  const input = assertValid<NewTenant>(NewTenantBody, unchecked, 'tenant');
  const tenantId = crypto.randomUUID();
  const adminId = crypto.randomUUID();
  const passwordHash = await hashPassword(input.admin.password);
  return translateConstraintErrors('tenant', () =>
    db.transaction().execute(async (trx) => {
      await tenantsRepository.insert(trx, {
        id: tenantId,
        name: input.name,
        displayName: input.displayName,
        settings: { tokens: DEFAULT_TOKEN_LIFETIMES },
      });
      await usersRepository.insert(trx, {
        id: adminId,
        tenant_id: tenantId,
        username: input.admin.username,
        display_name: input.admin.displayName ?? 'Administrator',
        role: 'administrator',
        password_hash: passwordHash,
        alias: null,
        extension: null,
        team_id: null,
      });
      const { system, label, code } = CONNECTION_LOST_REASON;
      await reasonCodesRepository.insert(
        trx,
        tenantId,
        crypto.randomUUID(),
        { kind: 'not_ready', code, label },
        system,
      );
      const tenant = presentTenant(await found('Tenant', tenantsRepository.findById(trx, tenantId)));
      await recordChange(trx, systemPrincipal(tenantId), {
        action: 'create',
        entityType: 'tenant',
        entityId: tenantId,
        before: null,
        after: tenant,
      });
      return { tenant, adminId };
    }),
  );
}

export interface DemoCredentials {
  tenant: string;
  username: string;
  password: string;
}

/** On an empty database: tenant `demo` with administrator `admin`, so a first start is usable at once. */
export async function ensureFirstTenant(
  db: Db,
  adminPassword?: string,
): Promise<DemoCredentials | undefined> {
  if ((await tenantsRepository.count(db)) > 0) return undefined;
  const password = adminPassword ?? randomBytes(12).toString('base64url');
  try {
    await createTenant(db, { name: 'demo', displayName: 'Demo', admin: { username: 'admin', password } });
  } catch (error) {
    // Another node starting against the same database created it first.
    if (error instanceof SwitchboardError && error.code === 'conflict') return undefined;
    throw error;
  }
  return { tenant: 'demo', username: 'admin', password };
}

export async function getTenant(db: Db, principal: Principal) {
  authorize(principal, 'tenant.read');
  return presentTenant(await found('Tenant', tenantsRepository.findById(db, principal.tenantId)));
}

export function updateTenantSettings(
  db: Db,
  principal: Principal,
  change: {
    tokens?: Partial<TokenLifetimes>;
    presence?: Partial<PresenceSettings>;
    reporting?: ReportingSettingsChange;
    voice?: VoiceSettingsChange;
  },
) {
  authorize(principal, 'tenant.configure');
  const load = async (trx: Db) => {
    const row = await tenantsRepository.findById(trx, principal.tenantId);
    return row && presentTenant(row);
  };
  return found(
    'Tenant',
    auditedChange(db, principal, {
      entity: 'tenant',
      entityType: 'tenant',
      entityId: principal.tenantId,
      action: 'update',
      load,
      apply: async (trx, before) => {
        if (!before) return;
        const tokens = changeTokenLifetimes(before.settings.tokens, change.tokens ?? {});
        const presence = changePresenceSettings(before.settings.presence, change.presence ?? {});
        const reporting = changeReportingSettings(before.settings.reporting, change.reporting ?? {});
        const voice = changeVoiceSettings(before.settings.voice, change.voice ?? {});
        await checkDisconnectReason(trx, principal.tenantId, presence.disconnectReasonCodeId);
        if (voice.extensionPattern !== before.settings.voice.extensionPattern)
          await refuseIfExtensionsOutside(trx, principal.tenantId, voice.extensionPattern);
        // The stored settings hold more than this route shows (channel settings): keep them.
        const stored = await found('Tenant', tenantsRepository.findById(trx, principal.tenantId));
        await tenantsRepository.updateSettings(trx, principal.tenantId, {
          ...stored.settings,
          tokens,
          presence,
          reporting,
          voice,
        });
      },
    }),
  );
}

async function checkDisconnectReason(db: Db, tenantId: string, id: string | null): Promise<void> {
  if (id === null) return;
  const row = await reasonCodesRepository.findById(db, tenantId, id);
  if (row?.kind !== 'not_ready')
    throw invalid('disconnectReasonCodeId must be a Not Ready reason code of this tenant (or null).', {
      field: 'disconnectReasonCodeId',
    });
}

/** Creates a user from the command line, checked against the same schema as the API. */
export async function createUserInTenant(db: Db, tenantName: string, unchecked: NewUserInput) {
  const input = assertValid<NewUserInput>(NewUserBody, unchecked, 'user');
  const tenant = await found(`Tenant "${tenantName}"`, tenantsRepository.findByName(db, tenantName));
  return createUser(db, systemPrincipal(tenant.id), input);
}

/**
 * Sets a user's password from the command line (as the system, audited), generating one when none is given:
 * every session of the user ends. Service users have none to set.
 */
export async function resetPasswordInTenant(
  db: Db,
  tenantName: string,
  username: string,
  chosen?: string,
): Promise<{ username: string; password: string }> {
  const { min, max } = LIMITS.password;
  if (chosen !== undefined && (chosen.length < min || chosen.length > max)) {
    throw invalid(`The password must be ${min} to ${max} characters long.`);
  }
  const tenant = await found(`Tenant "${tenantName}"`, tenantsRepository.findByName(db, tenantName));
  const user = await found(
    `User "${username}" in tenant "${tenantName}"`,
    usersRepository.findByUsername(db, tenant.id, username),
  );
  if (user.role === 'service') {
    throw invalid(
      `"${user.username}" is a service user: it has no password and signs in with API keys (Administration → API keys in the desktop).`,
    );
  }
  const password = chosen ?? randomBytes(12).toString('base64url');
  await setUserPassword(db, systemPrincipal(tenant.id), user.id, password);
  return { username: user.username, password };
}
