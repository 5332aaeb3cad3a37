import type { ArrivalProfile } from './input.ts';
import type { SeededRandom } from './random.ts';

/**
 * Poisson arrivals whose rate is constant within each interval of the profile (volume ÷ interval length).
 * Gaps are exponential at the current rate; a gap that runs past the end of its interval is dropped and drawn
 * again from the boundary at the next rate, which is exact because the exponential is memoryless.
 */
export class ArrivalStream {
  readonly #ratesPerMs: number[];
  readonly #intervalMs: number;
  readonly #random: SeededRandom;
  /** The last arrival in continuous time; arrivals are reported truncated to whole milliseconds. */
  #time = 0;

  constructor(profile: ArrivalProfile, random: SeededRandom) {
    this.#intervalMs = profile.intervalMinutes * 60_000;
    this.#ratesPerMs = profile.volumes.map((volume) => volume / this.#intervalMs);
    this.#random = random;
  }

  /** When the profile ends (ms from the start of the day). */
  get endMs(): number {
    return this.#ratesPerMs.length * this.#intervalMs;
  }

  /** The next arrival (whole ms, within the interval its continuous time falls in), or null after the end. */
  next(): number | null {
    let time = this.#time;
    for (;;) {
      const interval = Math.floor(time / this.#intervalMs);
      const rate = this.#ratesPerMs[interval];
      if (rate === undefined) return null;
      const end = (interval + 1) * this.#intervalMs;
      if (rate > 0) {
        const candidate = time + this.#random.exponential(1) / rate;
        if (candidate < end) {
          this.#time = candidate;
          return Math.floor(candidate);
        }
      }
      time = end;
    }
  }
}
