import type { AcdEvent, Cause } from '../acd/events.ts';

/** What the customer sees of their chat: waiting (queued or being offered), with an agent, or over. */
export type CustomerChatStatus = 'queued' | 'active' | 'ended';
/** Who wrote a message; what no one typed (an agent joined, the chat ended) is a notice, not a message. */
export type ChatSender = 'customer' | 'agent';
export type ChatEndedBy = 'customer' | 'agent' | 'inactivity' | 'system';

export interface ChatMessage {
  seq: number;
  from: ChatSender;
  /** The agent's alias for an agent's message; null otherwise. */
  alias: string | null;
  text: string;
  at: number;
}

/** The frames the customer's stream sends (see docs/chat.md for the wire form). */
export type CustomerFrame =
  | { type: 'hello'; status: CustomerChatStatus; alias: string | null }
  | ({ type: 'message' } & ChatMessage)
  | { type: 'typing'; typing: boolean }
  | { type: 'agent_joined'; alias: string }
  | { type: 'agent_left'; alias: string }
  | { type: 'join_timeout' }
  /** While waiting: the place in the CSQ's line (1 = next) and, when the CSQ has history, the expected wait. */
  | { type: 'queue'; position: number; expectedWaitSeconds: number | null }
  | { type: 'ended'; by: ChatEndedBy };

export const endedByOf = (cause: Cause | null): ChatEndedBy =>
  cause === 'customer' || cause === 'agent' || cause === 'inactivity' ? cause : 'system';

/**
 * The customer's side of one chat, kept by each customer connection: turns the router's events for the
 * contact into what the customer is told. Offers, rings and declines stay behind the scenes; the customer
 * hears that an agent joined, that they left (transfer, requeue, sign-out), that no one has joined yet (join
 * timeout), and that the chat is over.
 */
export class CustomerView {
  readonly contactId: string;
  #status: CustomerChatStatus;
  #agentId: string | null;
  readonly #aliasOf: (agentId: string) => string;

  constructor(
    contactId: string,
    initial: { status: CustomerChatStatus; agentId: string | null },
    aliasOf: (agentId: string) => string,
  ) {
    this.contactId = contactId;
    this.#status = initial.status;
    this.#agentId = initial.status === 'active' ? initial.agentId : null;
    this.#aliasOf = aliasOf;
  }

  get status(): CustomerChatStatus {
    return this.#status;
  }

  hello(): CustomerFrame {
    return {
      type: 'hello',
      status: this.#status,
      alias: this.#agentId === null ? null : this.#aliasOf(this.#agentId),
    };
  }

  apply(event: AcdEvent): CustomerFrame[] {
    if (event.type === 'agent.state_changed' || event.contactId !== this.contactId) return [];
    if (this.#status === 'ended') return [];
    switch (event.type) {
      case 'contact.accepted':
        // Already told (the connection started after the router moved on, before the event came).
        if (this.#status === 'active' && this.#agentId === event.agentId) return [];
        this.#status = 'active';
        this.#agentId = event.agentId;
        return [{ type: 'agent_joined', alias: this.#aliasOf(event.agentId) }];
      case 'contact.queued':
      case 'contact.transferred':
        return this.#agentLeft();
      case 'contact.participant_joined':
        return [{ type: 'agent_joined', alias: this.#aliasOf(event.agentId) }];
      case 'contact.participant_left':
        if (event.ownerId !== null) this.#agentId = event.ownerId;
        return [{ type: 'agent_left', alias: this.#aliasOf(event.agentId) }];
      case 'contact.join_timeout':
        return [{ type: 'join_timeout' }];
      case 'contact.wrap_up_started':
        return this.#ended(endedByOf(event.endedBy));
      case 'contact.ended':
        return this.#ended(endedByOf(event.endedBy));
      default:
        return [];
    }
  }

  #agentLeft(): CustomerFrame[] {
    const agentId = this.#agentId;
    this.#status = 'queued';
    this.#agentId = null;
    return agentId === null ? [] : [{ type: 'agent_left', alias: this.#aliasOf(agentId) }];
  }

  #ended(by: ChatEndedBy): CustomerFrame[] {
    this.#status = 'ended';
    this.#agentId = null;
    return [{ type: 'ended', by }];
  }
}
