/**
 * Call flows (spec C13): what a caller hears and presses before a call waits in a voice CSQ. A flow is a set
 * of named steps and the step it starts at; each step says where the call goes next. The JSON format is
 * documented in docs/voice.md ("Call flows"); parseFlow checks it, runFlow plays it.
 */

/** The format version a flow is written in; a later format is a new number, old flows keep theirs. */
export const FLOW_FORMAT = 1;

/** The keys of a phone's keypad, as RFC 4733 names events 0–15. */
export const DTMF_KEYS = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '*',
  '#',
  'A',
  'B',
  'C',
  'D',
] as const;
export type DtmfKey = (typeof DTMF_KEYS)[number];

export const FLOW_LIMITS = {
  steps: 100,
  /** A step's name: a letter, then letters, digits, `_` or `-`. */
  stepName: 40,
  promptsPerStep: 5,
  promptText: 500,
  variables: 20,
  /** Variables reach the agent as contact attributes: their names and values keep to the attributes' limits. */
  variableName: 60,
  variableValue: 1000,
  digits: 32,
  timeoutSeconds: { min: 1, max: 60 },
  attempts: { min: 1, max: 5 },
  comfortEverySeconds: { min: 10, max: 600 },
  /**
   * Steps one call may pass through before it is ended: a caller who never presses a key in a menu whose
   * fallback leads back to it would otherwise hear it for ever.
   */
  stepsPerCall: 200,
} as const;

/** Audio a step plays: text spoken by the speech synthesiser, or an uploaded prompt. */
export type Prompt = { readonly text: string } | { readonly promptId: string };

export interface PlayStep {
  readonly type: 'play';
  readonly prompts: readonly Prompt[];
  readonly next: string;
}

/** Plays its prompt and waits for one key; a key not among the options, or none in time, is tried again. */
export interface MenuStep {
  readonly type: 'menu';
  readonly prompt: Prompt;
  readonly options: Readonly<Partial<Record<DtmfKey, string>>>;
  readonly timeoutSeconds: number;
  readonly attempts: number;
  /** Played before the menu again after a wrong key or none. */
  readonly retryPrompt?: Prompt | undefined;
  /** Where the call goes when every attempt failed. */
  readonly otherwise: string;
}

/** Takes digits into a call variable: until the end key, the most digits, or a pause of timeoutSeconds. */
export interface CollectStep {
  readonly type: 'collect';
  readonly prompt: Prompt;
  readonly variable: string;
  readonly minDigits: number;
  readonly maxDigits: number;
  readonly endKey: '#' | '*' | null;
  readonly timeoutSeconds: number;
  readonly attempts: number;
  readonly retryPrompt?: Prompt | undefined;
  readonly next: string;
  readonly otherwise: string;
}

export interface SetStep {
  readonly type: 'set';
  readonly variable: string;
  readonly value: string;
  readonly next: string;
}

/** Goes one way while the calendar is open, the other when it is closed (out of hours or a holiday). */
export interface HoursStep {
  readonly type: 'hours';
  readonly calendarId: string;
  readonly open: string;
  readonly closed: string;
}

/** The call waits in a voice CSQ with music: a welcome first, then a comfort message every so often. */
export interface QueueStep {
  readonly type: 'queue';
  readonly csqId: string;
  readonly welcome?: Prompt | undefined;
  readonly comfort?: { readonly prompt: Prompt; readonly everySeconds: number } | undefined;
  /** Tell the caller their place in line after the welcome and with each comfort message. */
  readonly announcePosition: boolean;
  /** Tell the caller the expected wait, as the queue estimates it, likewise. */
  readonly announceWait: boolean;
  /** Where the caller goes when the agent hangs up first (a post-call survey); none: the call ends. */
  readonly afterCall?: string | undefined;
}

export interface HangupStep {
  readonly type: 'hangup';
  readonly prompt?: Prompt | undefined;
}

export type FlowStep = PlayStep | MenuStep | CollectStep | SetStep | HoursStep | QueueStep | HangupStep;
export type FlowStepType = FlowStep['type'];
export const FLOW_STEP_TYPES: readonly FlowStepType[] = [
  'play',
  'menu',
  'collect',
  'set',
  'hours',
  'queue',
  'hangup',
];

export interface Flow {
  readonly format: typeof FLOW_FORMAT;
  readonly start: string;
  readonly steps: Readonly<Record<string, FlowStep>>;
}

/** The steps a step may go to next, each with the field that names it ('next', 'options.1', …). */
export function exitsOf(step: FlowStep): [field: string, target: string][] {
  switch (step.type) {
    case 'play':
    case 'set':
      return [['next', step.next]];
    case 'menu':
      return [
        ...Object.entries(step.options).map(([key, target]): [string, string] => [`options.${key}`, target]),
        ['otherwise', step.otherwise],
      ];
    case 'collect':
      return [
        ['next', step.next],
        ['otherwise', step.otherwise],
      ];
    case 'hours':
      return [
        ['open', step.open],
        ['closed', step.closed],
      ];
    case 'queue':
      return step.afterCall === undefined ? [] : [['afterCall', step.afterCall]];
    case 'hangup':
      return [];
  }
}

/** Every prompt a flow may play, with the step and field it is in: to speak or look up before the flow runs. */
export function promptsOf(flow: Flow): { step: string; field: string; prompt: Prompt }[] {
  const found: { step: string; field: string; prompt: Prompt }[] = [];
  const add = (step: string, field: string, prompt: Prompt | undefined) => {
    if (prompt) found.push({ step, field, prompt });
  };
  for (const [name, step] of Object.entries(flow.steps)) {
    switch (step.type) {
      case 'play':
        for (const [index, prompt] of step.prompts.entries()) add(name, `prompts.${index}`, prompt);
        break;
      case 'menu':
      case 'collect':
        add(name, 'prompt', step.prompt);
        add(name, 'retryPrompt', step.retryPrompt);
        break;
      case 'queue':
        add(name, 'welcome', step.welcome);
        add(name, 'comfort.prompt', step.comfort?.prompt);
        break;
      case 'hangup':
        add(name, 'prompt', step.prompt);
        break;
      case 'set':
      case 'hours':
        break;
    }
  }
  return found;
}
