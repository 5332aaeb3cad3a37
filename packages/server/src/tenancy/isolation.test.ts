import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Actor, isAllowed, LIMITS, type Permission } from '@switchboard/core';
import * as build from '../testing/builders.ts';
import type { Session } from '../testing/test-app.ts';
import { call, createTestTenant, signIn, startTestApp, TEST_PASSWORD } from '../testing/test-app.ts';

/*
 * Every operation of the API, endpoint by endpoint: (1) tenant A can neither read nor change anything of
 * tenant B; (2) each role is allowed, or refused with 403, exactly as packages/core/src/policy.ts grants.
 * The operation table is checked against GET /api/openapi.json: a new endpoint fails here until it has a row.
 */

let server: Awaited<ReturnType<typeof startTestApp>>;
/** 'METHOD /path' (without /api/v1) → true when the OpenAPI document lists no security for it (public). */
const documented = new Map<string, boolean>();
let n = 0;
const uniq = (prefix: string) => `${prefix}-${++n}`;
/** A query for a whole list. */
const ALL = `?limit=${LIMITS.listPageSize.max}`;

/** Someone who can call the API: a person (with a username, to sign in again) or a service user's key. */
type Caller = { session: Session; id: string; username?: string };

/**
 * One tenant with one of everything: `supervisor` is the primary supervisor of `team`, `agent` is in `team`
 * and has `skill`, `loner` is an agent in no team, `reader` and `writer` are service users with keys.
 */
interface World {
  name: string;
  tenantId: string;
  admin: Caller;
  supervisor: Caller;
  agent: Caller;
  loner: { id: string; username: string };
  reader: Caller & { keyId: string };
  writer: Caller & { keyId: string };
  skill: { id: string; name: string };
  team: { id: string };
  reason: { id: string; kind: string; code: number };
  ids: string[]; // every id in the tenant, to spot leaks in answers
}

async function populate(name: string): Promise<World> {
  const { tenantId, admin: session } = await createTestTenant(server, name);
  const admin = { session, id: (await call(server, session, 'GET', '/me')).body.id, username: 'admin' };
  const person = async (role: 'supervisor' | 'agent', overrides = {}) => {
    const { user, session } = await build.signInAs(server, admin.session, role, overrides);
    return { session, id: user.id, username: user.username };
  };
  const key = async (scope: 'read' | 'write') => {
    const { service, keyId, session } = await build.buildApiKey(server, admin.session, scope);
    return { session, id: service.id, keyId };
  };
  const skill = await build.buildSkill(server, admin.session);
  const supervisor = await person('supervisor');
  const team = await build.buildTeam(server, admin.session, { primarySupervisorId: supervisor.id });
  const agent = await person('agent', { teamId: team.id, skills: [{ skillId: skill.id, competence: 5 }] });
  const loner = await build.buildUser(server, admin.session);
  const reason = (await build.buildReasonCode(server, admin.session)) as World['reason'];
  const [reader, writer] = [await key('read'), await key('write')];
  const ids = [tenantId, admin.id, supervisor.id, agent.id, loner.id, reader.id, reader.keyId, writer.id];
  ids.push(writer.keyId, skill.id, team.id, reason.id);
  return { name, tenantId, admin, supervisor, agent, loner, reader, writer, skill, team, reason, ids };
}

type Who = Caller & { label: string; actor: Actor };
const CALLERS = [
  ['administrator', 'admin', 'administrator'],
  ['supervisor', 'supervisor', 'supervisor'],
  ['agent', 'agent', 'agent'],
  ['read key', 'reader', 'service', 'read'],
  ['write key', 'writer', 'service', 'write'],
] as const;
const callers = (w: World): Who[] =>
  CALLERS.map(([label, field, role, scope]) => ({
    label,
    ...w[field],
    actor: { tenantId: w.tenantId, userId: w[field].id, role, ...(scope ? { scope } : {}) },
  }));

/** One call of an operation: path id, query, body, session; `ok` is its status when allowed (else any 2xx). */
type Req = { id?: string; query?: string; body?: unknown; session?: Session; ok?: number };
/** Expected statuses, or 'clean': answered as when allowed, with nothing of tenant B in the body. */
type CrossReq = Req & { expect: number[] | 'clean' };
const HIDDEN = [404];
const REFUSED = [400, 404];

interface Op {
  /** 'signedIn': any authenticated caller; 'public': no credentials needed. */
  permission: Permission | 'signedIn' | 'public';
  /** A call in the caller's own tenant that succeeds whenever the caller is allowed. */
  own: (w: World, who: Who) => Req | Promise<Req>;
  /** Calls by `who` of tenant A aimed at tenant B's entities. Default: `own` in A, expected 'clean'. */
  cross?: (b: World, a: World) => CrossReq[];
}

