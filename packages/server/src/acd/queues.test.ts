import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildContact, buildCsq, buildSkill, signInAs } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../testing/test-app.ts';

const S = 1000;
const DAY = 24 * 3600 * S;

type Person = { id: string; username: string; session: Session };

describe('queue view and CSQ resources', () => {
  let server: TestApp;
  let admin: Session;
  let supervisor: Session;
  let agentOnly: Session;
  let channel: Session;
  let reader: Session;
  let skill: { a: string; b: string; orders: string };
  /** Qualify for the billing CSQs (A ≥ 3 and B ≥ 2): Cyd 9+9, Ana 5+7, Bob 3+2. Dee (A 2) and Eve (no B) do not. */
  let people: Record<'cyd' | 'ana' | 'bob' | 'dee' | 'eve' | 'xav' | 'yan', Person>;
  let csq: Record<'billing' | 'linear' | 'least' | 'longest' | 'orders', string>;
  let foreignCsq: string;

  const get = (url: string, session = supervisor) => call(server, session, 'GET', url);
  const state = (who: Person, value: 'ready' | 'not_ready' | 'logged_out', domain = 'digital') =>
    call(server, who.session, 'PUT', `/agents/${who.id}/state`, { domain, state: value }).then((r) => {
      assert.equal(r.status, 200, JSON.stringify(r.body));
    });
  const act = async (who: Person, contactId: string, ...steps: ('accept' | 'complete' | 'wrap-up')[]) => {
    for (const step of steps) {
      const body = step === 'wrap-up' ? { reasons: [] } : undefined;
      const r = await call(server, who.session, 'POST', `/contacts/${contactId}/${step}`, body);
      assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.body)}`);
    }
  };
  const customer = async (contactId: string, action: 'end' | 'dequeue') => {
    const r = await call(server, channel, 'POST', `/contacts/${contactId}/${action}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const contact = async (csqId: string) => (await buildContact(server, channel, csqId)).id;
  const names = (body: { name: string }[]) => body.map((r) => r.name);

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    skill = {
      a: (await buildSkill(server, admin, { name: 'Billing' })).id,
      b: (await buildSkill(server, admin, { name: 'English' })).id,
      orders: (await buildSkill(server, admin, { name: 'Orders' })).id,
    };
    const person = async (role: 'agent' | 'supervisor', displayName: string, skills: [string, number][]) => {
      const { user, session } = await signInAs(server, admin, role, {
        displayName,
        skills: skills.map(([skillId, competence]) => ({ skillId, competence })),
      });
      return { id: user.id, username: user.username, session };
    };
    people = {
      cyd: await person('supervisor', 'Cyd', [
        [skill.a, 9],
        [skill.b, 9],
      ]),
      ana: await person('agent', 'Ana', [
        [skill.a, 5],
        [skill.b, 7],
      ]),
      bob: await person('agent', 'Bob', [
        [skill.a, 3],
        [skill.b, 2],
      ]),
      dee: await person('agent', 'Dee', [
        [skill.a, 2],
        [skill.b, 9],
      ]),
      eve: await person('agent', 'Eve', [[skill.a, 5]]),
      xav: await person('agent', 'Xav', [[skill.orders, 5]]),
      yan: await person('agent', 'Yan', [[skill.orders, 5]]),
    };
    supervisor = people.cyd.session;
    agentOnly = people.eve.session;
    channel = (await buildApiKey(server, admin, 'write')).session;
    reader = (await buildApiKey(server, admin, 'read')).session;
    const billing = {
      skills: [
        { skillId: skill.a, minCompetence: 3 },
        { skillId: skill.b, minCompetence: 2 },
      ],
    };
    csq = {
      billing: (
        await buildCsq(server, admin, { ...billing, name: 'Billing chat', criterion: 'most_skilled' })
      ).id,
      linear: (
        await buildCsq(server, admin, {
          ...billing,
          name: 'Billing phone',
          channel: 'voice',
          criterion: 'linear',
          agentOrder: [people.bob.id, people.ana.id],
        })
      ).id,
      least: (
        await buildCsq(server, admin, {
          ...billing,
          name: 'Billing callback',
          channel: 'voice',
          criterion: 'least_skilled',
        })
      ).id,
      longest: (await buildCsq(server, admin, { ...billing, name: 'Billing email', channel: 'email' })).id,
      orders: (
        await buildCsq(server, admin, {
          name: 'Orders chat',
          skills: [{ skillId: skill.orders, minCompetence: 1 }],
        })
      ).id,
    };
    const other = (await createTestTenant(server, 'globex')).admin;
    foreignCsq = (await buildCsq(server, other)).id;
    // These tests are about the figures: the supervisor sees every CSQ (scoping has its own test).
    await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { supervisorScope: 'tenant' } });
  });

  test('scoped to their teams, a supervisor sees only the CSQs their agents serve', async () => {
    await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { supervisorScope: 'teams' } });
    try {
      assert.deepEqual((await get('/queues')).body, [], 'Cyd supervises no team');
      assert.equal((await get(`/queues/${csq.billing}`)).status, 404);
      const team = await call(server, admin, 'POST', '/teams', {
        name: 'Billing team',
        primarySupervisorId: people.cyd.id,
      });
      await call(server, admin, 'PATCH', `/users/${people.ana.id}`, { teamId: team.body.id });
      assert.deepEqual(names((await get('/queues')).body), [
        'Billing callback',
        'Billing chat',
        'Billing email',
        'Billing phone',
      ]);
      assert.equal((await get('/queues', admin)).body.length, 5, 'administrators see every CSQ');
    } finally {
      await call(server, admin, 'PATCH', `/users/${people.ana.id}`, { teamId: null });
      await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { supervisorScope: 'tenant' } });
    }
  });
  after(() => server.close());

  test('a CSQ has a service-level threshold of 1–3600 s, 20 by default', async () => {
    assert.equal((await get(`/csqs/${csq.orders}`)).body.serviceLevelSeconds, 20);
    for (const serviceLevelSeconds of [0, 3601, 1.5, '20']) {
      const refused = await call(server, admin, 'POST', '/csqs', {
        name: 'Bad threshold',
        channel: 'chat',
        criterion: 'longest_available',
        skills: [],
        serviceLevelSeconds,
      });
      assert.equal(refused.status, 400, `${serviceLevelSeconds}: ${JSON.stringify(refused.body)}`);
    }
    const changed = await call(server, admin, 'PATCH', `/csqs/${csq.longest}`, { serviceLevelSeconds: 3600 });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal((await get(`/csqs/${csq.longest}`)).body.serviceLevelSeconds, 3600);
  });

  test('resources: exactly the qualifying agents, ranked as the criterion ranks them', async () => {
    const mostSkilled = await get(`/csqs/${csq.billing}/resources`);
    assert.equal(mostSkilled.status, 200, JSON.stringify(mostSkilled.body));
    assert.deepEqual(names(mostSkilled.body), ['Cyd', 'Ana', 'Bob']);
    const ana = mostSkilled.body[1];
    assert.equal(ana.agentId, people.ana.id);
    assert.equal(ana.skillSum, 12);
    const competence = Object.fromEntries(
      ana.competences.map((s: { skillId: string; competence: number; minCompetence: number }) => [
        s.skillId,
        [s.competence, s.minCompetence],
      ]),
    );
    assert.deepEqual(competence, { [skill.a]: [5, 3], [skill.b]: [7, 2] });
    assert.deepEqual([ana.voice.state, ana.digital.state], ['logged_out', 'logged_out']);
    assert.deepEqual(
      mostSkilled.body.map((r: { skillSum: number }) => r.skillSum),
      [18, 12, 5],
    );

    const linear = await get(`/csqs/${csq.linear}/resources`);
    assert.deepEqual(names(linear.body), ['Bob', 'Ana', 'Cyd'], 'agents missing from the order come last');
    assert.deepEqual(names((await get(`/csqs/${csq.least}/resources`)).body), ['Bob', 'Ana', 'Cyd']);
    const longest = await get(`/csqs/${csq.longest}/resources`, reader);
    assert.deepEqual(names(longest.body), ['Ana', 'Bob', 'Cyd'], 'Longest Available ranks live: by name');

    // Reskilled live: Dee now meets A ≥ 3 and ties Ana at 12; ties go by name.
    const reskill = await call(server, admin, 'PUT', `/users/${people.dee.id}/skills`, {
      skills: [
        { skillId: skill.a, competence: 3 },
        { skillId: skill.b, competence: 9 },
      ],
    });
    assert.equal(reskill.status, 200, JSON.stringify(reskill.body));
    assert.deepEqual(names((await get(`/csqs/${csq.billing}/resources`)).body), ['Cyd', 'Ana', 'Dee', 'Bob']);
  });

  test("unknown or another tenant's CSQs are not found; agents may not look", async () => {
    for (const id of [crypto.randomUUID(), foreignCsq]) {
      assert.equal((await get(`/csqs/${id}/resources`)).status, 404);
      assert.equal((await get(`/queues/${id}`)).status, 404);
    }
    const all = await get('/queues');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.map((q: { name: string }) => q.name),
      ['Billing callback', 'Billing chat', 'Billing email', 'Billing phone', 'Orders chat'],
    );
    for (const url of ['/queues', `/queues/${csq.billing}`, `/csqs/${csq.billing}/resources`]) {
      const refused = await get(url, agentOnly);
      assert.equal(refused.status, 403, url);
      assert.equal(refused.body.error.code, 'forbidden');
      assert.equal((await get(url, reader)).status, 200, url);
    }
  });

  test('agents by state follow Ready, Not Ready, offers, talking and wrap-up, on the CSQ domain only', async () => {
    const agents = async (csqId = csq.billing) => (await get(`/queues/${csqId}`)).body.agents;
    const counts = (c: Partial<Record<string, number>>) => ({
      ready: 0,
      notReady: 0,
      reserved: 0,
      busy: 0,
      wrapUp: 0,
      loggedOut: 0,
      ...c,
    });
    assert.deepEqual(await agents(), counts({ loggedOut: 4 }));
    await state(people.ana, 'ready');
    await state(people.bob, 'not_ready');
    assert.deepEqual(await agents(), counts({ ready: 1, notReady: 1, loggedOut: 2 }));
    const first = await contact(csq.billing);
    assert.deepEqual(await agents(), counts({ reserved: 1, notReady: 1, loggedOut: 2 }));
    const second = await contact(csq.billing); // Ana has an offer pending: it waits
    server.clock.advance(7 * S);
    const waiting = (await get(`/queues/${csq.billing}`)).body;
    assert.deepEqual([waiting.waiting, waiting.longestWaitSeconds], [1, 7]);
    await act(people.ana, first, 'accept'); // Ana takes the second chat too: offered, so still Reserved
    assert.deepEqual(await agents(), counts({ reserved: 1, notReady: 1, loggedOut: 2 }));
    await customer(second, 'end');
    assert.deepEqual(await agents(), counts({ busy: 1, notReady: 1, loggedOut: 2 }));
    assert.deepEqual(await agents(csq.linear), counts({ loggedOut: 4 }), 'voice is another domain');
    await act(people.ana, first, 'complete');
    assert.deepEqual(await agents(), counts({ wrapUp: 1, notReady: 1, loggedOut: 2 }));
    await act(people.ana, first, 'wrap-up');
    assert.deepEqual(await agents(), counts({ ready: 1, notReady: 1, loggedOut: 2 }));
    await state(people.ana, 'logged_out');
    await state(people.bob, 'logged_out');
    const empty = (await get(`/queues/${csq.billing}`)).body;
    assert.deepEqual([empty.waiting, empty.longestWaitSeconds], [0, 0]);
  });

  test("today's figures: service level by entry interval, abandons by rule, yesterday's contacts left out", async () => {
    const { xav } = people;
    const view = async (query = '') => {
      const r = await get(`/queues/${csq.orders}${query}`, reader);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const midnight = Math.floor(server.clock.now() / DAY) * DAY + DAY;
    server.clock.advance(midnight - 10 * 60 * S - server.clock.now());
    const abandonedYesterday = await contact(csq.orders);
    server.clock.advance(30 * S);
    await customer(abandonedYesterday, 'end');
    server.clock.advance(4 * 60 * S + 30 * S);
    const waitingSinceYesterday = await contact(csq.orders); // 23:55 UTC
    server.clock.advance(65 * 60 * S); // 01:00 UTC
    // Hours went by: access tokens have expired (API keys do not).
    xav.session = await signIn(server, 'acme', xav.username);
    admin = await signIn(server, 'acme', 'admin');
    let row = await view();
    assert.equal(row.today.since, new Date(midnight).toISOString());
    assert.deepEqual([row.waiting, row.longestWaitSeconds], [1, 65 * 60]);
    assert.deepEqual([row.today.offered, row.today.abandoned, row.today.serviceLevel], [0, 0, null]);

    await state(xav, 'ready'); // takes yesterday's contact: handled today, but offered yesterday
    assert.equal((await view()).agents.reserved, 1);
    await act(xav, waitingSinceYesterday, 'accept', 'complete', 'wrap-up');
    row = await view();
    assert.deepEqual([row.today.offered, row.today.handled, row.waiting], [0, 0, 0]);

    const quick = await contact(csq.orders); // offered at once, answered after 5 s
    server.clock.advance(5 * S);
    await act(xav, quick, 'accept', 'complete', 'wrap-up');
    await state(xav, 'not_ready');
    const slow = await contact(csq.orders); // answered after 30 s
    server.clock.advance(30 * S);
    await state(xav, 'ready');
    await act(xav, slow, 'accept', 'complete', 'wrap-up');
    await state(xav, 'not_ready');
    const leftSoon = await contact(csq.orders); // abandoned after 3 s
    server.clock.advance(3 * S);
    await customer(leftSoon, 'end');
    const leftLate = await contact(csq.orders); // abandoned after 45 s
    server.clock.advance(45 * S);
    await customer(leftLate, 'end');
    const withdrawn = await contact(csq.orders);
    server.clock.advance(2 * S);
    await customer(withdrawn, 'dequeue');
    const missed = await contact(csq.orders); // waits 30 s: past the threshold
    server.clock.advance(25 * S);
    const undecided = await contact(csq.orders); // waits 5 s: not yet measured
    server.clock.advance(5 * S);

    row = await view();
    assert.deepEqual(
      {
        csqId: row.csqId,
        name: row.name,
        channel: row.channel,
        waiting: row.waiting,
        longest: row.longestWaitSeconds,
      },
      { csqId: csq.orders, name: 'Orders chat', channel: 'chat', waiting: 2, longest: 30 },
    );
    assert.deepEqual(row.agents, { ready: 0, notReady: 1, reserved: 0, busy: 0, wrapUp: 0, loggedOut: 1 });
    assert.deepEqual(row.today, {
      since: new Date(midnight).toISOString(),
      offered: 7,
      answered: 2,
      handled: 2,
      abandoned: 2,
      dequeued: 1,
      answeredWithinThreshold: 1,
      serviceLevel: 1 / 5, // 1 within ÷ (7 offered − 1 dequeued − 1 not yet measured)
      serviceLevelSeconds: 20,
      abandons: 'counted_against',
      shortAbandonSeconds: 0,
    });
    assert.equal((await view('?abandons=ignored')).today.serviceLevel, 1 / 3);
    assert.equal((await view('?abandons=counted_for')).today.serviceLevel, 2 / 5);
    const short = (await view('?shortAbandonSeconds=5')).today;
    assert.deepEqual([short.offered, short.abandoned, short.serviceLevel], [6, 1, 1 / 4]);
    assert.equal((await get('/queues?abandons=bogus', reader)).status, 400);
    const listed = (await get('/queues', reader)).body.find((q: { csqId: string }) => q.csqId === csq.orders);
    assert.deepEqual(listed, row);

    // A wider threshold: the 30 s answer is now within, and so is the 30 s wait (not yet past it).
    const patched = await call(server, admin, 'PATCH', `/csqs/${csq.orders}`, { serviceLevelSeconds: 30 });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const wider = (await view()).today;
    assert.deepEqual([wider.answeredWithinThreshold, wider.serviceLevel], [2, 2 / 4]);

    for (const id of [missed, undecided]) await customer(id, 'end');
    await state(xav, 'logged_out');
  });
});
