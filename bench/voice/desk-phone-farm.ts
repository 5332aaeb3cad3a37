import { createHash } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { parse } from 'sdp-transform';
import sip, { type SipMessage, type SipStack } from 'sip';
import { RtpHeader, RtpPacket } from 'werift';
import { FRAME_MS, FRAME_SAMPLES, toneSource } from '../../packages/server/src/voice/audio.ts';
import { freeUdpPort } from '../../packages/server/src/voice/testing/free-port.ts';

/** The benchmark's desk phones listen here: neither the server's address nor sipp's. */
const FIRST_ADDRESS = 3;
/** Phones per source address: each registers with two requests, within the server's allowance per address. */
const PHONES_PER_ADDRESS = 40;
/** 20 ms of a 400 Hz tone in μ-law, what every phone says. */
const FRAME = toneSource(400).next() ?? Buffer.alloc(FRAME_SAMPLES, 0xff);

export interface DeskPhoneCredentials {
  sipUsername: string;
  password: string;
  realm: string;
}

/** When a call rang a phone, found by its caller's number (the INVITE's From). */
export interface RingSeen {
  ani: string;
  rangAt: number;
}

interface Talk {
  socket: Socket;
  remote: { address: string; port: number };
  header: { ssrc: number; sequenceNumber: number; timestamp: number };
}

/**
 * The agents' desk phones of the voice benchmark, in this process: SIP stacks on a few loopback addresses, each
 * registering its phones with digest authentication, answering every INVITE at once with a plain RTP socket of
 * its own, and sending PCMU from one 20 ms clock until the server's BYE.
 */
export class DeskPhoneFarm {
  readonly #stacks: SipStack[] = [];
  readonly #talks = new Map<string, Talk>();
  readonly #rang: (ring: RingSeen) => void;
  #clock: NodeJS.Timeout | null = null;

  private constructor(rang: (ring: RingSeen) => void) {
    this.#rang = rang;
  }

