import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { sql } from 'kysely';
import {
  buildCalendar,
  buildCsq,
  buildPredefinedResponse,
  buildSkill,
  buildTeam,
  buildUser,
  buildWrapUpCategory,
} from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { type Db, migrate, openDatabase } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';

describe('names are unique per tenant ignoring case', () => {
  let server: TestApp;
  let admin: Session;
  let other: Session;

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    ({ admin: other } = await createTestTenant(server, 'globex'));
  });
  after(() => server.close());

  const refusedAsTaken = async (path: string, body: Record<string, unknown>, field: string, noun: string) => {
    const res = await call(server, admin, 'POST', path, body);
    assert.equal(res.status, 409, `${path} ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'conflict');
    assert.match(res.body.error.message, new RegExp(`^Another ${noun} already has this`));
    const details = JSON.stringify(res.body.error.details);
    assert.ok(details.includes(`body/${field}`), `${path} names the field: ${details}`);
  };

  test('each kind of named record refuses a name that differs only by case, with 409', async () => {
    await buildSkill(server, admin, { name: 'Billing' });
    await refusedAsTaken('/skills', { name: 'billing' }, 'name', 'skill');
    await buildTeam(server, admin, { name: 'Sales' });
    await refusedAsTaken('/teams', { name: 'SALES' }, 'name', 'team');
    const csq = await buildCsq(server, admin, { name: 'Support' });
    await refusedAsTaken(
      '/csqs',
      { name: 'support', channel: 'chat', criterion: 'longest_available', skills: [] },
      'name',
      'CSQ',
    );
    await buildCalendar(server, admin, { name: 'Office' });
    await refusedAsTaken('/calendars', { name: 'OFFICE', timeZone: 'UTC', mode: '24x7' }, 'name', 'calendar');
    const widget = { problemStatements: [{ label: 'Help', csqId: csq.id }] };
    assert.equal(
      (await call(server, admin, 'POST', '/chat-widgets', { name: 'Shop', ...widget })).status,
      201,
    );
    await refusedAsTaken('/chat-widgets', { name: 'shop', ...widget }, 'name', 'chat widget');
    await buildUser(server, admin, { username: 'Ada' });
    const user = await call(server, admin, 'POST', '/users', {
      username: 'ada',
      displayName: 'Ada again',
      role: 'service',
    });
    assert.equal(user.status, 409);
    await buildPredefinedResponse(server, admin, { title: 'Greeting' });
    const response = await call(server, admin, 'POST', '/predefined-responses', {
      channel: 'chat',
      title: 'GREETING',
      body: 'Hi',
      csqIds: [],
    });
    assert.equal(response.status, 409);
    await buildWrapUpCategory(server, admin, { name: 'Outcome' }, ['Sold']);
    const category = await call(server, admin, 'POST', '/wrap-up-categories', {
      name: 'outcome',
      csqIds: [],
    });
    assert.equal(category.status, 409);
  });

  test('renaming onto another name in other case is refused too; the same record may change its case', async () => {
    const first = await buildSkill(server, admin, { name: 'Returns' });
    const second = await buildSkill(server, admin, { name: 'Refunds' });
    const clash = await call(server, admin, 'PATCH', `/skills/${second.id}`, { name: 'RETURNS' });
    assert.equal(clash.status, 409);
    assert.equal(
      (await call(server, admin, 'PATCH', `/skills/${first.id}`, { name: 'RETURNS' })).status,
      200,
    );
  });

  test('another tenant may use the same name in any case', async () => {
    await buildSkill(server, other, { name: 'BILLING' });
    await buildTeam(server, other, { name: 'sales' });
  });
});

/** A database as migration 16 finds it: every earlier migration applied. */
async function migratedBefore16(db: Db): Promise<void> {
  await sql`create table schema_migrations (id integer primary key, name text not null,
    applied_at timestamptz not null default now())`.execute(db);
  for (const migration of MIGRATIONS.filter((m) => m.id < 16)) {
    await sql.raw(migration.sql).execute(db);
    await sql`insert into schema_migrations (id, name) values (${migration.id}, ${migration.name})`.execute(
      db,
    );
  }
}

describe('migration 16 on names that clash only by case', () => {
  test('keeps the oldest name and gives each later one the first free suffix', async () => {
    const database = await openDatabase({});
    const { db } = database;
    try {
      await migratedBefore16(db);
      const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
      for (const [id, name] of [
        [a, 'acme'],
        [b, 'globex'],
      ]) {
        await sql`insert into tenants (id, name, display_name, settings) values (${id}, ${name}, ${name}, '{}')`.execute(
          db,
        );
      }
      const skill = async (tenant: string, name: string, at: string) => {
        const id = crypto.randomUUID();
        await sql`insert into skills (id, tenant_id, name, created_at) values (${id}, ${tenant}, ${name}, ${at})`.execute(
          db,
        );
        return id;
      };
      const oldest = await skill(a, 'Billing', '2026-01-01T00:00:00Z');
      const second = await skill(a, 'billing', '2026-01-02T00:00:00Z');
      await skill(a, 'billing (2)', '2026-01-03T00:00:00Z');
      const fourth = await skill(a, 'BILLING', '2026-01-04T00:00:00Z');
      const elsewhere = await skill(b, 'billing', '2026-01-05T00:00:00Z');
      const teams = [crypto.randomUUID(), crypto.randomUUID()];
      await sql`insert into teams (id, tenant_id, name) values (${teams[0]}, ${a}, 'Sales'), (${teams[1]}, ${a}, 'sales')`.execute(
        db,
      );

      assert.deepEqual(
        await migrate(db),
        MIGRATIONS.filter((m) => m.id >= 16).map((m) => m.id),
      );

      const names = async (table: 'skills' | 'teams') =>
        Object.fromEntries(
          (await db.selectFrom(table).select(['id', 'name']).execute()).map((row) => [row.id, row.name]),
        );
      const skills = await names('skills');
      assert.equal(skills[oldest], 'Billing');
      assert.equal(skills[second], 'billing (3)', '"billing (2)" is taken (ignoring case) by another skill');
      assert.equal(skills[fourth], 'BILLING (4)');
      assert.equal(skills[elsewhere], 'billing', 'another tenant is not touched');
      assert.equal(new Set(Object.values(await names('teams'))).size, 2);
      await assert.rejects(skill(a, 'BILLING', '2026-02-01T00:00:00Z'), (error: { code?: string }) => {
        return error.code === '23505';
      });
    } finally {
      await database.close();
    }
  });

  test('a name at its length limit is cut short so that name and suffix fit the limit', async () => {
    const database = await openDatabase({});
    const { db } = database;
    try {
      await migratedBefore16(db);
      const tenant = crypto.randomUUID();
      await sql`insert into tenants (id, name, display_name, settings) values (${tenant}, 'acme', 'acme', '{}')`.execute(
        db,
      );
      const insert = async (table: 'skills' | 'calendars', name: string, at: string) => {
        const id = crypto.randomUUID();
        const calendar = table === 'calendars' ? sql`, calendar` : sql``;
        const value = table === 'calendars' ? sql`, '{}'::jsonb` : sql``;
        await sql`insert into ${sql.table(table)} (id, tenant_id, name, created_at${calendar})
          values (${id}, ${tenant}, ${name}, ${at}${value})`.execute(db);
        return id;
      };
      const long = (max: number) => `Premium ${'x'.repeat(max - 'Premium '.length - 2)} Z`;
      const skillName = long(LIMITS.skillName.max);
      await insert('skills', skillName, '2026-01-01T00:00:00Z');
      const lower = await insert('skills', skillName.toLowerCase(), '2026-01-02T00:00:00Z');
      const upper = await insert('skills', skillName.toUpperCase(), '2026-01-03T00:00:00Z');
      // Cut where a space falls: the suffix follows the last word, not a space.
      const calendarName = `${'y'.repeat(LIMITS.calendarName.max - 5)} tail`;
      await insert('calendars', calendarName, '2026-01-01T00:00:00Z');
      const calendar = await insert('calendars', calendarName.toUpperCase(), '2026-01-02T00:00:00Z');

      await migrate(db);

      const nameOf = async (table: 'skills' | 'calendars', id: string) =>
        (await db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
      const renamed = [await nameOf('skills', lower), await nameOf('skills', upper)];
      assert.deepEqual(renamed, [
        `${skillName.toLowerCase().slice(0, LIMITS.skillName.max - 4)} (2)`,
        `${skillName.toUpperCase().slice(0, LIMITS.skillName.max - 4)} (3)`,
      ]);
      for (const name of renamed) assert.equal([...name].length, LIMITS.skillName.max);
      assert.equal(await nameOf('calendars', calendar), `${'Y'.repeat(LIMITS.calendarName.max - 5)} (2)`);
    } finally {
      await database.close();
    }
  });
});
