import { type Clock, HOUR_MS, MINUTE_MS, SwitchboardError, type TokenLifetimes } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import {
  apiKeysRepository,
  auditRepository,
  sessionsRepository,
  tenantsRepository,
  usersRepository,
} from '../db/repositories/index.ts';
import type { TenantRow, UserRow } from '../db/schema.ts';
import type { AccessTokens } from './access-token.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from './password.ts';
import type { Principal } from './principal.ts';
import { isApiKey, newRefreshSecret, parseApiKey, parseRefreshToken, sameHash, sha256 } from './secrets.ts';
import { SignInGuard, type SignInLimits } from './sign-in-guard.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshExpiresIn: number;
}

const unauthenticated = (message = 'Sign in first: send Authorization: Bearer <token>.') =>
  new SwitchboardError('unauthenticated', message);
const badCredentials = () =>
  new SwitchboardError('invalid_credentials', 'The tenant, username or password is not correct.');

/** Sign-in, token refresh, sign-out, and turning a bearer token into an Actor. */
export class AuthService {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #tokens: AccessTokens;
  readonly #guard: SignInGuard;

  readonly #sessionEnded: (tenantId: string, userId: string) => Promise<void> | void;

  /** `sessionEnded` hears of sessions this service ends itself, so open connections can close. */
  constructor(
    db: Db,
    clock: Clock,
    tokens: AccessTokens,
    limits: SignInLimits = {},
    sessionEnded: (tenantId: string, userId: string) => Promise<void> | void = () => {},
  ) {
    this.#sessionEnded = sessionEnded;
    this.#db = db;
    this.#clock = clock;
    this.#tokens = tokens;
    this.#guard = new SignInGuard(db, clock, limits);
  }

  /**
   * Sign-in with a password. The attempt is counted before the password is hashed (see SignInGuard); every
   * success, failure and start of a delay is written to the tenant's audit log.
   */
  async login(
    input: { tenant: string; username: string; password: string },
    address: string,
  ): Promise<TokenPair> {
    const tenant = await tenantsRepository.findByName(this.#db, input.tenant);
    const user = tenant
      ? await usersRepository.findByUsername(this.#db, tenant.id, input.username)
      : undefined;
    const account =
      tenant && user
        ? SignInGuard.userAccount(tenant.id, user.id)
        : SignInGuard.unknownAccount(input.tenant, input.username);
    return this.#guard.attempt({ account, address }, async (attempt) => {
      const canSignIn = user?.active === true && user.role !== 'service' && user.password_hash !== null;
      const passwordOk = await verifyPassword(
        input.password,
        (canSignIn && user.password_hash) || UNKNOWN_USER_HASH,
      );
      if (!tenant || !user || !canSignIn || !passwordOk) {
        if (tenant) {
          const who = { tenant, user, username: input.username, address };
          await this.#audit(who, 'sign_in_failed');
          if (attempt.startsDelay) await this.#audit(who, 'sign_in_delayed');
        }
        throw badCredentials();
      }
      await attempt.succeeded();
      await this.#audit({ tenant, user, username: user.username, address }, 'sign_in');
      const lifetimes = tenant.settings.tokens;
      const sessionId = crypto.randomUUID();
      const refresh = newRefreshSecret(sessionId);
      const expiresAt = new Date(this.#clock.now() + lifetimes.refreshTokenHours * HOUR_MS);
      await sessionsRepository.insert(this.#db, {
        id: sessionId,
        tenantId: tenant.id,
        userId: user.id,
        refreshHash: refresh.hash,
        expiresAt,
      });
      return this.#pair(user, sessionId, refresh.token, expiresAt, lifetimes);
    });
  }

  /**
   * Checks the signed-in user's current password under the same guard as sign-in (so it cannot be guessed
   * faster than a sign-in could). Answers the hash it checked, so that the change can insist it still holds.
   */
  async verifyOwnPassword(principal: Principal, password: string, address: string): Promise<string> {
    const [tenant, user] = await Promise.all([
      tenantsRepository.findById(this.#db, principal.tenantId),
      usersRepository.findById(this.#db, principal.tenantId, principal.userId),
    ]);
    if (!tenant || !user) throw unauthenticated('The account is no longer active.');
    if (user.role === 'service' || !user.password_hash) {
      throw new SwitchboardError('validation_failed', 'Service users have no password; they use API keys.');
    }
    const hash = user.password_hash;
    const account = SignInGuard.userAccount(tenant.id, user.id);
    await this.#guard.attempt({ account, address }, async (attempt) => {
      if (!(await verifyPassword(password, hash))) {
        const who = { tenant, user, username: user.username, address };
        await this.#audit(who, 'password_check_failed');
        if (attempt.startsDelay) await this.#audit(who, 'sign_in_delayed');
        throw new SwitchboardError('invalid_credentials', 'The current password is not correct.');
      }
      await attempt.succeeded();
    });
    return hash;
  }

