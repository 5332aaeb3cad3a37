import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { sql } from 'kysely';
import { type Database, migrate, openDatabase } from '../db/database.ts';
import { buildApiKey, buildCsq, signInAs } from '../testing/builders.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { findByNumber } from './phone-numbers.repository.ts';

const show = (res: { status: number; body: unknown }) => `→ ${res.status} ${JSON.stringify(res.body)}`;
const queueingTo = (csqId: string) => ({ format: 1, start: 'q', steps: { q: { type: 'queue', csqId } } });

/** A tenant with a voice CSQ and a call flow that queues into it. */
async function tenantWithTargets(server: TestApp, name: string) {
  const { tenantId, admin } = await createTestTenant(server, name);
  const voice = await buildCsq(server, admin, { name: 'Phone support', channel: 'voice' });
  const flow = await call(server, admin, 'POST', '/call-flows', {
    name: 'Main line',
    definition: queueingTo(voice.id),
  });
  assert.equal(flow.status, 201, show(flow));
  return { tenantId, admin, voice, flow: flow.body as { id: string; name: string } };
}

describe('phone numbers', () => {
  let server: TestApp;
  let admin: Session;
  let voice: { id: string };
  let flow: { id: string };

  before(async () => {
    server = await startTestApp();
    ({ admin, voice, flow } = await tenantWithTargets(server, 'numbers'));
  });
  after(() => server.close());

  const add = (body: object, who = admin) => call(server, who, 'POST', '/phone-numbers', body);

  test('an administrator adds a number to a flow, sends it to a CSQ instead, and deletes it; each change is audited', async () => {
    const created = await add({ number: '+4930123456', name: 'Sales line', flowId: flow.id });
    assert.equal(created.status, 201, show(created));
    assert.equal(created.body.flowId, flow.id);
    assert.equal(created.body.csqId, null);
    const { id } = created.body;
    assert.deepEqual((await call(server, admin, 'GET', `/phone-numbers/${id}`)).body, created.body);

    const changed = await call(server, admin, 'PUT', `/phone-numbers/${id}`, {
      number: '2000',
      name: 'Support',
      csqId: voice.id,
      flowId: null,
    });
    assert.equal(changed.status, 200, show(changed));
    assert.deepEqual(
      [changed.body.number, changed.body.name, changed.body.flowId, changed.body.csqId],
      ['2000', 'Support', null, voice.id],
    );
    const listed = await call(server, admin, 'GET', '/phone-numbers');
    assert.deepEqual(
      listed.body.map((n: { number: string }) => n.number),
      ['2000'],
    );

    assert.equal((await call(server, admin, 'DELETE', `/phone-numbers/${id}`)).status, 204);
    assert.equal((await call(server, admin, 'GET', `/phone-numbers/${id}`)).status, 404);
    assert.equal((await call(server, admin, 'DELETE', `/phone-numbers/${id}`)).status, 404);
    const audit = await call(server, admin, 'GET', '/audit-log?entityType=phone_number');
    assert.deepEqual(audit.body.map((e: { action: string }) => e.action).sort(), [
      'create',
      'delete',
      'update',
    ]);
  });

  test('refused with the field at fault: the number’s form, its name, and exactly one voice CSQ or flow of this tenant', async () => {
    const {
      admin: otherAdmin,
      voice: theirCsq,
      flow: theirFlow,
    } = await tenantWithTargets(server, 'numbers-other');
    const chat = await buildCsq(server, admin, { name: 'Web chat' });
    const ok = { number: '+4940111', name: 'Hotline', csqId: voice.id };
    const cases: [object, string, RegExp][] = [
      [{ ...ok, number: 'Sales' }, 'number', /2 to 20 digits/],
      [{ ...ok, number: '1' }, 'number', /2 to 20 digits/],
      [{ ...ok, number: `+${'1'.repeat(21)}` }, 'number', /2 to 20 digits/],
      [{ ...ok, number: '030 123' }, 'number', /2 to 20 digits/],
      [{ ...ok, name: '' }, 'name', /empty/],
      [{ ...ok, name: 'x'.repeat(LIMITS.phoneNumberName.max + 1) }, 'name', /at most 100/],
      [{ number: ok.number, name: ok.name }, 'flowId', /a call flow \(flowId\) or a voice CSQ \(csqId\)/],
      [{ ...ok, csqId: null, flowId: null }, 'flowId', /name one/],
      [{ ...ok, flowId: flow.id }, 'csqId', /not both/],
      [{ ...ok, csqId: chat.id }, 'csqId', /the CSQ "Web chat" takes chat contacts, not calls/i],
      [{ ...ok, csqId: theirCsq.id }, 'csqId', /names no CSQ of this tenant/],
      [{ ...ok, csqId: undefined, flowId: theirFlow.id }, 'flowId', /names no call flow of this tenant/],
      [
        { ...ok, csqId: undefined, flowId: crypto.randomUUID() },
        'flowId',
        /names no call flow of this tenant/,
      ],
    ];
    const { body: existing } = await add({ ...ok, number: '+4940222' });
    for (const [body, field, message] of cases) {
      for (const refused of [
        await add(body),
        await call(server, admin, 'PUT', `/phone-numbers/${existing.id}`, body),
      ]) {
        assert.equal(refused.status, 400, `${JSON.stringify(body)} ${show(refused)}`);
        assert.equal(refused.body.error.code, 'validation_failed');
        assert.match(refused.body.error.message, message);
        assert.equal(refused.body.error.details[0].field, field, show(refused));
      }
    }
    assert.deepEqual(
      (await call(server, admin, 'GET', '/phone-numbers')).body.map((n: { number: string }) => n.number),
      ['+4940222'],
    );
    assert.equal((await call(server, otherAdmin, 'GET', `/phone-numbers/${existing.id}`)).status, 404);
    assert.equal((await call(server, admin, 'DELETE', `/phone-numbers/${existing.id}`)).status, 204);
  });

  test('a flow or CSQ a number sends calls to is not deleted until the number lets go', async () => {
    const csq = await buildCsq(server, admin, { name: 'Sales queue', channel: 'voice' });
    const sales = await call(server, admin, 'POST', '/call-flows', {
      name: 'Sales',
      definition: queueingTo(csq.id),
    });
    const toFlow = await add({ number: '+4989100', name: 'Sales line', flowId: sales.body.id });
    const toCsq = await add({ number: '+4989200', name: 'Sales direct', csqId: csq.id });
    const deleteFlow = await call(server, admin, 'DELETE', `/call-flows/${sales.body.id}`);
    assert.equal(deleteFlow.status, 409, show(deleteFlow));
    assert.match(deleteFlow.body.error.message, /number\(s\) \+4989100 \("Sales line"\) send calls to it/);
    assert.deepEqual(deleteFlow.body.error.details.numbers, ['+4989100']);
    assert.equal((await call(server, admin, 'DELETE', `/phone-numbers/${toFlow.body.id}`)).status, 204);
    assert.equal((await call(server, admin, 'DELETE', `/call-flows/${sales.body.id}`)).status, 204);

    const deleteCsq = await call(server, admin, 'DELETE', `/csqs/${csq.id}`);
    assert.equal(deleteCsq.status, 409, show(deleteCsq));
    assert.match(deleteCsq.body.error.message, /number\(s\) \+4989200 \("Sales direct"\) send calls to it/);
    assert.equal((await call(server, admin, 'DELETE', `/phone-numbers/${toCsq.body.id}`)).status, 204);
    assert.equal((await call(server, admin, 'DELETE', `/csqs/${csq.id}`)).status, 204);
  });

  test('a number a CSQ presents as its caller ID is not deleted until the CSQ lets go; renumbered, the CSQ presents the new number', async () => {
    const csq = await buildCsq(server, admin, { name: 'Outbound sales', channel: 'voice' });
    const line = await add({ number: '+4989300', name: 'Sales out', flowId: flow.id });
    const given = await call(server, admin, 'PATCH', `/csqs/${csq.id}`, { callerId: '+4989300' });
    assert.equal(given.status, 200, show(given));
    const deleted = await call(server, admin, 'DELETE', `/phone-numbers/${line.body.id}`);
    assert.equal(deleted.status, 409, show(deleted));
    assert.match(deleted.body.error.message, /caller ID of CSQ\(s\) "Outbound sales"/);
    assert.deepEqual(deleted.body.error.details.csqs, ['Outbound sales']);

    const renumbered = await call(server, admin, 'PUT', `/phone-numbers/${line.body.id}`, {
      number: '+4989301',
      name: 'Sales out',
      flowId: flow.id,
    });
    assert.equal(renumbered.status, 200, show(renumbered));
    assert.equal((await call(server, admin, 'GET', `/csqs/${csq.id}`)).body.callerId, '+4989301');

    assert.equal((await call(server, admin, 'PATCH', `/csqs/${csq.id}`, { callerId: null })).status, 200);
    assert.equal((await call(server, admin, 'DELETE', `/phone-numbers/${line.body.id}`)).status, 204);
  });

  test('findByNumber, the one lookup across tenants, gives the tenant holding the number and where its calls go', async () => {
    const other = await tenantWithTargets(server, 'numbers-found');
    const added = await add({ number: '+3312345', name: 'Paris' }, other.admin);
    assert.equal(added.status, 400, 'a number must go somewhere');
    const created = await add({ number: '+3312345', name: 'Paris', flowId: other.flow.id }, other.admin);
    assert.equal(created.status, 201, show(created));
    assert.deepEqual(await findByNumber(server.database.db, '+3312345'), {
      id: created.body.id,
      tenantId: other.tenantId,
      number: '+3312345',
      flowId: other.flow.id,
      csqId: null,
    });
    assert.equal(await findByNumber(server.database.db, '3312345'), undefined, 'the + is part of the number');
    assert.equal(await findByNumber(server.database.db, '+999'), undefined);
  });

  test('supervisors and read keys read numbers; only administrators change them; agents see none', async () => {
    const supervisor = await signInAs(server, admin, 'supervisor');
    const agent = await signInAs(server, admin, 'agent');
    const key = await buildApiKey(server, admin, 'write');
    assert.equal((await call(server, supervisor.session, 'GET', '/phone-numbers')).status, 200);
    assert.equal((await call(server, key.session, 'GET', '/phone-numbers')).status, 200);
    assert.equal((await call(server, agent.session, 'GET', '/phone-numbers')).status, 403);
    for (const who of [supervisor.session, key.session]) {
      const refused = await add({ number: '+4970000', name: 'Mine', csqId: voice.id }, who);
      assert.equal(refused.status, 403, show(refused));
    }
  });
});

