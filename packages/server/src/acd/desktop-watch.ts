import {
  type AcdEngine,
  type AcdEvent,
  type Clock,
  CONNECTION_LOST_REASON,
  DEFAULT_PRESENCE_SETTINGS,
  DesktopPresence,
} from '@switchboard/core';
import type { Db } from '../db/database.ts';
import { reasonCodesRepository, tenantsRepository } from '../db/repositories/index.ts';

/** How often grace periods are checked: a lost desktop is acted on at most this long after its grace ends. */
export const DESKTOP_SWEEP_MS = 5_000;

type Run = (
  tenantId: string,
  command: (engine: AcdEngine) => { events: AcdEvent[]; result: undefined },
) => Promise<unknown>;

/**
 * The desktops open in this process, per tenant (the desktop's event streams), and the agents to put Not Ready
 * once theirs have all been closed for the tenant's grace period. Only streams the desktop marks as its own
 * count, so agents driven by the API alone are never moved.
 */
export class DesktopWatch {
  readonly #tenants = new Map<string, DesktopPresence>();
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #run: Run;
  #closing: (() => void)[] = [];

  constructor(db: Db, clock: Clock, run: Run) {
    this.#db = db;
    this.#clock = clock;
    this.#run = run;
  }

  opened(tenantId: string, agentId: string): void {
    let presence = this.#tenants.get(tenantId);
    if (!presence) {
      presence = new DesktopPresence();
      this.#tenants.set(tenantId, presence);
    }
    presence.opened(agentId);
  }

  closed(tenantId: string, agentId: string): void {
    this.#tenants.get(tenantId)?.closed(agentId, this.#clock.now());
    const waiting = this.#closing;
    this.#closing = [];
    for (const resolve of waiting) resolve();
  }

  /** Resolves when the server next sees a desktop stream close (tests wait on it rather than on time). */
  nextClose(): Promise<void> {
    return new Promise((resolve) => this.#closing.push(resolve));
  }

  /** Puts Not Ready every agent whose grace has run out (called every DESKTOP_SWEEP_MS; tests call it by hand). */
  async sweep(): Promise<void> {
    for (const [tenantId, presence] of this.#tenants) {
      if (!presence.waiting) continue;
      const tenant = await tenantsRepository.findById(this.#db, tenantId);
      const settings = tenant?.settings.presence ?? DEFAULT_PRESENCE_SETTINGS;
      const gone = presence.takeGone(this.#clock.now(), settings.disconnectGraceSeconds * 1000);
      if (gone.length === 0) continue;
      const reason = settings.disconnectReasonCodeId
        ? await reasonCodesRepository.findById(this.#db, tenantId, settings.disconnectReasonCodeId)
        : undefined;
      const system =
        reason ?? (await reasonCodesRepository.findSystem(this.#db, tenantId, CONNECTION_LOST_REASON.system));
      const code = system?.code ?? null;
      await this.#run(tenantId, (engine) => ({
        events: gone.flatMap((agentId) => engine.desktopLost(agentId, code)),
        result: undefined,
      }));
    }
  }
}
