import {
  authorize,
  type ChannelSettings,
  changeChannelSettings,
  DEFAULT_CHANNEL_SETTINGS,
} from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantsRepository } from '../db/repositories/index.ts';
import type { RouterChanges } from './router-changes.ts';

export type ChannelSettingsChange = Parameters<typeof changeChannelSettings>[1];

export async function getChannelSettings(db: Db, principal: Principal): Promise<ChannelSettings> {
  authorize(principal, 'csq.read');
  const tenant = await found('Tenant', tenantsRepository.findById(db, principal.tenantId));
  return tenant.settings.channels ?? DEFAULT_CHANNEL_SETTINGS;
}

/** Changes the tenant's channel parameters; once committed, the running router takes them. */
export async function setChannelSettings(
  db: Db,
  principal: Principal,
  change: ChannelSettingsChange,
  router?: RouterChanges,
): Promise<ChannelSettings> {
  authorize(principal, 'channel.configure');
  const load = async (trx: Db) => (await tenantsRepository.findById(trx, principal.tenantId))?.settings;
  const settings = await found(
    'Tenant',
    auditedChange(db, principal, {
      entity: 'tenant',
      entityType: 'channel_settings',
      entityId: principal.tenantId,
      action: 'update',
      load,
      apply: async (trx, before) => {
        if (!before) return;
        const channels = changeChannelSettings(before.channels ?? DEFAULT_CHANNEL_SETTINGS, change);
        await tenantsRepository.updateSettings(trx, principal.tenantId, { ...before, channels });
      },
    }),
  );
  await router?.settingsChanged(principal.tenantId);
  return settings.channels ?? DEFAULT_CHANNEL_SETTINGS;
}
