import { test } from 'node:test';
import { openDatabase } from '../db/database.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { retentionSuite } from './retention.suite.ts';

const postgres = postgresForTests();
if (postgres.available) {
  retentionSuite('PostgreSQL', async () => {
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
  test('retention purge on PostgreSQL', { skip: postgres.reason }, () => {});
}
