import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import { DTMF_KEYS, type DtmfKey, KeyPresses } from '@switchboard/core';
import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpPacket,
  SessionDescription,
  TelephoneEventRtpPayload,
  usePCMU,
} from 'werift';
import { type AudioSource, FRAME_MS, PCMU_PAYLOAD_TYPE } from '../audio.ts';
import type { MediaEngine, MediaHandle } from './media-engine.ts';
import { PcmuSender, type RtpWriter } from './pcmu-sender.ts';
import { plainRtpAnswer, readPlainRtpOffer } from './plain-rtp.ts';
import { bindInRange, type PortRange } from './port-range.ts';

/**
 * One leg in this process, over WebRTC or plain RTP: what it sends is one RTP stream throughout, whatever it plays
 * or bridges.
 */
class Leg {
  readonly id = randomUUID();
  /** What the leg hears from the engine's clock, when it is not bridged. */
  source: AudioSource | null = null;
  /** The leg whose audio this one hears, frame by frame as it arrives. */
  peer: Leg | null = null;
  /** Called when `source` runs out. */
  finished: (() => void) | null = null;
  /** Who takes each frame this leg receives (a recording). */
  readonly listeners = new Set<(payload: Uint8Array, timestamp: number) => void>();
  /** Who takes each key pressed at the far end (a call flow). */
  readonly keyListeners = new Set<(key: DtmfKey) => void>();
  readonly presses = new KeyPresses();
  /** The payload type the far end sends telephone events with, once negotiated. */
  telephoneEvents: number | null = null;
  readonly #sender: PcmuSender;
  /** Ends the leg's transport. */
  readonly close: () => Promise<void>;

  constructor(write: RtpWriter, close: () => Promise<void>) {
    this.#sender = new PcmuSender(write);
    this.close = close;
  }

  send(payload: Buffer): void {
    this.#sender.send(payload);
  }

  pressKey(event: number, payloadType: number): void {
    this.#sender.sendKey(event, payloadType);
  }
}

/** From one key sent to the next: a 100 ms tone and a pause, as a keypad's tones are told apart. */
const KEY_SPACING_MS = 160;

/** The payload type this engine's own offers give RFC 4733 telephone events. */
const OFFERED_TELEPHONE_EVENTS = 101;

/** Keys pressed arrive as RFC 4733 telephone events, which browsers offer beside their audio. */
export const telephoneEventCodec = () =>
  new RTCRtpCodecParameters({
    mimeType: 'audio/telephone-event',
    clockRate: 8000,
    payloadType: 101,
    parameters: '0-15',
  });

/** What a WebRTC offer must have for a call here: audio in PCMU, with its ICE and DTLS parameters. */
function checkOffer(sdp: string): void {
  let parsed: SessionDescription;
  try {
    parsed = SessionDescription.parse(sdp);
  } catch {
    throw new Error('it is not an SDP offer');
  }
  const audio = parsed.media.find((media) => media.kind === 'audio' && media.port !== 0);
  if (!audio) throw new Error('it offers no audio');
  if (!audio.rtp.codecs.some((codec) => codec.mimeType.toLowerCase() === 'audio/pcmu'))
    throw new Error('its audio does not offer PCMU (G.711 μ-law)');
  if (!audio.iceParams || !audio.dtlsParams) throw new Error('it lacks ICE or DTLS parameters (not WebRTC)');
}

/**
 * The embedded media engine (docs/voice.md): legs in this process, WebRTC on werift or plain RTP on UDP sockets,
 * PCMU only. Playing legs are paced by one 20 ms clock, which sends every frame due since it started, so a late
 * timer catches up rather than slowing the audio down; bridged legs hand each frame on as it arrives.
 */
export class EmbeddedMedia implements MediaEngine {
  /** The address plain RTP legs take audio on, as their answers name it. */
  readonly #rtpAddress: string;
  readonly #legs = new Map<string, Leg>();
  /** Where legs that made an offer send, until the answer comes. */
  readonly #offered = new Map<string, { address: string; port: number; latched: boolean }>();
  readonly #endedListeners: ((legId: string) => void)[] = [];
  #clock: { timer: NodeJS.Timeout; startedAt: number; sent: number } | null = null;

  /** The UDP ports legs take (both plain RTP and WebRTC's ICE); any free port unless told. */
  readonly #ports: PortRange | undefined;

  constructor(options: { rtpAddress?: string | undefined; ports?: PortRange | undefined } = {}) {
    this.#rtpAddress = options.rtpAddress ?? '127.0.0.1';
    this.#ports = options.ports;
  }

