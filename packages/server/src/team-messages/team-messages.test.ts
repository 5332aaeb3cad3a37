import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HOUR_MS, LIMITS, MINUTE_MS } from '@switchboard/core';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { migrate, openDatabase } from '../db/database.ts';
import { createTenant } from '../tenancy/tenants.service.ts';
import { buildTeam, buildUser } from '../testing/builders.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../testing/test-app.ts';
import { connect, eventsUrl } from '../testing/websocket.ts';
import { publishTeamMessage } from './team-messages.service.ts';

type Person = { tenant: string; id: string; username: string };
type Res = Awaited<ReturnType<typeof call>>;
const show = (res: Res) => `→ ${res.status} ${JSON.stringify(res.body)}`;
const ids = (list: { id: string }[]) => list.map((m) => m.id);

let server: TestApp;
/** Sessions by person, signed in again once the clock has moved on past most of a token's life. */
const sessions = new Map<string, { at: number; session: Session }>();
async function sessionOf(person: Person): Promise<Session> {
  const key = `${person.tenant}/${person.username}`;
  const cached = sessions.get(key);
  if (cached && server.clock.now() - cached.at < 30 * MINUTE_MS) return cached.session;
  const session = await signIn(server, person.tenant, person.username);
  sessions.set(key, { at: server.clock.now(), session });
  return session;
}
const as = async (person: Person, method: Parameters<typeof call>[2], url: string, body?: unknown) =>
  call(server, await sessionOf(person), method, url, body);

/** A tenant's administrator, and people made by them. */
async function tenant(name: string) {
  const { tenantId, admin: session } = await createTestTenant(server, name);
  const id = (await call(server, session, 'GET', '/me')).body.id;
  const admin: Person = { tenant: name, id, username: 'admin' };
  sessions.set(`${name}/admin`, { at: server.clock.now(), session });
  const person = async (role: 'supervisor' | 'agent', overrides: Record<string, unknown> = {}) => {
    const user = await buildUser(server, await sessionOf(admin), { role, ...overrides });
    return { tenant: name, id: user.id, username: user.username };
  };
  const team = async (primary?: Person, secondary?: Person) =>
    (
      await buildTeam(server, await sessionOf(admin), {
        primarySupervisorId: primary?.id ?? null,
        secondarySupervisorId: secondary?.id ?? null,
      })
    ).id;
  const enable = async (who: Person, enabled = true) => {
    const res = await as(admin, 'PUT', `/users/${who.id}/team-messages`, { enabled });
    assert.equal(res.status, 200, show(res));
  };
  /** A supervisor with the switch on, primary supervisor of a new team. */
  const supervisorOfNewTeam = async () => {
    const supervisor = await person('supervisor');
    await enable(supervisor);
    return { supervisor, teamId: await team(supervisor) };
  };
  return { tenantId, admin, person, team, enable, supervisorOfNewTeam };
}

const message = (teamIds: string[], overrides: Record<string, unknown> = {}) => ({
  text: 'Storm warning: expect long queues',
  teamIds,
  expiresInMinutes: 60,
  ...overrides,
});
async function publish(who: Person, body: Record<string, unknown>) {
  const res = await as(who, 'POST', '/team-messages', body);
  assert.equal(res.status, 201, show(res));
  return res.body as { id: string; teamIds: string[]; status: string };
}
async function visibleTo(who: Person, query = '') {
  const res = await as(who, 'GET', `/team-messages${query}`);
  assert.equal(res.status, 200, show(res));
  return res.body as { id: string; text: string; status: string; supervisorName: string }[];
}

