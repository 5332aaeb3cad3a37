import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKeyring } from './master-keys.ts';
import { MasterKeyError } from './master-keys.ts';

/** A secret as stored: its own data key wrapped by a master key, and the secret sealed by the data key. */
export interface Sealed {
  masterKeyId: string;
  wrappedKey: string;
  ciphertext: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function encrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function decrypt(key: Buffer, sealed: string, aad: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/**
 * Envelope encryption with AES-256-GCM. `aad` binds the ciphertext to where it is stored (the secret's id and
 * purpose), so a sealed value copied to another row does not open.
 */
export function seal(plaintext: Buffer, keyring: MasterKeyring, aad: string): Sealed {
  const dataKey = randomBytes(32);
  return {
    masterKeyId: keyring.current.id,
    wrappedKey: encrypt(keyring.current.key, dataKey, `${aad}|key`),
    ciphertext: encrypt(dataKey, plaintext, aad),
  };
}

function dataKeyOf(sealed: Sealed, keyring: MasterKeyring, aad: string): Buffer {
  const master = keyring.byId.get(sealed.masterKeyId);
  if (!master) {
    throw new MasterKeyError(
      `A stored secret is wrapped by master key ${sealed.masterKeyId}, which this server was not given: set SWITCHBOARD_MASTER_KEY to include it (every node needs the same keys).`,
    );
  }
  return decrypt(master.key, sealed.wrappedKey, `${aad}|key`);
}

export function open(sealed: Sealed, keyring: MasterKeyring, aad: string): Buffer {
  return decrypt(dataKeyOf(sealed, keyring, aad), sealed.ciphertext, aad);
}

/** The same secret under the current master key; the secret itself is not touched. */
export function rewrap(sealed: Sealed, keyring: MasterKeyring, aad: string): Sealed {
  const dataKey = dataKeyOf(sealed, keyring, aad);
  return {
    masterKeyId: keyring.current.id,
    wrappedKey: encrypt(keyring.current.key, dataKey, `${aad}|key`),
    ciphertext: sealed.ciphertext,
  };
}
