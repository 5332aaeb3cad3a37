import type { AcdEvent, Cause, ContactEvent } from '../acd/events.ts';
import type { Channel, Outcome } from '../acd/model.ts';

/**
 * Detail records, folded from a contact's events: one **leg** per stay in a CSQ (the unit of contact metrics) and
 * one **segment** per offer of the contact to an agent (the unit of agent metrics and the agent detail report).
 */

/** How a leg finished: the contact's outcome, or handed on to another CSQ. Null while it is open. */
export type LegOutcome = Outcome | 'transferred' | 'requeued';

export interface ContactLeg {
  contactId: string;
  /** 0 for the stay the contact began in, then 1, 2… after each transfer or requeue to a CSQ. */
  leg: number;
  channel: Channel;
  csqId: string;
  /** The call type when the leg began (changes while it waits are taken up). */
  callType: string;
  /** `group` once another agent joined the chat in this leg. */
  chatType: 'normal' | 'group';
  /** The CSQ of the leg before, for a transfer or requeue. */
  fromCsqId: string | null;
  enteredAt: number;
  firstOfferedAt: number | null;
  answeredAt: number | null;
  /** Who first accepted it in this leg. */
  agentId: string | null;
  endedAt: number | null;
  outcome: LegOutcome | null;
  /** When the handling of an answered leg was over: its last wrap-up ended, or it was handed on. */
  handleEndedAt: number | null;
  offers: number;
  /** Offers that timed out (ring on no answer). */
  noAnswers: number;
  ringMs: number;
  talkMs: number;
  holdMs: number;
  wrapMs: number;
  transfersOut: number;
}

/** How an agent's part in a contact ended. Null while it goes on. */
export type SegmentOutcome =
  | 'handled'
  | 'transferred'
  /** Sent back to a queue while answered: requeued to a CSQ, or the agent signed out holding it. */
  | 'requeued'
  | 'no_answer'
  | 'rejected'
  | 'withdrawn'
  | 'abandoned'
  | 'declined';

export interface AgentSegment {
  contactId: string;
  agentId: string;
  /** Order of the agent's parts in this contact: 0, 1… */
  seq: number;
  leg: number;
  channel: Channel;
  csqId: string;
  callType: string;
  /** `group` for a guest invited into a chat, and for the owner of a chat someone joined. */
  chatType: 'normal' | 'group';
  role: 'owner' | 'guest';
  /** The CSQ the contact was routed from (the leg before), when transferred or requeued. */
  fromCsqId: string | null;
  offeredAt: number;
  answeredAt: number | null;
  /** The end of the conversation for this agent: wrap-up began, transfer, left the group, or offer over. */
  talkEndedAt: number | null;
  wrapUpEndedAt: number | null;
  outcome: SegmentOutcome | null;
  ringMs: number;
  holdMs: number;
  wrapReasons: string[];
}

export interface DetailRecords {
  legs: ContactLeg[];
  segments: AgentSegment[];
}

interface OpenSegment {
  record: AgentSegment;
  holdSince: number | null;
  /**
   * Since when this agent's talk counts into the leg: their answer, or for a guest who came to own the chat,
   * when the owner left (before that the owner's talk covered the same time).
   */
  legTalkFrom: number | null;
}

interface ContactFold {
  channel: Channel;
  callType: string;
  legs: ContactLeg[];
  current: ContactLeg | null;
  segments: Map<string, OpenSegment>;
  seqByAgent: Map<string, number>;
}

/** Causes of `contact.queued` that begin a new leg; any other puts the same leg back in line. */
const NEW_LEG_CAUSES: ReadonlySet<Cause | null> = new Set([null, 'transferred', 'requeued']);

const WITHDRAWN: Partial<Record<Cause, SegmentOutcome>> = {
  no_answer: 'no_answer',
  rejected: 'rejected',
  customer: 'abandoned',
};

/**
 * Folds contact events as they come, each contact's from its `contact.created` on and in the order they happened:
 * the records it makes are handed to `onLeg`/`onSegment` when they begin, and filled in as the contact goes on.
 * A contact is forgotten once it ends; events of a contact whose creation it did not see are skipped.
 */
export class DetailRecordFold {
  readonly #contacts = new Map<string, ContactFold>();
  readonly #legs: { push(leg: ContactLeg): void };
  readonly #segments: { push(segment: AgentSegment): void };

  constructor(onLeg: (leg: ContactLeg) => void, onSegment: (segment: AgentSegment) => void = () => {}) {
    this.#legs = { push: onLeg };
    this.#segments = { push: onSegment };
  }

