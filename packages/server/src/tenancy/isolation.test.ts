import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Actor, isAllowed, LIMITS, type Permission } from '@switchboard/core';
import {
  buildApiKey,
  buildReasonCode,
  buildSkill,
  buildTeam,
  buildUser,
  signInAs,
} from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

/*
 * Every operation of the API, endpoint by endpoint: (1) tenant A cannot read or change anything of tenant B,
 * (2) each role is allowed or refused exactly as packages/core/src/policy.ts grants. The operation table is
 * checked against GET /api/openapi.json, so a new endpoint fails here until it gets a row.
 */

let server: TestApp;
/** 'METHOD /path' (without /api/v1) → whether the OpenAPI document marks it public (no security). */
const documented = new Map<string, boolean>();
let n = 0;
const uniq = (prefix: string) => `${prefix}-${++n}`;
const MAX = LIMITS.listPageSize.max;

type Key = Awaited<ReturnType<typeof buildApiKey>>;
type Person = Awaited<ReturnType<typeof signInAs>>;

/** One tenant with one of everything. */
interface World {
  name: string;
  tenantId: string;
  admin: Session;
  adminId: string;
  skill: { id: string; name: string };
  team: { id: string };
  /** Primary supervisor of `team`. */
  supervisor: Person;
  /** Member of `team`, with `skill`. */
  agent: Person;
  /** An agent in no team. */
  loner: { id: string; username: string };
  reason: { id: string; kind: string; code: number };
  reader: Key;
  writer: Key;
  /** Every id of the tenant, to spot leaks in answers. */
  ids: string[];
}

async function populate(name: string): Promise<World> {
  const { tenantId, admin } = await createTestTenant(server, name);
  const adminId: string = (await call(server, admin, 'GET', '/me')).body.id;
  const skill = await buildSkill(server, admin);
  const supervisor = await signInAs(server, admin, 'supervisor');
  const team = await buildTeam(server, admin, { primarySupervisorId: supervisor.user.id });
  const skills = [{ skillId: skill.id, competence: 5 }];
  const agent = await signInAs(server, admin, 'agent', { teamId: team.id, skills });
  const loner = await buildUser(server, admin);
  const reason = (await buildReasonCode(server, admin)) as World['reason'];
  const [reader, writer] = [
    await buildApiKey(server, admin, 'read'),
    await buildApiKey(server, admin, 'write'),
  ];
  const ids = [tenantId, adminId, skill.id, team.id, supervisor.user.id, agent.user.id, loner.id, reason.id];
  ids.push(reader.service.id, reader.keyId, writer.service.id, writer.keyId);
  return {
    name,
    tenantId,
    admin,
    adminId,
    skill,
    team,
    supervisor,
    agent,
    loner,
    reason,
    reader,
    writer,
    ids,
  };
}

/** A caller: a signed-in person (username set, so they can sign in again) or an API key. */
interface Who {
  label: string;
  session: Session;
  actor: Actor;
  username?: string;
}

function callers(w: World): Who[] {
  const actor = (userId: string, role: Actor['role'], scope?: Actor['scope']): Actor => ({
    tenantId: w.tenantId,
    userId,
    role,
    ...(scope ? { scope } : {}),
  });
  const person = (label: string, p: Person, role: Actor['role']): Who => ({
    label,
    session: p.session,
    username: p.user.username,
    actor: actor(p.user.id, role),
  });
  return [
    { label: 'administrator', session: w.admin, username: 'admin', actor: actor(w.adminId, 'administrator') },
    person('supervisor', w.supervisor, 'supervisor'),
    person('agent', w.agent, 'agent'),
    { label: 'read key', session: w.reader.session, actor: actor(w.reader.service.id, 'service', 'read') },
    { label: 'write key', session: w.writer.session, actor: actor(w.writer.service.id, 'service', 'write') },
  ];
}

/** A request for one operation: the path id, query, body; `ok` is the status when allowed (else any 2xx). */
interface Req {
  id?: string;
  query?: string;
  body?: unknown;
  session?: Session;
  ok?: number;
}
/** 'clean': answered like `own` (ok / 2xx) with nothing of tenant B in the body. */
type CrossReq = Req & { expect: number[] | 'clean' };
const HIDDEN = [404];
const REFUSED = [400, 404];

interface Op {
  /** 'signedIn': any authenticated caller; 'public': no credentials needed. */
  permission: Permission | 'signedIn' | 'public';
  /** A request in the caller's own tenant that succeeds whenever the caller is allowed. */
  own: (w: World, who: Who) => Req | Promise<Req>;
  /** As `who` of tenant A, aimed at tenant B's entities. Default: `own` in A, expected 'clean'. */
  cross?: (b: World, a: World, who: Who) => CrossReq[];
}

