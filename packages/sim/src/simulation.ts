import {
  AcdEngine,
  type AcdEvent,
  CHANNEL_PARAM_LIMITS,
  type ChannelParams,
  DEFAULT_CHANNEL_PARAMS,
  ManualClock,
} from '@switchboard/core';
import { AgentSchedules } from './agent-schedules.ts';
import { AgentTimeLedger } from './agent-time.ts';
import { buildReport } from './build-report.ts';
import { ContactCounters } from './contact-counters.ts';
import { EventQueue, type SimContact, type SimEvent, type SimEventKind, simEvent } from './event-queue.ts';
import { DEFAULT_SERVICE_LEVEL_SECONDS, type SimulationInput } from './input.ts';
import type { SimulationReport } from './report.ts';
import { type CsqModel, csqModel } from './sim-csq.ts';
import { validateSimulationInput } from './validate-input.ts';

/** The engine's defaults, but chats never time out for inactivity (simulated customers are never silent). */
export const SIMULATION_CHANNEL_PARAMS: ChannelParams = {
  ...DEFAULT_CHANNEL_PARAMS,
  inactivityTimeoutMs: CHANNEL_PARAM_LIMITS.inactivityTimeoutMs.max,
};

/**
 * Simulates a day of the contact center on the real router: Poisson arrivals per CSQ, virtual customers who
 * wait up to their patience, virtual agents who follow their schedules and answer, talk and wrap up. Pure and
 * deterministic: the same input (seed included) always gives the same report.
 *
 * @example
 * const report = simulateDay({
 *   seed: 1,
 *   reportIntervalMinutes: 30,
 *   csqs: [{ id: 'sales', channel: 'voice', skills: [{ skillId: 'sales', minCompetence: 1 }],
 *     criterion: 'longest_available', arrivals: { intervalMinutes: 30, volumes: [100, 120] },
 *     handleTime: { kind: 'exponential', meanSeconds: 180 } }],
 *   agents: [{ id: 'ana', skills: { sales: 5 }, shifts: [{ startMinute: 0, endMinute: 60 }] }],
 * });
 * report.day.csqs[0].serviceLevel; // answered within 20 s ÷ offered
 */
export function simulateDay(input: SimulationInput, options: SimulationOptions = {}): SimulationReport {
  const params = input.channelParams ?? SIMULATION_CHANNEL_PARAMS;
  validateSimulationInput(input, params);
  return new Simulation(input, params, options.onEngineEvents ?? null).run();
}

export interface SimulationOptions {
  /** Sees every batch of events the router returns, in order (for traces, replays and tests). */
  onEngineEvents?: (events: readonly AcdEvent[]) => void;
}

class Simulation {
  readonly #input: SimulationInput;
  readonly #clock = new ManualClock(0);
  readonly #engine: AcdEngine;
  readonly #queue = new EventQueue();
  /** Reactions without delay: they happen before anything else due in the same millisecond. */
  readonly #soon: SimEvent[] = [];
  readonly #csqs: CsqModel[];
  readonly #contacts = new Map<string, SimContact>();
  readonly #agentIndex: Map<string, number>;
  readonly #schedules: AgentSchedules;
  readonly #counters: ContactCounters;
  readonly #ledger: AgentTimeLedger;
  readonly #answerDelayMs: number;
  readonly #observer: SimulationOptions['onEngineEvents'] | null;
  #arrivals = 0;

