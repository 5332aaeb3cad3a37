import { gatheredOffer } from './gathered-offer.ts';
import { backoff } from './server-answer.ts';
import type { Transport } from './session-types.ts';

export type CallStart = { ok: true; call: WebCall } | { ok: false; closed: boolean; message: string };

/**
 * A call from the page (docs/voice.md): the customer's microphone, a peer connection whose offer starts the call
 * at the widget's voice CSQ, the agent's (or the music's) audio played by `audio`. Hanging up tells the server
 * with the call's secret, and the page learns the same way when the call ends at the server; a connection that
 * fails or closes ends the call here too.
 */
export class WebCall {
  readonly #connection: RTCPeerConnection;
  readonly #microphone: MediaStream;
  readonly #transport: Transport;
  readonly #callId: string;
  readonly #token: string;
  #ended = false;
  /** Keys pressed that have not been sent yet. */
  #keys = '';
  readonly #onEnded: () => void;

  private constructor(
    parts: { connection: RTCPeerConnection; microphone: MediaStream; transport: Transport },
    started: { callId: string; token: string },
    onEnded: () => void,
  ) {
    this.#connection = parts.connection;
    this.#microphone = parts.microphone;
    this.#transport = parts.transport;
    this.#callId = started.callId;
    this.#token = started.token;
    this.#onEnded = onEnded;
    this.#connection.addEventListener('connectionstatechange', () => {
      const state = this.#connection.connectionState;
      if (state === 'connected') this.#sendKeys();
      if (state === 'failed' || state === 'closed') this.#finish();
    });
  }

  static async start(
    transport: Transport,
    widgetId: string,
    audio: HTMLAudioElement,
    onEnded: () => void,
  ): Promise<CallStart> {
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    const connection = new RTCPeerConnection();
    connection.addEventListener('track', (event) => {
      audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
    });
    for (const track of microphone.getAudioTracks()) connection.addTrack(track, microphone);
    const giveUp = (message: string, closed = false): CallStart => {
      connection.close();
      for (const track of microphone.getTracks()) track.stop();
      return { ok: false, closed, message };
    };
    try {
      const sdp = await gatheredOffer(connection);
      const answer = await transport.request(
        'POST',
        `/api/v1/public/widgets/${encodeURIComponent(widgetId)}/calls`,
        { body: { sdp } },
      );
      const body = answer.body as
        | { callId: string; sdp: string; token: string }
        | { error?: { code?: string; message?: string } };
      if (answer.status !== 201 || !('callId' in body)) {
        const error = 'error' in body ? body.error : undefined;
        return giveUp(error?.message ?? '', error?.code === 'widget_closed');
      }
      await connection.setRemoteDescription({ type: 'answer', sdp: body.sdp });
      const call = new WebCall({ connection, microphone, transport }, body, onEnded);
      void call.#watch();
      return { ok: true, call };
    } catch {
      return giveUp('');
    }
  }

  /** A key of the keypad, sent in the call's audio as an RFC 4733 telephone event (a call flow's menu hears it). */
  press(key: string): void {
    this.#keys += key;
    this.#sendKeys();
  }

  /** Keys pressed before the audio flows wait for it; those pressed while others still sound follow them. */
  #sendKeys(): void {
    const dtmf = this.#connection.getSenders().find((s) => s.track?.kind === 'audio')?.dtmf;
    if (!dtmf?.canInsertDTMF || this.#keys === '') return;
    dtmf.insertDTMF(dtmf.toneBuffer + this.#keys, 120, 70);
    this.#keys = '';
  }

  /** The customer hangs up: the server ends the call (abandoned if nobody had answered). */
  async hangUp(): Promise<void> {
    if (this.#ended) return;
    this.#finish();
    await this.#transport
      .request('POST', `/api/v1/public/calls/${encodeURIComponent(this.#callId)}/hangup`, {
        authorization: `Call ${this.#token}`,
      })
      .catch(() => undefined);
  }

  /**
   * Asks the server, one long wait after another, whether the call ended, so the page hangs up the moment the
   * agent does (the media connection alone would tell only when it times out).
   */
  async #watch(): Promise<void> {
    let attempt = 0;
    while (!this.#ended) {
      const answer = await this.#transport
        .request('POST', `/api/v1/public/calls/${encodeURIComponent(this.#callId)}/wait`, {
          authorization: `Call ${this.#token}`,
        })
        .catch(() => null);
      if (this.#ended) return;
      const ended = answer?.status === 200 && (answer.body as { ended?: unknown }).ended === true;
      if (ended || answer?.status === 404) return this.#finish();
      if (answer?.status === 200) attempt = 0;
      else await new Promise((resolve) => setTimeout(resolve, backoff(attempt++, Math.random)));
    }
  }

  #finish(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#connection.close();
    for (const track of this.#microphone.getTracks()) track.stop();
    this.#onEnded();
  }
}
