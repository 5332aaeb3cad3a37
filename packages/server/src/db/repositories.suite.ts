import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_TOKEN_LIFETIMES, SwitchboardError, validateCalendar } from '@switchboard/core';
import { type Audience, teamMessagesRepository } from '../team-messages/team-messages.repository.ts';
import { type Database, isReady, migrate } from './database.ts';
import {
  apiKeysRepository,
  auditRepository,
  calendarsRepository,
  reasonCodesRepository,
  sessionsRepository,
  skillsRepository,
  systemSettingsRepository,
  teamsRepository,
  tenantsRepository,
  translateConstraintErrors,
  usersRepository,
} from './repositories/index.ts';

const uuid = () => crypto.randomUUID();

/**
 * The repository contract, written once and run against every storage backend (PGlite and PostgreSQL),
 * so that what the server relies on holds on both.
 */
export function repositorySuite(backend: string, open: () => Promise<Database>): void {
  describe(`repositories on ${backend}`, () => {
    let database: Database;
    let tenantA: string;
    let tenantB: string;

    const newUser = (tenantId: string, username: string, role: 'agent' | 'supervisor' = 'agent') => {
      const id = uuid();
      return usersRepository
        .insert(database.db, {
          id,
          tenant_id: tenantId,
          username,
          display_name: username,
          role,
          password_hash: 'x',
          alias: null,
          extension: null,
          team_id: null,
        })
        .then(() => id);
    };

    before(async () => {
      database = await open();
      await migrate(database.db);
      tenantA = uuid();
      tenantB = uuid();
      for (const [id, name] of [
        [tenantA, 'tenant-a'],
        [tenantB, 'tenant-b'],
      ] as const) {
        await tenantsRepository.insert(database.db, {
          id,
          name,
          displayName: name,
          settings: { tokens: DEFAULT_TOKEN_LIFETIMES },
        });
      }
    });

    after(async () => {
      await database?.close();
    });

    test('migrations are idempotent and the database reports ready', async () => {
      assert.deepEqual(await migrate(database.db), []);
      assert.equal(await isReady(database.db), true);
    });

    test('tenant settings round-trip as JSON', async () => {
      const tenant = await tenantsRepository.findByName(database.db, 'tenant-a');
      assert.deepEqual(tenant?.settings, { tokens: DEFAULT_TOKEN_LIFETIMES });
      await tenantsRepository.updateSettings(database.db, tenantA, {
        tokens: { ...DEFAULT_TOKEN_LIFETIMES, accessTokenMinutes: 15 },
      });
      const changed = await tenantsRepository.findById(database.db, tenantA);
      assert.equal(changed?.settings.tokens.accessTokenMinutes, 15);
    });

    test('usernames are unique per tenant, case-insensitively, and free across tenants', async () => {
      await newUser(tenantA, 'Alice');
      await newUser(tenantB, 'alice');
      await assert.rejects(
        translateConstraintErrors('user', () => newUser(tenantA, 'ALICE')),
        (error: unknown) => error instanceof SwitchboardError && error.code === 'conflict',
      );
      const found = await usersRepository.findByUsername(database.db, tenantA, 'aLiCe');
      assert.equal(found?.username, 'Alice');
    });

    test("a tenant's rows are invisible from another tenant", async () => {
      const id = await newUser(tenantA, 'only-in-a');
      assert.ok(await usersRepository.findById(database.db, tenantA, id));
      assert.equal(await usersRepository.findById(database.db, tenantB, id), undefined);
      const listedInB = await usersRepository.list(database.db, tenantB, { limit: 500, offset: 0 });
      assert.ok(listedInB.every((user) => user.tenant_id === tenantB));
    });

    test("agent skills are replaced as a whole and cannot point at another tenant's skill", async () => {
      const agent = await newUser(tenantA, 'skilled');
      const [billing, sales, foreign] = [uuid(), uuid(), uuid()];
      await skillsRepository.insert(database.db, tenantA, billing, 'Billing');
      await skillsRepository.insert(database.db, tenantA, sales, 'Sales');
      await skillsRepository.insert(database.db, tenantB, foreign, 'Billing');
      await usersRepository.replaceSkills(database.db, tenantA, agent, [
        { skillId: billing, competence: 5 },
        { skillId: sales, competence: 10 },
      ]);
      await usersRepository.replaceSkills(database.db, tenantA, agent, [{ skillId: sales, competence: 7 }]);
      const skills = await usersRepository.skillsOf(database.db, tenantA, [agent]);
      assert.deepEqual(skills.get(agent), [{ skillId: sales, competence: 7 }]);
      await assert.rejects(
        translateConstraintErrors('agent skill', () =>
          usersRepository.replaceSkills(database.db, tenantA, agent, [{ skillId: foreign, competence: 3 }]),
        ),
        (error: unknown) => error instanceof SwitchboardError && error.code === 'validation_failed',
      );
      await assert.rejects(
        usersRepository.replaceSkills(database.db, tenantA, agent, [{ skillId: billing, competence: 11 }]),
        'competence above 10 is refused by the database too',
      );
      await skillsRepository.delete(database.db, tenantA, sales);
      assert.deepEqual((await usersRepository.skillsOf(database.db, tenantA, [agent])).get(agent), []);
    });

    test('teams know their supervisors, and deleting a team leaves its agents teamless', async () => {
      const supervisor = await newUser(tenantA, 'boss', 'supervisor');
      const agent = await newUser(tenantA, 'member');
      const team = uuid();
      await teamsRepository.insert(database.db, tenantA, team, {
        name: 'Care',
        primarySupervisorId: supervisor,
        secondarySupervisorId: null,
      });
      await usersRepository.update(database.db, tenantA, agent, { team_id: team });
      assert.deepEqual(await teamsRepository.supervisedBy(database.db, tenantA, supervisor), [team]);
      assert.deepEqual(await teamsRepository.supervisedBy(database.db, tenantB, supervisor), []);
      await teamsRepository.delete(database.db, tenantA, team);
      assert.equal((await usersRepository.findById(database.db, tenantA, agent))?.team_id, null);
    });

    test('reason codes are unique per tenant and kind', async () => {
      await reasonCodesRepository.insert(database.db, tenantA, uuid(), {
        kind: 'not_ready',
        code: 1,
        label: 'Break',
      });
      await reasonCodesRepository.insert(database.db, tenantA, uuid(), {
        kind: 'logout',
        code: 1,
        label: 'Shift end',
      });
      await reasonCodesRepository.insert(database.db, tenantB, uuid(), {
        kind: 'not_ready',
        code: 1,
        label: 'Pause',
      });
      await assert.rejects(
        translateConstraintErrors('reason code', () =>
          reasonCodesRepository.insert(database.db, tenantA, uuid(), {
            kind: 'not_ready',
            code: 1,
            label: 'Again',
          }),
        ),
        (error: unknown) => error instanceof SwitchboardError && error.code === 'conflict',
      );
      const notReady = await reasonCodesRepository.list(database.db, tenantA, 'not_ready');
      assert.deepEqual(
        notReady.map((r) => r.label),
        ['Break'],
      );
    });

    test('calendars round-trip as JSON, are unique by name per tenant and invisible from another', async () => {
      const db = database.db;
      const calendar = validateCalendar({
        timeZone: 'Europe/Berlin',
        mode: 'custom',
        weekly: { monday: [{ start: '09:00', end: '17:00' }] },
        holidays: [{ date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-12-26' }],
        customDays: [{ date: '2026-12-24', intervals: [{ start: '09:00', end: '12:00' }] }],
      });
      const [office, elsewhere] = [uuid(), uuid()];
      await calendarsRepository.insert(db, tenantA, office, { name: 'Office', calendar });
      await calendarsRepository.insert(db, tenantB, elsewhere, { name: 'Office', calendar });
      await assert.rejects(
        translateConstraintErrors('calendar', () =>
          calendarsRepository.insert(db, tenantA, uuid(), { name: 'Office', calendar }),
        ),
        (error: unknown) => error instanceof SwitchboardError && error.code === 'conflict',
      );
      const stored = await calendarsRepository.findById(db, tenantA, office);
      assert.deepEqual(stored?.calendar, calendar);
      assert.equal(await calendarsRepository.findById(db, tenantB, office), undefined);
      assert.deepEqual(
        (await calendarsRepository.list(db, tenantB)).map((c) => c.id),
        [elsewhere],
      );

      const always = validateCalendar({ timeZone: 'UTC', mode: '24x7' });
      await calendarsRepository.update(db, tenantB, office, { name: 'Hijacked', calendar: always });
      await calendarsRepository.delete(db, tenantB, office);
      assert.deepEqual(await calendarsRepository.findById(db, tenantA, office), stored, 'not from B');
      await calendarsRepository.update(db, tenantA, office, { name: 'Always', calendar: always });
      const updated = await calendarsRepository.findById(db, tenantA, office);
      assert.equal(updated?.name, 'Always');
      assert.deepEqual(updated?.calendar, always);
      assert.ok(stored && updated && updated.updatedAt >= stored.updatedAt);
      assert.equal(updated.createdAt.getTime(), stored.createdAt.getTime());
      await calendarsRepository.delete(db, tenantA, office);
      assert.deepEqual(await calendarsRepository.list(db, tenantA), []);
    });

    test('concurrent calendar creates are counted one after another, so a cap holds', async () => {
      const calendar = validateCalendar({ timeZone: 'UTC', mode: '24x7' });
      const cap = (await calendarsRepository.countForCreate(database.db, tenantB)) + 1;
      let counted = 0;
      const create = (name: string) =>
        database.db.transaction().execute(async (trx) => {
          const count = await calendarsRepository.countForCreate(trx, tenantB);
          counted++;
          // Were the count not serialized, both would count here before either inserts.
          for (let wait = 0; counted < 2 && wait < 20; wait++) await new Promise((r) => setTimeout(r, 10));
          if (count >= cap) return false;
          await calendarsRepository.insert(trx, tenantB, uuid(), { name, calendar });
          return true;
        });
      const created = await Promise.all([create('First'), create('Second')]);
      assert.equal(created.filter(Boolean).length, 1);
      assert.equal(await calendarsRepository.countForCreate(database.db, tenantB), cap);
    });

    test('a refresh secret rotates exactly once, even when presented twice at the same time', async () => {
      const user = await newUser(tenantA, 'rotator');
      const session = uuid();
      await sessionsRepository.insert(database.db, {
        id: session,
        tenantId: tenantA,
        userId: user,
        refreshHash: 'h0',
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      const results = await Promise.all([
        sessionsRepository.rotate(database.db, tenantA, session, 'h0', 'h1'),
        sessionsRepository.rotate(database.db, tenantA, session, 'h0', 'h2'),
      ]);
      assert.deepEqual(results.filter(Boolean).length, 1);
      await sessionsRepository.revoke(database.db, tenantA, session, new Date());
      const current = (await sessionsRepository.findById(database.db, tenantA, session))?.refresh_hash ?? '';
      assert.equal(await sessionsRepository.rotate(database.db, tenantA, session, current, 'h3'), false);
    });

    test('API keys are found by id for authentication and revoked per tenant', async () => {
      const service = uuid();
      await usersRepository.insert(database.db, {
        id: service,
        tenant_id: tenantB,
        username: 'crm',
        display_name: 'CRM',
        role: 'service',
        password_hash: null,
        alias: null,
        extension: null,
        team_id: null,
      });
      const key = uuid();
      await apiKeysRepository.insert(database.db, {
        id: key,
        tenantId: tenantB,
        userId: service,
        name: 'crm',
        scope: 'read',
        keyHash: 'hash',
      });
      assert.equal((await apiKeysRepository.findForAuthentication(database.db, key))?.tenant_id, tenantB);
      await apiKeysRepository.revoke(database.db, tenantA, key, new Date());
      assert.equal(
        (await apiKeysRepository.findById(database.db, tenantB, key))?.revoked_at,
        null,
        'not from A',
      );
      await apiKeysRepository.revokeAllOfUser(database.db, tenantB, service, new Date());
      assert.ok((await apiKeysRepository.findById(database.db, tenantB, key))?.revoked_at instanceof Date);
    });

    test('the audit log pages newest first and stays within its tenant', async () => {
      for (let i = 0; i < 5; i++) {
        await auditRepository.append(database.db, {
          tenantId: tenantA,
          actorId: null,
          actorName: 'system',
          action: 'update',
          entityType: 'skill',
          entityId: `s${i}`,
          before: { n: i },
          after: { n: i + 1 },
        });
      }
      const first = await auditRepository.list(database.db, tenantA, { limit: 2, entityType: 'skill' });
      assert.deepEqual(
        first.map((r) => r.entity_id),
        ['s4', 's3'],
      );
      assert.deepEqual(first[0]?.after, { n: 5 });
      const next = await auditRepository.list(database.db, tenantA, {
        limit: 10,
        beforeId: first[1]?.id,
        entityType: 'skill',
      });
      assert.deepEqual(
        next.map((r) => r.entity_id),
        ['s2', 's1', 's0'],
      );
      assert.deepEqual(await auditRepository.list(database.db, tenantB, { limit: 10 }), []);
    });

    test('team messages: the active ones per audience, newest first; who hears of them; a deleted team drops out', async () => {
      const db = database.db;
      const [boss, member, outsider] = [
        await newUser(tenantA, 'tm-boss', 'supervisor'),
        await newUser(tenantA, 'tm-member'),
        await newUser(tenantA, 'tm-outsider'),
      ];
      const [red, blue] = [uuid(), uuid()];
      await teamsRepository.insert(db, tenantA, red, {
        name: 'TM red',
        primarySupervisorId: null,
        secondarySupervisorId: boss,
      });
      await teamsRepository.insert(db, tenantA, blue, {
        name: 'TM blue',
        primarySupervisorId: null,
        secondarySupervisorId: null,
      });
      await usersRepository.update(db, tenantA, member, { team_id: red });
      const now = new Date('2026-03-02T09:00:00Z');
      const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
      const [toRed, toBoth, toBlue, gone] = [uuid(), uuid(), uuid(), uuid()];
      for (const [id, teamIds] of [
        [toRed, [red]],
        [toBoth, [red, blue]],
        [toBlue, [blue]],
        [gone, [red]],
      ] as const) {
        await teamMessagesRepository.insert(db, tenantA, {
          id,
          supervisorId: boss,
          text: 'Hello',
          teamIds,
          createdAt: now,
          expiresAt: id === toRed ? later(5) : later(60),
        });
      }
      await teamMessagesRepository.markDeleted(db, tenantA, gone, boss, now);
      const active = async (audience: Audience, at = now) =>
        (await teamMessagesRepository.listActive(db, tenantA, audience, at)).map((m) => m.id);
      assert.deepEqual(await active({ teamIds: [red], supervisorId: member }), [toBoth, toRed]);
      assert.deepEqual(await active({ teamIds: [red], supervisorId: member }, later(5)), [toBoth]);
      assert.deepEqual(await active({ teamIds: [], supervisorId: boss }), [toBlue, toBoth, toRed]);
      assert.deepEqual(await active('everyone'), [toBlue, toBoth, toRed]);
      assert.deepEqual(await teamMessagesRepository.listActive(db, tenantB, 'everyone', now), []);
      const stored = await teamMessagesRepository.findById(db, tenantA, toBoth);
      assert.deepEqual(stored?.teamIds, [red, blue].sort());
      assert.equal(stored?.supervisorName, 'tm-boss');
      assert.equal(await teamMessagesRepository.findById(db, tenantB, toBoth), undefined);

      const hearing = await teamMessagesRepository.readersOf(db, tenantA, [red], outsider);
      assert.ok(hearing.has(member) && hearing.has(boss) && hearing.has(outsider));
      assert.ok(!(await teamMessagesRepository.readersOf(db, tenantA, [blue], boss)).has(member));
      assert.deepEqual(
        (await teamMessagesRepository.countActiveForCreate(db, tenantA, now)).count,
        3,
        'neither deleted nor expired ones count',
      );

      await teamsRepository.delete(db, tenantA, blue);
      assert.deepEqual((await teamMessagesRepository.findById(db, tenantA, toBoth))?.teamIds, [red]);
      assert.deepEqual((await teamMessagesRepository.findById(db, tenantA, toBlue))?.teamIds, []);
    });

    test('a system setting is created once, whoever asks first', async () => {
      const values = await Promise.all([
        systemSettingsRepository.getOrCreate(database.db, 'key', () => 'first'),
        systemSettingsRepository.getOrCreate(database.db, 'key', () => 'second'),
      ]);
      assert.equal(new Set(values).size, 1);
    });
  });
}
