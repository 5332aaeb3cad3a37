import { randomUUID } from 'node:crypto';
import type { AcdEvent, AgentState, Cause, ContactEvent } from '@switchboard/core';
import { type HeapNode, IndexedHeap } from '../../packages/core/src/acd/heap.ts';
import {
  arrivalMinute,
  type Center,
  type Csq,
  contactsOfDay,
  seeded,
  TRANSFER_SHARE,
  VOICE_AGENTS,
} from './center.ts';

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;

/** One `contact_events` row, as the router's `eventRow` writes it (short keys: it travels as JSON). */
export interface EventRow {
  c: string;
  t: string;
  a: number;
  g: string | null;
  q: string | null;
  d: Record<string, unknown>;
}
/** One `agent_state_trace` row. */
export interface TraceRow {
  g: string;
  m: 'voice' | 'digital';
  s: AgentState;
  p: AgentState;
  r: number | null;
  u: Cause | null;
  a: number;
}
/** One ended `contacts` row. */
export interface ContactRow {
  id: string;
  ch: string;
  q: string;
  ct: string;
  seq: number;
  cr: number;
  qu: number;
  g: string | null;
  ac: number | null;
  wu: number | null;
  o: string;
  eb: string;
  en: number;
}

export interface Day {
  events: EventRow[];
  trace: TraceRow[];
  contacts: ContactRow[];
  legs: number;
}

/** Mirrors acd-store's `eventRow`: everything but type, time and contact goes to `data`. */
function rowOf(event: ContactEvent): EventRow {
  const { type, at, contactId, ...data } = event;
  return {
    c: contactId,
    t: type,
    a: at,
    g: 'agentId' in data ? (data.agentId as string | null) : null,
    q: 'csqId' in data ? (data.csqId as string | null) : null,
    d: data,
  };
}

interface Agent extends HeapNode {
  id: string;
  domain: 'voice' | 'digital';
  freeAt: number;
  shiftEnd: number;
  breaks: { at: number; ms: number; code: number }[];
}

interface Arrival extends HeapNode {
  at: number;
  contactId: string;
  csq: Csq;
  leg: number;
  createdAt: number;
  callType: string;
}

/**
 * One day of the center, as the router would have written it: contacts arrive on the intraday shape, wait for
 * the agent of their channel who is free first (agents hold one contact at a time), abandon when their
 * patience runs out, ring, talk (some hold), sometimes transfer to another CSQ of the channel, wrap up. Agents
 * work 8-hour shifts with a 15-minute break and a 30-minute lunch (Not Ready with reason codes 1 and 2).
 */