/** Row shapes for operations on one entity by id: the caller's own one, or tenant B's. */
type Entity = 'loner' | 'agent' | 'reader' | 'team' | 'skill' | 'reason';
const none = () => ({});
const read = (permission: Permission, entity: Entity): Op => ({
  permission,
  own: (w) => ({ id: w[entity].id }),
  cross: (b) => [{ id: b[entity].id, expect: HIDDEN }],
});
const change = (permission: Permission, entity: Entity, body: () => object): Op => ({
  permission,
  own: (w) => ({ id: w[entity].id, body: body() }),
  cross: (b) => [{ id: b[entity].id, body: body(), expect: REFUSED }],
});
/** Deletes a fresh entity of the caller's tenant, or tries B's. */
type Fresh = (admin: Session) => Promise<{ id: string }>;
const remove = (permission: Permission, entity: Entity, fresh: Fresh): Op => ({
  permission,
  own: async (w) => ({ id: (await fresh(w.admin.session)).id }),
  cross: (b) => [{ id: b[entity].id, expect: REFUSED }],
});
const NEW_AGENT = { displayName: 'New User', role: 'agent', password: TEST_PASSWORD };
const newUser = (extra = {}) => ({ ...NEW_AGENT, username: uniq('u'), ...extra });
const TOKENS = { accessTokenMinutes: 45 };
const skills = (skillId: string, competence = 7) => ({ skills: [{ skillId, competence }] });

const OPS: Record<string, Op> = {
  'POST /auth/login': {
    permission: 'public',
    own: (w) => ({ body: { tenant: w.name, username: 'admin', password: TEST_PASSWORD } }),
    // B's user does not exist in A.
    cross: (b, a) => [
      { body: { tenant: a.name, username: b.agent.username, password: TEST_PASSWORD }, expect: [401] },
    ],
  },
  'POST /auth/refresh': {
    permission: 'public',
    own: async (w) => {
      const fresh = await signIn(server, w.name, 'admin');
      return { session: fresh, body: { refreshToken: fresh.refreshToken } };
    },
    cross: (b) => [{ body: { refreshToken: b.admin.session.refreshToken }, expect: [401] }],
  },
  'POST /auth/logout': {
    permission: 'signedIn',
    // A fresh session, so the caller's stays usable; an API key has no session to end.
    own: async (w, who) => ({
      session: who.username ? await signIn(server, w.name, who.username) : who.session,
    }),
  },
  'GET /me': { permission: 'signedIn', own: none },
  'PUT /me/password': {
    permission: 'signedIn',
    // Service users have no password to change: 400, not 403.
    own: (_w, who) => ({
      body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      ok: who.actor.role === 'service' ? 400 : 204,
    }),
  },
  'GET /tenant': { permission: 'tenant.read', own: none },
  'PATCH /tenant/settings': { permission: 'tenant.configure', own: () => ({ body: { tokens: TOKENS } }) },
  'GET /users': {
    permission: 'user.read',
    own: () => ({ query: ALL }),
    cross: (b) => [ALL, `?teamId=${b.team.id}`].map((query) => ({ query, expect: 'clean' as const })),
  },
  'POST /users': {
    permission: 'user.manage',
    own: () => ({ body: newUser() }),
    cross: (b) => [
      { body: newUser({ teamId: b.team.id }), expect: REFUSED },
      { body: newUser(skills(b.skill.id)), expect: REFUSED },
    ],
  },
  'GET /users/{id}': read('user.read', 'loner'),
  'PATCH /users/{id}': {
    ...change('user.manage', 'loner', () => ({ displayName: uniq('Renamed') })),
    cross: (b, a) => [
      { id: b.loner.id, body: { displayName: 'Hijacked', active: false }, expect: REFUSED },
      { id: a.loner.id, body: { teamId: b.team.id }, expect: REFUSED },
    ],
  },
  'PUT /users/{id}/skills': {
    permission: 'agent.reskill',
    own: (w) => ({ id: w.agent.id, body: skills(w.skill.id) }),
    cross: (b, a) => [
      { id: b.agent.id, body: skills(b.skill.id, 1), expect: REFUSED },
      { id: a.agent.id, body: skills(b.skill.id), expect: REFUSED },
    ],
  },
  'PUT /users/{id}/password': change('user.administer', 'loner', () => ({ password: 'a new password' })),
  'GET /teams': { permission: 'team.read', own: none },
  'POST /teams': {
    permission: 'team.manage',
    own: () => ({ body: { name: uniq('Team') } }),
    cross: (b) => [{ body: { name: uniq('Team'), primarySupervisorId: b.supervisor.id }, expect: REFUSED }],
  },
  'GET /teams/{id}': read('team.read', 'team'),
  'PATCH /teams/{id}': {
    ...change('team.manage', 'team', () => ({ name: uniq('Team') })),
    cross: (b, a) => [
      { id: b.team.id, body: { name: 'Hijacked', primarySupervisorId: null }, expect: REFUSED },
      { id: a.team.id, body: { secondarySupervisorId: b.supervisor.id }, expect: REFUSED },
    ],
  },
  'DELETE /teams/{id}': remove('team.manage', 'team', (admin) => build.buildTeam(server, admin)),
  'GET /skills': { permission: 'skill.read', own: none },
  'POST /skills': {
    permission: 'skill.manage',
    own: () => ({ body: { name: uniq('Skill') } }),
    // Names are unique per tenant: B's is free in A (a 409 would reveal that B has it).
    cross: (b) => [{ body: { name: b.skill.name }, expect: 'clean' }],
  },
  'GET /skills/{id}': read('skill.read', 'skill'),
  'PATCH /skills/{id}': change('skill.manage', 'skill', () => ({ name: uniq('Skill') })),
  'DELETE /skills/{id}': remove('skill.manage', 'skill', (admin) => build.buildSkill(server, admin)),
  'GET /reason-codes': { permission: 'reasonCode.read', own: none },
  'POST /reason-codes': {
    permission: 'reasonCode.manage',
    own: () => ({ body: { kind: 'logout', code: ++n, label: 'Gone home' } }),
    cross: ({ reason }) => [
      { body: { kind: reason.kind, code: reason.code, label: 'Same' }, expect: 'clean' },
    ],
  },
  'PATCH /reason-codes/{id}': change('reasonCode.manage', 'reason', () => ({ label: uniq('Label') })),
  'DELETE /reason-codes/{id}': remove('reasonCode.manage', 'reason', (a) => build.buildReasonCode(server, a)),
  'GET /users/{id}/api-keys': read('apiKey.manage', 'reader'),
  'POST /users/{id}/api-keys': change('apiKey.manage', 'reader', () => ({ name: 'more', scope: 'write' })),
  'POST /api-keys/{id}/revoke': {
    permission: 'apiKey.manage',
    own: async (w) => ({ id: (await build.buildApiKey(server, w.admin.session)).keyId }),
    cross: (b) => [{ id: b.reader.keyId, expect: REFUSED }],
  },
  'GET /audit-log': { permission: 'audit.read', own: () => ({ query: ALL }) },
};

