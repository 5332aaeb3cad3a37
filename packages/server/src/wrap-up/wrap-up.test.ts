import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { sql } from 'kysely';
import { systemPrincipal } from '../auth/principal.ts';
import { migrate, openDatabase } from '../db/database.ts';
import { createResponse } from '../predefined-responses/predefined-responses.service.ts';
import { createTenant } from '../tenancy/tenants.service.ts';
import {
  buildApiKey,
  buildCsq,
  buildSkill,
  buildWrapUpCategory,
  contactWith,
  type HeldStatus,
  signInAs,
} from '../testing/builders.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { call, createTestTenant, startTestApp, type TestApp } from '../testing/test-app.ts';
import { createCategory, createReason, listCategories } from './wrap-up.service.ts';

type Res = Awaited<ReturnType<typeof call>>;
const show = (res: Res) => `→ ${res.status} ${JSON.stringify(res.body ?? null).slice(0, 400)}`;
type Category = { id: string; name: string; reasons: { id: string; name: string }[] };
const names = (categories: Category[]) =>
  categories.map((c) => `${c.name}: ${c.reasons.map((r) => r.name).join(', ')}`);

let server: TestApp;
before(async () => {
  server = await startTestApp();
});
after(() => server.close());

/** A tenant whose agent alone qualifies for `csqId`, and a channel key to bring contacts. */
async function center(name: string) {
  const { admin } = await createTestTenant(server, name);
  const skill = await buildSkill(server, admin);
  const { user, session } = await signInAs(server, admin, 'agent', {
    skills: [{ skillId: skill.id, competence: 5 }],
  });
  const agent = { id: user.id, session };
  const channel = (await buildApiKey(server, admin, 'write')).session;
  const csqId = (await buildCsq(server, admin, { skills: [{ skillId: skill.id, minCompetence: 1 }] })).id;
  const contact = (status: HeldStatus) => contactWith(server, { admin, channel, agent, csqId }, status);
  const wrapUp = (contactId: string, reasons: string[]) =>
    call(server, agent.session, 'POST', `/contacts/${contactId}/wrap-up`, { reasons });
  const reasonsFor = async (contactId: string) => {
    const res = await call(server, agent.session, 'GET', `/contacts/${contactId}/wrap-up-reasons`);
    assert.equal(res.status, 200, show(res));
    return names(res.body);
  };
  return { admin, agent, channel, csqId, contact, wrapUp, reasonsFor };
}

const limitReached = (res: Res, limit: number, what: string) => {
  assert.equal(res.status, 409, show(res));
  assert.equal(res.body.error.code, 'limit_reached');
  assert.equal(res.body.error.details.limit, limit);
  assert.equal(res.body.error.details.what, what);
};

