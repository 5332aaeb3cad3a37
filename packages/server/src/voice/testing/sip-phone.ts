import { createSocket, type Socket } from 'node:dgram';
import { DTMF_KEYS, type DtmfKey, KeyPresses } from '@switchboard/core';
import { parse } from 'sdp-transform';
import sip, { type NameAddr, type SipMessage, type SipStack } from 'sip';
import digest from 'sip/digest.js';
import { RtpPacket, TelephoneEventRtpPayload } from 'werift';
import { PCMU_PAYLOAD_TYPE } from '../audio.ts';
import { freeUdpPort } from './free-port.ts';
import { PhoneAudio } from './phone-audio.ts';

const TELEPHONE_EVENTS = 101;

/** A call's dialog as this phone sees it: its own side (`ours`), the server's, and where in-dialog requests go. */
interface Dialog {
  callId: string;
  ours: NameAddr;
  theirs: NameAddr;
  target: string;
  cseq: number;
}

/**
 * Where test phones listen for SIP: not the server's address, as the `sip` stack takes requests to its own address
 * for its own (it would not send them on).
 */
const PHONE_ADDRESS = '127.0.0.2';

/**
 * A SIP phone in tests, on the npm `sip` stack and a plain RTP socket: it calls a number, sends and hears PCMU,
 * presses keys as RFC 4733 events, and hangs up or is hung up on.
 */
export class SipPhone extends PhoneAudio {
  readonly #stack: SipStack;
  readonly #rtp: Socket;
  readonly #port: number;
  #remote: { address: string; port: number } | null = null;
  #dialog: Dialog | null = null;
  readonly #byes: (() => void)[] = [];
  /** INVITEs to this phone (a desk phone rung by the server) not yet answered, and who waits for the next. */
  readonly #invites: SipMessage[] = [];
  readonly #inviteWaiters: ((invite: SipMessage) => void)[] = [];
  readonly #cancelWaiters: (() => void)[] = [];
  /** What this phone registers as, for the INVITEs it gets. */
  #contactUri: string;
  /** The server hung up on this phone. */
  hungUpOn = false;
  /** The requests in calls' dialogs the server sent this phone (ACK, BYE), in order. */
  readonly inDialog: SipMessage[] = [];
  readonly #presses = new KeyPresses();
  #keysHeard = '';
  readonly #keyWaiters: (() => boolean)[] = [];
  readonly #registration = crypto.randomUUID();
  #registrationSeq = 0;

  private constructor(stack: { port: number }, rtp: Socket) {
    super((packet) => {
      if (this.#remote) rtp.send(packet.serialize(), this.#remote.port, this.#remote.address);
    });
    this.#port = stack.port;
    this.#contactUri = `sip:phone@${PHONE_ADDRESS}:${stack.port}`;
    this.#rtp = rtp;
    rtp.on('message', (message) => {
      const packet = RtpPacket.deSerialize(message);
      if (packet.header.payloadType === PCMU_PAYLOAD_TYPE) this.heard(packet.payload);
      if (packet.header.payloadType === TELEPHONE_EVENTS) this.#keyHeard(packet);
    });
    this.#stack = sip.create({ address: PHONE_ADDRESS, port: stack.port, udp: true, tcp: false }, (request) =>
      this.#request(request),
    );
  }

