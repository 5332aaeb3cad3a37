import {
  advanceFlow,
  type Flow,
  type FlowAction,
  type FlowInput,
  type FlowRun,
  type FlowStepDone,
  type FlowTurn,
  type Prompt,
  type QueueStep,
  startFlow,
} from '@switchboard/core';
import { type AudioSource, holdMusic } from './audio.ts';
import type { MediaEngine, MediaHandle } from './media/media-engine.ts';
import { framesSource, type SpeechSynthesiser } from './speech.ts';

/** Where a waiting caller stands: their place in line and, when the queue can tell, the expected wait. */
export interface Standing {
  position: number;
  expectedWaitSeconds: number | null;
}

export interface FlowCallDeps {
  media: MediaEngine;
  speech: SpeechSynthesiser;
  now(): number;
  /** Whether the calendar is open now. */
  isOpen(calendarId: string): Promise<boolean>;
  /** Queues the call in the step's CSQ, with the variables as the contact's attributes and the steps taken. */
  queue(step: QueueStep, variables: Readonly<Record<string, string>>, steps: FlowStepDone[]): Promise<void>;
  /** The caller's standing in the queue now; null once they no longer wait. */
  standing(): Promise<Standing | null>;
  /** Steps taken once the call is queued (after the agent hung up): for the contact's history. */
  moreSteps(steps: FlowStepDone[]): void;
  /** The flow ends the call. */
  hangUp(): void;
  /** Something failed that no request waits for: the call is ended. */
  failed(error: unknown): void;
}

