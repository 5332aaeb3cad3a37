import type { Channel, ContactStatus } from './model.ts';

export type TimerKind = 'no_answer' | 'join' | 'inactivity' | 'sticky' | 'wrap_up';

/** A contact as the router holds it. */
export interface ContactRuntime {
  id: string;
  channel: Channel;
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
  excluded: Set<string>;
  stickyAgentId: string | null;
  /** Bumped on every queue entry; a queue entry whose token differs is stale. */
  queueToken: number;
  timers: Record<TimerKind, number>;
  joinTimeoutSent: boolean;
  held: boolean;
  endedBy: string | null;
}

/** A contact's place in a queue, with its ordering keys frozen so the heap never sees them change. */
export interface QueueEntry {
  contact: ContactRuntime;
  token: number;
  priority: number;
  queuedAt: number;
  seq: number;
}

export const queueEntry = (contact: ContactRuntime): QueueEntry => ({
  contact,
  token: contact.queueToken,
  priority: contact.priority,
  queuedAt: contact.queuedAt,
  seq: contact.seq,
});

/** Queue order: higher priority first, then the one waiting longest, then the one created first. */
export function entryBefore(a: QueueEntry, b: QueueEntry): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt;
  return a.seq < b.seq;
}

/** Still waiting where this entry says (nothing has moved, offered or ended the contact since). */
export const isLive = (entry: QueueEntry): boolean =>
  entry.contact.status === 'queued' && entry.token === entry.contact.queueToken;

/** A fresh contact waiting in its CSQ; creation and recovery both start from here. */
export function newContactRuntime(
  fields: Pick<ContactRuntime, 'id' | 'channel' | 'csqId' | 'callType' | 'priority'>,
  seq: number,
  at: number,
): ContactRuntime {
  return {
    id: fields.id,
    channel: fields.channel,
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
    excluded: new Set(),
    stickyAgentId: null,
    queueToken: 0,
    timers: { no_answer: 0, join: 0, inactivity: 0, sticky: 0, wrap_up: 0 },
    joinTimeoutSent: false,
    held: false,
    endedBy: null,
  };
}
