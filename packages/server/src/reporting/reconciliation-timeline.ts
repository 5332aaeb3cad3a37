import type { AcdEngine } from '@switchboard/core';
import type { TestApp } from '../testing/test-app.ts';

interface Action {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/**
 * What is due when, on the hand-moved clock: actions run in time order (in the order planned when due at the same
 * instant), and the router's own deadlines (ring-outs, invitations) fire at their instant on the way, as its timer
 * would. `onChange` runs after every action and every deadline fired.
 */
export class Timeline {
  readonly #server: TestApp;
  readonly #tenantId: string;
  readonly #engine: AcdEngine;
  readonly #onChange: () => void;
  readonly #queue: Action[] = [];
  #seq = 0;

  constructor(server: TestApp, tenantId: string, engine: AcdEngine, onChange: () => void) {
    this.#server = server;
    this.#tenantId = tenantId;
    this.#engine = engine;
    this.#onChange = onChange;
  }

  get now(): number {
    return this.#server.clock.now();
  }

  at(at: number, run: () => Promise<void>): void {
    this.#queue.push({ at: Math.max(at, this.now), seq: this.#seq++, run });
    this.#queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  after(ms: number, run: () => Promise<void>): void {
    this.at(this.now + ms, run);
  }

  /** Runs until nothing is left to do; past `until` the day is stuck, and `stuck` says why. */
  async run(until: number, stuck: () => string): Promise<void> {
    for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
      await this.advanceTo(next.at);
      await next.run();
      this.#onChange();
      if (this.now > until) throw new Error(`the day did not end: ${stuck()}`);
    }
  }

  /** Moves the clock to `at`, firing each router deadline at its instant on the way. */
  async advanceTo(at: number): Promise<void> {
    for (;;) {
      const deadline = this.#engine.nextDeadline();
      if (deadline === null || deadline > at) break;
      if (deadline > this.now) this.#server.clock.advance(deadline - this.now);
      await this.#server.acd.tick(this.#tenantId);
      this.#onChange();
    }
    if (at > this.now) this.#server.clock.advance(at - this.now);
  }
}