  constructor(
    input: SimulationInput,
    params: ChannelParams,
    observer: SimulationOptions['onEngineEvents'] | null,
  ) {
    this.#input = input;
    this.#observer = observer;
    this.#engine = new AcdEngine(this.#clock, params);
    this.#csqs = input.csqs.map((csq, index) => csqModel(csq, index, input.seed));
    this.#agentIndex = new Map(input.agents.map((agent, index) => [agent.id, index]));
    const intervalMs = input.reportIntervalMinutes * 60_000;
    this.#counters = new ContactCounters(
      intervalMs,
      input.csqs.map((csq) => csq.id),
      input.csqs.map((csq) => csq.serviceLevelSeconds ?? DEFAULT_SERVICE_LEVEL_SECONDS),
      input.shortAbandonSeconds ?? 0,
    );
    this.#ledger = new AgentTimeLedger(input.agents.length, intervalMs);
    this.#schedules = new AgentSchedules(this.#engine, input.agents, this.#ledger);
    this.#answerDelayMs = Math.round((input.answerDelaySeconds ?? 0) * 1000);
  }

  run(): SimulationReport {
    this.#setUp();
    const engine = this.#engine;
    const queue = this.#queue;
    for (;;) {
      const next = queue.peek();
      const deadline = engine.nextDeadline();
      if (deadline !== null && (next === undefined || deadline <= next.at)) {
        this.#advanceTo(deadline);
        this.#react(engine.tick());
      } else if (next !== undefined) {
        queue.pop();
        this.#advanceTo(next.at);
        this.#perform(next);
      } else break;
      this.#drainSoon();
    }
    const end = this.#clock.now();
    this.#counters.finish(end);
    this.#ledger.finish(end);
    return buildReport({
      input: this.#input,
      endMs: end,
      arrivals: this.#arrivals,
      dayMs: Math.max(...this.#csqs.map((csq) => csq.arrivals.endMs)),
      counters: this.#counters,
      ledger: this.#ledger,
    });
  }

  #setUp(): void {
    const engine = this.#engine;
    for (const { config } of this.#csqs) this.#react(engine.configureCsq(config));
    for (const agent of this.#input.agents) {
      this.#react(
        engine.upsertAgent({
          id: agent.id,
          skills: agent.skills,
          capacity: agent.capacity ?? { chat: 1, email: 1 },
          offerChatWhileOnVoice: agent.offerChatWhileOnVoice ?? false,
          offerVoiceWhileOnChat: agent.offerVoiceWhileOnChat ?? false,
        }),
      );
    }
    this.#schedules.scheduleAll(this.#queue);
    for (const [index, csq] of this.#csqs.entries()) this.#scheduleArrival(csq, index);
  }

  #advanceTo(at: number): void {
    this.#clock.advance(at - this.#clock.now());
  }

  #scheduleArrival(csq: CsqModel, index: number): void {
    const at = csq.arrivals.next();
    if (at !== null) this.#queue.schedule(at, 'arrival', null, index);
  }

  /** Now, or after `delayMs`: a delay of 0 runs before anything else due this millisecond. */
  #after(delayMs: number, kind: SimEventKind, contact: SimContact): void {
    const at = this.#clock.now() + delayMs;
    if (delayMs > 0) this.#queue.schedule(at, kind, contact);
    else this.#soon.push(simEvent(at, kind, contact));
  }

  #drainSoon(): void {
    const soon = this.#soon;
    for (let i = 0; i < soon.length; i++) this.#perform(soon[i] as SimEvent);
    soon.length = 0;
  }

  #perform(event: SimEvent): void {
    const engine = this.#engine;
    const contact = event.contact;
    const current = contact !== null && contact.epoch === event.epoch;
    switch (event.kind) {
      case 'arrival':
        this.#arrive(event.index);
        return;
      case 'accept':
        if (current && contact.status === 'offered' && contact.agentId !== null)
          this.#react(engine.accept(contact.agentId, contact.id));
        return;
      case 'complete':
        if (current && contact.status === 'active' && contact.agentId !== null)
          this.#react(engine.complete(contact.agentId, contact.id));
        return;
      case 'end_wrap_up':
        if (current && contact.status === 'wrap_up' && contact.agentId !== null)
          this.#react(engine.endWrapUp(contact.agentId, contact.id, { reasons: [] }));
        return;
      case 'abandon':
        // Patience runs from arrival whatever happened since: no epoch check.
        if (contact !== null && (contact.status === 'queued' || contact.status === 'offered'))
          this.#react(engine.customerLeft(contact.id));
        return;
      default:
        this.#react(this.#schedules.apply(event.kind, event.index, event.reasonCode));
    }
  }

  #arrive(index: number): void {
    const csq = this.#csqs[index] as CsqModel;
    const at = this.#clock.now();
    const contact = csq.newContact(`c${++this.#arrivals}`, at);
    this.#contacts.set(contact.id, contact);
    this.#react(
      this.#engine.createContact({
        id: contact.id,
        channel: csq.config.channel,
        csqId: csq.config.id,
        callType: csq.config.id,
        priority: csq.priority,
      }),
    );
    this.#drainSoon();
    const waiting = contact.status === 'queued' || contact.status === 'offered';
    if (waiting && contact.patienceMs !== Number.POSITIVE_INFINITY)
      this.#queue.schedule(at + contact.patienceMs, 'abandon', contact);
    this.#scheduleArrival(csq, index);
  }

  /** Follows the engine's decisions: the virtual agent answers offers, talks, wraps up; outcomes are counted. */
  #react(events: readonly AcdEvent[]): void {
    if (this.#observer) this.#observer(events);
    this.#counters.record(events);
    for (const event of events) {
      if (event.type === 'agent.state_changed') {
        const agent = this.#agentIndex.get(event.agentId) as number;
        this.#ledger.changed(agent, event.domain, event.state, event.at);
        if (this.#schedules.readyToLeave(agent, event.state))
          this.#soon.push(simEvent(event.at, 'shift_end', null, agent));
        continue;
      }
      if (event.type === 'contact.created') continue;
      const contact = this.#contacts.get(event.contactId);
      if (contact === undefined) continue;
      switch (event.type) {
        case 'contact.queued':
        case 'contact.offer_withdrawn':
          contact.epoch++;
          contact.status = 'queued';
          contact.agentId = null;
          break;
        case 'contact.offered':
          contact.epoch++;
          contact.status = 'offered';
          contact.agentId = event.agentId;
          // Email is accepted by the engine itself; `contact.accepted` follows in the same batch.
          if (this.#csqs[contact.csq]?.config.channel !== 'email')
            this.#after(this.#answerDelayMs, 'accept', contact);
          break;
        case 'contact.accepted':
          contact.epoch++;
          contact.status = 'active';
          this.#after(contact.handleMs, 'complete', contact);
          break;
        case 'contact.wrap_up_started':
          contact.epoch++;
          contact.status = 'wrap_up';
          this.#after(contact.wrapUpMs, 'end_wrap_up', contact);
          break;
        case 'contact.ended':
          contact.epoch++;
          contact.status = 'ended';
          this.#contacts.delete(contact.id);
          break;
      }
    }
  }
}
