import {
  authorize,
  CHANNEL_SETTING_LIMITS,
  changeChannelSettings,
  DEFAULT_CHANNEL_SETTINGS,
} from '@switchboard/core';
import { Type } from 'typebox';
import { auditedChange, found } from '../audit/audited-change.ts';
import { tenantsRepository } from '../db/repositories/index.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses } from '../http/common.schema.ts';

const tags = ['queues'];
const bounded = (field: keyof typeof CHANNEL_SETTING_LIMITS) =>
  Type.Integer({ minimum: CHANNEL_SETTING_LIMITS[field].min, maximum: CHANNEL_SETTING_LIMITS[field].max });
const Seconds = bounded('noAnswerTimeoutSeconds');
const fields = {
  noAnswerTimeoutSeconds: Type.Object({ voice: Seconds, chat: Seconds, email: Seconds }),
  joinTimeoutMinutes: bounded('joinTimeoutMinutes'),
  inactivityTimeoutMinutes: bounded('inactivityTimeoutMinutes'),
  stickyEmailTimeoutHours: bounded('stickyEmailTimeoutHours'),
  wrapUpTimeoutSeconds: Type.Union([bounded('wrapUpTimeoutSeconds'), Type.Null()]),
  maxChatsPerAgent: bounded('maxChatsPerAgent'),
  maxEmailsPerAgent: bounded('maxEmailsPerAgent'),
  offerChatWhileOnVoice: Type.Boolean(),
  offerVoiceWhileOnChat: Type.Boolean(),
};
const Settings = Type.Object(fields);
const SettingsChange = Type.Object(
  {
    ...Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, Type.Optional(schema)])),
    noAnswerTimeoutSeconds: Type.Optional(
      Type.Object(
        { voice: Type.Optional(Seconds), chat: Type.Optional(Seconds), email: Type.Optional(Seconds) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export function channelSettingsRoutes(app: App, { db, acd }: AppContext): void {
  app.get(
    '/channel-settings',
    {
      schema: {
        tags,
        summary: 'Channel parameters: timeouts, capacity per agent, blending',
        security: bearer,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'csq.read');
      const tenant = await found('Tenant', tenantsRepository.findById(db, principal.tenantId));
      return tenant.settings.channels ?? DEFAULT_CHANNEL_SETTINGS;
    },
  );
  app.patch(
    '/channel-settings',
    {
      schema: {
        tags,
        summary: 'Change channel parameters (within the bounds shown)',
        security: bearer,
        body: SettingsChange,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'channel.configure');
      const load = async (trx: typeof db) =>
        (await tenantsRepository.findById(trx, principal.tenantId))?.settings;
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
            const channels = changeChannelSettings(
              before.channels ?? DEFAULT_CHANNEL_SETTINGS,
              request.body as never,
            );
            await tenantsRepository.updateSettings(trx, principal.tenantId, { ...before, channels });
          },
        }),
      );
      await acd.settingsChanged(principal.tenantId);
      return settings.channels ?? DEFAULT_CHANNEL_SETTINGS;
    },
  );
}
