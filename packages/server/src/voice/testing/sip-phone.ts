import { createSocket, type Socket } from 'node:dgram';
import { DTMF_KEYS, type DtmfKey } from '@switchboard/core';
import { parse } from 'sdp-transform';
import sip, { type SipMessage, type SipStack } from 'sip';
import { RtpPacket } from 'werift';
import { PCMU_PAYLOAD_TYPE } from '../audio.ts';
import { freeUdpPort } from './free-port.ts';
import { PhoneAudio } from './phone-audio.ts';

const TELEPHONE_EVENTS = 101;

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
  #dialog: { invite: SipMessage; ok: SipMessage; cseq: number } | null = null;
  readonly #byes: (() => void)[] = [];
  /** The server hung up on this phone. */
  hungUpOn = false;

  private constructor(stack: { port: number }, rtp: Socket) {
    super((packet) => {
      if (this.#remote) rtp.send(packet.serialize(), this.#remote.port, this.#remote.address);
    });
    this.#port = stack.port;
    this.#rtp = rtp;
    rtp.on('message', (message) => {
      const packet = RtpPacket.deSerialize(message);
      if (packet.header.payloadType === PCMU_PAYLOAD_TYPE) this.heard(packet.payload);
    });
    this.#stack = sip.create({ address: PHONE_ADDRESS, port: stack.port, udp: true, tcp: false }, (request) =>
      this.#request(request),
    );
  }

  static async open(): Promise<SipPhone> {
    const rtp = createSocket('udp4');
    await new Promise<void>((resolve) => rtp.bind(0, '127.0.0.1', resolve));
    return new SipPhone({ port: await freeUdpPort(PHONE_ADDRESS) }, rtp);
  }

  /** The SDP offer this phone makes: PCMU and telephone events on its RTP socket. */
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
        contact: [{ uri: `sip:phone@${PHONE_ADDRESS}:${this.#port}`, params: {} }],
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
          this.#dialog = { invite, ok: response, cseq: 1 };
          this.#stack.send(this.#inDialog('ACK', 1));
          const audio = parse(response.content ?? '');
          const media = audio.media[0];
          const address = media?.connection?.ip ?? audio.connection?.ip;
          if (media && address) this.#remote = { address, port: media.port };
        }
        resolve(response);
      });
    });
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
      uri: dialog.ok.headers.contact?.[0]?.uri ?? dialog.invite.uri ?? '',
      headers: {
        via: [],
        to: dialog.ok.headers.to,
        from: dialog.invite.headers.from,
        'call-id': dialog.invite.headers['call-id'],
        cseq: { method, seq },
        'max-forwards': 70,
      },
    };
  }

  #request(request: SipMessage): void {
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