  async answerWebRtc(offerSdp: string): Promise<{ legId: string; answerSdp: string }> {
    checkOffer(offerSdp);
    const connection = new RTCPeerConnection({
      codecs: { audio: [usePCMU(), telephoneEventCodec()], video: [] },
      ...(this.#ports ? { icePortRange: [this.#ports.min, this.#ports.max] as [number, number] } : {}),
    });
    const out = new MediaStreamTrack({ kind: 'audio' });
    const transceiver = connection.addTransceiver(out, { direction: 'sendrecv' });
    const leg = new Leg(
      (packet) => out.writeRtp(packet),
      () => connection.close(),
    );
    connection.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((packet) => this.#received(leg, packet));
    });
    connection.connectionStateChange.subscribe((state) => {
      if (state !== 'failed' && state !== 'closed') return;
      this.#ended(leg.id);
      // A failed connection still holds its sockets until closed.
      if (state === 'failed') void connection.close();
    });
    try {
      await connection.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      await connection.setLocalDescription(await connection.createAnswer());
    } catch (error) {
      await connection.close();
      throw error;
    }
    const events = transceiver.codecs.find(
      (codec) => codec.mimeType.toLowerCase() === 'audio/telephone-event',
    );
    leg.telephoneEvents = events?.payloadType ?? null;
    this.#legs.set(leg.id, leg);
    return { legId: leg.id, answerSdp: connection.localDescription?.sdp ?? '' };
  }

