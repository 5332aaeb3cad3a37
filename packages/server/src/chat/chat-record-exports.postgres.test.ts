import { test } from 'node:test';
import { openDatabase } from '../db/database.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { chatRecordExportSuite } from './chat-record-exports.suite.ts';

const postgres = postgresForTests();
if (postgres.available) {
  chatRecordExportSuite('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase(postgres.url);
    const database = await openDatabase({ databaseUrl: fresh.url });
    return {
      ...database,
      close: async () => {
        await database.close();
        await fresh.drop();
      },
    };
  });
} else {
  test('chat record exports on PostgreSQL', { skip: postgres.reason }, () => {});
}
