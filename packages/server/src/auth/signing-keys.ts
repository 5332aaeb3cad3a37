import { randomBytes } from 'node:crypto';
import { type Clock, HOUR_MS, LIMITS, MINUTE_MS } from '@switchboard/core';
import type { SecretStore } from '../secrets/secret-store.ts';

const PURPOSE = 'token_signing_key';
/** A new signing key every 30 days; `switchboard keys rotate` makes one at once. */
export const SIGNING_KEY_ROTATE_AFTER_MS = 30 * 24 * HOUR_MS;
const RELOAD_AFTER_MS = MINUTE_MS;
/**
 * A retired key still verifies until every token it signed has expired: the longest access token, plus the
 * minute another node may go on signing with it before it reloads, plus a margin.
 */
const GRACE_MS = LIMITS.accessTokenMinutes.max * MINUTE_MS + RELOAD_AFTER_MS + 5 * MINUTE_MS;
const UNKNOWN_KID_RELOAD_MS = 5_000;

export interface SigningKey {
  kid: string;
  key: Uint8Array;
  createdAt: number;
  retiredAt: number | null;
}

/**
 * The deployment's token-signing keys, sealed in the SecretStore and shared by every node through the
 * database. The newest unretired key signs; retired keys verify for a grace period, then are deleted.
 */
export class SigningKeys {
  readonly #store: SecretStore;
  readonly #clock: Clock;
  #keys: SigningKey[] = [];
  #loadedAt = Number.NEGATIVE_INFINITY;
  #lastUnknownReload = Number.NEGATIVE_INFINITY;

  private constructor(store: SecretStore, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  /** Loads the keys, making the first one, or a new one when the current is older than 30 days. */
  static async open(store: SecretStore, clock: Clock): Promise<SigningKeys> {
    const keys = new SigningKeys(store, clock);
    await keys.#load();
    const current = keys.#current();
    if (!current || clock.now() - current.createdAt >= SIGNING_KEY_ROTATE_AFTER_MS) await keys.rotate();
    return keys;
  }

  async current(): Promise<SigningKey> {
    if (this.#clock.now() - this.#loadedAt >= RELOAD_AFTER_MS) await this.#load();
    const current = this.#current();
    if (current) return current;
    await this.rotate();
    return this.#current() as SigningKey;
  }

  /** The key that verifies tokens of `kid`, if it is still allowed to. */
  async find(kid: string): Promise<Uint8Array | undefined> {
    const now = this.#clock.now();
    let found = this.#keys.find((k) => k.kid === kid);
    if (!found && now - this.#lastUnknownReload >= UNKNOWN_KID_RELOAD_MS) {
      // Another node may have rotated; look once, but not on every forged token.
      this.#lastUnknownReload = now;
      await this.#load();
      found = this.#keys.find((k) => k.kid === kid);
    }
    if (!found || (found.retiredAt !== null && now - found.retiredAt >= GRACE_MS)) return undefined;
    return found.key;
  }

  /** Makes a new signing key current; the keys before it verify for the grace period. */
  async rotate(): Promise<string> {
    const now = new Date(this.#clock.now());
    await this.#load();
    const kid = await this.#store.add(PURPOSE, randomBytes(32), now);
    for (const old of this.#keys) {
      if (old.retiredAt === null) await this.#store.retire(old.kid, now);
      else if (now.getTime() - old.retiredAt >= GRACE_MS) await this.#store.remove(old.kid);
    }
    await this.#load();
    return kid;
  }

  #current(): SigningKey | undefined {
    return this.#keys.find((k) => k.retiredAt === null);
  }

  async #load(): Promise<void> {
    const secrets = await this.#store.list(PURPOSE);
    this.#keys = secrets.map((s) => ({
      kid: s.id,
      key: new Uint8Array(s.value),
      createdAt: s.createdAt.getTime(),
      retiredAt: s.retiredAt?.getTime() ?? null,
    }));
    this.#loadedAt = this.#clock.now();
  }
}