  /**
   * A plain RTP leg for a SIP offer: a UDP socket of its own on the engine's address. It sends to where the offer
   * says, and from the first packet on to where the far end's packets come from (behind NAT they differ).
   */
  async answerRtp(offerSdp: string): Promise<{ legId: string; answerSdp: string }> {
    const offer = readPlainRtpOffer(offerSdp);
    const { leg, port } = await this.#rtpLeg({ address: offer.address, port: offer.port, latched: false });
    leg.telephoneEvents = offer.telephoneEvents;
    const answerSdp = plainRtpAnswer({ address: this.#rtpAddress, port }, offer.telephoneEvents);
    return { legId: leg.id, answerSdp };
  }

  /**
   * A plain RTP leg that makes the offer (a call to a desk phone): it sends nothing until `acceptRtpAnswer` says
   * where to, or the far end's first packet does.
   */
  async offerRtp(): Promise<{ legId: string; offerSdp: string }> {
    const remote = { address: '', port: 0, latched: false };
    const { leg, port } = await this.#rtpLeg(remote);
    this.#offered.set(leg.id, remote);
    const offerSdp = plainRtpAnswer({ address: this.#rtpAddress, port }, OFFERED_TELEPHONE_EVENTS);
    return { legId: leg.id, offerSdp };
  }

  async acceptRtpAnswer(legId: string, answerSdp: string): Promise<void> {
    const remote = this.#offered.get(legId);
    const leg = this.#legs.get(legId);
    if (!remote || !leg) throw new Error('no leg is waiting for that answer');
    const answer = readPlainRtpOffer(answerSdp);
    this.#offered.delete(legId);
    if (!remote.latched) Object.assign(remote, { address: answer.address, port: answer.port });
    leg.telephoneEvents = answer.telephoneEvents;
  }

  async #rtpLeg(remote: { address: string; port: number; latched: boolean }) {
    const family = isIP(this.#rtpAddress) === 6 ? 'udp6' : 'udp4';
    const socket = await bindInRange(() => createSocket(family), this.#rtpAddress, this.#ports);
    let open = true;
    const leg = new Leg(
      (packet) => {
        if (open && remote.port !== 0) socket.send(packet.serialize(), remote.port, remote.address);
      },
      async () => {
        if (!open) return;
        open = false;
        this.#offered.delete(leg.id);
        await new Promise<void>((resolve) => socket.close(() => resolve()));
      },
    );
    socket.on('message', (message, from) => {
      let packet: RtpPacket;
      try {
        packet = RtpPacket.deSerialize(message);
      } catch {
        return;
      }
      if (packet.header.version !== 2) return;
      if (!remote.latched) Object.assign(remote, { address: from.address, port: from.port, latched: true });
      this.#received(leg, packet);
    });
    socket.on('error', () => void this.hangUp(leg.id));
    this.#legs.set(leg.id, leg);
    return { leg, port: socket.address().port };
  }

  #received(leg: Leg, packet: RtpPacket): void {
    const { payloadType, timestamp } = packet.header;
    if (payloadType === leg.telephoneEvents) {
      this.#pressed(leg, packet.payload, timestamp);
      return;
    }
    if (payloadType !== PCMU_PAYLOAD_TYPE) return;
    leg.peer?.send(packet.payload);
    for (const listener of leg.listeners) listener(packet.payload, timestamp);
  }

  play(legId: string, source: AudioSource, finished?: () => void): MediaHandle {
    const leg = this.#legs.get(legId);
    if (!leg) return { stop() {} };
    this.#unbridge(leg);
    leg.source = source;
    leg.finished = finished ?? null;
    this.#startClock();
    return {
      stop: () => {
        if (leg.source !== source) return;
        leg.source = null;
        leg.finished = null;
      },
    };
  }

  pressKeys(legId: string, keys: readonly DtmfKey[]): boolean {
    const leg = this.#legs.get(legId);
    const payloadType = leg?.telephoneEvents;
    if (!leg || payloadType === null || payloadType === undefined) return false;
    const press = (index: number) => {
      const key = keys[index];
      if (key === undefined || this.#legs.get(legId) !== leg) return;
      leg.pressKey(DTMF_KEYS.indexOf(key), payloadType);
      setTimeout(() => press(index + 1), KEY_SPACING_MS).unref();
    };
    press(0);
    return true;
  }

  keys(legId: string, listener: (key: DtmfKey) => void): MediaHandle {
    const leg = this.#legs.get(legId);
    if (!leg) return { stop() {} };
    leg.keyListeners.add(listener);
    return { stop: () => leg.keyListeners.delete(listener) };
  }

  #pressed(leg: Leg, payload: Buffer, timestamp: number): void {
    if (payload.length < 4) return;
    const key = leg.presses.receive(TelephoneEventRtpPayload.deSerialize(payload).event, timestamp);
    if (key === null) return;
    for (const listener of leg.keyListeners) listener(key);
  }

  bridge(a: string, b: string): MediaHandle {
    const first = this.#legs.get(a);
    const second = this.#legs.get(b);
    if (!first || !second) return { stop() {} };
    for (const leg of [first, second]) {
      this.#unbridge(leg);
      leg.source = null;
      leg.finished = null;
    }
    first.peer = second;
    second.peer = first;
    return {
      stop: () => {
        if (first.peer === second) this.#unbridge(first);
      },
    };
  }

  listen(legId: string, listener: (payload: Uint8Array, timestamp: number) => void): MediaHandle {
    const leg = this.#legs.get(legId);
    if (!leg) return { stop() {} };
    leg.listeners.add(listener);
    return { stop: () => leg.listeners.delete(listener) };
  }

  onLegEnded(listener: (legId: string) => void): void {
    this.#endedListeners.push(listener);
  }

  async hangUp(legId: string): Promise<void> {
    const leg = this.#legs.get(legId);
    if (!leg) return;
    this.#ended(legId);
    await leg.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.#legs.keys()].map((id) => this.hangUp(id)));
    this.#stopClock();
  }

  #unbridge(leg: Leg): void {
    const peer = leg.peer;
    if (peer?.peer === leg) peer.peer = null;
    leg.peer = null;
  }

  #ended(legId: string): void {
    const leg = this.#legs.get(legId);
    if (!leg) return;
    this.#legs.delete(legId);
    this.#unbridge(leg);
    leg.source = null;
    leg.finished = null;
    leg.listeners.clear();
    leg.keyListeners.clear();
    for (const listener of this.#endedListeners) listener(legId);
  }

  #startClock(): void {
    if (this.#clock) return;
    const clock = { startedAt: performance.now(), sent: 0, timer: setInterval(() => this.#tick(), FRAME_MS) };
    clock.timer.unref();
    this.#clock = clock;
  }

  #stopClock(): void {
    if (this.#clock) clearInterval(this.#clock.timer);
    this.#clock = null;
  }

  /** Sends every frame due since the clock started to each playing leg; stops the clock when none plays. */
  #tick(): void {
    const clock = this.#clock;
    if (!clock) return;
    const due = Math.floor((performance.now() - clock.startedAt) / FRAME_MS) - clock.sent;
    let playing = 0;
    for (const leg of this.#legs.values()) {
      if (!leg.source) continue;
      playing++;
      for (let n = 0; n < due && leg.source; n++) {
        const frame = leg.source.next();
        if (frame !== null) {
          leg.send(frame);
          continue;
        }
        const finished = leg.finished;
        leg.source = null;
        leg.finished = null;
        finished?.();
      }
    }
    clock.sent += Math.max(0, due);
    if (playing === 0) this.#stopClock();
  }
}