describe('wrap-up reasons', () => {
  test('categories with reasons: created, renamed, retagged and deleted, each change audited', async () => {
    const { admin, csqId } = await center('crud');
    const category = await buildWrapUpCategory(server, admin, { name: 'Billing' }, ['Paid', 'Refund']);
    const changed = await call(server, admin, 'PATCH', `/wrap-up-categories/${category.id}`, {
      name: 'Payments',
      csqIds: [csqId],
    });
    assert.equal(changed.status, 200, show(changed));
    assert.deepEqual(changed.body, {
      id: category.id,
      name: 'Payments',
      global: false,
      csqIds: [csqId],
      reasons: [
        { id: category.reasons[0]?.id, name: 'Paid' },
        { id: category.reasons[1]?.id, name: 'Refund' },
      ],
    });
    const [paid] = category.reasons;
    const renamed = await call(server, admin, 'PATCH', `/wrap-up-reasons/${paid?.id}`, {
      name: 'Paid in full',
    });
    assert.deepEqual(renamed.body, { id: paid?.id, categoryId: category.id, name: 'Paid in full' });
    assert.equal((await call(server, admin, 'DELETE', `/wrap-up-reasons/${paid?.id}`)).status, 204);
    assert.equal(
      (await call(server, admin, 'PATCH', `/wrap-up-reasons/${paid?.id}`, { name: 'x' })).status,
      404,
    );
    assert.equal((await call(server, admin, 'DELETE', `/wrap-up-categories/${category.id}`)).status, 204);
    assert.deepEqual((await call(server, admin, 'GET', '/wrap-up-categories')).body, []);
    const deletedReason = await call(server, admin, 'PATCH', `/wrap-up-reasons/${category.reasons[1]?.id}`, {
      name: 'Refunded',
    });
    assert.equal(deletedReason.status, 404, 'a deleted category takes its reasons with it');

    const log = (await call(server, admin, 'GET', '/audit-log?limit=500')).body as {
      entityType: string;
      action: string;
    }[];
    const actions = (type: string) =>
      log
        .filter((e) => e.entityType === type)
        .map((e) => e.action)
        .sort();
    assert.deepEqual(actions('wrap_up_category'), ['create', 'delete', 'update']);
    assert.deepEqual(actions('wrap_up_reason'), ['create', 'create', 'delete', 'update']);
  });

  test('names: at most 40 characters, unique without regard to case among categories and within a category', async () => {
    const { admin } = await center('names');
    const max = LIMITS.wrapUpName.max;
    const post = (path: string, body: object) => call(server, admin, 'POST', path, body);
    assert.equal((await post('/wrap-up-categories', { name: 'c'.repeat(max + 1), csqIds: [] })).status, 400);
    const category = await buildWrapUpCategory(server, admin, { name: 'c'.repeat(max) }, ['r'.repeat(max)]);
    const other = await buildWrapUpCategory(server, admin, { name: 'Other' }, ['Sorted']);
    const sameName = await post('/wrap-up-categories', { name: 'OTHER', csqIds: [] });
    assert.equal(sameName.status, 409, show(sameName));
    assert.ok(JSON.stringify(sameName.body.error.details).includes('body/name'));
    const tooLong = await post('/wrap-up-reasons', { categoryId: category.id, name: 'r'.repeat(max + 1) });
    assert.equal(tooLong.status, 400, show(tooLong));
    assert.equal((await post('/wrap-up-reasons', { categoryId: other.id, name: 'sorted' })).status, 409);
    // Another category's reason may have the same name.
    assert.equal((await post('/wrap-up-reasons', { categoryId: category.id, name: 'Sorted' })).status, 201);
    const rename = await call(server, admin, 'PATCH', `/wrap-up-categories/${category.id}`, {
      name: 'other',
    });
    assert.equal(rename.status, 409, show(rename));
  });

  test('at most 25 categories per tenant and 25 reasons per category: 409 limit_reached beyond', async () => {
    const { admin } = await center('caps');
    const { wrapUpCategoriesPerTenant: categories, wrapUpReasonsPerCategory: reasons } = LIMITS;
    const first = await buildWrapUpCategory(server, admin);
    for (let i = 1; i < categories.max; i++) await buildWrapUpCategory(server, admin);
    const over = await call(server, admin, 'POST', '/wrap-up-categories', { name: 'One more', csqIds: [] });
    limitReached(over, categories.max, 'wrapUpCategoriesPerTenant');
    assert.equal((await call(server, admin, 'DELETE', `/wrap-up-categories/${first.id}`)).status, 204);
    const full = await buildWrapUpCategory(server, admin, { name: 'One more' });
    const add = (name: string) =>
      call(server, admin, 'POST', '/wrap-up-reasons', { categoryId: full.id, name });
    for (let i = 0; i < reasons.max; i++) assert.equal((await add(`Reason ${i}`)).status, 201);
    limitReached(await add('Reason 25'), reasons.max, 'wrapUpReasonsPerCategory');
  });

  test('at most 10 categories tagged to one CSQ; global ones do not count', async () => {
    const { admin, csqId } = await center('per-csq');
    const other = (await buildCsq(server, admin)).id;
    const max = LIMITS.wrapUpCategoriesPerCsq.max;
    for (let i = 0; i < 3; i++) await buildWrapUpCategory(server, admin);
    for (let i = 0; i < max; i++) await buildWrapUpCategory(server, admin, { csqIds: [csqId] });
    const eleventh = await call(server, admin, 'POST', '/wrap-up-categories', {
      name: 'Eleventh',
      csqIds: [other, csqId],
    });
    limitReached(eleventh, max, 'wrapUpCategoriesPerCsq');
    assert.equal(eleventh.body.error.details.path, 'body/csqIds/1');
    const elsewhere = await buildWrapUpCategory(server, admin, { csqIds: [other] });
    const retag = await call(server, admin, 'PATCH', `/wrap-up-categories/${elsewhere.id}`, {
      csqIds: [other, csqId],
    });
    limitReached(retag, max, 'wrapUpCategoriesPerCsq');
    // A category already tagged there keeps its place when it changes.
    const tagged = (await call(server, admin, 'GET', '/wrap-up-categories')).body.find(
      (c: { csqIds: string[] }) => c.csqIds.includes(csqId),
    );
    const keep = await call(server, admin, 'PATCH', `/wrap-up-categories/${tagged.id}`, {
      csqIds: [csqId, other],
    });
    assert.equal(keep.status, 200, show(keep));
    const stranger = (await createTestTenant(server, 'per-csq-other')).admin;
    const theirs = (await buildCsq(server, stranger)).id;
    const foreign = await call(server, admin, 'POST', '/wrap-up-categories', { name: 'X', csqIds: [theirs] });
    assert.equal(foreign.status, 400, show(foreign));
  });

  test('a contact keeps the list in force when it was created; a contact created after an edit gets the edit', async () => {
    const { admin, csqId, contact, wrapUp, reasonsFor } = await center('versions');
    const billing = await buildWrapUpCategory(server, admin, { name: 'Billing', csqIds: [csqId] }, [
      'Paid',
      'Refund',
    ]);
    const general = await buildWrapUpCategory(server, admin, { name: 'General' }, ['Sorted']);
    const elsewhere = (await buildCsq(server, admin)).id;
    await buildWrapUpCategory(server, admin, { name: 'Elsewhere', csqIds: [elsewhere] }, ['Not here']);
    server.clock.advance(1000);
    const before = await contact('wrap_up');
    const original = ['Billing: Paid, Refund', 'General: Sorted'];
    assert.deepEqual(await reasonsFor(before), original);

    server.clock.advance(1000);
    const edits: [string, string, object?][] = [
      ['PATCH', `/wrap-up-reasons/${billing.reasons[0]?.id}`, { name: 'Paid in full' }],
      ['DELETE', `/wrap-up-reasons/${billing.reasons[1]?.id}`],
      ['POST', '/wrap-up-reasons', { categoryId: billing.id, name: 'Disputed' }],
      ['PATCH', `/wrap-up-categories/${billing.id}`, { name: 'Payments' }],
      ['DELETE', `/wrap-up-categories/${general.id}`],
      ['POST', '/wrap-up-categories', { name: 'Sales', csqIds: [] }],
    ];
    for (const [method, path, body] of edits) {
      const res = await call(server, admin, method as 'POST', path, body);
      assert.ok(res.status < 300, `${method} ${path} ${show(res)}`);
    }
    assert.deepEqual(await reasonsFor(before), original, 'the earlier contact is untouched');
    // It is wrapped up against its own list.
    assert.equal((await wrapUp(before, ['Paid in full'])).status, 400);
    const old = await wrapUp(before, ['Refund', 'Sorted']);
    assert.equal(old.status, 200, show(old));
    assert.deepEqual(old.body.wrapUpReasons, ['Refund', 'Sorted']);

    server.clock.advance(1000);
    const after = await contact('wrap_up');
    assert.deepEqual(await reasonsFor(after), ['Payments: Disputed, Paid in full', 'Sales: ']);
    assert.equal((await wrapUp(after, ['Refund'])).status, 400);
    const fresh = await wrapUp(after, ['Paid in full']);
    assert.equal(fresh.status, 200, show(fresh));
    assert.deepEqual(await reasonsFor(before), original, 'and stays so');
  });

  test('wrap-up: with a list, each reason must be on it (400 naming the bad one, nothing changes); without, free text', async () => {
    const { admin, agent, csqId, contact, wrapUp, reasonsFor } = await center('wrap-up');
    const held = await contact('wrap_up');
    assert.deepEqual(await reasonsFor(held), [], 'no list yet');
    const free = await wrapUp(held, ['Anything at all']);
    assert.equal(free.status, 200, show(free));
    assert.deepEqual(free.body.wrapUpReasons, ['Anything at all']);

    // A list for another CSQ does not apply here.
    const elsewhere = (await buildCsq(server, admin)).id;
    await buildWrapUpCategory(server, admin, { csqIds: [elsewhere] }, ['Elsewhere']);
    server.clock.advance(1000);
    assert.equal((await wrapUp(await contact('wrap_up'), ['Free text'])).status, 200);

    await buildWrapUpCategory(server, admin, { csqIds: [csqId] }, ['Paid', 'Refund']);
    server.clock.advance(1000);
    const listed = await contact('wrap_up');
    const refused = await wrapUp(listed, ['Paid', 'Anything at all']);
    assert.equal(refused.status, 400, show(refused));
    assert.equal(refused.body.error.code, 'validation_failed');
    assert.match(refused.body.error.message, /reasons\[1\] "Anything at all" is not a wrap-up reason/);
    assert.equal(refused.body.error.details[0].path, 'body/reasons/1');
    const still = await call(server, agent.session, 'GET', `/contacts/${listed}`);
    assert.equal(still.body.status, 'wrap_up', 'the refused wrap-up changed nothing');
    assert.equal((await wrapUp(listed, ['paid'])).status, 400, 'names match exactly');
    const six = await wrapUp(listed, ['Paid', 'Refund', 'Paid', 'Refund', 'Paid', 'Refund']);
    assert.equal(six.status, 400, `at most ${LIMITS.wrapUpReasonsPerContact.max} ${show(six)}`);
    const done = await wrapUp(listed, ['Refund', 'Paid']);
    assert.equal(done.status, 200, show(done));
    assert.deepEqual(done.body.wrapUpReasons, ['Refund', 'Paid']);
  });

  test('an agent reads the list of their own contacts only', async () => {
    const { admin, agent, channel, contact } = await center('own');
    const rare = await buildSkill(server, admin);
    const parking = await buildCsq(server, admin, { skills: [{ skillId: rare.id, minCompetence: 1 }] });
    const waiting = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId: parking.id });
    const path = `/contacts/${waiting.body.id}/wrap-up-reasons`;
    assert.equal((await call(server, agent.session, 'GET', path)).status, 404);
    assert.equal((await call(server, admin, 'GET', path)).status, 200);
    const mine = await contact('active');
    assert.equal((await call(server, agent.session, 'GET', `/contacts/${mine}/wrap-up-reasons`)).status, 200);
  });
});

