import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { getTenant, updateTenantSettings } from './tenants.service.ts';

const tags = ['tenant'];
const bounded = (limit: { min: number; max: number }, description: string) =>
  Type.Integer({ minimum: limit.min, maximum: limit.max, description });
const Tokens = {
  accessTokenMinutes: bounded(
    LIMITS.accessTokenMinutes,
    'Access token lifetime, 5–120 minutes (default 60).',
  ),
  refreshTokenHours: bounded(LIMITS.refreshTokenHours, 'Refresh token lifetime, 2–24 hours (default 10).'),
  authCodeMinutes: bounded(
    LIMITS.authCodeMinutes,
    'Single sign-on authorization code lifetime, 1–10 minutes.',
  ),
};
const Presence = {
  disconnectGraceSeconds: bounded(
    LIMITS.disconnectGraceSeconds,
    'How long an agent may have no desktop open (every tab closed) before a Ready agent is put Not Ready, 10–600 s (default 60).',
  ),
  disconnectReasonCodeId: Type.Union([Uuid, Type.Null()], {
    description: 'The Not Ready reason code given then; null: the system code "Connection lost".',
  }),
};
const Tenant = Type.Object({
  id: Uuid,
  name: Type.String(),
  displayName: Type.String(),
  settings: Type.Object({ tokens: Type.Object(Tokens), presence: Type.Object(Presence) }),
  createdAt: Type.String({ format: 'date-time' }),
});

export function tenantRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/tenant',
    permission: 'tenant.read',
    tags,
    summary: 'Your tenant and its settings',
    response: { 200: Tenant },
    handler: (request) => getTenant(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/tenant/settings',
    permission: 'tenant.configure',
    tags,
    summary: 'Change token lifetimes and desktop presence (within the bounds shown)',
    body: Type.Object(
      {
        tokens: Type.Optional(
          Type.Object(
            {
              accessTokenMinutes: Type.Optional(Tokens.accessTokenMinutes),
              refreshTokenHours: Type.Optional(Tokens.refreshTokenHours),
              authCodeMinutes: Type.Optional(Tokens.authCodeMinutes),
            },
            { additionalProperties: false },
          ),
        ),
        presence: Type.Optional(
          Type.Object(
            {
              disconnectGraceSeconds: Type.Optional(Presence.disconnectGraceSeconds),
              disconnectReasonCodeId: Type.Optional(Presence.disconnectReasonCodeId),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Tenant },
    handler: (request) => updateTenantSettings(db, principalOf(request), request.body),
  });
}
