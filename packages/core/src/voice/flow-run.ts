import {
  type CollectStep,
  type DtmfKey,
  FLOW_LIMITS,
  type Flow,
  type FlowStep,
  type FlowStepType,
  type MenuStep,
  type Prompt,
  type QueueStep,
} from './flow.ts';

/** What happened to the call that the flow waits for. */
export type FlowInput =
  | { readonly kind: 'played' }
  | { readonly kind: 'key'; readonly key: DtmfKey }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'hours'; readonly open: boolean }
  | { readonly kind: 'agent_hung_up' };

/**
 * What the call does next; each action replaces the one before (a key pressed during a menu's prompt stops it).
 * `play` answers with `played` (or a key, when keys are listened for), `listen` with a key or `timeout`,
 * `check_hours` with `hours`. `queue` hands the call to its CSQ until the agent hangs up (`agent_hung_up`);
 * `hangup` ends the flow.
 */
export type FlowAction =
  | { readonly kind: 'play'; readonly prompts: readonly Prompt[]; readonly keys: boolean }
  | { readonly kind: 'listen'; readonly timeoutMs: number }
  | { readonly kind: 'check_hours'; readonly calendarId: string }
  | { readonly kind: 'queue'; readonly step: QueueStep; readonly variables: Readonly<Record<string, string>> }
  | {
      readonly kind: 'hangup';
      readonly prompt: Prompt | null;
      readonly reason: 'flow' | 'limit' | 'after_call';
    };

type Phase = 'prompt' | 'listen' | 'hours' | 'queued' | 'ended';

/** Where a call is in its flow. */
export interface FlowRun {
  readonly step: string;
  readonly phase: Phase;
  /** 1 for a menu's or collect's first try. */
  readonly attempt: number;
  readonly digits: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly stepsTaken: number;
}

/**
 * A step done, for the call's history (contact events). Digits collected are not kept here, only how many:
 * a flow may take a card number.
 */
export interface FlowStepRecord {
  readonly step: string;
  readonly type: FlowStepType;
  readonly result:
    | 'played'
    | 'key'
    | 'invalid_key'
    | 'no_input'
    | 'otherwise'
    | 'collected'
    | 'set'
    | 'open'
    | 'closed'
    | 'queued'
    | 'hangup'
    | 'step_limit';
  readonly key?: DtmfKey;
  readonly variable?: string;
  readonly digits?: number;
}

export interface FlowTurn {
  readonly run: FlowRun;
  /** Null when the input changed nothing (a key while a plain announcement plays). */
  readonly action: FlowAction | null;
  readonly records: readonly FlowStepRecord[];
}

const DIGITS = /^[0-9]$/;

class Turn {
  readonly records: FlowStepRecord[] = [];
  readonly flow: Flow;
  run: FlowRun;

  constructor(flow: Flow, run: FlowRun) {
    this.flow = flow;
    this.run = run;
  }

  step(name = this.run.step): FlowStep {
    return this.flow.steps[name] as FlowStep;
  }

  record(result: FlowStepRecord['result'], extra: Partial<FlowStepRecord> = {}): void {
    this.records.push({ step: this.run.step, type: this.step().type, result, ...extra });
  }

  done(action: FlowAction | null): FlowTurn {
    return { run: this.run, action, records: this.records };
  }

  /** Goes to a step and does what it starts with; steps that need no wait (set) are passed straight through. */
  enter(name: string): FlowTurn {
    for (let at = name; ; ) {
      const stepsTaken = this.run.stepsTaken + 1;
      this.run = { ...this.run, step: at, attempt: 1, digits: '', stepsTaken };
      const step = this.step();
      if (stepsTaken > FLOW_LIMITS.stepsPerCall) {
        this.record('step_limit');
        this.run = { ...this.run, phase: 'ended' };
        return this.done({ kind: 'hangup', prompt: null, reason: 'limit' });
      }
      switch (step.type) {
        case 'set':
          this.run = { ...this.run, variables: { ...this.run.variables, [step.variable]: step.value } };
          this.record('set', { variable: step.variable });
          at = step.next;
          continue;
        case 'play':
          this.run = { ...this.run, phase: 'prompt' };
          return this.done({ kind: 'play', prompts: step.prompts, keys: false });
        case 'menu':
        case 'collect':
          this.run = { ...this.run, phase: 'prompt' };
          return this.done({ kind: 'play', prompts: [step.prompt], keys: true });
        case 'hours':
          this.run = { ...this.run, phase: 'hours' };
          return this.done({ kind: 'check_hours', calendarId: step.calendarId });
        case 'queue':
          this.record('queued');
          this.run = { ...this.run, phase: 'queued' };
          return this.done({ kind: 'queue', step, variables: this.run.variables });
        case 'hangup':
          this.record('hangup');
          this.run = { ...this.run, phase: 'ended' };
          return this.done({ kind: 'hangup', prompt: step.prompt ?? null, reason: 'flow' });
      }
    }
  }

