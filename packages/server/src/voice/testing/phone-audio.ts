import { type AudioSource, decodeFrame, FRAME_MS, FRAME_SAMPLES, SAMPLE_RATE } from '../audio.ts';
import { PcmuSender, type RtpWriter } from '../media/pcmu-sender.ts';

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
 * The audio of a phone in tests: it sends what it is given every 20 ms and keeps what it hears, so a test can wait
 * until the last moments of it sound a certain way. WebPhone and SipPhone carry it over their own transports.
 */
export class PhoneAudio {
  readonly #heard: Int16Array[] = [];
  readonly #waiters = new Set<() => void>();
  #pacer: NodeJS.Timeout | null = null;
  protected readonly sender: PcmuSender;

  constructor(write: RtpWriter) {
    this.sender = new PcmuSender(write);
  }

  /** Takes in a frame of PCMU the phone heard. */
  protected heard(payload: Uint8Array): void {
    this.#heard.push(decodeFrame(payload));
    for (const waiter of [...this.#waiters]) waiter();
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
        this.sender.send(frame);
        sent++;
      }
    };
    this.#pacer = setInterval(send, FRAME_MS);
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
}
