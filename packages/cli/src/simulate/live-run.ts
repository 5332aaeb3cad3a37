import { type AbandonRule, serviceLevel } from '@switchboard/core';
import type { ApiClient } from './api.ts';
import { seededRandom } from './random.ts';
import type { SimulationSite } from './setup.ts';
import { type AgentBehaviour, VirtualAgent } from './virtual-agent.ts';
import { VirtualCustomer } from './virtual-customer.ts';

export interface LiveOptions {
  /** An administrator (or supervisor with contact.create): creates contacts and watches every event. */
  admin: ApiClient;
  site: SimulationSite;
  /** Contacts per simulated minute. */
  arrivalsPerMinute: number;
  ahtSeconds: number;
  wrapUpSeconds: number;
  /** Mean customer patience; null: customers wait for ever. */
  patienceSeconds: number | null;
  /** Simulated seconds to run (Infinity: until `signal` aborts); real time is durationSeconds ÷ speed. */
  durationSeconds: number;
  signal?: AbortSignal;
  speed: number;
  serviceLevelSeconds: number;
  /** How abandons enter the service level (core's rule, docs/metrics.md). */
  abandonRule: AbandonRule;
  seed: number;
  breakChance: number;
  onProgress?: (elapsedSeconds: number, stats: LiveStats) => void;
}

export interface LiveStats {
  offered: number;
  answered: number;
  handled: number;
  abandoned: number;
  answeredWithinThreshold: number;
  /** Left after waiting no longer than the service-level threshold. */
  abandonedWithinThreshold: number;
  /** Σ waiting time of answered contacts, simulated seconds. */
  answeredWaitSeconds: number;
  /** Agents' messages that reached their customers' chat streams. */
  messages: number;
  /** Contacts still waiting or in progress when the run ended (their customers then leave). */
  inFlightAtEnd: number;
  errors: string[];
}

export interface LiveSummary extends LiveStats {
  serviceLevel: number | null;
  asaSeconds: number | null;
}

interface StreamEvent {
  type: string;
  /** ISO-8601, as the event stream sends it. */
  at?: string;
  contactId?: string;
  callType?: string;
  waitedMs?: number;
  outcome?: string;
}

/**
 * Drives a running Switchboard through its public API only: prepares a chat CSQ and virtual agents, starts
 * virtual customers arriving (Poisson) who give up after their patience, runs for the duration (scaled by the
 * speed-up) and counts what happened from the supervisor's event stream.
 */