const permits = (who: Who, op: Op) =>
  op.permission === 'public' || op.permission === 'signedIn' || isAllowed(who.actor, op.permission);

function send(key: string, req: Req, session: Session | undefined) {
  const [method, path = ''] = key.split(' ') as [Parameters<typeof call>[2], string];
  return call(server, session, method, path.replace('{id}', req.id ?? '') + (req.query ?? ''), req.body);
}

type Res = Awaited<ReturnType<typeof call>>;
const show = (res: Res) => `→ ${res.status} ${JSON.stringify(res.body)}`;
function assertAnswered(res: Res, req: Req, where: string) {
  if (req.ok) assert.equal(res.status, req.ok, `${where} ${show(res)}`);
  else assert.ok(res.status >= 200 && res.status < 300, `${where} ${show(res)}`);
}

/** Everything tenant B's administrator can see, the audit log included. */
async function snapshotOf(w: World) {
  const get = async (url: string) => {
    const res = await call(server, w.admin.session, 'GET', url);
    assert.equal(res.status, 200, `snapshot ${url} ${show(res)}`);
    return res.body;
  };
  const urls = ['/tenant', '/teams', '/skills', '/reason-codes', `/users${ALL}`, `/audit-log${ALL}`];
  urls.push(`/users/${w.reader.id}/api-keys`, `/users/${w.writer.id}/api-keys`);
  return Promise.all(urls.map(async (url) => [url, await get(url)]));
}

let home: World;

before(async () => {
  server = await startTestApp();
  const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  for (const [path, operations] of Object.entries<Record<string, { security?: unknown }>>(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      documented.set(`${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`, !operation.security);
    }
  }
  home = await populate('home');
});

after(() => server?.close());

test('the operation table lists exactly the operations of the OpenAPI document', () => {
  assert.ok(documented.size > 0);
  assert.deepEqual(Object.keys(OPS).sort(), [...documented.keys()].sort());
  for (const [key, isPublic] of documented) assert.equal(OPS[key]?.permission === 'public', isPublic, key);
});

