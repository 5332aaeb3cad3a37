import sip, { type NameAddr, type SipMessage, type SipStack } from 'sip';
import digest from 'sip/digest.js';
import type { MediaEngine } from '../media/media-engine.ts';

/** What becomes of a call Switchboard places: told once each, in this order (answered or refused, then hung up). */
export interface PlacedCallEvents {
  /**
   * The far end sends audio before it answers (a 183 with SDP: the carrier's ring tone or announcements); the
   * leg takes it from now on. Unless told, early audio is not taken.
   */
  earlyMedia?(): void;
  /** The far end answered; its SDP is on the leg already. Throwing (the call is unwanted now) hangs up. */
  answered(): Promise<void>;
  /** The far end refused (a final status of 300 or more), or its answer had no usable audio. */
  refused(status: number, reason: string): Promise<void>;
  /** The far end hung up after answering (its leg is hung up here either way). */
  hungUp?(): Promise<void>;
}

/** What a far end's digest challenge (RFC 3261 22.2) is answered with. */
export interface DigestCredentials {
  username: string;
  password: string;
}

export interface PlacedCall {
  /** The media engine's plain RTP leg whose offer the INVITE carries. */
  legId: string;
  offerSdp: string;
  uri: string;
  to: NameAddr;
  from: NameAddr;
  /** More headers of the INVITE (P-Asserted-Identity). */
  headers?: Record<string, unknown>;
  /** Given up (CANCEL, then refused with 408) when not answered within this; unless told, the far end decides. */
  ringMs?: number;
  /** A challenge (401, 407) is answered once with these; without them it is a refusal. */
  credentials?: DigestCredentials;
}

/** A call placed, until it ends. */
export interface PlacedLine {
  readonly legId: string;
  /** Whether the far end answered. */
  readonly answered: boolean;
  readonly over: boolean;
}

interface Line extends PlacedLine {
  call: PlacedCall;
  events: PlacedCallEvents;
  invite: SipMessage;
  /** The far end's side of the dialog once it answered. */
  remote: NameAddr | null;
  target: string;
  cseq: number;
  answered: boolean;
  over: boolean;
  ringTimer: NodeJS.Timeout | null;
  /** The far end's SDP was taken from an early (183) response. */
  early: boolean;
  /** The INVITE was sent again with credentials: a second challenge is a refusal. */
  challenged: boolean;
  /** What signed the INVITE, to sign the call's BYE with (its ACK carries the INVITE's own credentials). */
  signer: { context: object; credentials: { user: string; password: string } } | null;
}

/** The algorithms `sip`'s digest answers with: a challenge offering only others (SHA-256) cannot be answered. */
const ANSWERABLE = new Set(['', 'md5', 'md5-sess']);
const unquoted = (value: unknown) => String(value ?? '').replace(/^"|"$/g, '');

/**
 * Calls Switchboard places over SIP (to agents' desk phones, out through a trunk), as a user agent client on the
 * npm `sip` stack: an INVITE with the media engine's RTP offer, its answer applied to the leg, the ACK (again for
 * a repeated 2xx), the far end's BYE. When the leg ends here, the far end gets a CANCEL while it rings, a BYE once
 * answered.
 */
export class PlacedCalls {
  readonly #deps: { media: MediaEngine; stack: () => SipStack; contact: string };
  readonly #byLeg = new Map<string, Line>();
  readonly #byCallId = new Map<string, Line>();

  constructor(deps: { media: MediaEngine; stack: () => SipStack; contact: string }) {
    this.#deps = deps;
    deps.media.onLegEnded((legId) => {
      const line = this.#byLeg.get(legId);
      if (line) this.end(line);
    });
  }

