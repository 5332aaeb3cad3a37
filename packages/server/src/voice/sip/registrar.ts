import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import sip, { type Remote, type SipMessage } from 'sip';
import type { Db } from '../../db/database.ts';
import type { SecretStore } from '../../secrets/secret-store.ts';
import { deskPhonesRepository } from '../desk-phones.repository.ts';
import { SIP_REALM } from './digest-credentials.ts';

/** Where a registered desk phone is reached, until `expiresAt`. */
export interface Binding {
  tenantId: string;
  phoneId: string;
  /** The password it proved: a new password or a new phone with the extension needs a new registration. */
  secretId: string;
  extension: string;
  sipUsername: string;
  /** Where requests to the phone go: its Contact, at the address its REGISTER came from (phones behind NAT). */
  uri: string;
  expiresAt: number;
}

export interface SipAnswer {
  status: number;
  reason: string;
  headers?: Record<string, unknown>;
}

export interface RegistrarDeps {
  db: Db;
  secrets: SecretStore;
  now: () => number;
}

const NONCE_MS = 5 * 60_000;
/** Failed registrations one source address may make in a row before it is turned away for `LOCKOUT_MS`. */
const MAX_FAILURES = 10;
const LOCKOUT_MS = 60_000;
const EXPIRES = { min: 60, max: 3600, default: 3600 };

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
/** A quoted parameter of a parsed Authorization header, unquoted. */
const unq = (value: unknown) =>
  typeof value === 'string' ? value.replace(/^"(.*)"$/, '$1').replaceAll('\\"', '"') : undefined;

/**
 * The registrar of desk phones (docs/voice.md, "Desk phones"): a REGISTER is answered with a digest challenge
 * (RFC 7616, MD5, qop=auth; nonces are stateless, signed and fresh for five minutes, each nonce count taken once),
 * and a phone that proves its password is bound to the address its REGISTER came from until it expires. Wrong
 * credentials are refused (403) and count against the source address: after ten in a row it is turned away (503)
 * until a minute passes without one. Bindings live in this process; phones register again well within their expiry.
 */
export class Registrar {
  readonly #deps: RegistrarDeps;
  readonly #nonceKey = randomBytes(32);
  readonly #bindings = new Map<string, Binding>();
  /** Nonce counts already taken, per nonce, while the nonce is fresh. */
  readonly #counts = new Map<string, { nc: number; at: number }>();
  /** Per source address: failed attempts in a row, and when the last was. */
  readonly #failures = new Map<string, { count: number; lastAt: number }>();
  /** Per source address: the attempt being checked (the next waits for it). */
  readonly #turns = new Map<string, Promise<unknown>>();

  constructor(deps: RegistrarDeps) {
    this.#deps = deps;
  }

