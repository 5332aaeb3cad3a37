import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Role } from '@switchboard/core';
import Fastify from 'fastify';
import type { Principal } from '../auth/principal.ts';
import type { App } from './app-types.ts';
import { ErrorResponse } from './common.schema.ts';
import { defineRoute, gateRoutes, type RouteSpec } from './define-route.ts';
import { sendError } from './errors.ts';

const ME = '11111111-1111-4111-8111-111111111111';
const SOMEONE = '22222222-2222-4222-8222-222222222222';

/** A scope with the gate, where the caller is whoever `x-role` names (no header: nobody). */
async function appWith(register: (api: App) => void) {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ErrorResponse);
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.decorateRequest('principal', null);
  await app.register(async (api) => {
    gateRoutes(api);
    api.addHook('onRequest', async (request) => {
      const role = request.headers['x-role'] as Role | undefined;
      request.principal = role ? ({ tenantId: 't', userId: ME, role, name: role } as Principal) : null;
    });
    register(api);
  });
  await app.ready();
  return app;
}

let handled = 0;
const route =
  (extra: Partial<RouteSpec<undefined, undefined, undefined, Record<number, never>>>) => (api: App) =>
    defineRoute(api, {
      method: 'GET',
      url: '/things/:id',
      permission: 'skill.manage',
      summary: 'A thing',
      handler: async () => {
        handled++;
        return { ok: true };
      },
      ...extra,
    });

const get = (app: Awaited<ReturnType<typeof appWith>>, role?: Role, id = SOMEONE) =>
  app.inject({ method: 'GET', url: `/things/${id}`, headers: role ? { 'x-role': role } : {} });

test('a route registered without a declared permission stops the server from starting', async () => {
  await assert.rejects(
    appWith((api) => api.get('/bare', async () => ({}))),
    /GET \/bare declares no permission/,
  );
});

test('the declared permission is checked before the handler: 403 forbidden as authorize words it', async () => {
  const app = await appWith(route({}));
  const before = handled;
  const refused = await get(app, 'agent');
  assert.equal(refused.statusCode, 403);
  assert.deepEqual(refused.json().error.code, 'forbidden');
  assert.equal(refused.json().error.message, 'The agent role may not do this (skill.manage).');
  assert.equal(handled, before, 'the handler never ran');
  assert.equal((await get(app, 'administrator')).statusCode, 200);
  assert.equal(handled, before + 1);
});

test('a list is any one of them; orSelf lets callers act on themselves; a route may word its refusal', async () => {
  const anyOf = await appWith(route({ permission: ['agentState.read', 'contact.handle'] }));
  assert.equal((await get(anyOf, 'agent')).statusCode, 200);
  assert.equal((await get(anyOf, 'supervisor')).statusCode, 200);
  assert.equal((await get(anyOf, 'service')).statusCode, 200);

  const self = await appWith(route({ permission: 'agentState.manage', orSelf: true }));
  assert.equal((await get(self, 'agent', ME)).statusCode, 200);
  assert.equal((await get(self, 'agent', SOMEONE)).statusCode, 403);

  const worded = await appWith(route({ refusal: (actor) => `No ${actor.role}s here.` }));
  assert.equal((await get(worded, 'agent')).json().error.message, 'No agents here.');
});

test("public and the chat customer's routes need no signed-in caller; signedIn needs one", async () => {
  for (const permission of ['public', 'chatCustomer'] as const) {
    const app = await appWith(route({ permission }));
    assert.equal((await get(app)).statusCode, 200, permission);
  }
  const signedIn = await appWith(route({ permission: 'signedIn' }));
  assert.equal((await get(signedIn, 'agent')).statusCode, 200);
});