  apply(event: AcdEvent): void {
    if (event.type === 'contact.created') {
      this.#contacts.set(event.contactId, {
        channel: event.channel,
        callType: event.callType,
        legs: [],
        current: null,
        segments: new Map(),
        seqByAgent: new Map(),
      });
      return;
    }
    if (event.type === 'agent.state_changed') return;
    const contact = this.#contacts.get(event.contactId);
    if (!contact) return;
    apply(contact, event, this.#legs, this.#segments);
    if (event.type === 'contact.ended') this.#contacts.delete(event.contactId);
  }
}

/**
 * Folds the events of contacts, each contact's from its `contact.created` on and in the order they happened, into
 * their detail records. A contact whose creation is not among the events is skipped, as are agents' events.
 */
export function detailRecordsOf(events: Iterable<AcdEvent>): DetailRecords {
  const legs: ContactLeg[] = [];
  const segments: AgentSegment[] = [];
  const fold = new DetailRecordFold(
    (leg) => legs.push(leg),
    (segment) => segments.push(segment),
  );
  for (const event of events) fold.apply(event);
  return { legs, segments };
}

function apply(
  contact: ContactFold,
  event: ContactEvent,
  legs: { push(leg: ContactLeg): void },
  segments: { push(segment: AgentSegment): void },
): void {
  const leg = contact.current;
  switch (event.type) {
    case 'contact.queued': {
      // Requeued or signed out of: whoever still had it answered is done with it (no event of their own says so).
      for (const [agentId, open] of contact.segments) {
        if (open.record.answeredAt === null) continue;
        endTalk(open, event.at, leg);
        open.record.outcome = 'requeued';
        contact.segments.delete(agentId);
      }
      if (!NEW_LEG_CAUSES.has(event.cause)) return;
      if (leg && leg.endedAt === null) {
        closeLeg(leg, event.at, event.cause === 'requeued' ? 'requeued' : 'transferred');
        if (leg.answeredAt !== null) leg.handleEndedAt ??= event.at;
      }
      const next: ContactLeg = {
        contactId: event.contactId,
        leg: contact.legs.length,
        channel: contact.channel,
        csqId: event.csqId,
        callType: contact.callType,
        chatType: 'normal',
        fromCsqId: leg?.csqId ?? null,
        enteredAt: event.at,
        firstOfferedAt: null,
        answeredAt: null,
        agentId: null,
        endedAt: null,
        outcome: null,
        handleEndedAt: null,
        offers: 0,
        noAnswers: 0,
        ringMs: 0,
        talkMs: 0,
        holdMs: 0,
        wrapMs: 0,
        transfersOut: 0,
      };
      contact.legs.push(next);
      legs.push(next);
      contact.current = next;
      return;
    }
    case 'contact.call_type_changed':
      contact.callType = event.callType;
      if (leg && leg.answeredAt === null) leg.callType = event.callType;
      return;
    case 'contact.offered':
    case 'contact.invited': {
      if (!leg) return;
      const guest = event.type === 'contact.invited';
      if (!guest) {
        leg.offers++;
        leg.firstOfferedAt ??= event.at;
      }
      const seq = contact.seqByAgent.get(event.agentId) ?? 0;
      contact.seqByAgent.set(event.agentId, seq + 1);
      const record: AgentSegment = {
        contactId: event.contactId,
        agentId: event.agentId,
        seq,
        leg: leg.leg,
        channel: contact.channel,
        csqId: event.csqId,
        callType: contact.callType,
        chatType: guest ? 'group' : leg.chatType,
        role: guest ? 'guest' : 'owner',
        fromCsqId: leg.fromCsqId,
        offeredAt: event.at,
        answeredAt: null,
        talkEndedAt: null,
        wrapUpEndedAt: null,
        outcome: null,
        ringMs: 0,
        holdMs: 0,
        wrapReasons: [],
      };
      contact.segments.set(event.agentId, { record, holdSince: null, legTalkFrom: null });
      segments.push(record);
      return;
    }
    case 'contact.offer_withdrawn':
    case 'contact.invite_ended': {
      const open = contact.segments.get(event.agentId);
      if (!open || open.record.answeredAt !== null) return;
      const ring = event.at - open.record.offeredAt;
      open.record.ringMs = ring;
      open.record.talkEndedAt = event.at;
      open.record.outcome =
        event.type === 'contact.invite_ended' && event.cause === 'rejected'
          ? 'declined'
          : (WITHDRAWN[event.cause] ?? 'withdrawn');
      contact.segments.delete(event.agentId);
      if (leg && open.record.role === 'owner') {
        leg.ringMs += ring;
        if (event.cause === 'no_answer') leg.noAnswers++;
      }
      return;
    }
    case 'contact.accepted':
    case 'contact.participant_joined': {
      const open = contact.segments.get(event.agentId);
      if (!open) return;
      open.record.answeredAt = event.at;
      open.record.ringMs = event.at - open.record.offeredAt;
      if (!leg) return;
      if (event.type === 'contact.participant_joined') {
        leg.chatType = 'group';
        for (const other of contact.segments.values()) other.record.chatType = 'group';
        return;
      }
      leg.ringMs += open.record.ringMs;
      open.legTalkFrom = event.at;
      if (leg.answeredAt === null) {
        leg.answeredAt = event.at;
        leg.agentId = event.agentId;
      }
      return;
    }
    case 'contact.held': {
      const open = contact.segments.get(event.agentId);
      if (open && open.holdSince === null) open.holdSince = event.at;
      return;
    }
    case 'contact.resumed': {
      const open = contact.segments.get(event.agentId);
      if (open) endHold(open, event.at);
      return;
    }
    case 'contact.transferred': {
      const open = contact.segments.get(event.fromAgentId);
      if (open) {
        endTalk(open, event.at, leg);
        open.record.outcome = 'transferred';
        contact.segments.delete(event.fromAgentId);
      }
      if (!leg) return;
      leg.transfersOut++;
      if (event.toCsqId !== null) {
        closeLeg(leg, event.at, 'transferred');
        leg.handleEndedAt = leg.answeredAt === null ? null : event.at;
      }
      return;
    }
    case 'contact.participant_left': {
      const open = contact.segments.get(event.agentId);
      if (!open) return;
      endTalk(open, event.at, leg);
      // The owner leaving hands the chat to the guest; the leaver is done with it.
      open.record.outcome = 'handled';
      open.record.wrapUpEndedAt = event.at;
      contact.segments.delete(event.agentId);
      const next = event.ownerId === null ? undefined : contact.segments.get(event.ownerId);
      if (next && next.record.role === 'guest') {
        next.record.role = 'owner';
        next.legTalkFrom = event.at;
      }
      return;
    }
    case 'contact.wrap_up_started': {
      const open = contact.segments.get(event.agentId);
      if (open) endTalk(open, event.at, leg);
      return;
    }
    case 'contact.wrap_up_ended': {
      const open = contact.segments.get(event.agentId);
      if (!open) return;
      const talkEnded = open.record.talkEndedAt ?? event.at;
      open.record.wrapUpEndedAt = event.at;
      open.record.outcome = 'handled';
      open.record.wrapReasons = event.reasons;
      contact.segments.delete(event.agentId);
      if (leg) {
        leg.wrapMs += event.at - talkEnded;
        leg.handleEndedAt = event.at;
      }
      return;
    }
    case 'contact.ended': {
      for (const [agentId, open] of contact.segments) {
        if (open.record.answeredAt === null) {
          open.record.outcome = event.outcome === 'handled' ? 'withdrawn' : 'abandoned';
          open.record.ringMs = event.at - open.record.offeredAt;
          if (leg && open.record.role === 'owner') leg.ringMs += open.record.ringMs;
        } else {
          endTalk(open, event.at, leg);
          // Ended without its wrap-up ending (the agent signed out in wrap-up): the wrap-up ran until now.
          if (open.record.wrapUpEndedAt === null && leg && open.record.role === 'owner')
            leg.wrapMs += event.at - (open.record.talkEndedAt ?? event.at);
          open.record.outcome ??= 'handled';
          open.record.wrapUpEndedAt ??= event.at;
        }
        open.record.talkEndedAt ??= event.at;
        contact.segments.delete(agentId);
      }
      if (leg && leg.endedAt === null) {
        closeLeg(leg, event.at, event.outcome);
        if (leg.answeredAt !== null) leg.handleEndedAt ??= event.at;
      }
      return;
    }
    default:
      return;
  }
}

function closeLeg(leg: ContactLeg, at: number, outcome: LegOutcome): void {
  leg.endedAt = at;
  leg.outcome = outcome;
}

function endHold(open: OpenSegment, at: number): void {
  if (open.holdSince === null) return;
  open.record.holdMs += at - open.holdSince;
  open.holdSince = null;
}

/** The conversation is over for this agent: hold and talk are counted into the leg. */
function endTalk(open: OpenSegment, at: number, leg: ContactLeg | null): void {
  if (open.record.talkEndedAt !== null) return;
  endHold(open, at);
  open.record.talkEndedAt = at;
  if (!leg || open.legTalkFrom === null || open.record.role !== 'owner') return;
  leg.talkMs += at - open.legTalkFrom - open.record.holdMs;
  leg.holdMs += open.record.holdMs;
}