export function simulateDay(
  center: Center,
  dayStart: number,
  weekday: number,
  seed: number,
  seq: number,
): Day {
  const random = seeded(seed);
  const between = (min: number, max: number) => min + random() * (max - min);
  const events: ContactEvent[] = [];
  const trace: TraceRow[] = [];
  const contacts: ContactRow[] = [];
  let legs = 0;
  const state = (
    agent: Agent,
    at: number,
    s: AgentState,
    p: AgentState,
    cause: Cause | null,
    r = null as number | null,
  ) => trace.push({ g: agent.id, m: agent.domain, s, p, r, u: cause, a: at });

  const pools = {
    voice: new IndexedHeap<Agent>((a, b) => a.freeAt < b.freeAt),
    digital: new IndexedHeap<Agent>((a, b) => a.freeAt < b.freeAt),
  };
  center.agentIds.forEach((id, i) => {
    if (random() > 0.85) return;
    const domain = i < VOICE_AGENTS ? 'voice' : 'digital';
    const start = dayStart + 7 * HOUR + Math.floor(random() * 25) * 15 * MIN;
    const agent: Agent = {
      heapIndex: -1,
      id,
      domain,
      freeAt: start,
      shiftEnd: start + 8 * HOUR,
      breaks: [
        { at: start + 2 * HOUR + Math.round(between(0, 30 * MIN)), ms: 15 * MIN, code: 1 },
        { at: start + 4 * HOUR + Math.round(between(0, 30 * MIN)), ms: 30 * MIN, code: 2 },
      ],
    };
    state(agent, start, 'ready', 'logged_out', 'agent');
    pools[domain].push(agent);
  });

  const takeBreak = (agent: Agent) => {
    const pause = agent.breaks.shift() as Agent['breaks'][number];
    const from = Math.max(agent.freeAt, pause.at);
    state(agent, from, 'not_ready', 'ready', 'agent', pause.code);
    state(agent, from + pause.ms, 'ready', 'not_ready', 'agent');
    agent.freeAt = from + pause.ms;
  };
  const logOut = (agent: Agent) => {
    while (agent.breaks.length > 0 && (agent.breaks[0]?.at ?? Infinity) < agent.shiftEnd) takeBreak(agent);
    state(agent, Math.max(agent.freeAt, agent.shiftEnd), 'logged_out', 'ready', 'agent');
  };
  /** The agent of the pool free first who is on shift at `at` or later; null when all have gone home. */
  const nextAgent = (pool: IndexedHeap<Agent>, at: number): Agent | null => {
    for (;;) {
      const agent = pool.pop();
      if (!agent) return null;
      const start = Math.max(at, agent.freeAt);
      if (start >= agent.shiftEnd) {
        logOut(agent);
        continue;
      }
      if (agent.breaks.length > 0 && (agent.breaks[0]?.at ?? Infinity) <= start) {
        takeBreak(agent);
        pool.push(agent);
        continue;
      }
      return agent;
    }
  };

  const count = contactsOfDay(weekday, random);
  const weights = center.csqs.map((csq) => csq.weight);
  const pickCsq = () => {
    let x = random();
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x <= 0) return center.csqs[i] as Csq;
    }
    return center.csqs.at(-1) as Csq;
  };
  const arrivals: Arrival[] = [];
  for (let n = 0; n < count; n++) {
    const at = dayStart + Math.round(arrivalMinute(random) * MIN);
    const csq = pickCsq();
    const callType = csq.callTypes[random() < 0.8 ? 0 : 1] as string;
    arrivals.push({ heapIndex: -1, at, contactId: randomUUID(), csq, leg: 0, createdAt: at, callType });
  }
  arrivals.sort((a, b) => a.at - b.at);
  const transfers = new IndexedHeap<Arrival>((a, b) => a.at < b.at);

  const serve = (arrival: Arrival) => {
    const { at, contactId, csq } = arrival;
    legs++;
    if (arrival.leg === 0) {
      events.push({
        type: 'contact.created',
        at,
        contactId,
        channel: csq.channel,
        csqId: csq.id,
        callType: arrival.callType,
        priority: 5,
      });
      events.push({ type: 'contact.queued', at, contactId, csqId: csq.id, stickyAgentId: null, cause: null });
    }
    const voice = csq.channel === 'voice';
    const pool = pools[voice ? 'voice' : 'digital'];
    const patience = -Math.log(1 - random()) * (voice ? 100 * S : 240 * S);
    const agent = nextAgent(pool, at);
    const start = agent ? Math.max(at, agent.freeAt) : Infinity;
    const contact: ContactRow = {
      id: contactId,
      ch: csq.channel,
      q: csq.id,
      ct: arrival.callType,
      seq: seq++,
      cr: arrival.createdAt,
      qu: at,
      g: null,
      ac: null,
      wu: null,
      o: 'abandoned',
      eb: 'customer',
      en: 0,
    };
    contacts.push(contact);
    if (!agent || start - at > patience) {
      if (agent) pool.push(agent);
      contact.en = at + Math.round(patience);
      events.push({
        type: 'contact.ended',
        at: contact.en,
        contactId,
        outcome: 'abandoned',
        endedBy: 'customer',
        agentId: null,
      });
      return;
    }
    contact.g = agent.id;
    events.push({
      type: 'contact.offered',
      at: start,
      contactId,
      csqId: csq.id,
      agentId: agent.id,
      deadline: start + (voice ? 15 : 30) * S,
    });
    state(agent, start, 'reserved', 'ready', null);
    const ring = Math.round(voice ? between(2 * S, 8 * S) : between(1 * S, 12 * S));
    if (random() < 0.01) {
      const gone = start + Math.round(ring / 2);
      events.push({
        type: 'contact.offer_withdrawn',
        at: gone,
        contactId,
        agentId: agent.id,
        cause: 'customer',
      });
      events.push({
        type: 'contact.ended',
        at: gone,
        contactId,
        outcome: 'abandoned_while_offered',
        endedBy: 'customer',
        agentId: agent.id,
      });
      state(agent, gone, 'ready', 'reserved', 'customer');
      contact.o = 'abandoned_while_offered';
      contact.en = gone;
      agent.freeAt = gone;
      pool.push(agent);
      return;
    }
    const accepted = start + ring;
    contact.ac = accepted;
    events.push({
      type: 'contact.accepted',
      at: accepted,
      contactId,
      csqId: csq.id,
      agentId: agent.id,
      waitedMs: accepted - arrival.createdAt,
    });
    state(agent, accepted, 'active', 'reserved', null);
    let talk = Math.round(-Math.log(1 - random()) * (voice ? 200 * S : 360 * S) + 30 * S);
    if (voice && random() < 0.15) {
      const held = accepted + Math.round(talk * 0.4);
      const hold = Math.round(between(20 * S, 90 * S));
      events.push({ type: 'contact.held', at: held, contactId, agentId: agent.id });
      events.push({ type: 'contact.resumed', at: held + hold, contactId, agentId: agent.id });
      talk += hold;
    }
    const talkEnd = accepted + talk;
    if (arrival.leg === 0 && random() < TRANSFER_SHARE) {
      const others = voice ? center.voice : center.chat;
      const to = others[
        (others.indexOf(csq) + 1 + Math.floor(random() * (others.length - 1))) % others.length
      ] as Csq;
      events.push({
        type: 'contact.transferred',
        at: talkEnd,
        contactId,
        fromAgentId: agent.id,
        toCsqId: to.id,
        toAgentId: null,
        note: null,
      });
      events.push({
        type: 'contact.queued',
        at: talkEnd,
        contactId,
        csqId: to.id,
        stickyAgentId: null,
        cause: 'transferred',
      });
      state(agent, talkEnd, 'ready', 'active', 'transferred');
      agent.freeAt = talkEnd;
      pool.push(agent);
      contacts.pop();
      transfers.push({ ...arrival, heapIndex: -1, at: talkEnd, csq: to, leg: 1 });
      return;
    }
    const endedBy: Cause = random() < 0.5 ? 'customer' : 'agent';
    events.push({ type: 'contact.wrap_up_started', at: talkEnd, contactId, agentId: agent.id, endedBy });
    state(agent, talkEnd, 'work', 'active', endedBy);
    const wrapEnd = talkEnd + Math.round(voice ? between(5 * S, 60 * S) : between(3 * S, 30 * S));
    events.push({ type: 'contact.wrap_up_ended', at: wrapEnd, contactId, agentId: agent.id, reasons: [] });
    events.push({
      type: 'contact.ended',
      at: wrapEnd,
      contactId,
      outcome: 'handled',
      endedBy,
      agentId: agent.id,
    });
    state(agent, wrapEnd, 'ready', 'work', 'agent');
    Object.assign(contact, { wu: talkEnd, o: 'handled', eb: endedBy, en: wrapEnd });
    agent.freeAt = wrapEnd;
    pool.push(agent);
  };

  let next = 0;
  while (next < arrivals.length || transfers.size > 0) {
    const waiting = transfers.peek();
    if (waiting && (next >= arrivals.length || waiting.at <= (arrivals[next] as Arrival).at)) {
      serve(transfers.pop() as Arrival);
    } else serve(arrivals[next++] as Arrival);
  }
  for (const pool of Object.values(pools))
    for (let agent = pool.pop(); agent; agent = pool.pop()) logOut(agent);

  // The router writes in the order things happen; a contact's own events keep their order (the sort is stable).
  const rows = events.map(rowOf).sort((a, b) => a.a - b.a);
  trace.sort((a, b) => a.a - b.a);
  return { events: rows, trace, contacts, legs };
}

export type { AcdEvent };
