import { AcdEngine } from '../../packages/core/src/acd/engine.ts';
import type { AcdEvent } from '../../packages/core/src/acd/events.ts';
import type { Selection } from '../../packages/core/src/acd/state.ts';
import type { ManualClock } from '../../packages/core/src/clock.ts';
import type { World } from './world.ts';

// ---------------------------------------------------------------------------------------------------------
// What both routers are driven through

export const CREATE = 0;
export const ACCEPT = 1;
export const COMPLETE = 2;
export const END_WRAP_UP = 3;
export type Kind = typeof CREATE | typeof ACCEPT | typeof COMPLETE | typeof END_WRAP_UP;

/** The contacts the driver has created so far: their CSQ and priority, by contact index. */
export interface Contacts {
  csq: number[];
  priority: number[];
}

export interface Router {
  login(agent: number): void;
  /**
   * Runs one command and pushes (contact, agent) index pairs, one per offer it made, onto `out`; returns the
   * command's time in ns. With `replay` (baseline warm-up only) the offers are applied instead of searched for.
   */
  exec(kind: Kind, contact: number, agent: number, out: number[], replay: readonly number[] | null): number;
  /** Called once, before the first command the router decides on its own (after any replayed warm-up). */
  beginOwnSearch?(): void;
}

export const indexOf = (id: string): number => Number(id.slice(1));

/**
 * Switchboard's engine. With `selection: 'scan'` it is the baseline: the same engine, events and bookkeeping,
 * but every arriving contact examines every agent (see packages/core/src/acd/scan-selection.ts). It warms up
 * on its indexes, which make the same decisions, and scans from `beginOwnSearch` on.
 */
export class EngineRouter implements Router {
  readonly #engine: AcdEngine;
  readonly #world: World;
  readonly #contacts: Contacts;
  readonly #selection: Selection;

  constructor(world: World, clock: ManualClock, contacts: Contacts, selection: Selection = 'indexed') {
    this.#world = world;
    this.#contacts = contacts;
    this.#selection = selection;
    this.#engine = new AcdEngine(clock);
    for (const csq of world.csqs) this.#engine.configureCsq(csq);
  }

  beginOwnSearch(): void {
    this.#engine.setSelection(this.#selection);
  }

  login(agent: number): void {
    const config = this.#world.agents[agent]!;
    this.#engine.upsertAgent(config);
    this.#engine.setAgentState(config.id, 'voice', 'ready');
    this.#engine.setAgentState(config.id, 'digital', 'ready');
  }

  exec(kind: Kind, contact: number, agent: number, out: number[]): number {
    const engine = this.#engine;
    const contactId = `c${contact}`;
    const agentId = kind === CREATE ? '' : this.#world.agents[agent]!.id;
    let events: AcdEvent[];
    let t0: bigint;
    if (kind === CREATE) {
      const csq = this.#world.csqs[this.#contacts.csq[contact]!]!;
      const input = {
        id: contactId,
        channel: csq.channel,
        csqId: csq.id,
        callType: 'bench',
        priority: this.#contacts.priority[contact]!,
      };
      t0 = process.hrtime.bigint();
      events = engine.createContact(input);
    } else if (kind === ACCEPT) {
      t0 = process.hrtime.bigint();
      events = engine.accept(agentId, contactId);
    } else if (kind === COMPLETE) {
      t0 = process.hrtime.bigint();
      events = engine.complete(agentId, contactId);
    } else {
      const wrapUp = { reasons: [] };
      t0 = process.hrtime.bigint();
      events = engine.endWrapUp(agentId, contactId, wrapUp);
    }
    const ns = Number(process.hrtime.bigint() - t0);
    for (const e of events)
      if (e.type === 'contact.offered') out.push(indexOf(e.contactId), indexOf(e.agentId));
    return ns;
  }
}
