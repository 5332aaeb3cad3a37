import { systemClock } from '@switchboard/core';
import { loadMasterKeys, migrate, openDatabase, SecretStore, SigningKeys } from '@switchboard/server';
import type { Command } from 'commander';
import { masterKeyFile } from './start.ts';

interface StorageFlags {
  data: string;
  databaseUrl?: string;
  masterKey?: string;
}

async function withSecrets(flags: StorageFlags, work: (store: SecretStore) => Promise<void>): Promise<void> {
  const database = await openDatabase({ dataDir: flags.data, databaseUrl: flags.databaseUrl });
  try {
    await migrate(database.db);
    // Never a new master key here: it would open none of the secrets already stored.
    const { keyring } = loadMasterKeys(flags.masterKey, masterKeyFile(flags.data), { create: false });
    await work(new SecretStore(database.db, keyring));
  } finally {
    await database.close();
  }
}

/** `switchboard keys rotate` and `switchboard keys rewrap`: the operator's side of key rotation. */
export function addKeysCommands(program: Command, storageOptions: (command: Command) => Command): void {
  const keys = program
    .command('keys')
    .description('Rotate the token-signing key; re-wrap secrets under a new master key.');
  storageOptions(
    keys
      .command('rotate')
      .description(
        'Make a new token-signing key current. Tokens signed with the old one keep working until they expire; every node picks the new one up within a minute.',
      ),
  ).action(async (flags: StorageFlags) => {
    await withSecrets(flags, async (store) => {
      const signing = await SigningKeys.open(store, systemClock);
      const kid = await signing.rotate();
      console.log(`The token-signing key ${kid} is now current.`);
    });
  });
  storageOptions(
    keys
      .command('rewrap')
      .description(
        'Re-wrap every stored secret under the first master key of SWITCHBOARD_MASTER_KEY; list the old key after it (new,old) until this has run.',
      ),
  ).action(async (flags: StorageFlags) => {
    await withSecrets(flags, async (store) => {
      const count = await store.rewrapAll();
      console.log(`Re-wrapped ${count} secret${count === 1 ? '' : 's'} under the current master key.`);
    });
  });
}