  /** The phone registered for the tenant's extension, while its registration holds. */
  bindingOf(tenantId: string, extension: string): Binding | undefined {
    const binding = this.#bindings.get(`${tenantId}\u0000${extension}`);
    if (!binding || binding.expiresAt <= this.#deps.now()) return undefined;
    return binding;
  }

  /** Answers a REGISTER. */
  async register(request: SipMessage, remote: Remote): Promise<SipAnswer> {
    const username = decoded(sip.parseUri(request.headers.to.uri)?.user);
    const credentials = (request.headers.authorization as Record<string, unknown>[] | undefined)?.find(
      (header) => String(header.scheme).toLowerCase() === 'digest' && unq(header.realm) === SIP_REALM,
    );
    if (!username || !credentials) return this.#challenge(false);
    // One address's attempts are checked one after another, so attempts sent at once are counted exactly.
    return this.#inTurn(remote.address, () => this.#authenticated(request, remote, username, credentials));
  }

  async #authenticated(
    request: SipMessage,
    remote: Remote,
    username: string,
    credentials: Record<string, unknown>,
  ): Promise<SipAnswer> {
    if (this.#lockedOut(remote.address))
      return {
        status: 503,
        reason: 'Service Unavailable',
        headers: { 'retry-after': String(LOCKOUT_MS / 1000) },
      };
    const phone = await deskPhonesRepository.findBySipUsername(this.#deps.db, username);
    const ha1 = phone && (await this.#deps.secrets.get(phone.secretId))?.toString();
    const verdict = this.#check(request, credentials, username, ha1);
    if (verdict === 'stale') return this.#challenge(true);
    if (verdict === 'refused' || !phone) {
      this.#failed(remote.address);
      return { status: 403, reason: 'Forbidden' };
    }
    this.#failures.delete(remote.address);
    const key = `${phone.tenantId}\u0000${phone.extension}`;
    const contacts = request.headers.contact as unknown;
    if (contacts === undefined || (Array.isArray(contacts) && contacts.length === 0))
      return this.#bound(this.#bindings.get(key));
    const asked = expiresOf(request);
    if (contacts === '*' || (Array.isArray(contacts) && contacts[0] === '*')) {
      if (asked !== 0) return { status: 400, reason: 'Bad Request' };
      this.#bindings.delete(key);
      return { status: 200, reason: 'OK' };
    }
    const contact = (contacts as { uri: string; params: Record<string, unknown> }[])[0];
    if (!contact) return { status: 400, reason: 'Bad Request' };
    const expires = Number(contact.params?.expires ?? asked ?? EXPIRES.default);
    if (!Number.isFinite(expires) || expires < 0) return { status: 400, reason: 'Bad Request' };
    if (expires === 0) {
      this.#bindings.delete(key);
      return { status: 200, reason: 'OK' };
    }
    if (expires < EXPIRES.min)
      return { status: 423, reason: 'Interval Too Brief', headers: { 'min-expires': String(EXPIRES.min) } };
    const granted = Math.min(expires, EXPIRES.max);
    const binding: Binding = {
      tenantId: phone.tenantId,
      phoneId: phone.id,
      secretId: phone.secretId,
      extension: phone.extension,
      sipUsername: username,
      uri: reachableUri(contact.uri, remote),
      expiresAt: this.#deps.now() + granted * 1000,
    };
    this.#bindings.set(key, binding);
    return this.#bound(binding, contact.uri);
  }

  /** Runs `work` after the address's attempts before it have been answered. */
  #inTurn<T>(address: string, work: () => Promise<T>): Promise<T> {
    const turn = (this.#turns.get(address) ?? Promise.resolve()).then(work);
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.#turns.set(address, settled);
    void settled.then(() => {
      if (this.#turns.get(address) === settled) this.#turns.delete(address);
    });
    return turn;
  }

  /** Whether the address has failed too often in a row (a minute without a failure frees it). */
  #lockedOut(address: string): boolean {
    const entry = this.#failures.get(address);
    return (
      entry !== undefined && this.#deps.now() - entry.lastAt <= LOCKOUT_MS && entry.count >= MAX_FAILURES
    );
  }

  #failed(address: string): void {
    const now = this.#deps.now();
    if (this.#failures.size > 10_000)
      for (const [key, entry] of this.#failures)
        if (now - entry.lastAt > LOCKOUT_MS) this.#failures.delete(key);
    const entry = this.#failures.get(address);
    const count = entry && now - entry.lastAt <= LOCKOUT_MS ? entry.count : 0;
    this.#failures.set(address, { count: count + 1, lastAt: now });
  }

  #challenge(stale: boolean): SipAnswer {
    return {
      status: 401,
      reason: 'Unauthorized',
      headers: {
        'www-authenticate': [
          {
            scheme: 'Digest',
            realm: `"${SIP_REALM}"`,
            nonce: `"${this.#nonce()}"`,
            algorithm: 'MD5',
            qop: '"auth"',
            ...(stale ? { stale: 'TRUE' } : {}),
          },
        ],
      },
    };
  }

  #bound(binding: Binding | undefined, contactUri?: string): SipAnswer {
    if (!binding || binding.expiresAt <= this.#deps.now()) return { status: 200, reason: 'OK' };
    const left = Math.max(1, Math.round((binding.expiresAt - this.#deps.now()) / 1000));
    return {
      status: 200,
      reason: 'OK',
      headers: { contact: [{ uri: contactUri ?? binding.uri, params: { expires: String(left) } }] },
    };
  }

  /** A nonce: when it was made, some randomness, and this process's signature of both. */
  #nonce(): string {
    const made = `${this.#deps.now()}.${randomBytes(12).toString('base64url')}`;
    return `${made}.${this.#sign(made)}`;
  }

  #sign(made: string): string {
    return createHmac('sha256', this.#nonceKey).update(made).digest('base64url').slice(0, 22);
  }

  #check(
    request: SipMessage,
    credentials: Record<string, unknown>,
    username: string,
    ha1: string | undefined,
  ): 'ok' | 'stale' | 'refused' {
    const nonce = unq(credentials.nonce) ?? '';
    const [at, random, signature] = nonce.split('.');
    if (!at || !random || signature !== this.#sign(`${at}.${random}`)) return 'refused';
    if (this.#deps.now() - Number(at) > NONCE_MS) return 'stale';
    if (unq(credentials.username) !== username || !ha1) return 'refused';
    const uri = unq(credentials.uri) ?? '';
    const qop = unq(credentials.qop);
    const nc = unq(credentials.nc) ?? '';
    const cnonce = unq(credentials.cnonce) ?? '';
    if (qop !== 'auth' || !/^[0-9a-f]{8}$/i.test(nc)) return 'refused';
    const ha2 = md5(`${request.method}:${uri}`);
    const want = Buffer.from(md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`));
    const given = Buffer.from(unq(credentials.response) ?? '');
    if (given.length !== want.length || !timingSafeEqual(given, want)) return 'refused';
    return this.#countTaken(nonce, Number.parseInt(nc, 16)) ? 'ok' : 'refused';
  }

  /** Takes a nonce count once (a replayed REGISTER is refused), forgetting nonces once they are stale. */
  #countTaken(nonce: string, nc: number): boolean {
    const now = this.#deps.now();
    for (const [key, entry] of this.#counts) if (now - entry.at > NONCE_MS) this.#counts.delete(key);
    const last = this.#counts.get(nonce);
    if (last && nc <= last.nc) return false;
    this.#counts.set(nonce, { nc, at: last?.at ?? now });
    return true;
  }
}

/** A URI's user part as written by people (`2001#` arrives as `2001%23`); undefined when it cannot be read. */
function decoded(user: string | undefined): string | undefined {
  try {
    return user === undefined ? undefined : decodeURIComponent(user);
  } catch {
    return undefined;
  }
}

/** The Expires header of a REGISTER, if it has one. */
function expiresOf(request: SipMessage): number | undefined {
  const value = request.headers.expires;
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds : Number.NaN;
}

/** The Contact URI, sent to the address and port the REGISTER came from (a phone behind NAT names its own). */
function reachableUri(uri: string, remote: Remote): string {
  const parsed = sip.parseUri(uri);
  if (!parsed) return uri;
  return sip.stringifyUri({ ...parsed, host: remote.address, port: remote.port });
}