  /** Resolves once the keys pressed at the other end so far end with `keys`. */
  hearsKeys(keys: string): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!this.#keysHeard.endsWith(keys)) return false;
        resolve();
        return true;
      };
      if (!check()) this.#keyWaiters.push(check);
    });
  }

  #keyHeard(packet: RtpPacket): void {
    const { event } = TelephoneEventRtpPayload.deSerialize(packet.payload);
    const key = this.#presses.receive(event, packet.header.timestamp);
    if (key === null) return;
    this.#keysHeard += key;
    for (const waiter of this.#keyWaiters.splice(0)) if (!waiter()) this.#keyWaiters.push(waiter);
  }

  static async open(): Promise<SipPhone> {
    const rtp = createSocket('udp4');
    await new Promise<void>((resolve) => rtp.bind(0, '127.0.0.1', resolve));
    return new SipPhone({ port: await freeUdpPort(PHONE_ADDRESS) }, rtp);
  }

  /** The SDP offer this phone makes: PCMU and telephone events on its RTP socket. */
  /** Where this phone's SIP is: a trunk in a test is one of these phones. */
  get sipAt(): { address: string; port: number } {
    return { address: PHONE_ADDRESS, port: this.#port };
  }

  offer(): string {
    const port = this.#rtp.address().port;
    return [
      'v=0',
      `o=phone ${Date.now()} 1 IN IP4 127.0.0.1`,
      's=test',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${port} RTP/AVP 0 ${TELEPHONE_EVENTS}`,
      'a=rtpmap:0 PCMU/8000',
      `a=rtpmap:${TELEPHONE_EVENTS} telephone-event/8000`,
      `a=fmtp:${TELEPHONE_EVENTS} 0-15`,
      'a=sendrecv',
      '',
    ].join('\r\n');
  }

  /**
   * Calls `number` at the server with `invite` changed as a test wants it; resolves with the final response (on a
   * 2xx, acknowledged, with the server's audio address taken from its answer).
   */
  call(
    server: { address: string; port: number },
    number: string,
    change: (invite: SipMessage) => void = () => {},
  ): Promise<SipMessage> {
    const invite: SipMessage = {
      method: 'INVITE',
      uri: `sip:${number}@${server.address}:${server.port}`,
      headers: {
        via: [],
        to: { uri: `sip:${number}@${server.address}`, params: {} },
        from: { uri: `sip:+15557654321@${PHONE_ADDRESS}`, params: { tag: crypto.randomUUID().slice(0, 8) } },
        'call-id': crypto.randomUUID(),
        cseq: { method: 'INVITE', seq: 1 },
        contact: [{ uri: this.#contactUri, params: {} }],
        'content-type': 'application/sdp',
        'max-forwards': 70,
      },
      content: this.offer(),
    };
    change(invite);
    return new Promise((resolve) => {
      this.#stack.send(invite, (response) => {
        if ((response.status ?? 0) < 200) return;
        if ((response.status ?? 0) < 300) {
          this.#dialog = {
            callId: invite.headers['call-id'],
            ours: invite.headers.from,
            theirs: response.headers.to,
            target: response.headers.contact?.[0]?.uri ?? invite.uri ?? '',
            cseq: 1,
          };
          this.#stack.send(this.#inDialog('ACK', 1));
          this.#sendAudioTo(response.content);
        }
        resolve(response);
      });
    });
  }

  /**
   * Registers as a desk phone with `username` and `password` (answering the digest challenge), for `expires`
   * seconds; resolves with the final response.
   */
  async register(
    server: { address: string; port: number },
    credentials: { username: string; password: string },
    options: { expires?: number; change?: (register: SipMessage) => void } = {},
  ): Promise<SipMessage> {
    const request = (seq: number): SipMessage => ({
      method: 'REGISTER',
      uri: `sip:${server.address}:${server.port}`,
      headers: {
        via: [],
        to: { uri: `sip:${credentials.username}@${server.address}`, params: {} },
        from: { uri: `sip:${credentials.username}@${server.address}`, params: { tag: 'reg' } },
        'call-id': this.#registration,
        cseq: { method: 'REGISTER', seq },
        contact: [{ uri: this.#contactUri, params: {} }],
        expires: String(options.expires ?? 3600),
        'max-forwards': 70,
      },
    });
    const send = (message: SipMessage) =>
      new Promise<SipMessage>((resolve) =>
        this.#stack.send(message, (response) => {
          if ((response.status ?? 0) >= 200) resolve(response);
        }),
      );
    const first = await send(request(++this.#registrationSeq));
    if (first.status !== 401) return first;
    const signed = request(++this.#registrationSeq);
    digest.signRequest({}, signed, first, { user: credentials.username, password: credentials.password });
    options.change?.(signed);
    return send(signed);
  }

  /** The next INVITE the server sends this phone (it has answered 180 Ringing). */
  ringing(): Promise<SipMessage> {
    const waiting = this.#invites.shift();
    if (waiting) return Promise.resolve(waiting);
    return new Promise((resolve) => this.#inviteWaiters.push(resolve));
  }

  /** Picks up the call of `invite`: 200 OK with this phone's audio, sent to where the server's offer says. */
  pickUp(invite: SipMessage): void {
    const ours = { ...invite.headers.to, params: { ...invite.headers.to.params, tag: 'phone' } };
    this.#dialog = {
      callId: invite.headers['call-id'],
      ours,
      theirs: invite.headers.from,
      target: invite.headers.contact?.[0]?.uri ?? '',
      cseq: 0,
    };
    this.#sendAudioTo(invite.content);
    this.#stack.send(
      sip.makeResponse(invite, 200, 'OK', {
        headers: { to: ours, contact: [{ uri: this.#contactUri }], 'content-type': 'application/sdp' },
        content: this.offer(),
      }),
    );
  }

  /** Sends audio before answering the call of `invite`: 183 Session Progress with this phone's SDP. */
  earlyMedia(invite: SipMessage): void {
    const ours = { ...invite.headers.to, params: { ...invite.headers.to.params, tag: 'phone' } };
    this.#sendAudioTo(invite.content);
    this.#stack.send(
      sip.makeResponse(invite, 183, 'Session Progress', {
        headers: { to: ours, contact: [{ uri: this.#contactUri }], 'content-type': 'application/sdp' },
        content: this.offer(),
      }),
    );
  }

  /**
   * Asks the caller of `invite` for credentials (407 Proxy Authentication Required, as a carrier does, with a
   * digest challenge of `realm`, MD5 unless another `algorithm` is named); returns the challenge's context, which
   * checks the answer (`answers`).
   */
  challenge(invite: SipMessage, realm: string, algorithm?: string): object {
    const context = { realm };
    const response = digest.challenge(
      context,
      sip.makeResponse(invite, 407, 'Proxy Authentication Required'),
    );
    if (algorithm)
      for (const offer of response.headers['proxy-authenticate'] as { algorithm?: string }[])
        offer.algorithm = algorithm;
    this.#stack.send(response);
    return context;
  }

  /** Whether `invite` answers the challenge of `context` with these credentials. */
  answers(context: object, invite: SipMessage, credentials: { username: string; password: string }): boolean {
    return digest.authenticateRequest(context, invite, {
      user: credentials.username,
      password: credentials.password,
    });
  }

  /** Refuses the call of `invite` (486 Busy Here unless told). */
  decline(invite: SipMessage, status = 486, reason = 'Busy Here'): void {
    this.#stack.send(sip.makeResponse(invite, status, reason));
  }

  /** Resolves once the server cancels a call ringing here. */
  cancelled(): Promise<void> {
    return new Promise((resolve) => this.#cancelWaiters.push(resolve));
  }

  /** Presses keys: each sent as RFC 4733 telephone events, one after the other. */
  press(keys: string): void {
    for (const key of keys) this.sender.sendKey(DTMF_KEYS.indexOf(key as DtmfKey), TELEPHONE_EVENTS);
  }

  /** Hangs up: a BYE in the call's dialog, resolved with the response. */
  hangUp(): Promise<SipMessage> {
    this.quiet();
    const dialog = this.#dialog;
    if (!dialog) throw new Error('no call to hang up');
    return new Promise((resolve) => this.#stack.send(this.#inDialog('BYE', ++dialog.cseq), resolve));
  }

  /** Resolves once the server hangs up on this phone. */
  hungUp(): Promise<void> {
    if (this.hungUpOn) return Promise.resolve();
    return new Promise((resolve) => this.#byes.push(resolve));
  }

  close(): void {
    this.quiet();
    this.#stack.destroy();
    this.#rtp.close();
  }

  #inDialog(method: 'ACK' | 'BYE', seq: number): SipMessage {
    const dialog = this.#dialog;
    if (!dialog) throw new Error('no call');
    return {
      method,
      uri: dialog.target,
      headers: {
        via: [],
        to: dialog.theirs,
        from: dialog.ours,
        'call-id': dialog.callId,
        cseq: { method, seq },
        'max-forwards': 70,
      },
    };
  }

  #sendAudioTo(sdp: string | undefined): void {
    const audio = parse(sdp ?? '');
    const media = audio.media[0];
    const address = media?.connection?.ip ?? audio.connection?.ip;
    if (media && address) this.#remote = { address, port: media.port };
  }

  #request(request: SipMessage): void {
    if (request.method === 'INVITE' && request.headers.to.params.tag === undefined) {
      this.#stack.send(sip.makeResponse(request, 180, 'Ringing'));
      const waiter = this.#inviteWaiters.shift();
      if (waiter) waiter(request);
      else this.#invites.push(request);
      return;
    }
    if (request.method === 'CANCEL') {
      this.#stack.send(sip.makeResponse(request, 200, 'OK'));
      for (const resolve of this.#cancelWaiters.splice(0)) resolve();
      return;
    }
    if (request.method === 'ACK' || request.method === 'BYE') this.inDialog.push(request);
    if (request.method === 'BYE') {
      this.#stack.send(sip.makeResponse(request, 200, 'OK'));
      this.quiet();
      this.hungUpOn = true;
      for (const resolve of this.#byes.splice(0)) resolve();
      return;
    }
    if (request.method !== 'ACK') this.#stack.send(sip.makeResponse(request, 405, 'Method Not Allowed'));
  }
}
