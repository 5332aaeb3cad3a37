import { createHash, randomBytes } from 'node:crypto';

/** The realm of every desk phone's digest credentials. */
export const SIP_REALM = 'switchboard';

/** What a desk phone registers as: unique on the server, as tenant names are, and readable in a phone's menu. */
export const sipUsernameOf = (tenantName: string, extension: string) => `${tenantName}-${extension}`;

/** 32 letters and digits that cannot be mistaken for one another: 5 random bits each, read off a screen. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new password for a desk phone: 24 characters (120 random bits) a phone's keypad menu can take. */
export function newSipPassword(): string {
  const bytes = randomBytes(24);
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** The digest hash the server keeps instead of the password (RFC 2617 HA1): MD5 of `username:realm:password`. */
export const ha1Of = (sipUsername: string, password: string) =>
  createHash('md5').update(`${sipUsername}:${SIP_REALM}:${password}`).digest('hex');
