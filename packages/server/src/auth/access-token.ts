import { isRole, type Role } from '@switchboard/core';
import { errors, jwtVerify, SignJWT } from 'jose';

export interface AccessClaims {
  userId: string;
  tenantId: string;
  sessionId: string;
  role: Role;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' };

const ISSUER = 'switchboard';

/** Signs and checks short-lived access tokens (HS256 with the deployment's shared key). */
export class AccessTokens {
  readonly #key: Uint8Array;

  constructor(signingKey: string) {
    this.#key = new TextEncoder().encode(signingKey);
  }

  sign(claims: AccessClaims, nowMs: number, lifetimeMinutes: number): Promise<string> {
    const issuedAt = Math.floor(nowMs / 1000);
    return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetimeMinutes * 60)
      .sign(this.#key);
  }

  async verify(token: string, nowMs: number): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
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
