import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import { User } from '../directory/users.schema.ts';
import { changeOwnPassword, getUser } from '../directory/users.service.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { NoContent, text } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';

const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }),
  refreshExpiresIn: Type.Integer({
    description: 'Seconds until the refresh token expires; then sign in again.',
  }),
});

const Password = text(LIMITS.password.max, LIMITS.password.min);

export function authRoutes(app: App, { auth, db, access }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/auth/login',
    permission: 'public',
    tags: ['auth'],
    summary: 'Sign in with a password',
    description:
      'Counted before the password is checked: after 5 failures for a user from one address (50 from one address across users) each further attempt waits twice as long as the last, from 1 s up to 15 min (429 too_many_attempts with Retry-After).',
    body: Type.Object(
      {
        tenant: text(LIMITS.tenantName.max),
        username: text(LIMITS.username.max),
        password: text(LIMITS.password.max),
      },
      { additionalProperties: false },
    ),
    response: { 200: TokenPair },
    handler: (request) => auth.login(request.body, request.ip),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/auth/refresh',
    permission: 'public',
    tags: ['auth'],
    summary: 'Exchange a refresh token for a new token pair',
    description:
      'Send the current access token as Bearer and the refresh token in the body; both must still be valid.',
    body: Type.Object({ refreshToken: text(200) }, { additionalProperties: false }),
    response: { 200: TokenPair },
    handler: (request) => auth.refresh(bearerToken(request.headers.authorization), request.body.refreshToken),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/auth/logout',
    permission: 'signedIn',
    tags: ['auth'],
    summary: 'End this session',
    response: { 204: NoContent },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await auth.logout(principal);
      await access.publish(principal.tenantId, [{ userId: principal.userId }]);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/me',
    permission: 'signedIn',
    tags: ['auth'],
    summary: 'The signed-in user',
    response: { 200: User },
    handler: (request) => {
      const principal = principalOf(request);
      return getUser(db, principal, principal.userId);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/me/password',
    permission: 'signedIn',
    tags: ['auth'],
    summary: 'Change your own password',
    body: Type.Object(
      { currentPassword: text(LIMITS.password.max), newPassword: Password },
      { additionalProperties: false },
    ),
    response: { 204: NoContent },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const verified = await auth.verifyOwnPassword(principal, request.body.currentPassword, request.ip);
      await changeOwnPassword(db, principal, request.body.newPassword, verified);
      await access.publish(principal.tenantId, [{ userId: principal.userId }]);
      return reply.status(204).send(null);
    },
  });
}

function bearerToken(header: string | undefined): string {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
}
