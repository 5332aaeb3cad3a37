import { AcdEngine, type AcdEvent, agentConfig, type Clock, engineParams } from '@switchboard/core';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import { type EventBus, InProcessEventBus } from '../events/event-bus.ts';
import { channelSettingsOf, loadAgents, loadOpenContacts, type RouterBatch } from './acd-store.ts';
import { csqsRepository } from './csqs.repository.ts';
import { DesktopWatch } from './desktop-watch.ts';
import { Fanout } from './fanout.ts';
import { QueueDayCounters } from './queue-day-counters.ts';
import { TenantRouter } from './tenant-router.ts';

/**
 * Holds one router per tenant, built from storage on first use (which is also how it recovers after a
 * restart), and keeps it in step with configuration changes.
 */
export class AcdRuntime {
  /** The router's events once committed, to the services of this process (not to streams: they read the log). */
  readonly committed = new Fanout();
  /** Announces how far each tenant's event log has grown, to the event streams. */
  readonly eventBus: EventBus;
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #log: FastifyBaseLogger | undefined;
  readonly #routers = new Map<string, Promise<TenantRouter>>();
  /** Agents' open desktops, and who to put Not Ready when theirs has been gone too long. */
  readonly desktops: DesktopWatch;
  /** Run as each tenant's router is built, before it takes commands: services that follow it read storage here. */
  readonly #loaders: ((tenantId: string) => Promise<void>)[] = [];
  /** Each CSQ's figures of the day so far, kept running from the committed events. */
  readonly queueDays: QueueDayCounters;

  constructor(db: Db, clock: Clock, log?: FastifyBaseLogger, eventBus: EventBus = new InProcessEventBus()) {
    this.eventBus = eventBus;
    this.#db = db;
    this.#clock = clock;
    this.#log = log;
    this.desktops = new DesktopWatch(db, clock, (tenantId, command) => this.run(tenantId, command));
    this.queueDays = new QueueDayCounters(db, this, () => clock.now());
  }

  /**
   * Runs `loader` whenever a tenant's router is built (on first use, and when it is rebuilt): what it reads from
   * storage then is exactly what the router's committed events continue.
   */
  onLoad(loader: (tenantId: string) => Promise<void>): void {
    this.#loaders.push(loader);
  }

  router(tenantId: string): Promise<TenantRouter> {
    let router = this.#routers.get(tenantId);
    if (!router) {
      router = this.#load(tenantId);
      this.#routers.set(tenantId, router);
      router.catch(() => this.#routers.delete(tenantId));
    }
    return router;
  }

  /** Runs a command on the tenant's router and resolves once it is stored. */
  async run<T>(
    tenantId: string,
    command: (engine: AcdEngine) => { events: AcdEvent[]; result: T },
    extras?: (batch: RouterBatch, result: T) => void,
  ): Promise<{ events: AcdEvent[]; result: T }> {
    const router = await this.router(tenantId);
    return router.run(command, extras);
  }

  /** Fires the router's due timers now (its own timer does this by itself; tests with a hand-moved clock call it). */
  async tick(tenantId: string): Promise<AcdEvent[]> {
    const { events } = await this.run(tenantId, (engine) => ({ events: engine.tick(), result: undefined }));
    return events;
  }

  /** Applies a changed agent (skills, role, activity) if the tenant's router is loaded. */
  async agentChanged(tenantId: string, agentId: string): Promise<void> {
    const loaded = this.#routers.get(tenantId);
    if (!loaded) return;
    const router = await loaded;
    const settings = await channelSettingsOf(this.#db, tenantId);
    const [snapshot] = await loadAgents(this.#db, tenantId, settings, agentId);
    await router.run((engine) => {
      if (snapshot) return { events: engine.upsertAgent(snapshot.config), result: undefined };
      if (!engine.agent(agentId)) return { events: [], result: undefined };
      // No longer an active agent: sign them out everywhere, which hands their contacts back.
      return {
        events: [
          ...engine.setAgentState(agentId, 'voice', 'logged_out'),
          ...engine.setAgentState(agentId, 'digital', 'logged_out'),
        ],
        result: undefined,
      };
    });
  }

  async csqChanged(tenantId: string, csqId: string): Promise<void> {
    const loaded = this.#routers.get(tenantId);
    if (!loaded) return;
    const router = await loaded;
    const csq = await csqsRepository.findById(this.#db, tenantId, csqId);
    await router.run((engine) => ({
      events: csq
        ? engine.configureCsq({
            id: csq.id,
            channel: csq.channel,
            criterion: csq.criterion,
            skills: csq.skills,
            agentOrder: csq.agentOrder,
          })
        : engine.removeCsq(csqId),
      result: undefined,
    }));
  }

  async settingsChanged(tenantId: string): Promise<void> {
    const loaded = this.#routers.get(tenantId);
    if (!loaded) return;
    const router = await loaded;
    const settings = await channelSettingsOf(this.#db, tenantId);
    await router.run((engine) => {
      const events = engine.setParams(engineParams(settings));
      for (const agent of engine.view().agents)
        events.push(...engine.upsertAgent(agentConfig(agent.id, agent.skills, settings)));
      return { events, result: undefined };
    });
  }

  /** Waits for every loaded router to store what it holds, and stops their timers. */
  async stop(): Promise<void> {
    for (const router of this.#routers.values()) {
      const loaded = await router.catch(() => undefined);
      loaded?.stop();
      await loaded?.flushed().catch(() => {});
    }
  }

  async #load(tenantId: string): Promise<TenantRouter> {
    const settings = await channelSettingsOf(this.#db, tenantId);
    const engine = new AcdEngine(this.#clock, engineParams(settings));
    for (const csq of await csqsRepository.list(this.#db, tenantId)) {
      engine.configureCsq({
        id: csq.id,
        channel: csq.channel,
        criterion: csq.criterion,
        skills: csq.skills,
        agentOrder: csq.agentOrder,
      });
    }
    const agents = await loadAgents(this.#db, tenantId, settings);
    const contacts = await loadOpenContacts(this.#db, tenantId);
    const events = engine.restore(agents, contacts);
    for (const loader of this.#loaders) await loader(tenantId);
    const router = new TenantRouter({
      tenantId,
      engine,
      db: this.#db,
      now: () => this.#clock.now(),
      publish: (id, published, position) => {
        this.eventBus.announce(id, position);
        this.committed.publish(id, published);
      },
      onBroken: (error) => {
        this.#log?.error(
          { err: error, tenantId },
          'storing router decisions failed; the router will be rebuilt from storage',
        );
        this.#routers.delete(tenantId);
      },
    });
    await router.record(events);
    return router;
  }
}
