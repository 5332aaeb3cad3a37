import { addressBucket, type Clock, MINUTE_MS, SIGN_IN_THROTTLE, type ThrottleRule } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import { signInThrottleRepository, type ThrottledKey } from '../db/repositories/index.ts';
import { HashSlots } from './hash-slots.ts';
import { sha256 } from './secrets.ts';
import { tooManyAttempts } from './too-many-attempts.ts';

export interface SignInLimits {
  /** Failures from one address, across users, before its attempts are spaced out (default 50). */
  addressFreeFailures?: number;
  /** Password hashes one address may have running at once on a node (default 2). */
  concurrentHashesPerAddress?: number;
  /** Sign-ins from one address that may wait for those (default 32); more are refused at once. */
  queuedHashesPerAddress?: number;
}

/** What a guarded attempt ends with: the keys learn whether the password was right. */
export interface GuardedAttempt {
  succeeded(): Promise<void>;
  /** Whether this failure is the one from which the user's further attempts at this address must wait. */
  startsDelay: boolean;
}

/**
 * Guards every password check (sign-in, changing one's own password): first a cap on the hashes one address
 * may run at once (HashSlots), then one attempt reserved in the database under the user-at-address and address keys.
 * Only then is the slow hash computed, so parallel guesses cannot slip past the count or burn the CPU.
 */
export class SignInGuard {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #userRule: ThrottleRule = SIGN_IN_THROTTLE.userAtAddress;
  readonly #addressRule: ThrottleRule;
  readonly #slots: HashSlots;
  #lastForget = 0;

  constructor(db: Db, clock: Clock, limits: SignInLimits = {}) {
    this.#db = db;
    this.#clock = clock;
    this.#addressRule = {
      ...SIGN_IN_THROTTLE.address,
      freeFailures: limits.addressFreeFailures ?? SIGN_IN_THROTTLE.address.freeFailures,
    };
    this.#slots = new HashSlots(limits.concurrentHashesPerAddress ?? 2, limits.queuedHashesPerAddress ?? 32);
  }

  /**
   * Runs `check` (which hashes) once the attempt is reserved; refuses with 429 when it must wait. `account`
   * names who is signing in: the user's id once found, so every spelling of a name counts alike.
   */
  attempt<T>(
    who: { account: string; address: string },
    check: (attempt: GuardedAttempt) => Promise<T>,
  ): Promise<T> {
    const address = addressBucket(who.address);
    return this.#slots.run(address, async () => {
      const userKey: ThrottledKey = {
        key: sha256(`user\u0000${who.account}\u0000${address}`),
        rule: this.#userRule,
      };
      const addressKey: ThrottledKey = { key: sha256(`address\u0000${address}`), rule: this.#addressRule };
      const now = this.#clock.now();
      const reserved = await signInThrottleRepository.reserve(this.#db, [userKey, addressKey], now);
      if (!reserved.allowed) throw tooManyAttempts(reserved.retryAfterMs);
      await this.#forgetOld(now);
      return check({
        startsDelay: reserved.failures.get(userKey.key) === this.#userRule.freeFailures,
        succeeded: () =>
          signInThrottleRepository.settleSuccess(this.#db, [
            { ...userKey, clear: true },
            { ...addressKey, clear: false },
          ]),
      });
    });
  }

  /** The account key of a user who exists, and of a name that matches no one. */
  static userAccount(tenantId: string, userId: string): string {
    return `id\u0000${tenantId}\u0000${userId}`;
  }

  static unknownAccount(tenant: string, username: string): string {
    return `name\u0000${tenant.toLowerCase()}\u0000${username.toLowerCase()}`;
  }

  async #forgetOld(now: number): Promise<void> {
    if (now - this.#lastForget < 10 * MINUTE_MS) return;
    this.#lastForget = now;
    const oldest = Math.max(this.#userRule.forgetAfterMs, this.#addressRule.forgetAfterMs);
    await signInThrottleRepository.forget(this.#db, new Date(now - oldest));
  }
}
