import pg from 'pg';

export const POSTGRES_ENV = 'SWITCHBOARD_TEST_DATABASE_URL';

export type PostgresAvailability = { available: true; url: string } | { available: false; reason: string };

/**
 * Where the PostgreSQL suites find their server. Without one they skip with a message; under
 * SWITCHBOARD_CI=1 a missing server is an error, so CI can never pass by skipping.
 */
export function postgresForTests(): PostgresAvailability {
  const url = process.env[POSTGRES_ENV];
  if (url) return { available: true, url };
  const reason = `set ${POSTGRES_ENV} to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:55432/postgres) to run this suite`;
  if (process.env.SWITCHBOARD_CI === '1')
    throw new Error(`SWITCHBOARD_CI=1 but no PostgreSQL server: ${reason}`);
  return { available: false, reason };
}

/** Creates an empty database on the server for one test file and returns its URL and a way to drop it. */
export async function freshPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `switchboard_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
