import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const API_KEY_PREFIX = 'sbk_';

/**
 * API keys read `sbk_<key id>_<secret>`: the id finds the stored record, the 256-bit secret is kept only as
 * a hash. A plain SHA-256 is enough for a secret this long; slow hashes are for guessable passwords.
 */
export function newApiKey(): { id: string; key: string; hash: string } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `${API_KEY_PREFIX}${id.replaceAll('-', '')}_${secret}`, hash: sha256(secret) };
}

export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const match = /^sbk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(key);
  if (!match?.[1] || !match[2]) return undefined;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}

/** Refresh tokens read `<session id>.<secret>`; only the secret's hash is stored. */
export function newRefreshSecret(sessionId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${sessionId}.${secret}`, hash: sha256(secret) };
}

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match?.[1] && match[2] ? { sessionId: match[1], secret: match[2] } : undefined;
}
