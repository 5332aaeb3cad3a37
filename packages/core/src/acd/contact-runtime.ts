import type { IndexedHeap } from './heap.ts';
import type { Channel, ContactStatus, Direction } from './model.ts';
import type { QueuedTimer } from './timer-queue.ts';

export const TIMER_KINDS = ['no_answer', 'join', 'inactivity', 'sticky', 'wrap_up', 'invite'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/** One of a contact's deadlines; made the first time it is set and reused (see TimerQueue). */
export interface Timer extends QueuedTimer {
  kind: TimerKind;
  /** Null once the contact has ended. */
  contact: ContactRuntime | null;
}

/** A contact as the router holds it. While it waits it is a node of exactly one line: its CSQ's or an agent's. */
export interface ContactRuntime {
  id: string;
  channel: Channel;
  /** Inbound: the customer reached the center; outbound: an agent placed the call (never queued). */
  direction: Direction;
  csqId: string;
  callType: string;
  priority: number;
  status: ContactStatus;
  /** Creation order: the final tie-breaker of queue order. */
  seq: number;
  /** When the contact entered its current queue: order and service level count from here. */
  queuedAt: number;
  /** When the contact first entered the system: its total wait counts from here. */
  createdAt: number;
  agentId: string | null;
  acceptedAt: number | null;
  wrapUpAt: number | null;
  /** Agents it must not be offered to again (those who requeued it). */
  excluded: ReadonlySet<string>;
  stickyAgentId: string | null;
  /** The line it waits in, and its slot there; priority, queuedAt and seq stay fixed while it waits. */
  line: IndexedHeap<ContactRuntime> | null;
  heapIndex: number;
  /** Each deadline kind, once it has been set (a timer out of the heap is cancelled or fired). */
  timers: Record<TimerKind, Timer | null>;
  joinTimeoutSent: boolean;
  held: boolean;
  endedBy: string | null;
  /** Group chat: agents who joined besides the owner (`agentId`), in the order they joined. */
  guests: Guest[];
  /** Group chat: the invitation ringing now, if any. */
  invite: Invite | null;
  /** Agents who declined an invitation into this chat since the last one who accepted; not invited again. */
  decliners: string[];
}

export interface Guest {
  agentId: string;
  joinedAt: number;
}

export interface Invite {
  agentId: string;
  inviterId: string;
  csqId: string;
  /** What the inviter wrote for the invitee alone; never in an event. */
  notes: string | null;
  at: number;
  deadline: number;
}

/** Queue order: higher priority first, then the one waiting longest, then the one created first. */
export function queuedBefore(
  a: Pick<ContactRuntime, 'priority' | 'queuedAt' | 'seq'>,
  b: Pick<ContactRuntime, 'priority' | 'queuedAt' | 'seq'>,
): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt;
  return a.seq < b.seq;
}

const NO_ONE: ReadonlySet<string> = new Set();

/** A fresh contact waiting in its CSQ; creation and recovery both start from here. */
export function newContactRuntime(
  fields: Pick<ContactRuntime, 'id' | 'channel' | 'csqId' | 'callType' | 'priority'>,
  seq: number,
  at: number,
): ContactRuntime {
  return {
    id: fields.id,
    channel: fields.channel,
    direction: 'inbound',
    csqId: fields.csqId,
    callType: fields.callType,
    priority: fields.priority,
    status: 'queued',
    seq,
    queuedAt: at,
    createdAt: at,
    agentId: null,
    acceptedAt: null,
    wrapUpAt: null,
    // Shared until someone is excluded; `exclude` gives the contact a set of its own.
    excluded: NO_ONE,
    stickyAgentId: null,
    line: null,
    heapIndex: -1,
    timers: { no_answer: null, join: null, inactivity: null, sticky: null, wrap_up: null, invite: null },
    joinTimeoutSent: false,
    held: false,
    endedBy: null,
    guests: [],
    invite: null,
    decliners: [],
  };
}

/** Never offer this contact to the agent again. */
export function exclude(contact: ContactRuntime, agentIds: Iterable<string>): void {
  const own = new Set(contact.excluded);
  for (const id of agentIds) own.add(id);
  contact.excluded = own;
}
