import { ApiClient } from '@switchboard/cli/api-client';
import { seededRandom } from '../../packages/cli/src/simulate/random.ts';
import { prepareSite } from '../../packages/cli/src/simulate/setup.ts';
import { type AgentBehaviour, VirtualAgent } from '../../packages/cli/src/simulate/virtual-agent.ts';
import { ADMIN_PASSWORD } from './server.ts';

export interface LevelResult {
  agents: number;
  contacts: number;
  peak_in_flight: number;
  /** Contacts created per second while the creating requests ran (agents working at the same time). */
  created_per_s: number;
  routed: number;
  routed_per_s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  /** Requests refused because the contact had moved on (e.g. an accept after the offer rang out). */
  races: number;
  lost: number;
  duplicated: number;
  seconds: number;
  /** With side work (an export): offers made while it ran, their p99 latency, and how long it ran. */
  during?: { offers: number; p99_ms: number; seconds: number };
}

type StreamEvent = Record<string, unknown> & {
  type?: string;
  contactId?: string;
  agentId?: string;
  at?: string;
};
const offerKey = (e: StreamEvent) => `${e.contactId}@${e.at}`;
const CREATE_PARALLEL = 32;
/**
 * Chats are handled for 60–90 s, evenly: long enough that every contact of a level is in flight at once
 * while creation runs, and with no long tail, so the level drains in a few minutes.
 */
const HANDLE_SECONDS = { min: 60, max: 90 };
/** How long the agents may take to work every contact off, at most. */
const DRAIN_LIMIT_MS = 180_000;
/** An offer older than this when the run ends must have reached its agent. */
const DELIVERY_GRACE_MS = 2_000;

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);

/** Contacts still open after the drain limit are errors; their histories say where they stopped. */
async function reportUnfinished(admin: ApiClient, open: Set<string>, agents: VirtualAgent[]): Promise<void> {
  for (const id of [...open].slice(0, 5)) {
    const events = await admin.request<StreamEvent[]>('GET', `/contacts/${id}/events`);
    const steps = events.map((e) => `${e.at?.slice(11, 23)} ${e.type}${e.agentId ? ` ${e.agentId}` : ''}`);
    const mine = agents.flatMap((agent) =>
      agent.progress.has(id) ? [`${agent.id}: ${agent.progress.get(id)}`] : [],
    );
    console.error(
      `  contact ${id} did not end: ${steps.join(' → ')}; virtual agents' progress: ${mine.join(', ') || 'none'}`,
    );
  }
}

/**
 * One load level against a running server: `agents` virtual agents on WebSockets; `contacts` chats created as
 * fast as 32 parallel requests allow, so that they are all in flight at once; the agents answer, handle (60–90
 * s) and wrap up until every contact has ended. Every offer the supervisor stream reports must reach the
 * agent it names exactly once; delivery latency is the agent's receipt time minus the event's time.
 */
