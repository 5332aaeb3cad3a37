/** Who asks for the embedded database's one connection: the routers' reads and writes, or anything else. */
export type Lane = 'router' | 'normal';

/**
 * How many router grants in a row may pass a waiting normal request before one normal request goes first.
 * Routers of many tenants can keep the router lane busy without pause; this keeps sign-ins, reads and long
 * work moving (at least one grant in RouterStreak + 1) while a router waiter with fewer than this many
 * router waiters ahead of it still sees at most one normal hold.
 */
export const ROUTER_STREAK = 8;

export interface TurnStats {
  routerGrants: number;
  normalGrants: number;
  /** Normal grants made because a normal request had waited through a full router streak. */
  fairnessGrants: number;
  /**
   * The most normal holds one router request overlapped while it waited: the normal request holding the
   * connection when it queued, plus normal grants made before its turn. The design bound is 1 while fewer
   * than ROUTER_STREAK router requests are ahead of it (1 + ⌊ahead / ROUTER_STREAK⌋ in general).
   */
  maxNormalHoldsPerRouterWait: number;
  /** Router requests that overlapped at least one normal hold (they waited on other work at all). */
  routerWaitsBehindNormal: number;
  /** The most router requests waiting at once. */
  maxRouterQueue: number;
}

interface Waiter {
  grant: () => void;
  /** Router waiters: normal holds overlapped so far. */
  normalHolds: number;
}

/**
 * The turns of one exclusive connection, in two lanes. When the connection frees, the oldest router waiter
 * gets it before any normal waiter, except that after ROUTER_STREAK router grants in a row while a normal
 * request waited, the oldest normal waiter goes. Within a lane, first come first served. Pure bookkeeping:
 * `take` calls `grant` (at once if the connection is free), `release` hands it on.
 */
export class ConnectionTurns {
  readonly #streakLimit: number;
  readonly #router: Waiter[] = [];
  readonly #normal: Waiter[] = [];
  #holder: { lane: Lane } | null = null;
  /** Router grants since the last normal grant, counted while a normal request was waiting. */
  #streak = 0;
  readonly stats: TurnStats = {
    routerGrants: 0,
    normalGrants: 0,
    fairnessGrants: 0,
    maxNormalHoldsPerRouterWait: 0,
    routerWaitsBehindNormal: 0,
    maxRouterQueue: 0,
  };

  constructor(streakLimit = ROUTER_STREAK) {
    this.#streakLimit = streakLimit;
  }

  /** Waiting requests per lane, and the lane holding the connection (null when free). */
  get state(): { router: number; normal: number; holder: Lane | null } {
    return { router: this.#router.length, normal: this.#normal.length, holder: this.#holder?.lane ?? null };
  }

  take(lane: Lane, grant: () => void): void {
    const waiter: Waiter = { grant, normalHolds: this.#holder?.lane === 'normal' ? 1 : 0 };
    (lane === 'router' ? this.#router : this.#normal).push(waiter);
    this.stats.maxRouterQueue = Math.max(this.stats.maxRouterQueue, this.#router.length);
    if (this.#holder === null) this.#next();
  }

  /** The holder is done: the connection goes to the next waiter, or is free. */
  release(): void {
    if (this.#holder === null) throw new Error('released a connection nobody holds');
    this.#holder = null;
    this.#next();
  }

  #next(): void {
    const fairness = this.#normal.length > 0 && this.#streak >= this.#streakLimit;
    if (this.#router.length > 0 && !fairness) {
      if (this.#normal.length > 0) this.#streak++;
      const waiter = this.#router.shift() as Waiter;
      this.stats.routerGrants++;
      if (waiter.normalHolds > 0) this.stats.routerWaitsBehindNormal++;
      this.stats.maxNormalHoldsPerRouterWait = Math.max(
        this.stats.maxNormalHoldsPerRouterWait,
        waiter.normalHolds,
      );
      this.#grant('router', waiter);
      return;
    }
    const waiter = this.#normal.shift();
    if (!waiter) return;
    this.#streak = 0;
    this.stats.normalGrants++;
    if (fairness && this.#router.length > 0) this.stats.fairnessGrants++;
    for (const routerWaiter of this.#router) routerWaiter.normalHolds++;
    this.#grant('normal', waiter);
  }

  #grant(lane: Lane, waiter: Waiter): void {
    this.#holder = { lane };
    waiter.grant();
  }
}
