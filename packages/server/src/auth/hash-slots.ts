import { tooManyAttempts } from './too-many-attempts.ts';

interface Slots {
  running: number;
  waiting: (() => void)[];
}

/**
 * Password hashes one client address may run at once: `running` at a time, `waiting` more in line (a shift
 * starting behind one office address), and anything beyond that refused at once, so one address cannot fill
 * the hashing threads or the memory.
 */
export class HashSlots {
  readonly #running: number;
  readonly #waiting: number;
  readonly #byAddress = new Map<string, Slots>();

  constructor(running: number, waiting: number) {
    this.#running = running;
    this.#waiting = waiting;
  }

  async run<T>(address: string, work: () => Promise<T>): Promise<T> {
    await this.#acquire(address);
    try {
      return await work();
    } finally {
      this.#release(address);
    }
  }

  async #acquire(address: string): Promise<void> {
    let slots = this.#byAddress.get(address);
    if (!slots) {
      slots = { running: 0, waiting: [] };
      this.#byAddress.set(address, slots);
    }
    if (slots.running < this.#running) {
      slots.running++;
      return;
    }
    if (slots.waiting.length >= this.#waiting) {
      throw tooManyAttempts(1000, 'Too many sign-ins at once from your address.');
    }
    const queue = slots.waiting;
    await new Promise<void>((resolve) => queue.push(resolve));
  }

  #release(address: string): void {
    const slots = this.#byAddress.get(address);
    if (!slots) return;
    const next = slots.waiting.shift();
    // The slot passes straight to the next in line, so `running` stays as it is.
    if (next) next();
    else if (--slots.running === 0) this.#byAddress.delete(address);
  }
}
