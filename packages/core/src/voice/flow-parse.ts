import { invalid } from '../errors.ts';
import {
  DTMF_KEYS,
  type DtmfKey,
  exitsOf,
  FLOW_FORMAT,
  FLOW_LIMITS,
  type Flow,
  type FlowStep,
  type Prompt,
} from './flow.ts';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown) => JSON.stringify(value) ?? 'nothing';
const STEP_NAME = new RegExp(`^[A-Za-z][A-Za-z0-9_-]{0,${FLOW_LIMITS.stepName - 1}}$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Steps that wait for the caller's keys: a loop through none of them would play on for ever. */
const LISTENING = new Set(['menu', 'collect']);

/**
 * A refusal naming the step at fault and the reason, pinned to its field (`steps/menu/options/1`) under the
 * request's `definition`, as a schema refusal is.
 */
function fail(field: string, step: string | null, message: string): never {
  const path = `body/definition${field ? `/${field}` : ''}`;
  throw invalid(message, { path, field, step, message });
}

/** Reads one step's fields, refusing any it does not know. */
class StepReader {
  readonly name: string;
  readonly fields: Fields;
  readonly seen = new Set<string>(['type']);

  constructor(name: string, fields: Fields) {
    this.name = name;
    this.fields = fields;
  }

  at(field: string): string {
    return `steps/${this.name}/${field.replaceAll('.', '/')}`;
  }

  fail(field: string, reason: string): never {
    return fail(this.at(field), this.name, `Step "${this.name}": ${reason}`);
  }

  raw(field: string): unknown {
    this.seen.add(field);
    return this.fields[field];
  }

  has(field: string): boolean {
    return this.raw(field) !== undefined;
  }

  target(field: string): string {
    const value = this.raw(field);
    if (typeof value !== 'string' || value === '') this.fail(field, `${field} must name the step to go to.`);
    return value;
  }

  text(field: string, max: number, what: string): string {
    const value = this.raw(field);
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, `${what} must be a text.`);
    if ([...value].length > max) this.fail(field, `${what} is longer than ${max} characters.`);
    return value;
  }

  integer(field: string, range: { min: number; max: number }, fallback: number | undefined): number {
    const value = this.raw(field) ?? fallback;
    if (!Number.isInteger(value) || (value as number) < range.min || (value as number) > range.max)
      this.fail(field, `${field} must be a whole number from ${range.min} to ${range.max}.`);
    return value as number;
  }

  flag(field: string): boolean {
    const value = this.raw(field) ?? false;
    if (typeof value !== 'boolean') this.fail(field, `${field} must be true or false.`);
    return value;
  }

  id(field: string, what: string): string {
    const value = this.raw(field);
    if (typeof value !== 'string' || !UUID.test(value))
      this.fail(field, `${field} must be the id of a ${what}.`);
    return value.toLowerCase();
  }

  /** A variable's value: any text (empty too) up to the length of a contact attribute's value. */
  value(field: string): string {
    const value = this.raw(field);
    if (typeof value !== 'string') return this.fail(field, 'value must be a text.');
    if ([...value].length > FLOW_LIMITS.variableValue)
      this.fail(field, `value is longer than ${FLOW_LIMITS.variableValue} characters.`);
    return value;
  }

  variable(field: string): string {
    const value = this.text(field, FLOW_LIMITS.variableName, 'The variable name');
    if (value.trim() !== value) this.fail(field, 'the variable name must not start or end with a space.');
    return value;
  }

  prompt(field: string, value = this.raw(field)): Prompt {
    if (!isObject(value)) return this.fail(field, 'a prompt is {"text": "…"} or {"promptId": "…"}.');
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'text') {
      if (typeof value.text !== 'string' || value.text.trim() === '')
        this.fail(`${field}.text`, 'the prompt text must not be empty.');
      if ([...value.text].length > FLOW_LIMITS.promptText)
        this.fail(`${field}.text`, `the prompt text is longer than ${FLOW_LIMITS.promptText} characters.`);
      return { text: value.text };
    }
    if (keys.length === 1 && keys[0] === 'promptId') {
      if (typeof value.promptId !== 'string' || !UUID.test(value.promptId))
        this.fail(`${field}.promptId`, 'promptId must be the id of an uploaded prompt.');
      return { promptId: value.promptId.toLowerCase() };
    }
    return this.fail(field, 'a prompt is {"text": "…"} or {"promptId": "…"}, not both and nothing else.');
  }

  optionalPrompt(field: string): Prompt | undefined {
    return this.has(field) ? this.prompt(field) : undefined;
  }

  done<T extends FlowStep>(step: T): T {
    const unknown = Object.keys(this.fields).find((key) => !this.seen.has(key));
    if (unknown !== undefined) this.fail(unknown, `a ${step.type} step has no field "${unknown}".`);
    return step;
  }
}

const TIMEOUT = FLOW_LIMITS.timeoutSeconds;
const ATTEMPTS = FLOW_LIMITS.attempts;

function readMenu(r: StepReader): FlowStep {
  const raw = r.raw('options');
  if (!isObject(raw) || Object.keys(raw).length === 0)
    r.fail('options', 'options must map keypad keys ("1", "*", …) to the steps they lead to.');
  const options: Partial<Record<DtmfKey, string>> = {};
  for (const [key, target] of Object.entries(raw)) {
    if (!(DTMF_KEYS as readonly string[]).includes(key))
      r.fail(`options.${key}`, `${shown(key)} is not a keypad key (0–9, *, #, A–D).`);
    if (typeof target !== 'string' || target === '')
      r.fail(`options.${key}`, 'each option must name a step.');
    options[key as DtmfKey] = target;
  }
  return r.done({
    type: 'menu',
    prompt: r.prompt('prompt'),
    options,
    timeoutSeconds: r.integer('timeoutSeconds', TIMEOUT, 5),
    attempts: r.integer('attempts', ATTEMPTS, 3),
    retryPrompt: r.optionalPrompt('retryPrompt'),
    otherwise: r.target('otherwise'),
  });
}