/** What a waiting caller is told of their standing, in words the synthesiser speaks. */
export function standingText(standing: Standing, announcePosition: boolean, announceWait: boolean): string {
  const parts: string[] = [];
  if (announcePosition) parts.push(`You are number ${standing.position} in line.`);
  const seconds = standing.expectedWaitSeconds;
  if (announceWait && seconds !== null) {
    const minutes = Math.ceil(seconds / 60);
    parts.push(
      seconds < 60
        ? 'Your expected wait is less than a minute.'
        : `Your expected wait is about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
  return parts.join(' ');
}

/**
 * One caller in a call flow (docs/voice.md, "Call flows"): the pure flow (`runFlow` in the core) says what the
 * call does next; this does it on the caller's leg (prompts spoken or played, keys heard, timeouts, the hours
 * checked) and feeds back what happened. Once queued it plays the welcome, the music and the comfort messages
 * while the caller waits, and takes the caller on to the after-call steps when the agent hangs up first.
 */
export class FlowCall {
  readonly #deps: FlowCallDeps;
  readonly #flow: Flow;
  readonly #legId: string;
  #run: FlowRun | null = null;
  /** Bumped with every action: what an older one set going (a prompt ending, a timer) is then ignored. */
  #generation = 0;
  #timer: NodeJS.Timeout | null = null;
  #audio: MediaHandle | null = null;
  #keys: MediaHandle | null = null;
  #steps: FlowStepDone[] = [];
  #queued: QueueStep | null = null;
  #waiting = false;
  #stopped = false;

  constructor(deps: FlowCallDeps, flow: Flow, legId: string) {
    this.#deps = deps;
    this.#flow = flow;
    this.#legId = legId;
  }

  start(): void {
    this.#keys = this.#deps.media.keys(this.#legId, (key) => this.#input({ kind: 'key', key }));
    this.#take(startFlow(this.#flow));
  }

  /** Whether the call has reached its queue step. */
  get queued(): boolean {
    return this.#queued !== null;
  }

  /** Whether the flow goes on after the agent hangs up (a survey). */
  get hasAfterCall(): boolean {
    return this.#queued?.afterCall !== undefined;
  }

  /** The caller waits (again) for an agent: music, with the comfort message every so often. */
  wait(): void {
    const step = this.#queued;
    if (!step || this.#stopped) return;
    this.#waiting = true;
    this.#play(holdMusic());
    this.#scheduleComfort(step);
  }

  /** An agent took the call (or holds it): no more comfort messages until the caller waits again. */
  answered(): void {
    this.#waiting = false;
    this.#clearTimer();
  }

  /** The agent hung up first: the caller goes on to the after-call steps. */
  agentHungUp(): void {
    this.answered();
    this.#input({ kind: 'agent_hung_up' });
  }

  /** The call is over: nothing more is played, heard or timed. */
  stop(): void {
    this.#stopped = true;
    this.#generation++;
    this.#clearTimer();
    this.#audio?.stop();
    this.#keys?.stop();
  }

  #input(input: FlowInput): void {
    if (this.#stopped || this.#run === null) return;
    this.#take(advanceFlow(this.#flow, this.#run, input));
  }

  #take(turn: FlowTurn): void {
    this.#run = turn.run;
    const at = this.#deps.now();
    const done = turn.records.map((record) => ({ ...record, at }));
    if (this.#queued) {
      if (done.length > 0) this.#deps.moreSteps(done);
    } else this.#steps.push(...done);
    if (!turn.action) return;
    const generation = ++this.#generation;
    this.#clearTimer();
    this.#perform(turn.action, generation).catch((error) => {
      if (!this.#stopped) this.#deps.failed(error);
    });
  }

  async #perform(action: FlowAction, generation: number): Promise<void> {
    const current = () => generation === this.#generation && !this.#stopped;
    switch (action.kind) {
      case 'play': {
        const frames = await this.#speak(action.prompts);
        if (current()) this.#play(framesSource(frames), () => current() && this.#input({ kind: 'played' }));
        return;
      }
      case 'listen':
        this.#audio?.stop();
        this.#timer = setTimeout(() => current() && this.#input({ kind: 'timeout' }), action.timeoutMs);
        return;
      case 'check_hours': {
        const open = await this.#deps.isOpen(action.calendarId);
        if (current()) this.#input({ kind: 'hours', open });
        return;
      }
      case 'queue':
        return this.#enqueue(action.step, action.variables, generation);
      case 'hangup': {
        if (!action.prompt) return this.#deps.hangUp();
        const frames = await this.#speak([action.prompt]);
        if (current()) this.#play(framesSource(frames), () => current() && this.#deps.hangUp());
        return;
      }
    }
  }

  async #enqueue(
    step: QueueStep,
    variables: Readonly<Record<string, string>>,
    generation: number,
  ): Promise<void> {
    this.#queued = step;
    const steps = this.#steps;
    this.#steps = [];
    // Spoken before the call is queued, so an agent who answers at once does not cut off a half-made welcome.
    const welcome = step.welcome ? await this.#speak([step.welcome]) : [];
    await this.#deps.queue(step, variables, steps);
    if (generation !== this.#generation || this.#stopped || !this.#waiting) return;
    const standing = await this.#standingFrames(step);
    if (generation !== this.#generation || this.#stopped || !this.#waiting) return;
    const opening = [...welcome, ...standing];
    if (opening.length > 0) this.#play(framesSource(opening), () => this.#waiting && this.#play(holdMusic()));
  }

  #scheduleComfort(step: QueueStep): void {
    this.#clearTimer();
    const comfort = step.comfort;
    if (!comfort) return;
    const generation = this.#generation;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (generation !== this.#generation || !this.#waiting) return;
      this.#comfort(step, comfort.prompt, generation).catch((error) => {
        if (!this.#stopped) this.#deps.failed(error);
      });
    }, comfort.everySeconds * 1000);
  }

  async #comfort(step: QueueStep, prompt: Prompt, generation: number): Promise<void> {
    const frames = [...(await this.#speak([prompt])), ...(await this.#standingFrames(step))];
    if (generation !== this.#generation || !this.#waiting || this.#stopped) return;
    this.#play(framesSource(frames), () => {
      if (!this.#waiting || this.#stopped) return;
      this.#play(holdMusic());
      this.#scheduleComfort(step);
    });
  }

  async #standingFrames(step: QueueStep): Promise<Buffer[]> {
    if (!step.announcePosition && !step.announceWait) return [];
    const standing = await this.#deps.standing();
    if (!standing) return [];
    const text = standingText(standing, step.announcePosition, step.announceWait);
    return text ? this.#deps.speech.speak(text) : [];
  }

  async #speak(prompts: readonly Prompt[]): Promise<Buffer[]> {
    const parts = await Promise.all(
      prompts.map((prompt) => {
        // Uploaded prompts are refused when a flow is saved until prompts can be uploaded.
        if (!('text' in prompt)) throw new Error('uploaded prompts are not supported');
        return this.#deps.speech.speak(prompt.text);
      }),
    );
    return parts.flat();
  }

  #play(source: AudioSource, finished?: () => void): void {
    this.#audio?.stop();
    this.#audio = this.#deps.media.play(this.#legId, source, finished);
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
