import { DTMF_KEYS, type DtmfKey } from '@switchboard/core';
import { MediaStreamTrack, RTCPeerConnection, usePCMU } from 'werift';
import {
  type AudioSource,
  decodeFrame,
  FRAME_MS,
  FRAME_SAMPLES,
  PCMU_PAYLOAD_TYPE,
  SAMPLE_RATE,
} from '../audio.ts';
import { telephoneEventCodec } from '../media/embedded-media.ts';
import { PcmuSender } from '../media/pcmu-sender.ts';

/** Share of a window's energy at `frequencyHz` (Goertzel): 1 for a pure tone there, near 0 for anything else. */
export function toneShare(samples: Int16Array, frequencyHz: number): number {
  const k = 2 * Math.cos((2 * Math.PI * frequencyHz) / SAMPLE_RATE);
  let s1 = 0;
  let s2 = 0;
  let energy = 0;
  for (const sample of samples) {
    const s = sample + k * s1 - s2;
    s2 = s1;
    s1 = s;
    energy += sample * sample;
  }
  if (energy === 0) return 0;
  const power = s1 * s1 + s2 * s2 - k * s1 * s2;
  return (2 * power) / (samples.length * energy);
}

/** Root mean square of a window: how loud it is (0 for silence). */
export function loudness(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

/**
 * A browser's side of a call in tests: a WebRTC peer offering PCMU audio, which sends what it is given every
 * 20 ms and keeps what it hears, so a test can wait until the last moments of it sound a certain way.
 */
export class WebPhone {
  readonly connection = new RTCPeerConnection({
    codecs: { audio: [usePCMU(), telephoneEventCodec()], video: [] },
  });
  readonly #out = new MediaStreamTrack({ kind: 'audio' });
  readonly #heard: Int16Array[] = [];
  readonly #waiters = new Set<() => void>();
  #pacer: NodeJS.Timeout | null = null;
  readonly #sender = new PcmuSender(this.#out);

  constructor() {
    this.connection.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((packet) => {
        if (packet.header.payloadType !== PCMU_PAYLOAD_TYPE) return;
        this.#heard.push(decodeFrame(packet.payload));
        for (const waiter of [...this.#waiters]) waiter();
      });
    });
  }

  /** The offer to send, once its ICE candidates are gathered. */
  async offer(): Promise<string> {
    this.connection.addTransceiver(this.#out, { direction: 'sendrecv' });
    await this.connection.setLocalDescription(await this.connection.createOffer());
    if (this.connection.iceGatheringState !== 'complete')
      await new Promise<void>((resolve) => {
        const { unSubscribe } = this.connection.iceGatheringStateChange.subscribe((state) => {
          if (state !== 'complete') return;
          unSubscribe();
          resolve();
        });
      });
    return this.connection.localDescription?.sdp ?? '';
  }

  /** Applies the answer and waits until the call's media is connected. */
  async connect(answerSdp: string): Promise<void> {
    await this.connection.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    if (this.connection.connectionState === 'connected') return;
    await new Promise<void>((resolve, reject) => {
      const { unSubscribe } = this.connection.connectionStateChange.subscribe((state) => {
        if (state === 'connected') {
          unSubscribe();
          resolve();
        } else if (state === 'failed' || state === 'closed') {
          unSubscribe();
          reject(new Error(`the call's media ${state}`));
        }
      });
    });
  }

  /**
   * Sends `source` in 20 ms frames until told otherwise, paced like a sound card: every frame due since it
   * started, so a late timer sends a burst rather than leaving audio out.
   */
  speak(source: AudioSource): void {
    this.quiet();
    const started = performance.now();
    let sent = 0;
    const send = () => {
      const due = Math.floor((performance.now() - started) / FRAME_MS) + 1 - sent;
      for (let n = 0; n < due; n++) {
        const frame = source.next();
        if (!frame) return this.quiet();
        this.#sender.send(frame);
        sent++;
      }
    };
    this.#pacer = setInterval(send, FRAME_MS);
  }

  /** Presses keys on the keypad: each sent as RFC 4733 telephone events, one after the other. */
  press(keys: string): void {
    const transceiver = this.connection.getTransceivers()[0];
    const codec = transceiver?.codecs.find((c) => c.mimeType.toLowerCase() === 'audio/telephone-event');
    if (!transceiver || !codec) throw new Error('the call did not agree on telephone events');
    // werift has no DTMF sender and stamps every packet with the sending codec: the events go out under the
    // telephone-event codec, swapped in while they are written (synchronously, so no audio frame slips in).
    const { sender } = transceiver;
    const track = this.#out as MediaStreamTrack & { codec?: typeof codec };
    const [audio, trackAudio] = [sender.codec, track.codec];
    sender.codec = codec;
    track.codec = codec;
    try {
      for (const key of keys) this.#sender.sendKey(DTMF_KEYS.indexOf(key as DtmfKey), codec.payloadType);
    } finally {
      sender.codec = audio;
      track.codec = trackAudio;
    }
  }

  quiet(): void {
    if (this.#pacer) clearInterval(this.#pacer);
    this.#pacer = null;
  }

  /** The last `ms` of what this phone heard (fewer if it has not heard that much). */
  lastHeard(ms: number): Int16Array {
    const frames = this.#heard.slice(-Math.ceil(ms / FRAME_MS));
    const samples = new Int16Array(frames.length * FRAME_SAMPLES);
    frames.forEach((frame, i) => {
      samples.set(frame, i * FRAME_SAMPLES);
    });
    return samples;
  }

  /** Resolves as soon as the last `ms` heard satisfy `sounds` (checked at every frame that arrives). */
  until(sounds: (window: Int16Array) => boolean, ms = 200): Promise<void> {
    const check = () => this.#heard.length * FRAME_MS >= ms && sounds(this.lastHeard(ms));
    if (check()) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        if (!check()) return;
        this.#waiters.delete(waiter);
        resolve();
      };
      this.#waiters.add(waiter);
    });
  }

  /** Resolves once the last 200 ms heard are mostly the tone at `frequencyHz`. */
  hearsTone(frequencyHz: number): Promise<void> {
    return this.until((window) => toneShare(window, frequencyHz) > 0.6);
  }

  async hangUp(): Promise<void> {
    this.quiet();
    await this.connection.close();
  }
}
