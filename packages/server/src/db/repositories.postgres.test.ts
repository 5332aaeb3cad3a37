import { test } from 'node:test';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { openDatabase } from './database.ts';
import { repositorySuite } from './repositories.suite.ts';

const postgres = postgresForTests();
if (postgres.available) {
  repositorySuite('PostgreSQL', async () => {
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
  test('repositories on PostgreSQL', { skip: postgres.reason }, () => {});
}
