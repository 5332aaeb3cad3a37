import type { ApiClient } from '@switchboard/cli/api-client';
import { WebPhone } from '../../packages/server/src/voice/testing/web-phone.ts';

interface StreamEvent {
  type: string;
  contactId?: string;
  agentId?: string;
  at?: string;
}

/** When a call was offered to an agent, found by its caller's number. */
export interface OfferSeen {
  ani: string;
  offeredAt: number;
}

/**
 * An agent of the voice benchmark: Ready on voice, they answer each call offered to them at once from a WebRTC
 * phone (werift, as a browser would) unless their desk phone does, stay on it until the caller hangs up, wrap up
 * and are Ready again.
 */
export class VoiceAgent {
  readonly id: string;
  readonly #client: ApiClient;
  readonly #phones = new Map<string, WebPhone>();
  readonly #offered: (offer: OfferSeen) => void;
  readonly #failed: (error: unknown) => void;
  /** Answers offers from a WebRTC phone here; false: the agent's desk phone answers them. */
  readonly #answers: boolean;
  #socket: WebSocket | null = null;

  constructor(
    id: string,
    client: ApiClient,
    handlers: { offered: (offer: OfferSeen) => void; failed: (error: unknown) => void },
    answers = true,
  ) {
    this.id = id;
    this.#client = client;
    this.#offered = handlers.offered;
    this.#failed = handlers.failed;
    this.#answers = answers;
  }

  async start(): Promise<void> {
    const socket = this.#client.events();
    this.#socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('message', (message) => {
        const event = JSON.parse(String(message.data)) as StreamEvent;
        if (event.type === 'hello') resolve();
        if (event.agentId !== this.id || !event.contactId) return;
        if (event.type === 'contact.offered' && this.#answers)
          this.#answer(event.contactId, Date.parse(event.at ?? ''));
        else if (event.type === 'contact.wrap_up_started') this.#wrapUp(event.contactId);
      });
      socket.addEventListener('error', () => reject(new Error(`The event stream of ${this.id} failed.`)));
    });
    await this.#client.request('PUT', `/agents/${this.id}/state`, { domain: 'voice', state: 'ready' });
  }

  async stop(): Promise<void> {
    this.#socket?.close();
    for (const phone of this.#phones.values()) await phone.hangUp();
    this.#phones.clear();
  }

  #answer(contactId: string, offeredAt: number): void {
    const phone = new WebPhone();
    this.#phones.set(contactId, phone);
    (async () => {
      const answered = await this.#client.request<{
        sdp: string;
        contact: { attributes: Record<string, string> };
      }>('POST', `/contacts/${contactId}/voice/answer`, { sdp: await phone.offer() });
      await phone.connect(answered.sdp);
      this.#offered({ ani: answered.contact.attributes.ANI ?? '', offeredAt });
    })().catch((error) => {
      this.#failed(error);
      this.#hangUp(contactId);
    });
  }

  #wrapUp(contactId: string): void {
    this.#hangUp(contactId);
    this.#client
      .request('POST', `/contacts/${contactId}/wrap-up`, { reasons: [], next: { state: 'ready' } })
      .catch((error) => this.#failed(error));
  }

  #hangUp(contactId: string): void {
    const phone = this.#phones.get(contactId);
    this.#phones.delete(contactId);
    void phone?.hangUp();
  }
}