function readCollect(r: StepReader): FlowStep {
  const digits = { min: 1, max: FLOW_LIMITS.digits };
  const minDigits = r.integer('minDigits', digits, 1);
  const maxDigits = r.integer('maxDigits', digits, FLOW_LIMITS.digits);
  if (minDigits > maxDigits)
    r.fail('minDigits', `minDigits (${minDigits}) is more than maxDigits (${maxDigits}).`);
  const endKey = r.has('endKey') ? r.raw('endKey') : '#';
  if (endKey !== '#' && endKey !== '*' && endKey !== null)
    r.fail('endKey', 'endKey must be "#", "*" or null.');
  return r.done({
    type: 'collect',
    prompt: r.prompt('prompt'),
    variable: r.variable('variable'),
    minDigits,
    maxDigits,
    endKey,
    timeoutSeconds: r.integer('timeoutSeconds', TIMEOUT, 5),
    attempts: r.integer('attempts', ATTEMPTS, 3),
    retryPrompt: r.optionalPrompt('retryPrompt'),
    next: r.target('next'),
    otherwise: r.target('otherwise'),
  });
}

function readQueue(r: StepReader): FlowStep {
  let comfort: { prompt: Prompt; everySeconds: number } | undefined;
  const rawComfort = r.raw('comfort');
  if (rawComfort !== undefined) {
    if (!isObject(rawComfort)) r.fail('comfort', 'comfort must be {"prompt": …, "everySeconds": …}.');
    const extra = Object.keys(rawComfort).find((key) => key !== 'prompt' && key !== 'everySeconds');
    if (extra !== undefined) r.fail(`comfort.${extra}`, `comfort has no field "${extra}".`);
    const every = rawComfort.everySeconds;
    const range = FLOW_LIMITS.comfortEverySeconds;
    if (!Number.isInteger(every) || (every as number) < range.min || (every as number) > range.max)
      r.fail(
        'comfort.everySeconds',
        `comfort.everySeconds must be a whole number from ${range.min} to ${range.max}.`,
      );
    comfort = { prompt: r.prompt('comfort.prompt', rawComfort.prompt), everySeconds: every as number };
  }
  return r.done({
    type: 'queue',
    csqId: r.id('csqId', 'voice CSQ'),
    welcome: r.optionalPrompt('welcome'),
    comfort,
    announcePosition: r.flag('announcePosition'),
    announceWait: r.flag('announceWait'),
    afterCall: r.has('afterCall') ? r.target('afterCall') : undefined,
  });
}

function readStep(name: string, raw: unknown): FlowStep {
  if (!isObject(raw)) return fail(`steps/${name}`, name, `Step "${name}" must be an object with a type.`);
  const r: StepReader = new StepReader(name, raw);
  switch (raw.type) {
    case 'play': {
      const prompts = r.raw('prompts');
      if (!Array.isArray(prompts) || prompts.length === 0 || prompts.length > FLOW_LIMITS.promptsPerStep)
        r.fail('prompts', `prompts must list 1 to ${FLOW_LIMITS.promptsPerStep} prompts.`);
      const read = prompts.map((prompt, index) => r.prompt(`prompts.${index}`, prompt));
      return r.done({ type: 'play', prompts: read, next: r.target('next') });
    }
    case 'menu':
      return readMenu(r);
    case 'collect':
      return readCollect(r);
    case 'set':
      return r.done({
        type: 'set',
        variable: r.variable('variable'),
        value: r.value('value'),
        next: r.target('next'),
      });
    case 'hours':
      return r.done({
        type: 'hours',
        calendarId: r.id('calendarId', 'calendar'),
        open: r.target('open'),
        closed: r.target('closed'),
      });
    case 'queue':
      return readQueue(r);
    case 'hangup':
      return r.done({ type: 'hangup', prompt: r.optionalPrompt('prompt') });
    default:
      return fail(
        `steps/${name}/type`,
        name,
        `Step "${name}": ${shown(raw.type)} is not a step type (play, menu, collect, set, hours, queue, hangup).`,
      );
  }
}

