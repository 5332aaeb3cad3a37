import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildWorld, contactWith, type World } from '../testing/builders.ts';
import { call, startTestApp, type TestApp } from '../testing/test-app.ts';

let server: TestApp;
let home: World;
let other: World;

before(async () => {
  server = await startTestApp();
  home = await buildWorld(server, 'home');
  other = await buildWorld(server, 'other');
});
after(() => server.close());

const agents = (who: World['agent'], query = '') =>
  call(server, who.session, 'GET', `/realtime/agents${query}`);
const queues = (who: World['agent'], query = '') =>
  call(server, who.session, 'GET', `/realtime/queues${query}`);

describe('real-time agent state', () => {
  test('a read key reads chosen agents with team, external and internal state per domain', async () => {
    const res = await agents(home.reader, `?ids=${home.agent.id}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.length, 1);
    const [agent] = res.body;
    assert.equal(agent.agentId, home.agent.id);
    assert.equal(agent.username, home.agent.username);
    assert.deepEqual(agent.team, { id: home.team.id, name: agent.team.name });
    assert.equal(typeof agent.name, 'string');
    // Offered a chat while holding one: the pending offer shows.
    assert.deepEqual(
      [agent.digital.state, agent.digital.internalState, agent.digital.reasonCode],
      ['RESERVED', 'reserved', null],
    );
    assert.equal(agent.voice.state, 'LOGOUT');
    const live = await call(server, home.admin.session, 'GET', `/agents/${home.agent.id}`);
    assert.equal(agent.digital.since, live.body.digital.since);
  });

  test('wrap-up is WORK_READY while the agent will be Ready after it, WORK_NOT_READY with the reason once not', async () => {
    const desk = {
      admin: home.admin.session,
      channel: home.writer.session,
      agent: home.agent,
      csqId: home.csq.id,
    };
    await contactWith(server, desk, 'wrap_up');
    const wrapping = (await agents(home.reader, `?ids=${home.agent.id}`)).body[0];
    assert.deepEqual([wrapping.digital.state, wrapping.digital.internalState], ['WORK_READY', 'work']);
    const set = await call(server, home.agent.session, 'PUT', `/agents/${home.agent.id}/state`, {
      domain: 'digital',
      state: 'not_ready',
      reasonCode: home.reason.code,
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const after = (await agents(home.reader, `?ids=${home.agent.id}`)).body[0];
    assert.equal(after.digital.state, 'WORK_NOT_READY');
    assert.deepEqual(after.digital.reasonCode, { code: home.reason.code, label: 'Break' });
  });

  test('without ids: every agent for a read key, the teams’ agents for their supervisor', async () => {
    const all = await agents(home.reader);
    assert.equal(all.status, 200);
    const ids = all.body.map((a: { agentId: string }) => a.agentId);
    assert.ok(ids.includes(home.agent.id) && ids.includes(home.supervisor.id));
    const theirs = await agents(home.supervisor);
    assert.deepEqual(
      theirs.body.map((a: { agentId: string }) => a.agentId),
      [home.agent.id],
    );
    const outside = await agents(home.supervisor, `?ids=${home.agent.id},${home.supervisor.id}`);
    assert.equal(outside.status, 404);
    assert.deepEqual(outside.body.error.details.ids, [home.supervisor.id]);
  });

  test("another tenant's agent, or no agent at all, is unknown_agent naming the ids", async () => {
    const stranger = crypto.randomUUID();
    const res = await agents(home.reader, `?ids=${home.agent.id},${other.agent.id},${stranger}`);
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'unknown_agent');
    assert.deepEqual(res.body.error.details.ids, [other.agent.id, stranger]);
    assert.match(res.body.error.message, new RegExp(other.agent.id));
    assert.ok(!JSON.stringify(res.body).includes(`${other.agent.username}`));
  });

  test('ids must be uuids, at most 500; agents take no such read', async () => {
    for (const query of ['?ids=banana', `?ids=${Array(501).fill(home.agent.id).join(',')}`, '?ids=']) {
      const res = await agents(home.reader, query);
      assert.equal(res.status, 400, query.slice(0, 40));
      assert.equal(res.body.error.code, 'validation_failed');
    }
    assert.equal((await agents(home.reader, `?ids=${Array(500).fill(home.agent.id).join(',')}`)).status, 200);
    assert.equal((await agents(home.agent)).status, 403);
  });
});

describe('real-time queue statistics', () => {
  test('per CSQ asked for: the queue view’s figures now and today', async () => {
    const res = await queues(home.reader, `?csqIds=${home.parking.id},${home.csq.id}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.map((q: { csqId: string }) => q.csqId),
      [home.parking.id, home.csq.id],
    );
    const view = await call(server, home.admin.session, 'GET', `/queues/${home.parking.id}`);
    const [parking] = res.body;
    assert.equal(parking.waiting, view.body.waiting);
    assert.ok(parking.waiting >= 1, 'a contact and a chat wait in parking');
    assert.equal(parking.longestWaitSeconds, view.body.longestWaitSeconds);
    assert.deepEqual(parking.agents, view.body.agents);
    const { today } = view.body;
    assert.deepEqual(parking.today, {
      since: today.since,
      offered: today.offered,
      answered: today.answered,
      handled: today.handled,
      abandoned: today.abandoned,
      serviceLevel: today.serviceLevel,
      serviceLevelSeconds: today.serviceLevelSeconds,
    });
    const all = await queues(home.reader);
    assert.equal(all.body.length, 3);
  });

  test("unknown and another tenant's CSQs are unknown_csq naming the ids", async () => {
    const res = await queues(home.reader, `?csqIds=${home.csq.id},${other.csq.id}`);
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'unknown_csq');
    assert.deepEqual(res.body.error.details.ids, [other.csq.id]);
    assert.equal((await queues(home.reader, '?csqIds=x')).status, 400);
  });
});
