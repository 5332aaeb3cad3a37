import { isRole, type Role } from '@switchboard/core';
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import type { SigningKeys } from './signing-keys.ts';

export interface AccessClaims {
  userId: string;
  tenantId: string;
  sessionId: string;
  role: Role;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' };

const ISSUER = 'switchboard';

/** Signs and checks short-lived access tokens: HS256 under the deployment's current key, named by `kid`. */
export class AccessTokens {
  readonly #keys: SigningKeys;

  constructor(keys: SigningKeys) {
    this.#keys = keys;
  }

  async sign(claims: AccessClaims, nowMs: number, lifetimeMinutes: number): Promise<string> {
    const { kid, key } = await this.#keys.current();
    const issuedAt = Math.floor(nowMs / 1000);
    return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256', kid })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetimeMinutes * 60)
      .sign(key);
  }

  async verify(token: string, nowMs: number): Promise<VerifyResult> {
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = typeof kid === 'string' ? await this.#keys.find(kid) : undefined;
      if (!key) return { ok: false, reason: 'invalid' };
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: new Date(nowMs),
      });
      const { sub, tid, sid, role } = payload;
      if (typeof sub !== 'string' || typeof tid !== 'string' || typeof sid !== 'string' || !isRole(role)) {
        return { ok: false, reason: 'invalid' };
      }
      return { ok: true, claims: { userId: sub, tenantId: tid, sessionId: sid, role } };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
