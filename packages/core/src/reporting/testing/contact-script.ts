import type { Cause, ContactEvent } from '../../acd/events.ts';
import type { Channel, Outcome } from '../../acd/model.ts';

/** 09:00:00 UTC on Monday 2 March 2026: the fixtures' times are seconds after it. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const at = (seconds: number): number => T0 + Math.round(seconds * 1000);

/**
 * Writes one contact's events by hand, in the order the engine would emit them, with times in seconds after
 * `T0`. Each method appends and returns the script, so a fixture reads as the contact's story.
 *
 * @example contact('c1').arrives(0).offered(5, 'ann').accepted(8, 'ann').wrapUp(68, 'ann').wrapUpEnded(80, 'ann')
 */
export class ContactScript {
  readonly events: ContactEvent[] = [];
  readonly #id: string;
  readonly #channel: Channel;
  #csqId: string;

  constructor(id: string, channel: Channel, csqId: string) {
    this.#id = id;
    this.#channel = channel;
    this.#csqId = csqId;
  }

  #push(event: ContactEvent): this {
    this.events.push(event);
    return this;
  }

  /** Created and queued in its CSQ. */
  arrives(seconds: number, callType = 'general'): this {
    const base = { at: at(seconds), contactId: this.#id, csqId: this.#csqId };
    this.#push({ ...base, type: 'contact.created', channel: this.#channel, callType, priority: 5 });
    return this.#push({ ...base, type: 'contact.queued', stickyAgentId: null, cause: null });
  }

  queued(seconds: number, cause: Cause | null, csqId = this.#csqId): this {
    this.#csqId = csqId;
    return this.#push({
      type: 'contact.queued',
      at: at(seconds),
      contactId: this.#id,
      csqId,
      stickyAgentId: null,
      cause,
    });
  }

  offered(seconds: number, agentId: string): this {
    return this.#push({
      type: 'contact.offered',
      at: at(seconds),
      contactId: this.#id,
      csqId: this.#csqId,
      agentId,
      deadline: null,
    });
  }

  accepted(seconds: number, agentId: string): this {
    return this.#push({
      type: 'contact.accepted',
      at: at(seconds),
      contactId: this.#id,
      csqId: this.#csqId,
      agentId,
      waitedMs: 0,
    });
  }

  /** The offer ends unanswered: `no_answer` (RONA), `rejected`, `customer` (left while it rang), `logout`. */
  withdrawn(seconds: number, agentId: string, cause: Cause): this {
    return this.#push({
      type: 'contact.offer_withdrawn',
      at: at(seconds),
      contactId: this.#id,
      agentId,
      cause,
    });
  }

  held(seconds: number, agentId: string): this {
    return this.#push({ type: 'contact.held', at: at(seconds), contactId: this.#id, agentId });
  }

  resumed(seconds: number, agentId: string): this {
    return this.#push({ type: 'contact.resumed', at: at(seconds), contactId: this.#id, agentId });
  }

  callTypeChanged(seconds: number, callType: string): this {
    return this.#push({ type: 'contact.call_type_changed', at: at(seconds), contactId: this.#id, callType });
  }

  /** To a CSQ (then queued there, a new leg) or to an agent (then offered to them, the same leg). */
  transferred(seconds: number, fromAgentId: string, to: { csqId: string } | { agentId: string }): this {
    const toCsqId = 'csqId' in to ? to.csqId : null;
    const toAgentId = 'agentId' in to ? to.agentId : null;
    this.#push({
      type: 'contact.transferred',
      at: at(seconds),
      contactId: this.#id,
      fromAgentId,
      toCsqId,
      toAgentId,
      note: null,
    });
    if (toCsqId !== null) return this.queued(seconds, 'transferred', toCsqId);
    return this.offered(seconds, toAgentId as string);
  }

  invited(seconds: number, agentId: string, inviterId: string, csqId: string): this {
    return this.#push({
      type: 'contact.invited',
      at: at(seconds),
      contactId: this.#id,
      csqId,
      agentId,
      inviterId,
      deadline: at(seconds + 30),
    });
  }

  inviteEnded(seconds: number, agentId: string, inviterId: string, cause: Cause): this {
    return this.#push({
      type: 'contact.invite_ended',
      at: at(seconds),
      contactId: this.#id,
      agentId,
      inviterId,
      cause,
    });
  }

  joined(seconds: number, agentId: string, inviterId: string, csqId: string): this {
    return this.#push({
      type: 'contact.participant_joined',
      at: at(seconds),
      contactId: this.#id,
      csqId,
      agentId,
      inviterId,
    });
  }

  left(seconds: number, agentId: string, ownerId: string | null): this {
    return this.#push({
      type: 'contact.participant_left',
      at: at(seconds),
      contactId: this.#id,
      agentId,
      cause: 'agent',
      ownerId,
    });
  }

  wrapUp(seconds: number, agentId: string, endedBy: Cause = 'agent'): this {
    return this.#push({
      type: 'contact.wrap_up_started',
      at: at(seconds),
      contactId: this.#id,
      agentId,
      endedBy,
    });
  }

  /** Wrap-up ends, and with it the contact (handled). */
  wrapUpEnded(seconds: number, agentId: string, reasons: string[] = []): this {
    this.#push({ type: 'contact.wrap_up_ended', at: at(seconds), contactId: this.#id, agentId, reasons });
    return this.ended(seconds, 'handled', agentId);
  }

  ended(seconds: number, outcome: Outcome, agentId: string | null = null): this {
    const endedBy: Cause = outcome === 'dequeued' ? 'system' : outcome === 'handled' ? 'agent' : 'customer';
    return this.#push({
      type: 'contact.ended',
      at: at(seconds),
      contactId: this.#id,
      outcome,
      endedBy,
      agentId,
    });
  }
}

export const contact = (id: string, channel: Channel = 'voice', csqId = 'sales'): ContactScript =>
  new ContactScript(id, channel, csqId);

/** The events of several contacts in time order (each contact's own order kept). */
export function eventsOf(...scripts: ContactScript[]): ContactEvent[] {
  return scripts.flatMap((script) => script.events).sort((a, b) => a.at - b.at);
}