  place(call: PlacedCall, events: PlacedCallEvents): PlacedLine {
    const invite: SipMessage = {
      method: 'INVITE',
      uri: call.uri,
      headers: {
        via: [],
        to: call.to,
        from: call.from,
        'call-id': crypto.randomUUID(),
        cseq: { method: 'INVITE', seq: 1 },
        contact: [{ uri: this.#deps.contact, params: {} }],
        'content-type': 'application/sdp',
        'max-forwards': 70,
        ...call.headers,
      },
      content: call.offerSdp,
    };
    const line: Line = {
      legId: call.legId,
      call,
      events,
      invite,
      remote: null,
      target: call.uri,
      cseq: 1,
      answered: false,
      over: false,
      ringTimer: null,
      early: false,
      challenged: false,
      signer: null,
    };
    this.#byLeg.set(call.legId, line);
    this.#byCallId.set(invite.headers['call-id'], line);
    if (!this.#invite(line)) return line;
    if (call.ringMs !== undefined) {
      line.ringTimer = setTimeout(() => {
        if (line.answered || line.over) return;
        this.#cancel(line);
        void this.#refused(line, 408, 'Request Timeout');
      }, call.ringMs);
      line.ringTimer.unref();
    }
    return line;
  }

  /** Ends the call from this side: CANCEL while it rings, BYE once answered; its leg is hung up. */
  end(placed: PlacedLine): void {
    const line = this.#byLeg.get(placed.legId);
    if (!line || line.over) return;
    if (line.answered) this.#send('BYE', line, ++line.cseq);
    else this.#cancel(line);
    this.#forget(line);
    void this.#deps.media.hangUp(line.legId);
  }

  /** A request inside one of these calls (the far end's BYE); false when it is not one of them. */
  received(request: SipMessage): boolean {
    const line = this.#byCallId.get(request.headers['call-id']);
    if (!line) return false;
    const respond = (status: number, reason: string) =>
      this.#deps.stack().send(sip.makeResponse(request, status, reason));
    if (request.method === 'BYE') {
      respond(200, 'OK');
      if (!line.over) {
        this.#forget(line);
        void this.#deps.media.hangUp(line.legId);
        void line.events.hungUp?.();
      }
    } else if (request.method !== 'ACK') respond(request.method === 'INVITE' ? 488 : 405, 'Not Here');
    return true;
  }

  /** Sends the line's INVITE; false when the stack cannot (no route to the address): then the call is refused. */
  #invite(line: Line): boolean {
    try {
      this.#deps.stack().send(line.invite, (response) => void this.#responded(line, response));
      return true;
    } catch {
      // Refused once the caller has the line.
      queueMicrotask(() => void this.#refused(line, 503, 'Service Unavailable'));
      return false;
    }
  }

  /**
   * Answers the far end's digest challenge: the INVITE again in the same dialog, with the next CSeq and the
   * credentials' response (the stack acknowledges the challenge itself). False when there is nothing to answer it
   * with, or it was answered already.
   */
  #authenticate(line: Line, challenge: SipMessage): boolean {
    const credentials = line.call.credentials;
    if (!credentials || line.challenged) return false;
    line.challenged = true;
    // Only the challenges the library can answer are given to it: it would sign the first one whatever it asks.
    const header = challenge.status === 407 ? 'proxy-authenticate' : 'www-authenticate';
    const offered = (challenge.headers[header] ?? []) as { scheme?: unknown; algorithm?: unknown }[];
    const answerable = offered.filter(
      (offer) =>
        String(offer.scheme).toLowerCase() === 'digest' &&
        ANSWERABLE.has(unquoted(offer.algorithm).toLowerCase()),
    );
    if (answerable.length === 0) return false;
    const seq = line.invite.headers.cseq.seq + 1;
    const invite: SipMessage = {
      ...line.invite,
      headers: { ...line.invite.headers, via: [], cseq: { method: 'INVITE', seq } },
    };
    const signer = {
      context: {},
      credentials: { user: credentials.username, password: credentials.password },
    };
    try {
      digest.signRequest(
        signer.context,
        invite,
        { ...challenge, headers: { ...challenge.headers, [header]: answerable } },
        signer.credentials,
      );
    } catch {
      // A challenge the library cannot answer (a protection it does not offer).
      return false;
    }
    line.invite = invite;
    line.cseq = seq;
    line.signer = signer;
    this.#invite(line);
    return true;
  }

  async #responded(line: Line, response: SipMessage): Promise<void> {
    const status = response.status ?? 0;
    if ((status === 401 || status === 407) && !line.over && this.#authenticate(line, response)) return;
    if (status < 200) {
      if (line.over || status === 100) return;
      if (response.content && line.events.earlyMedia && !line.early)
        await this.#early(line, response.content);
      return;
    }
    if (status >= 300) {
      if (!line.over) await this.#refused(line, status, response.reason ?? '');
      return;
    }
    const again = line.remote !== null;
    line.remote = response.headers.to;
    line.target = response.headers.contact?.[0]?.uri ?? line.target;
    this.#send('ACK', line, line.invite.headers.cseq.seq);
    // A 2xx sent again (the ACK was lost) is acknowledged again, and nothing more.
    if (again) return;
    if (line.over) {
      // Ended here while the answer was on its way: the far end is told at once.
      this.#send('BYE', line, ++line.cseq);
      return;
    }
    line.answered = true;
    if (line.ringTimer) clearTimeout(line.ringTimer);
    try {
      // The answer of the early dialog stands for the whole call (RFC 3261 13.2.1): it is not taken again.
      if (!line.early) await this.#deps.media.acceptRtpAnswer(line.legId, response.content ?? '');
    } catch {
      this.#send('BYE', line, ++line.cseq);
      await this.#refused(line, 488, 'Not Acceptable Here');
      return;
    }
    try {
      await line.events.answered();
    } catch {
      this.end(line);
    }
  }

  async #early(line: Line, sdp: string): Promise<void> {
    line.early = true;
    try {
      await this.#deps.media.acceptRtpAnswer(line.legId, sdp);
      line.events.earlyMedia?.();
    } catch {
      // Early audio that cannot be taken is left out; the final answer's is taken instead.
      line.early = false;
    }
  }

  /** Told first, then the leg hung up: whoever follows the leg learns of its end after the refusal. */
  async #refused(line: Line, status: number, reason: string): Promise<void> {
    this.#forget(line);
    try {
      await line.events.refused(status, reason);
    } finally {
      await this.#deps.media.hangUp(line.legId);
    }
  }