describe('team messages', () => {
  let acme: Awaited<ReturnType<typeof tenant>>;

  before(async () => {
    server = await startTestApp();
    acme = await tenant('acme');
  });
  after(() => server.close());

  test('a supervisor sends to their team; its agents see it with who sent it and until when; each change is audited', async () => {
    const { supervisor, teamId } = await acme.supervisorOfNewTeam();
    const agent = await acme.person('agent', { teamId });
    const elsewhere = await acme.person('agent', { teamId: await acme.team() });
    const now = server.clock.now();

    const created = await as(
      supervisor,
      'POST',
      '/team-messages',
      message([teamId], { text: '  Lunch at 1  ' }),
    );
    assert.equal(created.status, 201, show(created));
    const { id, ...rest } = created.body;
    assert.deepEqual(rest, {
      text: 'Lunch at 1',
      teamIds: [teamId],
      supervisorId: supervisor.id,
      supervisorName: 'Test User',
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + HOUR_MS).toISOString(),
      deletedAt: null,
      status: 'active',
    });
    assert.deepEqual(await visibleTo(agent), [created.body]);
    assert.deepEqual(await visibleTo(supervisor), [created.body]);
    assert.ok(ids(await visibleTo(acme.admin)).includes(id), 'administrators see every message');
    assert.deepEqual(await visibleTo(elsewhere), []);

    const deleted = await as(supervisor, 'DELETE', `/team-messages/${id}`);
    assert.equal(deleted.status, 204, show(deleted));
    assert.deepEqual(await visibleTo(agent), []);
    const again = await as(supervisor, 'DELETE', `/team-messages/${id}`);
    assert.equal(again.status, 409, show(again));
    assert.match(again.body.error.message, /already been deleted/);
    assert.equal((await as(supervisor, 'DELETE', `/team-messages/${crypto.randomUUID()}`)).status, 404);

    const audit = await as(acme.admin, 'GET', '/audit-log?entityType=team_message');
    const entries = audit.body.filter((entry: { entityId: string }) => entry.entityId === id);
    assert.deepEqual(
      entries.map((e: { action: string; actorId: string }) => [e.action, e.actorId]),
      [
        ['delete', supervisor.id],
        ['create', supervisor.id],
      ],
    );
    assert.deepEqual(entries[1].after, created.body);
    assert.deepEqual(entries[0].before, created.body);
    assert.equal(entries[0].after, null);
  });

  test('limits at their edges: 255 characters, 5 minutes and 23 h 55 min pass; one more or less is 400', async () => {
    const { supervisor, teamId } = await acme.supervisorOfNewTeam();
    const ok = [
      { text: 'x'.repeat(255) },
      { text: '😀'.repeat(255), why: 'characters are code points, not UTF-16 units' },
      { expiresInMinutes: 5 },
      { expiresInMinutes: 23 * 60 + 55 },
    ];
    for (const { why, ...overrides } of ok) {
      const res = await as(supervisor, 'POST', '/team-messages', message([teamId], overrides));
      assert.equal(res.status, 201, `${JSON.stringify(overrides).slice(0, 40)} ${why ?? ''} ${show(res)}`);
    }
    const longest = await publish(supervisor, message([teamId], { expiresInMinutes: 1435 }));
    const stored = (await visibleTo(supervisor)).find((m) => m.id === longest.id) as unknown as {
      createdAt: string;
      expiresAt: string;
    };
    assert.equal(Date.parse(stored.expiresAt) - Date.parse(stored.createdAt), (23 * 60 + 55) * MINUTE_MS);

    const refused: [Record<string, unknown>, RegExp][] = [
      [{ text: 'x'.repeat(256) }, /^Text must be at most 255 characters\./],
      [{ text: '😀'.repeat(256) }, /^Text must be at most 255/],
      [{ text: '' }, /^Text must not be empty\./],
      [{ text: '   ' }, /^text must have at least one visible character/],
      [{ text: 'two\nlines' }, /^text must be one line of printable characters: character 4 is .* U\+000A/],
      [{ text: 'bell\u0007' }, /U\+0007/],
      [{ text: 'c1\u0085' }, /U\+0085/],
      [{ text: 'nul\u0000' }, /NUL character/],
      [{ expiresInMinutes: 4 }, /^Expires in minutes must be at least 5\./],
      [{ expiresInMinutes: 23 * 60 + 56 }, /^Expires in minutes must be at most 1435\./],
      [{ expiresInMinutes: 30.5 }, /^Expires in minutes must be a whole number\./],
      [{ teamIds: [] }, /^Team ids must have at least 1 entry\./],
      [{ teamIds: undefined }, /^Say who the message is for: teamIds .* or allTeams: true/],
      [{ teamIds: undefined, allTeams: false }, /^Say who the message is for/],
      [{ allTeams: true }, /^Give teamIds or allTeams: true, not both/],
      [{ teamIds: [teamId, teamId] }, /^teamIds\[1\] is listed more than once/],
      [{ teamIds: [teamId, crypto.randomUUID()] }, /^teamIds\[1\] is not a team of this tenant/],
    ];
    const before = await visibleTo(supervisor, '?include=recent');
    for (const [overrides, expected] of refused) {
      const res = await as(supervisor, 'POST', '/team-messages', message([teamId], overrides));
      assert.equal(res.status, 400, `${JSON.stringify(overrides)} ${show(res)}`);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.match(res.body.error.message, expected, JSON.stringify(overrides));
    }
    assert.deepEqual(await visibleTo(supervisor, '?include=recent'), before, 'nothing was stored');
  });

  test('the 101st send or delete within an hour is refused with Retry-After, and allowed once the hour has passed', async () => {
    const { supervisor, teamId } = await acme.supervisorOfNewTeam();
    const max = LIMITS.teamMessagePublishesPerHour.max;
    const start = server.clock.now();
    // 60 sends and 40 deletes: both count.
    const sent = [];
    for (let i = 0; i < 60; i++) {
      sent.push(await publish(supervisor, message([teamId], { text: `Message ${i}` })));
      if (i === 29) server.clock.advance(10 * MINUTE_MS); // the first 30 leave the window 10 minutes earlier
    }
    for (const { id } of sent.slice(0, 40)) {
      assert.equal((await as(supervisor, 'DELETE', `/team-messages/${id}`)).status, 204);
    }
    const inject = async (method: 'POST' | 'DELETE', url: string, payload?: object) =>
      server.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: (await sessionOf(supervisor)).headers,
        ...(payload ? { payload } : {}),
      });
    for (const refused of [
      await inject('POST', '/team-messages', message([teamId])),
      await inject('DELETE', `/team-messages/${sent[59]?.id}`),
    ]) {
      assert.equal(refused.statusCode, 429, refused.body);
      const { error } = refused.json();
      assert.equal(error.code, 'team_message_rate_limited');
      assert.match(
        error.message,
        new RegExp(`${max} team messages in the last hour.*try again in 50 minutes`),
      );
      assert.deepEqual(error.details, { limit: max, retryAfterSeconds: 50 * 60 });
      assert.equal(refused.headers['retry-after'], String(50 * 60));
    }
    assert.equal((await visibleTo(supervisor)).length, 20, 'the refused delete deleted nothing');

    // Others are not held to this supervisor's count.
    await publish(acme.admin, message([teamId]));

    server.clock.advance(start + HOUR_MS - 1000 - server.clock.now());
    const almost = await inject('POST', '/team-messages', message([teamId]));
    assert.equal(almost.statusCode, 429, almost.body);
    assert.equal(almost.headers['retry-after'], '1');
    server.clock.advance(1000);
    // The hour of the first 30 has passed: 30 slots are free, the 31st is not.
    for (let i = 0; i < 30; i++) await publish(supervisor, message([teamId], { text: `Later ${i}` }));
    const full = await inject('POST', '/team-messages', message([teamId]));
    assert.equal(full.statusCode, 429, full.body);
    assert.equal(full.headers['retry-after'], String(10 * 60));
  });

  test(`a tenant holds at most ${LIMITS.teamMessagesActivePerTenant.max} active messages; a delete or an expiry frees a place`, async () => {
    const busy = await tenant('busy');
    const teamId = await busy.team();
    const max = LIMITS.teamMessagesActivePerTenant.max;
    const now = new Date(server.clock.now());
    // Seeded straight into storage: sending them through the API would take 16 supervisors an hour.
    await sql`
      insert into team_messages (id, tenant_id, supervisor_id, text, created_at, expires_at)
      select gen_random_uuid(), ${busy.tenantId}, ${busy.admin.id}, 'Seed ' || n, ${now}::timestamptz,
        ${now}::timestamptz + n * interval '1 minute'
      from generate_series(1, ${max}) as n`.execute(server.database.db);
    // An expired and a deleted message take no place.
    await sql`
      insert into team_messages (id, tenant_id, supervisor_id, text, created_at, expires_at, deleted_at, deleted_by)
      values (gen_random_uuid(), ${busy.tenantId}, ${busy.admin.id}, 'Gone', ${now}::timestamptz,
        ${now}::timestamptz + interval '1 minute', ${now}::timestamptz, ${busy.admin.id})`.execute(
      server.database.db,
    );
    const active = await visibleTo(busy.admin);
    assert.equal(active.length, max);

    const refused = await as(busy.admin, 'POST', '/team-messages', message([teamId]));
    assert.equal(refused.status, 409, show(refused));
    assert.equal(refused.body.error.code, 'team_messages_full');
    const firstExpiry = new Date(now.getTime() + MINUTE_MS).toISOString();
    assert.equal(
      refused.body.error.message,
      `The tenant has ${max} active team messages, the most it may hold: delete one, or wait until the next expires (at ${firstExpiry}).`,
    );
    assert.deepEqual(refused.body.error.details, { limit: max, nextExpiryAt: firstExpiry });

    assert.equal((await as(busy.admin, 'DELETE', `/team-messages/${active[0]?.id}`)).status, 204);
    await publish(busy.admin, message([teamId]));
    assert.equal((await as(busy.admin, 'POST', '/team-messages', message([teamId]))).status, 409);
    server.clock.advance(MINUTE_MS);
    await publish(busy.admin, message([teamId]));
    assert.equal((await as(busy.admin, 'POST', '/team-messages', message([teamId]))).status, 409);
  });

  test('the administrator switches team messages on per supervisor; without it a supervisor is refused', async () => {
    const supervisor = await acme.person('supervisor');
    const teamId = await acme.team(supervisor);
    const agent = await acme.person('agent', { teamId });
    const refusedWhileOff = async () => {
      const res = await as(supervisor, 'POST', '/team-messages', message([teamId]));
      assert.equal(res.status, 403, show(res));
      assert.equal(res.body.error.code, 'forbidden');
      assert.match(res.body.error.message, /not switched on for you: ask an administrator/);
    };
    assert.deepEqual((await as(supervisor, 'GET', `/users/${supervisor.id}/team-messages`)).body, {
      userId: supervisor.id,
      enabled: false,
    });
    await refusedWhileOff();

    const on = await as(acme.admin, 'PUT', `/users/${supervisor.id}/team-messages`, { enabled: true });
    assert.deepEqual(on.body, { userId: supervisor.id, enabled: true });
    const { id } = await publish(supervisor, message([teamId]));
    await acme.enable(supervisor, false);
    await refusedWhileOff();
    const deleting = await as(supervisor, 'DELETE', `/team-messages/${id}`);
    assert.equal(deleting.status, 403, `deleting is sending too ${show(deleting)}`);

    for (const [who, expected] of [
      [agent, 403],
      [supervisor, 403],
    ] as const) {
      const res = await as(who, 'PUT', `/users/${supervisor.id}/team-messages`, { enabled: true });
      assert.equal(res.status, expected, show(res));
    }
    const notForAgents = await as(acme.admin, 'PUT', `/users/${agent.id}/team-messages`, { enabled: true });
    assert.equal(notForAgents.status, 400, show(notForAgents));
    assert.match(notForAgents.body.error.message, /supervisors only; this user is an agent/);
    const notForAdmins = await as(acme.admin, 'PUT', `/users/${acme.admin.id}/team-messages`, {
      enabled: true,
    });
    assert.match(notForAdmins.body.error.message, /an administrator, who may always send them/);
    const unknown = await as(acme.admin, 'PUT', `/users/${crypto.randomUUID()}/team-messages`, {
      enabled: true,
    });
    assert.equal(unknown.status, 404, show(unknown));
    assert.equal((await as(agent, 'GET', `/users/${supervisor.id}/team-messages`)).status, 403);

    const audit = await as(acme.admin, 'GET', '/audit-log?entityType=team_messages_switch');
    const changes = audit.body.filter((entry: { entityId: string }) => entry.entityId === supervisor.id);
    assert.deepEqual(
      changes.map((entry: { before: unknown; after: unknown }) => [entry.before, entry.after]),
      [
        [
          { userId: supervisor.id, enabled: true },
          { userId: supervisor.id, enabled: false },
        ],
        [
          { userId: supervisor.id, enabled: false },
          { userId: supervisor.id, enabled: true },
        ],
      ],
    );
  });

  test('a supervisor sends only to teams they supervise (primary or secondary) and deletes only their own', async () => {
    const [supervisor, colleague] = [await acme.person('supervisor'), await acme.person('supervisor')];
    await acme.enable(supervisor);
    await acme.enable(colleague);
    const [mine, shared, theirs] = [
      await acme.team(supervisor),
      await acme.team(colleague, supervisor),
      await acme.team(colleague),
    ];
    const refused = await as(supervisor, 'POST', '/team-messages', message([mine, theirs]));
    assert.equal(refused.status, 403, show(refused));
    assert.match(refused.body.error.message, /only to the teams they supervise.*teamIds\[1\]/);

    const everywhere = await publish(supervisor, { ...message([]), teamIds: undefined, allTeams: true });
    assert.deepEqual(everywhere.teamIds, [mine, shared].sort(), 'all teams: those they supervise');
    const ofColleague = await publish(colleague, message([shared]));
    const denied = await as(supervisor, 'DELETE', `/team-messages/${ofColleague.id}`);
    assert.equal(denied.status, 403, show(denied));
    assert.match(denied.body.error.message, /delete only the team messages they sent/);
    assert.equal((await as(acme.admin, 'DELETE', `/team-messages/${ofColleague.id}`)).status, 204);

    const byAdmin = await publish(acme.admin, { ...message([]), teamIds: undefined, allTeams: true });
    assert.ok(
      byAdmin.teamIds.includes(theirs) && byAdmin.teamIds.includes(mine),
      'an administrator: every team',
    );
    const loner = await acme.person('supervisor');
    await acme.enable(loner);
    const nobody = await as(loner, 'POST', '/team-messages', {
      ...message([]),
      teamIds: undefined,
      allTeams: true,
    });
    assert.equal(nobody.status, 403, show(nobody));
    assert.match(nobody.body.error.message, /You supervise no team/);
    await as(acme.admin, 'DELETE', `/team-messages/${byAdmin.id}`);
  });

  test("agents see the active messages of their own team only; senders' recent list shows expired and deleted ones too", async () => {
    const { supervisor, teamId: red } = await acme.supervisorOfNewTeam();
    const blue = await acme.team(supervisor);
    const green = await acme.team();
    const redAgent = await acme.person('agent', { teamId: red });
    const blueAgent = await acme.person('agent', { teamId: blue });
    const greenAgent = await acme.person('agent', { teamId: green });
    const teamless = await acme.person('agent');
    const toRed = await publish(supervisor, message([red]));
    const toBoth = await publish(supervisor, message([red, blue]));
    const toGreen = await publish(acme.admin, message([green]));
    assert.deepEqual(ids(await visibleTo(redAgent)), [toBoth.id, toRed.id]);
    assert.deepEqual(ids(await visibleTo(blueAgent)), [toBoth.id]);
    assert.deepEqual(ids(await visibleTo(greenAgent)), [toGreen.id]);
    assert.deepEqual(await visibleTo(teamless), []);
    assert.deepEqual(ids(await visibleTo(supervisor)), [toBoth.id, toRed.id]);

    const forAgents = await as(redAgent, 'GET', '/team-messages?include=recent');
    assert.equal(forAgents.status, 403, show(forAgents));
    const paged = await as(supervisor, 'GET', '/team-messages?limit=1');
    assert.equal(paged.status, 400, show(paged));
    assert.match(paged.body.error.message, /include=recent/);
    for (const who of [redAgent, supervisor]) {
      assert.equal((await as(who, 'DELETE', `/team-messages/${toGreen.id}`)).status, 403);
    }
    assert.equal((await as(acme.admin, 'DELETE', `/team-messages/${toGreen.id}`)).status, 204);
    await as(supervisor, 'DELETE', `/team-messages/${toBoth.id}`);
    const recent = await visibleTo(supervisor, '?include=recent&limit=2');
    assert.deepEqual(
      recent.map((m) => [m.id, m.status]),
      [
        [toBoth.id, 'deleted'],
        [toRed.id, 'active'],
      ],
    );
    assert.deepEqual(ids(await visibleTo(supervisor, '?include=recent&limit=1&offset=1')), [toRed.id]);
  });

  test('when the newest is deleted the one before shows again, and when that expires there is none', async () => {
    const { supervisor, teamId } = await acme.supervisorOfNewTeam();
    const agent = await acme.person('agent', { teamId });
    const a = await publish(supervisor, message([teamId], { text: 'A', expiresInMinutes: 10 }));
    const b = await publish(supervisor, message([teamId], { text: 'B', expiresInMinutes: 60 }));
    const latest = async () => (await visibleTo(agent))[0]?.text;
    assert.equal(await latest(), 'B', 'the newest first, even when sent in the same instant');
    assert.deepEqual(ids(await visibleTo(agent)), [b.id, a.id]);
    assert.equal((await as(supervisor, 'DELETE', `/team-messages/${b.id}`)).status, 204);
    assert.equal(await latest(), 'A');
    server.clock.advance(10 * MINUTE_MS - 1);
    assert.equal(await latest(), 'A');
    server.clock.advance(1);
    assert.equal(await latest(), undefined);
    const gone = await as(supervisor, 'DELETE', `/team-messages/${a.id}`);
    assert.equal(gone.status, 409, show(gone));
    assert.match(gone.body.error.message, /already expired/);
    const recent = await visibleTo(supervisor, '?include=recent');
    assert.deepEqual(
      recent.map((m) => [m.text, m.status]),
      [
        ['B', 'deleted'],
        ['A', 'expired'],
      ],
    );
  });

  test('another tenant neither sees nor deletes nor targets them', async () => {
    const { supervisor, teamId } = await acme.supervisorOfNewTeam();
    const { id } = await publish(supervisor, message([teamId]));
    const globex = await tenant('globex');
    const { supervisor: stranger } = await globex.supervisorOfNewTeam();
    for (const query of ['', '?include=recent']) {
      assert.ok(!ids(await visibleTo(globex.admin, query)).includes(id), query);
    }
    for (const who of [globex.admin, stranger]) {
      const res = await as(who, 'DELETE', `/team-messages/${id}`);
      assert.equal(res.status, 404, show(res));
      const aimed = await as(who, 'POST', '/team-messages', message([teamId]));
      assert.equal(aimed.status, 400, show(aimed));
      assert.match(aimed.body.error.message, /teamIds\[0\] is not a team of this tenant/);
      const peek = await as(who, 'GET', `/users/${supervisor.id}/team-messages`);
      assert.equal(peek.status, 404, show(peek));
    }
    assert.equal(
      (await as(globex.admin, 'PUT', `/users/${supervisor.id}/team-messages`, { enabled: false })).status,
      404,
    );
    assert.ok(ids(await visibleTo(supervisor)).includes(id), 'still there');
  });

  test('desktops of the teams a message is for hear of it being sent and deleted over the event stream', async () => {
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const base = address.replace('http', 'ws');
    const { supervisor, teamId } = await acme.supervisorOfNewTeam();
    const otherTeam = await acme.team();
    const [member, outsider] = [
      await acme.person('agent', { teamId }),
      await acme.person('agent', { teamId: otherTeam }),
    ];
    const streamOf = async (who: Person) => connect(await eventsUrl(server, base, await sessionOf(who)));
    const memberStream = await streamOf(member);
    const outsiderStream = await streamOf(outsider);
    const supervisorStream = await streamOf(supervisor);
    const adminStream = await streamOf(acme.admin);
    const streams = [memberStream, outsiderStream, supervisorStream, adminStream];
    await Promise.all(streams.map((s) => s.next((m) => m.type === 'hello')));

    const sent = await publish(supervisor, message([teamId]));
    const at = new Date(server.clock.now()).toISOString();
    const published = { type: 'team_message.published', id: sent.id, teamIds: [teamId], at };
    const withoutCursor = ({ cursor, ...rest }: Record<string, unknown>) => {
      assert.match(String(cursor), /^[0-9a-f]{8}\.[1-9][0-9]*$/, 'each event carries its cursor');
      return rest;
    };
    for (const stream of [memberStream, supervisorStream, adminStream]) {
      assert.deepEqual(
        withoutCursor(await stream.next((m) => m.type === 'team_message.published' && m.id === sent.id)),
        published,
      );
    }
    assert.equal((await as(supervisor, 'DELETE', `/team-messages/${sent.id}`)).status, 204);
    assert.deepEqual(withoutCursor(await memberStream.next((m) => m.type === 'team_message.deleted')), {
      ...published,
      type: 'team_message.deleted',
    });
    // A message to the outsider's team proves their stream was live while the others were told.
    const marker = await publish(acme.admin, message([otherTeam]));
    await outsiderStream.next((m) => m.type === 'team_message.published' && m.id === marker.id);
    assert.deepEqual(
      outsiderStream.received.filter((m) => m.type.startsWith('team_message.')).map((m) => m.id),
      [marker.id],
    );
    assert.ok(!memberStream.received.some((m) => m.id === marker.id), 'not for the member of another team');
    for (const stream of streams) stream.close();
  });
});