/** Every step's exits name a step of the flow, every step is reached from the start. */
function checkGraph(flow: Flow): void {
  for (const [name, step] of Object.entries(flow.steps)) {
    for (const [field, target] of exitsOf(step)) {
      if (!Object.hasOwn(flow.steps, target))
        fail(
          `steps/${name}/${field.replaceAll('.', '/')}`,
          name,
          `Step "${name}": ${field} leads to "${target}", which is no step of this flow.`,
        );
    }
  }
  const reached = new Set([flow.start]);
  const pending = [flow.start];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const [, target] of exitsOf(flow.steps[name] as FlowStep)) {
      if (!reached.has(target)) {
        reached.add(target);
        pending.push(target);
      }
    }
  }
  const orphan = Object.keys(flow.steps).find((name) => !reached.has(name));
  if (orphan !== undefined)
    fail(`steps/${orphan}`, orphan, `Step "${orphan}" is never reached from the start ("${flow.start}").`);
}

/** A loop through steps none of which waits for a key: the caller would hear it over and over. */
function checkLoops(flow: Flow): void {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string): string | null => {
    const step = flow.steps[name] as FlowStep;
    if (LISTENING.has(step.type) || state.get(name) === 'done') return null;
    if (state.get(name) === 'open') return name;
    state.set(name, 'open');
    for (const [, target] of exitsOf(step)) {
      const looped = visit(target);
      if (looped !== null) return looped;
    }
    state.set(name, 'done');
    return null;
  };
  for (const name of Object.keys(flow.steps)) {
    const looped = visit(name);
    if (looped !== null)
      fail(
        `steps/${looped}`,
        looped,
        `Step "${looped}" is in a loop with no menu or collect step: the caller would hear it for ever.`,
      );
  }
}

/**
 * Checks a flow as written (docs/voice.md, "Call flows") and returns it with its defaults filled in. Refuses
 * the first problem found, naming the step and the field.
 */
export function parseFlow(input: unknown): Flow {
  if (!isObject(input))
    return fail('', null, 'The flow must be an object: {"format": 1, "start": …, "steps": {…}}.');
  const extra = Object.keys(input).find((key) => !['format', 'start', 'steps'].includes(key));
  if (extra !== undefined)
    fail(extra, null, `A flow has no field "${extra}" (only format, start and steps).`);
  if (input.format !== FLOW_FORMAT)
    fail('format', null, `format must be ${FLOW_FORMAT}, the flow format this server reads.`);
  const rawSteps = input.steps;
  if (!isObject(rawSteps) || Object.keys(rawSteps).length === 0)
    fail('steps', null, 'steps must map step names to steps, at least one.');
  const names = Object.keys(rawSteps);
  if (names.length > FLOW_LIMITS.steps) fail('steps', null, `A flow has at most ${FLOW_LIMITS.steps} steps.`);
  const badName = names.find((name) => !STEP_NAME.test(name));
  if (badName !== undefined)
    fail(
      `steps/${badName}`,
      badName,
      `${shown(badName)} is no step name: a letter, then up to ${FLOW_LIMITS.stepName - 1} letters, digits, "_" or "-".`,
    );
  const steps: Record<string, FlowStep> = {};
  for (const name of names) steps[name] = readStep(name, rawSteps[name]);
  if (typeof input.start !== 'string' || !Object.hasOwn(steps, input.start))
    fail('start', null, `start must name a step of the flow; ${shown(input.start)} does not.`);
  const flow: Flow = { format: FLOW_FORMAT, start: input.start, steps };
  checkGraph(flow);
  checkLoops(flow);
  const variables = new Set(
    Object.values(steps).flatMap((s) => (s.type === 'collect' || s.type === 'set' ? [s.variable] : [])),
  );
  if (variables.size > FLOW_LIMITS.variables)
    fail(
      'steps',
      null,
      `A flow sets at most ${FLOW_LIMITS.variables} different variables; this one sets ${variables.size}.`,
    );
  return flow;
}
