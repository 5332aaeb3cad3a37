import { API_KEY_USER_RULE, LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, text } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
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
  defineRoute(app, {
    method: 'GET',
    url: '/users',
    permission: 'user.read',
    tags,
    summary: 'List users',
    query: UserListQuery,
    response: { 200: Type.Array(User) },
    handler: (request) =>
      listUsers(db, principalOf(request), {
        role: request.query.role,
        teamId: request.query.teamId,
        limit: request.query.limit ?? LIMITS.listPageSize.default,
        offset: request.query.offset ?? 0,
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/users',
    permission: 'user.manage',
    tags,
    summary: 'Create a user (agent, supervisor, administrator or service user)',
    body: NewUserBody,
    response: { 201: User },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const user = await createUser(db, principal, request.body, acd);
      return reply.status(201).send(user);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/users/:id',
    permission: 'user.read',
    orSelf: true,
    tags,
    summary: 'Get a user',
    params: IdParams,
    response: { 200: User },
    handler: (request) => getUser(db, principalOf(request), request.params.id),
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/users/:id',
    permission: 'user.manage',
    tags,
    summary: 'Change a user; active=false signs them out and revokes their API keys',
    params: IdParams,
    body: UserChangeBody,
    response: { 200: User },
    handler: async (request) => {
      const principal = principalOf(request);
      const user = await updateUser(db, principal, request.params.id, request.body, acd);
      await access.publish(principal.tenantId, [{ userId: user.id }]);
      return user;
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/users/:id/skills',
    permission: 'agent.reskill',
    tags,
    summary: "Replace an agent's skills and competences (applies to the next routing decision)",
    params: IdParams,
    body: Type.Object({ skills: AgentSkills }, { additionalProperties: false }),
    response: { 200: User },
    handler: (request) =>
      setUserSkills(db, principalOf(request), request.params.id, request.body.skills, acd),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/users/:id/password',
    permission: 'user.administer',
    refusal: (actor) => (actor.role === 'service' ? API_KEY_USER_RULE : undefined),
    tags,
    summary: "Set a user's password",
    params: IdParams,
    body: Type.Object(
      { password: text(LIMITS.password.max, LIMITS.password.min) },
      { additionalProperties: false },
    ),
    response: { 204: NoContent },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await setUserPassword(db, principal, request.params.id, request.body.password);
      await access.publish(principal.tenantId, [{ userId: request.params.id }]);
      return reply.status(204).send(null);
    },
  });
}
