import { after, test } from 'node:test';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { openDatabase } from './database.ts';
import { repositorySuite } from './repositories.suite.ts';

const postgres = postgresForTests();
if (postgres.available) {
  let drop: (() => Promise<void>) | undefined;
  repositorySuite('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase(postgres.url);
    drop = fresh.drop;
    return openDatabase({ databaseUrl: fresh.url });
  });
  after(async () => {
    await drop?.();
  });
} else {
  test('repositories on PostgreSQL', { skip: postgres.reason }, () => {});
}