export async function runLiveSimulation(options: LiveOptions): Promise<LiveSummary> {
  const { speed, admin, site } = options;
  const random = seededRandom(options.seed);
  const stats: LiveStats = {
    offered: 0,
    answered: 0,
    handled: 0,
    abandoned: 0,
    answeredWithinThreshold: 0,
    abandonedWithinThreshold: 0,
    answeredWaitSeconds: 0,
    messages: 0,
    inFlightAtEnd: 0,
    errors: [],
  };
  const recordError = (error: unknown) => {
    if (stats.errors.length < 20) stats.errors.push(error instanceof Error ? error.message : String(error));
  };
  // This run's contacts not yet ended, known by their call type from the event stream (which also carries
  // other contacts of the tenant, e.g. from people using it at the same time).
  const runId = `${Date.now().toString(36)}-${options.seed}`;
  const callType = `Simulation ${runId}`;
  /** Contact id → when it was created (epoch ms), while it is open. */
  const open = new Map<string, number>();
  const observer = await openObserver(admin, (event) => {
    if (event.type === 'contact.created' && event.callType === callType && event.contactId) {
      stats.offered++;
      open.set(event.contactId, instantOf(event));
    }
    if (!event.contactId || !open.has(event.contactId)) return;
    if (event.type === 'contact.accepted') {
      const waited = (event.waitedMs ?? 0) / 1000;
      stats.answered++;
      stats.answeredWaitSeconds += waited * speed;
      if (waited * speed <= options.serviceLevelSeconds) stats.answeredWithinThreshold++;
    } else if (event.type === 'contact.ended') {
      const createdAt = open.get(event.contactId) ?? Date.now();
      open.delete(event.contactId);
      if (event.outcome === 'handled') stats.handled++;
      else if (event.outcome?.startsWith('abandoned')) {
        stats.abandoned++;
        const waited = (instantOf(event) - createdAt) / 1000;
        if (waited * speed <= options.serviceLevelSeconds) stats.abandonedWithinThreshold++;
      }
    }
  });

  const behaviour: AgentBehaviour = {
    ahtSeconds: options.ahtSeconds,
    wrapUpSeconds: options.wrapUpSeconds,
    answerSeconds: { min: 1, max: 4 },
    breakChance: options.breakChance,
    breakSeconds: 120,
    breakCode: site.breakCode,
    speed,
    greeting: 'Hello, thanks for waiting. How can I help?',
  };
  const agents = site.agents.map((a) => new VirtualAgent(a.id, a.client, behaviour, random, recordError));
  await Promise.all(agents.map((agent) => agent.start()));

  const customerBehaviour = {
    patienceSeconds: options.patienceSeconds,
    speed,
    opening: 'Hi, I have a question about my order.',
    onAgentMessage: () => {
      stats.messages++;
    },
  };
  const customers = new Set<VirtualCustomer>();
  const endAt = Date.now() + (options.durationSeconds * 1000) / speed;
  let arrivalTimer: ReturnType<typeof setTimeout> | undefined;
  const arrive = (n: number) => {
    // The first customer comes at once, so that a run shows something from its first second.
    const gapSeconds = n === 1 ? 0 : random.exponential(60 / options.arrivalsPerMinute);
    arrivalTimer = setTimeout(
      () => {
        if (Date.now() >= endAt || options.signal?.aborted) return;
        const csqId = site.csqIds[Math.floor(random.uniform() * site.csqIds.length)] as string;
        const customer = new VirtualCustomer(admin, customerBehaviour, random, recordError);
        customers.add(customer);
        void customer.ended.then(() => customers.delete(customer));
        customer.start(csqId, callType, `Customer ${n}`).catch((error) => {
          customers.delete(customer);
          recordError(error);
        });
        arrive(n + 1);
      },
      (gapSeconds * 1000) / speed,
    );
  };
  arrive(1);

  const started = Date.now();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      options.onProgress?.(Math.min(options.durationSeconds, ((Date.now() - started) / 1000) * speed), stats);
      if (Date.now() >= endAt || options.signal?.aborted) {
        clearInterval(tick);
        resolve();
      }
    }, 250);
  });
  clearTimeout(arrivalTimer);
  const summary = {
    ...stats,
    inFlightAtEnd: open.size,
    // Contacts still in progress have no known fate: they stay out of the service level.
    serviceLevel: serviceLevel(
      {
        offered: stats.answered + stats.abandoned,
        answeredWithinThreshold: stats.answeredWithinThreshold,
        abandoned: stats.abandoned,
        abandonedWithinThreshold: stats.abandonedWithinThreshold,
        dequeued: 0,
      },
      options.abandonRule,
    ),
    asaSeconds: stats.answered === 0 ? null : stats.answeredWaitSeconds / stats.answered,
  };
  // The customers still waiting or chatting close their chats.
  await Promise.all([...customers].map((customer) => customer.leave()));
  await Promise.all(agents.map((agent) => agent.stop()));
  observer.close();
  return { ...summary, errors: stats.errors };
}

const instantOf = (event: StreamEvent): number =>
  event.at === undefined ? Date.now() : Date.parse(event.at);

async function openObserver(admin: ApiClient, onEvent: (event: StreamEvent) => void): Promise<WebSocket> {
  const socket = admin.events();
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('message', (message) => {
      const event = JSON.parse(String(message.data)) as StreamEvent;
      if (event.type === 'hello') resolve();
      else onEvent(event);
    });
    socket.addEventListener('error', () => reject(new Error('The supervisor event stream failed.')));
  });
  return socket;
}