const newUser = (extra: object = {}) => ({
  username: uniq('user'),
  displayName: 'New User',
  role: 'agent',
  password: TEST_PASSWORD,
  ...extra,
});
const none = () => ({});

const OPS: Record<string, Op> = {
  'POST /auth/login': {
    permission: 'public',
    own: (w) => ({ body: { tenant: w.name, username: 'admin', password: TEST_PASSWORD } }),
    cross: (b, a) => [
      { body: { tenant: a.name, username: b.agent.user.username, password: TEST_PASSWORD }, expect: [401] },
    ],
  },
  'POST /auth/refresh': {
    permission: 'public',
    own: async (w) => {
      const fresh = await signIn(server, w.name, 'admin');
      return { session: fresh, body: { refreshToken: fresh.refreshToken } };
    },
    cross: (b) => [{ body: { refreshToken: b.admin.refreshToken }, expect: [401] }],
  },
  'POST /auth/logout': {
    permission: 'signedIn',
    // A fresh session, so the caller's own stays usable; API keys have no session to end.
    own: async (w, who) => ({
      session: who.username ? await signIn(server, w.name, who.username) : who.session,
    }),
  },
  'GET /me': { permission: 'signedIn', own: none },
  'PUT /me/password': {
    permission: 'signedIn',
    // Service users have no password, so theirs is never "correct": 401 invalid_credentials.
    own: (_w, who) => ({
      body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      ok: who.actor.role === 'service' ? 401 : 204,
    }),
  },
  'GET /tenant': { permission: 'tenant.read', own: none },
  'PATCH /tenant/settings': {
    permission: 'tenant.configure',
    own: () => ({ body: { tokens: { accessTokenMinutes: 45 } } }),
  },
  'GET /users': {
    permission: 'user.read',
    own: () => ({ query: `?limit=${MAX}` }),
    cross: (b) => [
      { query: `?limit=${MAX}`, expect: 'clean' },
      { query: `?teamId=${b.team.id}`, expect: 'clean' },
    ],
  },
  'POST /users': {
    permission: 'user.manage',
    own: () => ({ body: newUser() }),
    cross: (b) => [
      { body: newUser({ teamId: b.team.id }), expect: REFUSED },
      { body: newUser({ skills: [{ skillId: b.skill.id, competence: 3 }] }), expect: REFUSED },
    ],
  },
  'GET /users/{id}': {
    permission: 'user.read',
    own: (w) => ({ id: w.loner.id }),
    cross: (b) => [{ id: b.agent.user.id, expect: HIDDEN }],
  },
  'PATCH /users/{id}': {
    permission: 'user.manage',
    own: (w) => ({ id: w.loner.id, body: { displayName: uniq('Renamed') } }),
    cross: (b, a) => [
      { id: b.agent.user.id, body: { displayName: 'Hijacked', active: false }, expect: REFUSED },
      { id: a.loner.id, body: { teamId: b.team.id }, expect: REFUSED },
    ],
  },
  'PUT /users/{id}/skills': {
    permission: 'agent.reskill',
    own: (w) => ({ id: w.agent.user.id, body: { skills: [{ skillId: w.skill.id, competence: 7 }] } }),
    cross: (b, a) => [
      { id: b.agent.user.id, body: { skills: [{ skillId: b.skill.id, competence: 1 }] }, expect: REFUSED },
      { id: a.agent.user.id, body: { skills: [{ skillId: b.skill.id, competence: 9 }] }, expect: REFUSED },
    ],
  },
  'PUT /users/{id}/password': {
    permission: 'user.manage',
    own: (w) => ({ id: w.loner.id, body: { password: TEST_PASSWORD } }),
    cross: (b) => [{ id: b.agent.user.id, body: { password: 'hijacked password' }, expect: REFUSED }],
  },
  'GET /teams': { permission: 'team.read', own: none },
  'POST /teams': {
    permission: 'team.manage',
    own: () => ({ body: { name: uniq('Team') } }),
    cross: (b) => [
      { body: { name: uniq('Team'), primarySupervisorId: b.supervisor.user.id }, expect: REFUSED },
    ],
  },
  'GET /teams/{id}': {
    permission: 'team.read',
    own: (w) => ({ id: w.team.id }),
    cross: (b) => [{ id: b.team.id, expect: HIDDEN }],
  },
  'PATCH /teams/{id}': {
    permission: 'team.manage',
    own: (w) => ({ id: w.team.id, body: { name: uniq('Team') } }),
    cross: (b, a) => [
      { id: b.team.id, body: { name: 'Hijacked' }, expect: REFUSED },
      { id: a.team.id, body: { secondarySupervisorId: b.supervisor.user.id }, expect: REFUSED },
    ],
  },
  'DELETE /teams/{id}': {
    permission: 'team.manage',
    own: async (w) => ({ id: (await buildTeam(server, w.admin)).id }),
    cross: (b) => [{ id: b.team.id, expect: REFUSED }],
  },
  'GET /skills': { permission: 'skill.read', own: none },
  'POST /skills': {
    permission: 'skill.manage',
    own: () => ({ body: { name: uniq('Skill') } }),
    // Names are unique per tenant: B's name is free in A (a 409 would reveal that B has it).
    cross: (b) => [{ body: { name: b.skill.name }, expect: 'clean' }],
  },
  'GET /skills/{id}': {
    permission: 'skill.read',
    own: (w) => ({ id: w.skill.id }),
    cross: (b) => [{ id: b.skill.id, expect: HIDDEN }],
  },
  'PATCH /skills/{id}': {
    permission: 'skill.manage',
    own: (w) => ({ id: w.skill.id, body: { name: uniq('Skill') } }),
    cross: (b) => [{ id: b.skill.id, body: { name: 'Hijacked' }, expect: REFUSED }],
  },
  'DELETE /skills/{id}': {
    permission: 'skill.manage',
    own: async (w) => ({ id: (await buildSkill(server, w.admin)).id }),
    cross: (b) => [{ id: b.skill.id, expect: REFUSED }],
  },
  'GET /reason-codes': { permission: 'reasonCode.read', own: none },
  'POST /reason-codes': {
    permission: 'reasonCode.manage',
    own: () => ({ body: { kind: 'logout', code: ++n, label: 'Gone home' } }),
    cross: (b) => [
      { body: { kind: b.reason.kind, code: b.reason.code, label: 'Same code' }, expect: 'clean' },
    ],
  },
  'PATCH /reason-codes/{id}': {
    permission: 'reasonCode.manage',
    own: (w) => ({ id: w.reason.id, body: { label: uniq('Label') } }),
    cross: (b) => [{ id: b.reason.id, body: { label: 'Hijacked' }, expect: REFUSED }],
  },
  'DELETE /reason-codes/{id}': {
    permission: 'reasonCode.manage',
    own: async (w) => ({ id: (await buildReasonCode(server, w.admin)).id }),
    cross: (b) => [{ id: b.reason.id, expect: REFUSED }],
  },
  'GET /users/{id}/api-keys': {
    permission: 'apiKey.manage',
    own: (w) => ({ id: w.reader.service.id }),
    cross: (b) => [{ id: b.writer.service.id, expect: HIDDEN }],
  },
  'POST /users/{id}/api-keys': {
    permission: 'apiKey.manage',
    own: (w) => ({ id: w.reader.service.id, body: { name: 'another' } }),
    cross: (b) => [{ id: b.reader.service.id, body: { name: 'stolen', scope: 'write' }, expect: REFUSED }],
  },
  'POST /api-keys/{id}/revoke': {
    permission: 'apiKey.manage',
    own: async (w) => ({ id: (await buildApiKey(server, w.admin)).keyId }),
    cross: (b) => [{ id: b.reader.keyId, expect: REFUSED }],
  },
  'GET /audit-log': { permission: 'audit.read', own: () => ({ query: `?limit=${MAX}` }) },
};