  listen(step: MenuStep | CollectStep): FlowTurn {
    this.run = { ...this.run, phase: 'listen' };
    return this.done({ kind: 'listen', timeoutMs: step.timeoutSeconds * 1000 });
  }

  /** A wrong key, too few digits or none in time: the prompt again, or the fallback once every try is used. */
  retry(step: MenuStep | CollectStep, result: 'invalid_key' | 'no_input', key?: DtmfKey): FlowTurn {
    this.record(result, key === undefined ? {} : { key });
    if (this.run.attempt >= step.attempts) {
      this.record('otherwise');
      return this.enter(step.otherwise);
    }
    this.run = { ...this.run, phase: 'prompt', attempt: this.run.attempt + 1, digits: '' };
    const prompts = step.retryPrompt ? [step.retryPrompt, step.prompt] : [step.prompt];
    return this.done({ kind: 'play', prompts, keys: true });
  }

  menu(step: MenuStep, input: FlowInput): FlowTurn {
    if (input.kind === 'played' && this.run.phase === 'prompt') return this.listen(step);
    if (input.kind === 'timeout' && this.run.phase === 'listen') return this.retry(step, 'no_input');
    if (input.kind !== 'key') return this.done(null);
    const target = step.options[input.key];
    if (target === undefined) return this.retry(step, 'invalid_key', input.key);
    this.record('key', { key: input.key });
    return this.enter(target);
  }

  collect(step: CollectStep, input: FlowInput): FlowTurn {
    if (input.kind === 'played' && this.run.phase === 'prompt') return this.listen(step);
    if (input.kind === 'timeout' && this.run.phase === 'listen') return this.finishCollect(step);
    if (input.kind !== 'key') return this.done(null);
    if (input.key === step.endKey) return this.finishCollect(step);
    if (!DIGITS.test(input.key)) return this.retry(step, 'invalid_key', input.key);
    this.run = { ...this.run, digits: this.run.digits + input.key };
    return this.run.digits.length >= step.maxDigits ? this.finishCollect(step) : this.listen(step);
  }

  finishCollect(step: CollectStep): FlowTurn {
    const { digits } = this.run;
    if (digits.length === 0) return this.retry(step, 'no_input');
    if (digits.length < step.minDigits) return this.retry(step, 'invalid_key');
    this.run = { ...this.run, variables: { ...this.run.variables, [step.variable]: digits } };
    this.record('collected', { variable: step.variable, digits: digits.length });
    return this.enter(step.next);
  }
}

/** A call's first turn: the flow's start step. */
export function startFlow(flow: Flow): FlowTurn {
  const run: FlowRun = {
    step: flow.start,
    phase: 'prompt',
    attempt: 1,
    digits: '',
    variables: {},
    stepsTaken: 0,
  };
  return new Turn(flow, run).enter(flow.start);
}

/** The call's next turn after what happened to it; inputs the current step does not wait for change nothing. */
export function advanceFlow(flow: Flow, run: FlowRun, input: FlowInput): FlowTurn {
  const turn = new Turn(flow, run);
  const step = turn.step();
  if (run.phase === 'ended') return turn.done(null);
  switch (step.type) {
    case 'play':
      if (input.kind !== 'played') return turn.done(null);
      turn.record('played');
      return turn.enter(step.next);
    case 'menu':
      return turn.menu(step, input);
    case 'collect':
      return turn.collect(step, input);
    case 'hours':
      if (input.kind !== 'hours') return turn.done(null);
      turn.record(input.open ? 'open' : 'closed');
      return turn.enter(input.open ? step.open : step.closed);
    case 'queue':
      if (input.kind !== 'agent_hung_up') return turn.done(null);
      if (step.afterCall !== undefined) return turn.enter(step.afterCall);
      turn.run = { ...run, phase: 'ended' };
      return turn.done({ kind: 'hangup', prompt: null, reason: 'after_call' });
    case 'set':
    case 'hangup':
      return turn.done(null);
  }
}