/**
 * PGlite runs one transaction at a time; PostgreSQL does not. Changes lock the tenant's row first, so two
 * changes at once are counted one after the other and cannot pass a cap together.
 */
const postgres = postgresForTests();
describe('wrap-up and response caps under concurrent changes', {
  skip: postgres.available ? false : postgres.reason,
}, () => {
  test('with one place left, of two simultaneous creates exactly one gets it', async () => {
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
      const admin = systemPrincipal(tenant.id);
      const now = Date.parse('2026-03-02T09:00:00Z');
      const race = async (...creates: Promise<unknown>[]) =>
        (await Promise.allSettled(creates))
          .map((r) => (r.status === 'fulfilled' ? 'created' : (r.reason as { code: string }).code))
          .sort();
      const category = (name: string) => createCategory(db, admin, { name, csqIds: [] }, now);
      const max = LIMITS.wrapUpCategoriesPerTenant.max;
      for (let i = 1; i < max; i++) await category(`Category ${i}`);
      assert.deepEqual(await race(category('First'), category('Second')), ['created', 'limit_reached']);

      const [last] = await listCategories(db, admin);
      const reason = (name: string) => createReason(db, admin, { categoryId: last?.id ?? '', name }, now);
      for (let i = 1; i < LIMITS.wrapUpReasonsPerCategory.max; i++) await reason(`Reason ${i}`);
      assert.deepEqual(await race(reason('First'), reason('Second')), ['created', 'limit_reached']);

      const response = (title: string) =>
        createResponse(db, admin, { channel: 'chat', title, body: 'Hello', csqIds: [] });
      await sql`
        insert into predefined_responses (id, tenant_id, channel, title, body, global)
        select gen_random_uuid(), ${tenant.id}, 'chat', 'Seeded ' || i, 'Body', true
        from generate_series(1, ${LIMITS.predefinedResponsesPerTenant.max - 1}) as i`.execute(db);
      assert.deepEqual(await race(response('First'), response('Second')), ['created', 'limit_reached']);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
