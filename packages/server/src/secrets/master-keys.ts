import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface MasterKey {
  /** A fingerprint stored beside every secret it wraps, so the right key is found after a rotation. */
  id: string;
  key: Buffer;
}

/** The operator's master keys: `current` wraps new secrets; the older ones still unwrap theirs until re-wrapped. */
export interface MasterKeyring {
  current: MasterKey;
  byId: ReadonlyMap<string, MasterKey>;
}

export class MasterKeyError extends Error {}

const KEY_BYTES = 32;

function toMasterKey(key: Buffer): MasterKey {
  return { id: createHash('sha256').update(key).digest('base64url').slice(0, 16), key };
}

/** Reads `key[,older key…]`, each 32 bytes in base64 or base64url (`openssl rand -base64 32`). */
export function parseMasterKeys(text: string): MasterKeyring {
  const keys = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const key = Buffer.from(part, part.includes('-') || part.includes('_') ? 'base64url' : 'base64');
      if (key.length !== KEY_BYTES) {
        throw new MasterKeyError(
          `Master key ${index + 1} is ${key.length} bytes; each must be ${KEY_BYTES} random bytes in base64 (openssl rand -base64 32).`,
        );
      }
      return toMasterKey(key);
    });
  const [current] = keys;
  if (!current) throw new MasterKeyError('The master key setting is empty.');
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

export const generateMasterKeyring = (): MasterKeyring =>
  parseMasterKeys(randomBytes(KEY_BYTES).toString('base64'));

/**
 * The master keys from the operator's setting, or else from `file`, created with a new random key on the
 * first start (readable by the owner alone). It lives outside the database: a copy of the database alone
 * opens no secret.
 */
export function loadMasterKeys(
  setting: string | undefined,
  file: string,
  options: { create: boolean } = { create: true },
): { keyring: MasterKeyring; created: boolean } {
  if (setting) return { keyring: parseMasterKeys(setting), created: false };
  if (existsSync(file)) return { keyring: parseMasterKeys(readFileSync(file, 'utf8')), created: false };
  if (!options.create) {
    throw new MasterKeyError(
      `No master key: set SWITCHBOARD_MASTER_KEY or --master-key, or keep it in ${file}.`,
    );
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process on the same folder made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { keyring: parseMasterKeys(readFileSync(file, 'utf8')), created: false };
  }
  chmodSync(file, 0o600);
  return { keyring: parseMasterKeys(readFileSync(file, 'utf8')), created: true };
}