/**
 * Numbers added at the same moment: the unique index decides who gets a number, and the tenant's lock keeps
 * the cap. PGlite runs one transaction at a time; PostgreSQL runs them side by side, where the locks are put
 * to the test (set SWITCHBOARD_TEST_DATABASE_URL).
 */
function numbersAddedAtOnce(label: string, openDb?: () => Promise<Database>) {
  describe(`phone numbers added at once (${label})`, () => {
    let server: TestApp;
    before(async () => {
      server = await startTestApp({}, undefined, openDb);
    });
    after(() => server.close());

    test('the same number added by two tenants at once: one gets it, the other 409 number_taken naming no one', async () => {
      const [acme, globex] = [
        await tenantWithTargets(server, 'race-acme'),
        await tenantWithTargets(server, 'race-globex'),
      ];
      const add = (t: typeof acme) =>
        call(server, t.admin, 'POST', '/phone-numbers', {
          number: '+4930555',
          name: 'Main',
          csqId: t.voice.id,
        });
      const answers = await Promise.all([add(acme), add(globex)]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409], answers.map(show).join(' '));
      const refused = answers.find((a) => a.status === 409)!;
      assert.equal(refused.body.error.code, 'number_taken');
      assert.equal(refused.body.error.details[0].field, 'number');
      const text = JSON.stringify(refused.body);
      for (const giveaway of [acme.tenantId, globex.tenantId, 'race-', acme.voice.id, globex.voice.id])
        assert.ok(!text.includes(giveaway), `the refusal names no tenant: ${text}`);
      const holder = answers[0]?.status === 201 ? acme : globex;
      assert.equal((await findByNumber(server.database.db, '+4930555'))?.tenantId, holder.tenantId);
      // The holder itself cannot add it twice, nor rename another number to it.
      assert.equal((await add(holder)).body.error.code, 'number_taken');
      const second = await call(server, holder.admin, 'POST', '/phone-numbers', {
        number: '+4930556',
        name: 'Second',
        csqId: holder.voice.id,
      });
      const renamed = await call(server, holder.admin, 'PUT', `/phone-numbers/${second.body.id}`, {
        number: '+4930555',
        name: 'Second',
        csqId: holder.voice.id,
      });
      assert.equal(renamed.status, 409, show(renamed));
      assert.equal(renamed.body.error.code, 'number_taken');
    });

    test('a number deleted while a CSQ is given it as caller ID: one of the two is refused, never a caller ID without its number', async () => {
      const t = await tenantWithTargets(server, 'race-caller-id');
      for (let round = 0; round < 5; round++) {
        const number = `+4973${round}`;
        const line = await call(server, t.admin, 'POST', '/phone-numbers', {
          number,
          name: `Line ${round}`,
          flowId: t.flow.id,
        });
        assert.equal(line.status, 201, show(line));
        const [deleted, given] = await Promise.all([
          call(server, t.admin, 'DELETE', `/phone-numbers/${line.body.id}`),
          call(server, t.admin, 'PATCH', `/csqs/${t.voice.id}`, { callerId: number }),
        ]);
        const outcome = [deleted.status, given.status];
        assert.ok(
          (outcome[0] === 204 && outcome[1] === 400) || (outcome[0] === 409 && outcome[1] === 200),
          `${show(deleted)} ${show(given)}`,
        );
        const csq = (await call(server, t.admin, 'GET', `/csqs/${t.voice.id}`)).body;
        const numbers = (await call(server, t.admin, 'GET', '/phone-numbers')).body as { number: string }[];
        if (csq.callerId !== null)
          assert.ok(
            numbers.some((n) => n.number === csq.callerId),
            'its number is kept',
          );
        await call(server, t.admin, 'PATCH', `/csqs/${t.voice.id}`, { callerId: null });
      }
    });

    test(`a tenant has at most ${LIMITS.phoneNumbersPerTenant.max} numbers, however many are added at once`, async () => {
      const busy = await tenantWithTargets(server, 'race-busy');
      const max = LIMITS.phoneNumbersPerTenant.max;
      await sql`
        insert into phone_numbers (id, tenant_id, number, name, csq_id, created_at, updated_at)
        select gen_random_uuid(), ${busy.tenantId}, '+4971' || (100000 + i), 'Seeded ' || i, ${busy.voice.id},
          now(), now()
        from generate_series(1, ${max - 2}) as i`.execute(server.database.db);
      const answers = await Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          call(server, busy.admin, 'POST', '/phone-numbers', {
            number: `+4972${i}`,
            name: `Line ${i}`,
            flowId: busy.flow.id,
          }),
        ),
      );
      assert.deepEqual(
        answers.map((a) => a.status).sort(),
        [201, 201, 409, 409, 409],
        answers.map(show).join(' '),
      );
      const full = answers.find((a) => a.status === 409)!;
      assert.equal(full.body.error.details.what, 'phoneNumbersPerTenant');
      assert.match(full.body.error.message, /at most 1000 phone numbers/);
      assert.equal((await call(server, busy.admin, 'GET', '/phone-numbers')).body.length, max);
    });
  });
}

numbersAddedAtOnce('PGlite');
const postgres = postgresForTests();
if (postgres.available) {
  numbersAddedAtOnce('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase(postgres.url);
    const database = await openDatabase({ databaseUrl: fresh.url });
    await migrate(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        await fresh.drop();
      },
    };
  });
} else {
  test('phone numbers added at once (PostgreSQL)', { skip: postgres.reason }, () => {});
}
