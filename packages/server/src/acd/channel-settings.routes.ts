import { CHANNEL_SETTING_LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  type ChannelSettingsChange,
  getChannelSettings,
  setChannelSettings,
} from './channel-settings.service.ts';

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
  defineRoute(app, {
    method: 'GET',
    url: '/channel-settings',
    permission: 'csq.read',
    tags,
    summary: 'Channel parameters: timeouts, capacity per agent, blending',
    response: { 200: Settings },
    handler: (request) => getChannelSettings(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/channel-settings',
    permission: 'channel.configure',
    tags,
    summary: 'Change channel parameters (within the bounds shown)',
    body: SettingsChange,
    response: { 200: Settings },
    handler: (request) =>
      setChannelSettings(db, principalOf(request), request.body as ChannelSettingsChange, acd),
  });
}
