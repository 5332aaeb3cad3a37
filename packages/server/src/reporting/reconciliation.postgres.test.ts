import { test } from 'node:test';
import { migrate, openDatabase } from '../db/database.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { reconciliationSuite } from './reconciliation.suite.ts';

const postgres = postgresForTests();
if (postgres.available) {
  reconciliationSuite('PostgreSQL', async () => {
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
  test('a day of traffic reconciles on PostgreSQL', { skip: postgres.reason }, () => {});
}