  /** Registers each phone at the server; resolves once all are registered. */
  static async register(
    server: { address: string; port: number },
    phones: DeskPhoneCredentials[],
    rang: (ring: RingSeen) => void,
  ): Promise<DeskPhoneFarm> {
    const farm = new DeskPhoneFarm(rang);
    for (let first = 0; first < phones.length; first += PHONES_PER_ADDRESS) {
      const address = `127.0.0.${FIRST_ADDRESS + first / PHONES_PER_ADDRESS}`;
      const port = await freeUdpPort(address);
      const stack = sip.create({ address, port, udp: true, tcp: false }, (request) => farm.#request(request));
      farm.#stacks.push(stack);
      const group = phones.slice(first, first + PHONES_PER_ADDRESS);
      await Promise.all(
        group.map((phone, i) => register(stack, server, phone, `sip:p${first + i}@${address}:${port}`)),
      );
    }
    farm.#clock = setInterval(() => farm.#speak(), FRAME_MS);
    return farm;
  }

  close(): void {
    if (this.#clock) clearInterval(this.#clock);
    for (const talk of this.#talks.values()) talk.socket.close();
    this.#talks.clear();
    for (const stack of this.#stacks) stack.destroy();
  }

  #request(request: SipMessage): void {
    const stack = this.#stacks[0];
    if (!stack) return;
    const callId = request.headers['call-id'];
    if (request.method === 'INVITE' && request.headers.to.params.tag === undefined) {
      this.#rang({ ani: sip.parseUri(request.headers.from.uri)?.user ?? '', rangAt: Date.now() });
      void this.#pickUp(stack, request);
      return;
    }
    if (request.method === 'BYE' || request.method === 'CANCEL') {
      stack.send(sip.makeResponse(request, 200, 'OK'));
      this.#talks.get(callId)?.socket.close();
      this.#talks.delete(callId);
      return;
    }
    if (request.method !== 'ACK') stack.send(sip.makeResponse(request, 405, 'Method Not Allowed'));
  }

  async #pickUp(stack: SipStack, invite: SipMessage): Promise<void> {
    const offer = parse(invite.content ?? '');
    const media = offer.media[0];
    const address = media?.connection?.ip ?? offer.connection?.ip;
    if (!media || !address) {
      stack.send(sip.makeResponse(invite, 488, 'Not Acceptable Here'));
      return;
    }
    const socket = createSocket('udp4');
    const local = sip.parseUri(invite.uri ?? '')?.host ?? '127.0.0.3';
    await new Promise<void>((resolve) => socket.bind(0, local, resolve));
    socket.on('message', () => {});
    const header = { ssrc: Math.floor(Math.random() * 2 ** 32), sequenceNumber: 0, timestamp: 0 };
    this.#talks.set(invite.headers['call-id'], { socket, remote: { address, port: media.port }, header });
    const port = socket.address().port;
    stack.send(
      sip.makeResponse(invite, 200, 'OK', {
        headers: {
          to: { ...invite.headers.to, params: { ...invite.headers.to.params, tag: 'farm' } },
          contact: [{ uri: invite.uri ?? '' }],
          'content-type': 'application/sdp',
        },
        content: [
          'v=0',
          `o=farm ${Date.now()} 1 IN IP4 ${local}`,
          's=bench',
          `c=IN IP4 ${local}`,
          't=0 0',
          `m=audio ${port} RTP/AVP 0`,
          'a=rtpmap:0 PCMU/8000',
          'a=sendrecv',
          '',
        ].join('\r\n'),
      }),
    );
  }

  #speak(): void {
    for (const talk of this.#talks.values()) {
      const { header } = talk;
      header.sequenceNumber = (header.sequenceNumber + 1) & 0xffff;
      header.timestamp = (header.timestamp + 160) >>> 0;
      const packet = new RtpPacket(new RtpHeader({ payloadType: 0, ...header }), FRAME);
      talk.socket.send(packet.serialize(), talk.remote.port, talk.remote.address);
    }
  }
}

/** REGISTER, then again with the digest the server's challenge asks for (MD5, qop=auth). */
async function register(
  stack: SipStack,
  server: { address: string; port: number },
  phone: DeskPhoneCredentials,
  contact: string,
): Promise<void> {
  const uri = `sip:${server.address}:${server.port}`;
  const request = (seq: number, authorization?: object): SipMessage => ({
    method: 'REGISTER',
    uri,
    headers: {
      via: [],
      to: { uri: `sip:${phone.sipUsername}@${server.address}`, params: {} },
      from: { uri: `sip:${phone.sipUsername}@${server.address}`, params: { tag: 'reg' } },
      'call-id': `${phone.sipUsername}-registration`,
      cseq: { method: 'REGISTER', seq },
      contact: [{ uri: contact, params: {} }],
      expires: '3600',
      'max-forwards': 70,
      ...(authorization ? { authorization: [authorization] } : {}),
    },
  });
  const send = (message: SipMessage) =>
    new Promise<SipMessage>((resolve) =>
      stack.send(message, (response) => {
        if ((response.status ?? 0) >= 200) resolve(response);
      }),
    );
  const challenge = await send(request(1));
  const asked = (challenge.headers['www-authenticate'] as Record<string, string>[] | undefined)?.[0];
  const nonce = asked?.nonce?.replaceAll('"', '');
  if (challenge.status !== 401 || !nonce) throw new Error(`${phone.sipUsername}: ${challenge.status}`);
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const ha1 = md5(`${phone.sipUsername}:${phone.realm}:${phone.password}`);
  const cnonce = md5(String(Math.random())).slice(0, 16);
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${md5(`REGISTER:${uri}`)}`);
  const registered = await send(
    request(2, {
      scheme: 'Digest',
      username: `"${phone.sipUsername}"`,
      realm: `"${phone.realm}"`,
      nonce: `"${nonce}"`,
      uri: `"${uri}"`,
      qop: 'auth',
      nc: '00000001',
      cnonce: `"${cnonce}"`,
      response: `"${response}"`,
      algorithm: 'MD5',
    }),
  );
  if (registered.status !== 200)
    throw new Error(`${phone.sipUsername} did not register: ${registered.status}`);
}
