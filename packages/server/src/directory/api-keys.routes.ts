import { API_KEY_SCOPES, LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { issueApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts';

const tags = ['service users'];
const Scope = Type.Enum(API_KEY_SCOPES, {
  description:
    'read: read APIs only (the default); write: may also maintain users, teams, skills and reason codes.',
});
const ApiKey = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.String(),
  scope: Scope,
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const IssuedApiKey = Type.Object({
  ...ApiKey.properties,
  key: Type.String({ description: 'The secret. It is shown this once; store it now.' }),
});

export function apiKeyRoutes(app: App, { db, access }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/users/:id/api-keys',
    permission: 'apiKey.manage',
    tags,
    summary: "List a service user's API keys (never the secrets)",
    params: IdParams,
    response: { 200: Type.Array(ApiKey) },
    handler: (request) => listApiKeys(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/users/:id/api-keys',
    permission: 'apiKey.manage',
    tags,
    summary: 'Issue an API key for a service user',
    params: IdParams,
    body: Type.Object(
      { name: name(LIMITS.apiKeyName.max), scope: Type.Optional(Scope) },
      { additionalProperties: false },
    ),
    response: { 201: IssuedApiKey },
    handler: async (request, reply) => {
      const { name, scope = 'read' } = request.body;
      return reply
        .status(201)
        .send(await issueApiKey(db, principalOf(request), request.params.id, { name, scope }));
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api-keys/:id/revoke',
    permission: 'apiKey.manage',
    tags,
    summary: 'Revoke an API key at once',
    params: IdParams,
    response: { 200: ApiKey },
    handler: async (request) => {
      const principal = principalOf(request);
      const key = await revokeApiKey(db, principal, request.params.id);
      await access.publish(principal.tenantId, [{ userId: key.userId }]);
      return key;
    },
  });
}
