import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, text } from '../http/common.schema.ts';
import { AgentSkills, NewUserBody, User, UserChangeBody, UserListQuery } from './users.schema.ts';
import {
  createUser,
  getUser,
  listUsers,
  setUserPassword,
  setUserSkills,
  updateUser,
} from './users.service.ts';

const tags = ['users'];

export function userRoutes(app: App, { db, acd, access }: AppContext): void {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users',
        security: bearer,
        querystring: UserListQuery,
        response: { 200: Type.Array(User), ...errorResponses },
      },
    },
    (request) =>
      listUsers(db, principalOf(request), {
        role: request.query.role,
        teamId: request.query.teamId,
        limit: request.query.limit ?? LIMITS.listPageSize.default,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (agent, supervisor, administrator or service user)',
        security: bearer,
        body: NewUserBody,
        response: { 201: User, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const user = await createUser(db, principal, request.body);
      await acd.agentChanged(principal.tenantId, user.id);
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Get a user',
        security: bearer,
        params: IdParams,
        response: { 200: User, ...errorResponses },
      },
    },
    (request) => getUser(db, principalOf(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user; active=false signs them out and revokes their API keys',
        security: bearer,
        params: IdParams,
        body: UserChangeBody,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const user = await updateUser(db, principal, request.params.id, request.body);
      access.publish(principal.tenantId, [{ userId: user.id }]);
      await acd.agentChanged(principal.tenantId, user.id);
      return user;
    },
  );

  app.put(
    '/users/:id/skills',
    {
      schema: {
        tags,
        summary: "Replace an agent's skills and competences (applies to the next routing decision)",
        security: bearer,
        params: IdParams,
        body: Type.Object({ skills: AgentSkills }, { additionalProperties: false }),
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const user = await setUserSkills(db, principal, request.params.id, request.body.skills);
      await acd.agentChanged(principal.tenantId, user.id);
      return user;
    },
  );

  app.put(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: "Set a user's password",
        security: bearer,
        params: IdParams,
        body: Type.Object(
          { password: text(LIMITS.password.max, LIMITS.password.min) },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await setUserPassword(db, principal, request.params.id, request.body.password);
      access.publish(principal.tenantId, [{ userId: request.params.id }]);
      return reply.status(204).send(null);
    },
  );
}