  async #audit(
    who: { tenant: TenantRow; user: UserRow | undefined; username: string; address: string },
    action: 'sign_in' | 'sign_in_failed' | 'sign_in_delayed' | 'password_check_failed',
  ): Promise<void> {
    await auditRepository.append(this.#db, {
      tenantId: who.tenant.id,
      actorId: who.user?.id ?? null,
      actorName: who.user?.username ?? who.username.toLowerCase(),
      action,
      entityType: 'user',
      entityId: who.user?.id ?? who.username.toLowerCase(),
      before: null,
      after: { address: who.address },
    });
  }

  /** A refresh works only while both the access token and the refresh token are valid (C1). */
  async refresh(accessToken: string, refreshToken: string): Promise<TokenPair> {
    const verified = await this.#tokens.verify(accessToken, this.#clock.now());
    if (!verified.ok) {
      throw verified.reason === 'expired'
        ? new SwitchboardError('token_expired', 'The access token has expired: sign in again.')
        : unauthenticated('The access token is not valid.');
    }
    const { claims } = verified;
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed || parsed.sessionId !== claims.sessionId)
      throw unauthenticated('The refresh token is not valid.');
    const session = await sessionsRepository.findById(this.#db, claims.tenantId, parsed.sessionId);
    if (!session || session.revoked_at) throw unauthenticated('The refresh token is not valid.');
    if (!sameHash(session.refresh_hash, sha256(parsed.secret))) {
      // An old refresh token again: whoever holds the newer one may have stolen it. End the session for both.
      await sessionsRepository.revoke(this.#db, claims.tenantId, session.id, new Date(this.#clock.now()));
      await this.#sessionEnded(claims.tenantId, session.user_id);
      throw unauthenticated('The refresh token has already been used: the session has ended, sign in again.');
    }
    if (session.expires_at.getTime() <= this.#clock.now()) {
      throw new SwitchboardError('token_expired', 'The refresh token has expired: sign in again.');
    }
    const [tenant, user] = await Promise.all([
      tenantsRepository.findById(this.#db, claims.tenantId),
      usersRepository.findById(this.#db, claims.tenantId, claims.userId),
    ]);
    if (!tenant || !user?.active) throw unauthenticated('The account is no longer active.');
    const next = newRefreshSecret(session.id);
    const rotated = await sessionsRepository.rotate(
      this.#db,
      tenant.id,
      session.id,
      session.refresh_hash,
      next.hash,
    );
    if (!rotated) {
      await sessionsRepository.revoke(this.#db, tenant.id, session.id, new Date(this.#clock.now()));
      await this.#sessionEnded(tenant.id, session.user_id);
      throw unauthenticated('The refresh token has already been used: the session has ended, sign in again.');
    }
    return this.#pair(user, session.id, next.token, session.expires_at, tenant.settings.tokens);
  }

  async logout(actor: Principal): Promise<void> {
    if (actor.sessionId) {
      await sessionsRepository.revoke(this.#db, actor.tenantId, actor.sessionId, new Date(this.#clock.now()));
    }
  }

  /** Resolves `Authorization: Bearer …` (an access token or a service user's API key). */
  async authenticate(header: string | undefined): Promise<Principal> {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const token = match?.[1];
    if (!token) throw unauthenticated();
    return isApiKey(token) ? this.#authenticateApiKey(token) : this.#authenticateAccessToken(token);
  }

  async #authenticateAccessToken(token: string): Promise<Principal> {
    const verified = await this.#tokens.verify(token, this.#clock.now());
    if (!verified.ok) {
      throw verified.reason === 'expired'
        ? new SwitchboardError('token_expired', 'The access token has expired: refresh it or sign in again.')
        : unauthenticated('The access token is not valid.');
    }
    const { claims } = verified;
    const live = await sessionsRepository.findLive(
      this.#db,
      claims.tenantId,
      claims.sessionId,
      claims.userId,
      new Date(this.#clock.now()),
    );
    if (!live) throw unauthenticated('The session has ended: sign in again.');
    return {
      tenantId: claims.tenantId,
      userId: live.user_id,
      role: live.role,
      name: live.username,
      sessionId: live.id,
    };
  }

  async #authenticateApiKey(token: string): Promise<Principal> {
    const parsed = parseApiKey(token);
    const key = parsed ? await apiKeysRepository.findForAuthentication(this.#db, parsed.id) : undefined;
    if (!parsed || !key || key.revoked_at || !sameHash(key.key_hash, sha256(parsed.secret))) {
      throw unauthenticated('The API key is not valid or has been revoked.');
    }
    const user = await usersRepository.findById(this.#db, key.tenant_id, key.user_id);
    if (!user?.active || user.role !== 'service')
      throw unauthenticated('The service user is no longer active.');
    const now = this.#clock.now();
    if (!key.last_used_at || now - key.last_used_at.getTime() > MINUTE_MS) {
      await apiKeysRepository.touch(this.#db, key.tenant_id, key.id, new Date(now));
    }
    return {
      tenantId: key.tenant_id,
      userId: user.id,
      role: 'service',
      scope: key.scope,
      name: user.username,
    };
  }

  async #pair(
    user: UserRow,
    sessionId: string,
    refreshToken: string,
    refreshExpiresAt: Date,
    lifetimes: TokenLifetimes,
  ): Promise<TokenPair> {
    const now = this.#clock.now();
    const accessToken = await this.#tokens.sign(
      { userId: user.id, tenantId: user.tenant_id, sessionId, role: user.role },
      now,
      lifetimes.accessTokenMinutes,
    );
    return {
      accessToken,
      refreshToken,
      expiresIn: lifetimes.accessTokenMinutes * 60,
      refreshExpiresIn: Math.max(0, Math.floor((refreshExpiresAt.getTime() - now) / 1000)),
    };
  }
}