const permits = (who: Who, op: Op) =>
  op.permission === 'public' || op.permission === 'signedIn' || isAllowed(who.actor, op.permission);

function send(key: string, req: Req, session: Session | undefined) {
  const [method, path = ''] = key.split(' ') as [Parameters<typeof call>[2], string];
  return call(server, session, method, path.replace('{id}', req.id ?? '') + (req.query ?? ''), req.body);
}

const show = (res: { status: number; body: unknown }) => `→ ${res.status} ${JSON.stringify(res.body)}`;

function assertAnswered(res: { status: number; body: unknown }, req: Req, where: string) {
  if (req.ok) assert.equal(res.status, req.ok, `${where} ${show(res)}`);
  else assert.ok(res.status >= 200 && res.status < 300, `${where} ${show(res)}`);
}

/** Everything tenant B's administrator can see, the audit log included. */
async function snapshotOf(w: World) {
  const read = async (url: string) => {
    const res = await call(server, w.admin, 'GET', url);
    assert.equal(res.status, 200, `snapshot ${url} ${show(res)}`);
    return res.body;
  };
  const keys = [w.reader, w.writer].map((k) => read(`/users/${k.service.id}/api-keys`));
  return {
    tenant: await read('/tenant'),
    users: await read(`/users?limit=${MAX}`),
    teams: await read('/teams'),
    skills: await read('/skills'),
    reasonCodes: await read('/reason-codes'),
    apiKeys: await Promise.all(keys),
    audit: await read(`/audit-log?limit=${MAX}`),
  };
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

test('the operation table covers exactly the operations of the OpenAPI document', () => {
  assert.ok(documented.size > 0);
  assert.deepEqual(Object.keys(OPS).sort(), [...documented.keys()].sort());
  for (const [key, isPublic] of documented) assert.equal(OPS[key]?.permission === 'public', isPublic, key);
});

for (const label of ['administrator', 'write key']) {
  test(`tenant isolation: A's ${label} can neither see nor change anything of tenant B`, async () => {
    const a = await populate(uniq('a'));
    const b = await populate(uniq('b'));
    const who = callers(a).find((c) => c.label === label)!;
    const snapshot = await snapshotOf(b);
    const covered = new Set<string>();

    for (const [key, op] of Object.entries(OPS)) {
      const requests = op.cross?.(b, a, who) ?? [{ ...(await op.own(a, who)), expect: 'clean' as const }];
      for (const req of requests) {
        covered.add(key);
        const res = await send(key, req, req.session ?? who.session);
        const where = `${label}: ${key} ${JSON.stringify({ id: req.id, query: req.query, body: req.body })}`;
        if (!permits(who, op)) {
          assert.equal(res.status, 403, `${where} ${show(res)}`);
        } else if (req.expect === 'clean') {
          assertAnswered(res, req, where);
          const text = JSON.stringify(res.body ?? null);
          assert.deepEqual(
            b.ids.filter((id) => text.includes(id)),
            [],
            `${where}: B's ids leaked ${show(res)}`,
          );
        } else {
          assert.ok(req.expect.includes(res.status), `${where} ${show(res)}`);
        }
      }
    }

    assert.deepEqual([...covered].sort(), [...documented.keys()].sort(), 'every operation was tried on B');
    assert.deepEqual(await snapshotOf(b), snapshot, "B's data and audit log are unchanged");
    await signIn(server, b.name, b.agent.user.username); // B's passwords are unchanged
    const refresh = await call(server, b.admin, 'POST', '/auth/refresh', {
      refreshToken: b.admin.refreshToken,
    });
    assert.equal(refresh.status, 200, `B's refresh token still works ${show(refresh)}`);
  });
}

test('roles: every operation is allowed or 403 exactly as the policy grants', async () => {
  for (const who of callers(home)) {
    for (const [key, op] of Object.entries(OPS)) {
      const req = await op.own(home, who);
      const res = await send(key, req, req.session ?? who.session);
      const where = `${who.label}: ${key}`;
      if (permits(who, op)) {
        assertAnswered(res, req, where);
      } else {
        assert.equal(res.status, 403, `${where} ${show(res)}`);
        assert.equal(res.body.error.code, 'forbidden', where);
      }
    }
  }
});

test('a supervisor reskills agents of the teams they supervise, and no one else', async () => {
  const skills = [{ skillId: home.skill.id, competence: 2 }];
  const reskill = (id: string) =>
    call(server, home.supervisor.session, 'PUT', `/users/${id}/skills`, { skills });

  const member = await reskill(home.agent.user.id);
  assert.equal(member.status, 200, show(member));
  assert.deepEqual(member.body.skills, skills);

  const otherTeam = await buildTeam(server, home.admin);
  const stranger = await buildUser(server, home.admin, { teamId: otherTeam.id });
  for (const id of [home.loner.id, stranger.id]) {
    const res = await reskill(id);
    assert.equal(res.status, 403, show(res));
    assert.equal(res.body.error.code, 'forbidden');
    assert.deepEqual((await call(server, home.admin, 'GET', `/users/${id}`)).body.skills, []);
  }
});

test('every signed-in caller can read GET /me and GET /users/{their own id}', async () => {
  for (const who of callers(home)) {
    const me = await call(server, who.session, 'GET', '/me');
    assert.equal(me.status, 200, `${who.label} ${show(me)}`);
    assert.equal(me.body.id, who.actor.userId, who.label);
    const self = await call(server, who.session, 'GET', `/users/${who.actor.userId}`);
    assert.equal(self.status, 200, `${who.label} ${show(self)}`);
    assert.deepEqual(self.body, me.body, who.label);
  }
});

test('without valid credentials every non-public operation answers 401 unauthenticated', async () => {
  const admin = callers(home)[0]!;
  const bogus = { ...home.admin, headers: { authorization: 'Bearer not-a-token' } };
  for (const [key, isPublic] of documented) {
    if (isPublic) continue;
    const req = await OPS[key]!.own(home, admin);
    for (const session of [undefined, bogus]) {
      const res = await send(key, req, session);
      assert.equal(res.status, 401, `${key} ${show(res)}`);
      assert.equal(res.body.error.code, 'unauthenticated', key);
    }
  }
});