for (const label of ['administrator', 'write key']) {
  test(`tenant isolation: A's ${label} can neither see nor change anything of tenant B`, async () => {
    const [a, b] = [await populate(uniq('a')), await populate(uniq('b'))];
    const who = callers(a).find((c) => c.label === label)!;
    const snapshot = await snapshotOf(b);
    const covered = new Set<string>();
    for (const [key, op] of Object.entries(OPS)) {
      for (const req of op.cross?.(b, a) ?? [{ ...(await op.own(a, who)), expect: 'clean' as const }]) {
        covered.add(key);
        const res = await send(key, req, req.session ?? who.session);
        const where = `${label}: ${key} ${JSON.stringify({ id: req.id, query: req.query, body: req.body })}`;
        if (!permits(who, op)) {
          assert.equal(res.status, 403, `${where} ${show(res)}`);
        } else if (req.expect === 'clean') {
          assertAnswered(res, req, where);
          const text = JSON.stringify(res.body ?? null);
          const leaked = b.ids.filter((id) => text.includes(id));
          assert.deepEqual(leaked, [], `${where}: B's ids leak ${show(res)}`);
        } else {
          assert.ok(req.expect.includes(res.status), `${where} ${show(res)}`);
        }
      }
    }
    assert.deepEqual([...covered].sort(), [...documented.keys()].sort(), 'every operation was tried on B');
    assert.deepEqual(await snapshotOf(b), snapshot, "B's data and audit log are unchanged");
    await signIn(server, b.name, b.loner.username); // B's passwords are unchanged
    const { refreshToken } = b.admin.session;
    const refresh = await call(server, b.admin.session, 'POST', '/auth/refresh', { refreshToken });
    assert.equal(refresh.status, 200, `B's refresh token still works ${show(refresh)}`);
  });
}

test('roles: every operation is allowed, or refused with 403, exactly as the policy grants', async () => {
  for (const who of callers(home)) {
    for (const [key, op] of Object.entries(OPS)) {
      const req = await op.own(home, who);
      const res = await send(key, req, req.session ?? who.session);
      if (permits(who, op)) {
        assertAnswered(res, req, `${who.label}: ${key}`);
      } else {
        assert.equal(res.status, 403, `${who.label}: ${key} ${show(res)}`);
        assert.equal(res.body.error.code, 'forbidden');
      }
    }
  }
});

test('a supervisor reskills agents of the teams they supervise, and no one else', async () => {
  const reskill = (id: string) =>
    call(server, home.supervisor.session, 'PUT', `/users/${id}/skills`, skills(home.skill.id, 2));
  const member = await reskill(home.agent.id);
  assert.equal(member.status, 200, show(member));
  assert.deepEqual(member.body.skills, skills(home.skill.id, 2).skills);

  const otherTeam = await build.buildTeam(server, home.admin.session);
  const stranger = await build.buildUser(server, home.admin.session, { teamId: otherTeam.id });
  for (const id of [home.loner.id, stranger.id]) {
    const res = await reskill(id);
    assert.equal(res.status, 403, show(res));
    assert.equal(res.body.error.code, 'forbidden');
    assert.deepEqual((await call(server, home.admin.session, 'GET', `/users/${id}`)).body.skills, []);
  }
});

test('every signed-in caller can read GET /me and GET /users/{their own id}', async () => {
  for (const who of callers(home)) {
    const me = await call(server, who.session, 'GET', '/me');
    assert.equal(me.status, 200, `${who.label} ${show(me)}`);
    assert.equal(me.body.id, who.id, who.label);
    const self = await call(server, who.session, 'GET', `/users/${who.id}`);
    assert.equal(self.status, 200, `${who.label} ${show(self)}`);
    assert.deepEqual(self.body, me.body, who.label);
  }
});

test('without valid credentials every non-public operation answers 401 unauthenticated', async () => {
  const bogus = { ...home.admin.session, headers: { authorization: 'Bearer not-a-token' } };
  for (const [key, isPublic] of documented) {
    if (isPublic) continue;
    // An operation missing from the table (the first test fails then) is still checked, with any id.
    const op = OPS[key];
    const req = op ? await op.own(home, callers(home)[0]!) : { id: crypto.randomUUID() };
    for (const session of [undefined, bogus]) {
      const res = await send(key, req, session);
      assert.equal(res.status, 401, `${key} ${show(res)}`);
      assert.equal(res.body.error.code, 'unauthenticated', key);
    }
  }
});
