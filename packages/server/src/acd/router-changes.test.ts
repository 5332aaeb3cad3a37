import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Principal, systemPrincipal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { usersRepository } from '../db/repositories/index.ts';
import { createUser, setUserSkills, updateUser } from '../directory/users.service.ts';
import { createTestTenant, startTestApp } from '../testing/test-app.ts';
import { getChannelSettings, setChannelSettings } from './channel-settings.service.ts';
import { csqsRepository } from './csqs.repository.ts';
import { createCsq, deleteCsq, updateCsq } from './csqs.service.ts';
import type { RouterChanges } from './router-changes.ts';

/*
 * Configuration services tell the running router what changed themselves, once their transaction has
 * committed: the router, reading storage when told, sees the change; a refused change tells it nothing.
 */

let server: Awaited<ReturnType<typeof startTestApp>>;
let db: Db;
let admin: Principal;
/** What the router was told, each with what storage held at that moment. */
let told: string[] = [];

const router: RouterChanges = {
  agentChanged: async (tenantId, id) => {
    const user = await usersRepository.findById(db, tenantId, id);
    told.push(`agent ${user?.display_name}`);
  },
  csqChanged: async (tenantId, id) => {
    const csq = await csqsRepository.findById(db, tenantId, id);
    told.push(`csq ${csq?.name ?? 'gone'}`);
  },
  settingsChanged: async () => {
    told.push(`settings ${(await getChannelSettings(db, admin)).maxChatsPerAgent}`);
  },
};

before(async () => {
  server = await startTestApp();
  db = server.database.db;
  admin = systemPrincipal((await createTestTenant(server, 'told')).tenantId);
});
after(() => server?.close());

const newCsq = (name: string) => ({
  name,
  channel: 'chat' as const,
  criterion: 'longest_available' as const,
});

test('CSQ changes reach the router after they are stored', async () => {
  told = [];
  const csq = await createCsq(db, admin, { ...newCsq('Billing'), skills: [], agentOrder: [] }, router);
  await updateCsq(db, admin, csq.id, { name: 'Invoices' }, router);
  await assert.rejects(
    updateCsq(db, admin, csq.id, { skills: [{ skillId: crypto.randomUUID(), minCompetence: 1 }] }, router),
  );
  await deleteCsq(db, admin, csq.id, router);
  assert.deepEqual(told, ['csq Billing', 'csq Invoices', 'csq gone']);
});

test('agent changes and channel settings reach the router after they are stored', async () => {
  told = [];
  const input = { username: 'ann', displayName: 'Ann', role: 'agent' as const, password: 'a long password' };
  const user = await createUser(db, admin, input, router);
  await updateUser(db, admin, user.id, { displayName: 'Ann B' }, router);
  await setUserSkills(db, admin, user.id, [], router);
  await assert.rejects(updateUser(db, admin, crypto.randomUUID(), { displayName: 'Nobody' }, router));
  await setChannelSettings(db, admin, { maxChatsPerAgent: 3 }, router);
  assert.deepEqual(told, ['agent Ann', 'agent Ann B', 'agent Ann B', 'settings 3']);
});
