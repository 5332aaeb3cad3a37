import type { FlowStepType } from '@switchboard/core';

/** The keys a menu may offer, in keypad order. */
export const MENU_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/**
 * One step as the form edits it: every field a text (empty: not set), turned into the flow's JSON on save, so
 * that whatever the administrator typed reaches the server, which names what is wrong.
 */
export interface StepForm {
  /** Stays as the step is renamed: exits and the start name steps by it. */
  key: string;
  name: string;
  type: FlowStepType;
  /** Prompt texts: one per line for a play step. */
  prompt: string;
  retryPrompt: string;
  /** Menu: the step each key leads to. */
  options: Partial<Record<string, string>>;
  next: string;
  otherwise: string;
  variable: string;
  value: string;
  minDigits: string;
  maxDigits: string;
  endKey: '#' | '*' | '';
  timeoutSeconds: string;
  attempts: string;
  calendarId: string;
  open: string;
  closed: string;
  csqId: string;
  comfort: string;
  comfortEverySeconds: string;
  announcePosition: boolean;
  announceWait: boolean;
  afterCall: string;
}

export interface FlowForm {
  name: string;
  /** The version the form was loaded from (0 for a new flow). */
  version: number;
  /** The key of the step calls start at. */
  start: string;
  steps: StepForm[];
}

export const blankStep = (name: string, type: FlowStepType = 'play', key = name): StepForm => ({
  key,
  name,
  type,
  prompt: '',
  retryPrompt: '',
  options: {},
  next: '',
  otherwise: '',
  variable: '',
  value: '',
  minDigits: '',
  maxDigits: '',
  endKey: '#',
  timeoutSeconds: '',
  attempts: '',
  calendarId: '',
  open: '',
  closed: '',
  csqId: '',
  comfort: '',
  comfortEverySeconds: '30',
  announcePosition: false,
  announceWait: false,
  afterCall: '',
});

type Json = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' ? String(value) : '');
const promptText = (prompt: unknown) => text((prompt as Json | undefined)?.text);

/** A stored step as the form shows it. */
function stepToForm(name: string, step: Json): StepForm {
  const blank = blankStep(name, step.type as FlowStepType);
  const comfort = step.comfort as Json | undefined;
  return {
    ...blank,
    prompt:
      step.type === 'play'
        ? ((step.prompts as unknown[] | undefined) ?? []).map(promptText).join('\n')
        : promptText(step.type === 'queue' ? step.welcome : step.prompt),
    retryPrompt: promptText(step.retryPrompt),
    options: { ...((step.options as Record<string, string> | undefined) ?? {}) },
    next: text(step.next),
    otherwise: text(step.otherwise),
    variable: text(step.variable),
    value: text(step.value),
    minDigits: count(step.minDigits),
    maxDigits: count(step.maxDigits),
    endKey: step.endKey === null ? '' : step.endKey === '*' ? '*' : '#',
    timeoutSeconds: count(step.timeoutSeconds),
    attempts: count(step.attempts),
    calendarId: text(step.calendarId),
    open: text(step.open),
    closed: text(step.closed),
    csqId: text(step.csqId),
    comfort: promptText(comfort?.prompt),
    comfortEverySeconds: count(comfort?.everySeconds) || blank.comfortEverySeconds,
    announcePosition: step.announcePosition === true,
    announceWait: step.announceWait === true,
    afterCall: text(step.afterCall),
  };
}

/** The steps in the order a call meets them: from the start, each step's exits in turn (stored JSON keeps no order). */
function readingOrder(start: string, steps: Record<string, Json>): string[] {
  const order: string[] = [];
  const visit = [start];
  for (let name = visit.shift(); name !== undefined; name = visit.shift()) {
    const step = steps[name];
    if (!step || order.includes(name)) continue;
    order.push(name);
    const options = Object.values((step.options as Record<string, string> | undefined) ?? {});
    visit.push(...[...options, step.next, step.otherwise, step.open, step.closed, step.afterCall].map(text));
  }
  return [...order, ...Object.keys(steps).filter((name) => !order.includes(name))];
}

export function flowToForm(flow: { name: string; version: number; definition: Json }): FlowForm {
  const steps = (flow.definition.steps ?? {}) as Record<string, Json>;
  const start = text(flow.definition.start);
  return {
    name: flow.name,
    version: flow.version,
    start,
    steps: readingOrder(start, steps).map((name) => stepToForm(name, steps[name] as Json)),
  };
}

/** A number typed, or the text itself when it is none (the server then says what is wrong with it). */
const number = (typed: string) =>
  typed.trim() === '' ? undefined : Number.isNaN(Number(typed)) ? typed : Number(typed);
const prompt = (typed: string) => (typed.trim() === '' ? undefined : { text: typed.trim() });
const defined = (fields: Json): Json =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));

function stepToJson(step: StepForm, to: (key: string) => string): Json {
  const { type } = step;
  switch (type) {
    case 'play': {
      const prompts = step.prompt
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => ({ text: line }));
      return { type, prompts, next: to(step.next) };
    }
    case 'menu':
      return defined({
        type,
        prompt: prompt(step.prompt) ?? { text: '' },
        options: defined(Object.fromEntries(Object.entries(step.options).map(([k, v]) => [k, v && to(v)]))),
        timeoutSeconds: number(step.timeoutSeconds),
        attempts: number(step.attempts),
        retryPrompt: prompt(step.retryPrompt),
        otherwise: to(step.otherwise),
      });
    case 'collect':
      return defined({
        type,
        prompt: prompt(step.prompt) ?? { text: '' },
        variable: step.variable,
        minDigits: number(step.minDigits),
        maxDigits: number(step.maxDigits),
        timeoutSeconds: number(step.timeoutSeconds),
        attempts: number(step.attempts),
        retryPrompt: prompt(step.retryPrompt),
        next: to(step.next),
        otherwise: to(step.otherwise),
      });
    case 'set':
      return { type, variable: step.variable, value: step.value, next: to(step.next) };
    case 'hours':
      return { type, calendarId: step.calendarId, open: to(step.open), closed: to(step.closed) };
    case 'queue':
      return defined({
        type,
        csqId: step.csqId,
        welcome: prompt(step.prompt),
        comfort: step.comfort.trim()
          ? { prompt: { text: step.comfort.trim() }, everySeconds: number(step.comfortEverySeconds) }
          : undefined,
        announcePosition: step.announcePosition,
        announceWait: step.announceWait,
        afterCall: to(step.afterCall),
      });
    case 'hangup':
      return defined({ type, prompt: prompt(step.prompt) });
  }
}

/** The flow's JSON for the server: format 1, the start, and each step by its name. */
export function formToDefinition(form: FlowForm): Json {
  const names = new Map(form.steps.map((step) => [step.key, step.name]));
  const to = (key: string) => (key === '' ? '' : (names.get(key) ?? key));
  const steps: Json = {};
  for (const step of form.steps) {
    if (Object.hasOwn(steps, step.name))
      throw new Error(`Two steps are named "${step.name}": give each a name of its own.`);
    const json = stepToJson(step, to);
    // The end key is written as chosen: "" (none) is null, which the server reads as "no end key".
    if (step.type === 'collect') json.endKey = step.endKey === '' ? null : step.endKey;
    steps[step.name] = json;
  }
  return { format: 1, start: to(form.start), steps };
}
