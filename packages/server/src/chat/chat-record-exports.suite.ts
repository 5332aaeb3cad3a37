import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_TOKEN_LIFETIMES } from '@switchboard/core';
import { systemPrincipal } from '../auth/principal.ts';
import { type Database, migrate } from '../db/database.ts';
import { tenantsRepository, usersRepository } from '../db/repositories/index.ts';
import { seedChatRecords } from '../testing/seed-chat-records.ts';
import { runChatRecordExport } from './chat-record-export.job.ts';
import { exportsRepository } from './chat-record-exports.repository.ts';
import { chatRecordsCsvChunks } from './chat-records-export.ts';

const CHATS = 350;

async function all(strings: AsyncIterable<string>): Promise<string[]> {
  const list: string[] = [];
  for await (const text of strings) list.push(text);
  return list;
}

/** The export job's storage, run on PGlite and PostgreSQL: the file in parts, reruns, the purge. */
export function chatRecordExportSuite(backend: string, open: () => Promise<Database>): void {
  describe(`chat record exports on ${backend}`, () => {
    let database: Database;
    const tenantId = crypto.randomUUID();
    const userId = crypto.randomUUID();
    const from = new Date('2026-03-02T08:00:00Z');
    const range = { from: from.toISOString(), to: new Date(from.getTime() + CHATS * 1000).toISOString() };

    before(async () => {
      database = await open();
      await migrate(database.db);
      await tenantsRepository.insert(database.db, {
        id: tenantId,
        name: 'exports',
        displayName: 'Exports',
        settings: { tokens: DEFAULT_TOKEN_LIFETIMES },
      });
      await usersRepository.insert(database.db, {
        id: userId,
        tenant_id: tenantId,
        username: 'dana',
        display_name: 'Dana',
        role: 'supervisor',
        password_hash: 'x',
        alias: null,
        extension: null,
        team_id: null,
      });
      const csqId = crypto.randomUUID();
      await seedChatRecords(database.db, { tenantId, csqId, agentId: userId, count: CHATS, from });
    });
    after(() => database.close());

    test('a run writes the streamed CSV in parts, a rerun the same parts again, and the purge removes them', async () => {
      const { db } = database;
      const id = crypto.randomUUID();
      await exportsRepository.insert(db, {
        tenant_id: tenantId,
        id,
        requested_by: userId,
        from_at: new Date(range.from),
        to_at: new Date(range.to),
        csq_id: null,
        created_at: new Date(),
      });
      const run = { lastAttempt: true, now: () => Date.parse('2026-03-03T00:00:00Z'), partChars: 8 * 1024 };
      await runChatRecordExport(db, tenantId, id, run);
      const parts = await all(exportsRepository.parts(db, tenantId, id));
      await runChatRecordExport(db, tenantId, id, run);
      assert.deepEqual(await all(exportsRepository.parts(db, tenantId, id)), parts);
      assert.ok(parts.length > 2, `${parts.length} parts`);

      const streamed = (await all(chatRecordsCsvChunks(db, systemPrincipal(tenantId), range))).join('');
      assert.equal(parts.join(''), streamed);
      const done = await exportsRepository.find(db, tenantId, id);
      assert.equal(done?.status, 'completed');
      assert.equal(done?.rows, CHATS);
      assert.equal(await exportsRepository.find(db, crypto.randomUUID(), id), undefined);

      assert.equal(
        await exportsRepository.purgeOneFinishedBefore(db, new Date('2026-03-03T00:00:00Z')),
        false,
      );
      assert.equal(
        await exportsRepository.purgeOneFinishedBefore(db, new Date('2026-03-11T00:00:00Z')),
        true,
      );
      assert.equal(await exportsRepository.find(db, tenantId, id), undefined);
      assert.deepEqual(await all(exportsRepository.parts(db, tenantId, id)), []);
    });
  });
}