  #cancel(line: Line): void {
    const { invite } = line;
    this.#deps.stack().send({
      method: 'CANCEL',
      uri: invite.uri,
      headers: {
        via: invite.headers.via.slice(0, 1),
        to: invite.headers.to,
        from: invite.headers.from,
        'call-id': invite.headers['call-id'],
        cseq: { method: 'CANCEL', seq: invite.headers.cseq.seq },
        'max-forwards': 70,
      },
    });
  }

  #send(method: 'ACK' | 'BYE', line: Line, seq: number): void {
    const { invite } = line;
    const request: SipMessage = {
      method,
      uri: line.target,
      headers: {
        via: [],
        to: line.remote ?? invite.headers.to,
        from: invite.headers.from,
        'call-id': invite.headers['call-id'],
        cseq: { method, seq },
        'max-forwards': 70,
      },
    };
    // The ACK of an answer carries the INVITE's credentials (RFC 3261 13.2.2.4); a BYE is signed afresh.
    if (line.signer && method === 'ACK') {
      for (const name of ['authorization', 'proxy-authorization'])
        if (invite.headers[name]) request.headers[name] = invite.headers[name];
    } else if (line.signer)
      digest.signRequest(line.signer.context, request, undefined, line.signer.credentials);
    this.#deps.stack().send(request);
  }

  #forget(line: Line): void {
    line.over = true;
    if (line.ringTimer) clearTimeout(line.ringTimer);
    this.#byLeg.delete(line.legId);
    // Kept by its Call-ID a while longer: the far end's retransmitted responses and late requests still find it.
    setTimeout(() => this.#byCallId.delete(line.invite.headers['call-id']), 32_000).unref();
  }
}

export const newTag = () => crypto.randomUUID().replaceAll('-', '').slice(0, 16);