export async function runLevel(
  url: string,
  agentCount: number,
  contactCount: number,
  /**
   * Work run beside the load (an export): the contacts are created once it calls `running`; it may resolve
   * with the time it really ran (its job's start and finish), else its own call's span counts.
   */
  sideWork?: (admin: ApiClient, running: () => void) => Promise<{ from: number; to: number } | undefined>,
): Promise<LevelResult> {
  const admin = await ApiClient.signIn(url, 'demo', 'admin', ADMIN_PASSWORD);
  const site = await prepareSite(admin, 'demo', agentCount);
  const observed = new Map<string, string>();
  const delivered = new Map<string, Map<string, number>>();
  const latencies: number[] = [];
  /** Offers' event times and latencies, to pick those made while the side work ran. */
  const timed: { at: number; ms: number }[] = [];
  const open = new Set<string>();
  let created = 0;
  let peak = 0;
  let errors = 0;
  let races = 0;
  let firstOffer = 0;
  let lastOffer = 0;
  let drained: () => void = () => {};

  const observer = admin.events();
  await new Promise<void>((resolve) => {
    observer.addEventListener('message', (message) => {
      const event = JSON.parse(String(message.data)) as StreamEvent;
      if (event.type === 'hello') resolve();
      if (event.type === 'contact.offered' && event.agentId) {
        observed.set(offerKey(event), event.agentId);
        lastOffer = Date.now();
        firstOffer ||= lastOffer;
      } else if (event.type === 'contact.ended' && event.contactId && open.delete(event.contactId)) {
        if (open.size === 0 && created === contactCount) drained();
      }
    });
  });
  const behaviour: AgentBehaviour = {
    ahtSeconds: 75,
    handleSeconds: HANDLE_SECONDS,
    wrapUpSeconds: 0.5,
    answerSeconds: { min: 0.1, max: 0.5 },
    breakChance: 0,
    breakSeconds: 0,
    breakCode: null,
    speed: 1,
    onRace: (error) => {
      if (races++ < 5) console.error(`  race: ${error instanceof Error ? error.message : String(error)}`);
    },
    observe: (event: StreamEvent, receivedAt) => {
      if (
        event.type !== 'contact.offered' ||
        typeof event.agentId !== 'string' ||
        typeof event.at !== 'string'
      )
        return;
      latencies.push(receivedAt - Date.parse(event.at));
      timed.push({ at: Date.parse(event.at), ms: receivedAt - Date.parse(event.at) });
      const mine = delivered.get(event.agentId) ?? new Map<string, number>();
      mine.set(offerKey(event), (mine.get(offerKey(event)) ?? 0) + 1);
      delivered.set(event.agentId, mine);
    },
  };
  const random = seededRandom(agentCount);
  const failed = (error: unknown) => {
    if (errors++ < 5) console.error(`  error: ${error instanceof Error ? error.message : String(error)}`);
  };
  const agents = site.agents.map((a) => new VirtualAgent(a.id, a.client, behaviour, random, failed));
  await Promise.all(agents.map((agent) => agent.start()));

  let sideRunning: () => void = () => {};
  const sideStarted = new Promise<void>((resolve) => {
    sideRunning = resolve;
  });
  const side = sideWork
    ? (async () => {
        const from = Date.now();
        const ran = await sideWork(admin, sideRunning).finally(sideRunning);
        return ran ?? { from, to: Date.now() };
      })()
    : null;
  if (side) await sideStarted;

  const started = Date.now();
  const allEnded = new Promise<void>((resolve) => {
    drained = resolve;
  });
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < contactCount; n = next++) {
      try {
        const contact = await admin.request<{ id: string }>('POST', '/contacts', {
          channel: 'chat',
          csqId: site.csqIds[0],
          callType: 'Load',
          priority: 5,
        });
        open.add(contact.id);
        created++;
        peak = Math.max(peak, open.size);
      } catch {
        errors++;
        created++;
      }
    }
  };
  await Promise.all(Array.from({ length: CREATE_PARALLEL }, worker));
  const createSeconds = (Date.now() - started) / 1000;
  const sideWindow = await side;
  const limit = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_LIMIT_MS).unref());
  if (open.size > 0) await Promise.race([allEnded, limit]);
  const seconds = (Date.now() - started) / 1000;
  // Offers made as the agents sign out may find their stream already closed: only earlier ones are checked.
  const checkedUntil = Date.now() - DELIVERY_GRACE_MS;
  await reportUnfinished(admin, open, agents);
  await Promise.all(agents.map((agent) => agent.stop()));
  observer.close();

  let lost = 0;
  let duplicated = 0;
  for (const [key, agentId] of observed) {
    if (Date.parse(key.slice(key.indexOf('@') + 1)) > checkedUntil) continue;
    const times = delivered.get(agentId)?.get(key) ?? 0;
    if (times === 0) lost++;
    if (times > 1) duplicated += times - 1;
  }
  const sorted = latencies.sort((a, b) => a - b);
  const during = sideWindow
    ? timed
        .filter((offer) => offer.at >= sideWindow.from && offer.at <= sideWindow.to)
        .map((offer) => offer.ms)
        .sort((a, b) => a - b)
    : null;
  const routed = observed.size;
  return {
    agents: agentCount,
    contacts: contactCount,
    peak_in_flight: peak,
    created_per_s: Math.round(contactCount / Math.max(0.001, createSeconds)),
    routed,
    routed_per_s: Math.round(routed / Math.max(0.001, (lastOffer - firstOffer) / 1000)),
    p50_ms: percentile(sorted, 0.5),
    p99_ms: percentile(sorted, 0.99),
    max_ms: sorted.at(-1) ?? 0,
    errors: errors + open.size,
    races,
    lost,
    duplicated,
    seconds: Math.round(seconds),
    ...(during && sideWindow
      ? {
          during: {
            offers: during.length,
            p99_ms: percentile(during, 0.99),
            seconds: Number(((sideWindow.to - sideWindow.from) / 1000).toFixed(1)),
          },
        }
      : {}),
  };
}
