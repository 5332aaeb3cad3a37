import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, migrate, openDatabase } from '../db/database.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CACHE = join(ROOT, '.tmp/pglite');

/**
 * The migrated empty database every server test starts from. Creating an embedded cluster and migrating it
 * costs seconds; restoring a dump of one costs a fraction of that. The dump is kept on disk under a name
 * derived from the migrations and the PGlite version, so test files (each its own process) share it and a
 * changed migration makes a new one.
 */
let template: Promise<Blob> | undefined;

export async function openMigratedDatabase(): Promise<Database> {
  template ??= loadOrMakeTemplate();
  return openDatabase({ restoreFrom: await template });
}

async function loadOrMakeTemplate(): Promise<Blob> {
  const file = join(CACHE, `${await templateKey()}.tar`);
  const cached = await readFile(file).catch(() => null);
  if (cached) return new Blob([cached]);
  const database = await openDatabase({});
  try {
    await migrate(database.db);
    const dump = await database.dump?.();
    if (!dump) throw new Error('the template is made from an embedded database');
    await mkdir(CACHE, { recursive: true });
    // Files running at once may each make it; each writes its own file and the renames leave one whole dump.
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  } finally {
    await database.close();
  }
}

async function templateKey(): Promise<string> {
  const { version } = JSON.parse(
    await readFile(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const hash = createHash('sha256').update(version);
  for (const migration of MIGRATIONS) hash.update(`${migration.id}\0${migration.sql}\0`);
  return hash.digest('hex').slice(0, 16);
}