/*
 * Two publishes at the same time must not both slip under a cap. PGlite runs one transaction at a time;
 * PostgreSQL runs them side by side, so this is where the locks are put to the test.
 */
const postgres = postgresForTests();
describe('team message caps under concurrent publishes', {
  skip: postgres.available ? false : postgres.reason,
}, () => {
  const start = Date.parse('2026-03-02T09:00:00Z');

  test('with one place left, of two simultaneous sends exactly one gets it', async () => {
    if (!postgres.available) return;
    const fresh = await freshPostgresDatabase(postgres.url);
    const database = await openDatabase({ databaseUrl: fresh.url });
    try {
      await migrate(database.db);
      const db = database.db;
      const { tenant } = await createTenant(db, {
        name: 'race',
        displayName: 'Race',
        admin: { username: 'admin', password: 'correct horse battery' },
      });
      const admin = await db
        .selectFrom('users')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .executeTakeFirstOrThrow();
      const teamId = crypto.randomUUID();
      await db.insertInto('teams').values({ id: teamId, tenant_id: tenant.id, name: 'Red' }).execute();
      const principal = (userId: string): Principal => ({
        tenantId: tenant.id,
        userId,
        role: 'administrator',
        name: 'Admin',
      });
      const administrator = async (username: string) => {
        const id = crypto.randomUUID();
        await db
          .insertInto('users')
          .values({
            id,
            tenant_id: tenant.id,
            username,
            display_name: username,
            role: 'administrator',
            password_hash: null,
            alias: null,
            extension: null,
            team_id: null,
          })
          .execute();
        return id;
      };
      const send = (userId: string, now: number) =>
        publishTeamMessage(db, principal(userId), message([teamId]), now);
      const race = async (...sends: Promise<unknown>[]) =>
        (await Promise.allSettled(sends))
          .map((r) => (r.status === 'fulfilled' ? 'sent' : (r.reason as { code: string }).code))
          .sort();

      // The hourly limit: one person has sent 99, and sends two more at once.
      const max = LIMITS.teamMessagePublishesPerHour.max;
      for (let i = 0; i < max - 1; i++) await send(admin.id, start);
      assert.deepEqual(await race(send(admin.id, start), send(admin.id, start)), [
        'sent',
        'team_message_rate_limited',
      ]);

      // The tenant's cap: one place left, two people send at once.
      const cap = LIMITS.teamMessagesActivePerTenant.max;
      await sql`
        insert into team_messages (id, tenant_id, supervisor_id, text, created_at, expires_at)
        select gen_random_uuid(), ${tenant.id}, ${admin.id}, 'Seed', ${new Date(start)}::timestamptz,
          ${new Date(start + HOUR_MS)}::timestamptz
        from generate_series(1, ${cap - max - 1})`.execute(db);
      const [first, second] = [await administrator('first'), await administrator('second')];
      assert.deepEqual(await race(send(first, start), send(second, start)), ['sent', 'team_messages_full']);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
