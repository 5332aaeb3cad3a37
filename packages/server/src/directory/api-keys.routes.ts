import { API_KEY_SCOPES, LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, name, Uuid } from '../http/common.schema.ts';
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
  app.get(
    '/users/:id/api-keys',
    {
      schema: {
        tags,
        summary: "List a service user's API keys (never the secrets)",
        security: bearer,
        params: IdParams,
        response: { 200: Type.Array(ApiKey), ...errorResponses },
      },
    },
    (request) => listApiKeys(db, principalOf(request), request.params.id),
  );
  app.post(
    '/users/:id/api-keys',
    {
      schema: {
        tags,
        summary: 'Issue an API key for a service user',
        security: bearer,
        params: IdParams,
        body: Type.Object(
          { name: name(LIMITS.apiKeyName.max), scope: Type.Optional(Scope) },
          { additionalProperties: false },
        ),
        response: { 201: IssuedApiKey, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name, scope = 'read' } = request.body;
      return reply
        .status(201)
        .send(await issueApiKey(db, principalOf(request), request.params.id, { name, scope }));
    },
  );
  app.post(
    '/api-keys/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an API key at once',
        security: bearer,
        params: IdParams,
        response: { 200: ApiKey, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const key = await revokeApiKey(db, principal, request.params.id);
      access.publish(principal.tenantId, [{ userId: key.userId }]);
      return key;
    },
  );
}
