import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SwitchboardError } from '../errors.ts';
import { parseFlow } from './flow-parse.ts';
import { EXAMPLE_CSQ_ID, EXAMPLE_FLOW } from './testing/example-flow.ts';

const clone = () =>
  structuredClone(EXAMPLE_FLOW) as unknown as { steps: Record<string, Record<string, unknown>> } & Record<
    string,
    unknown
  >;

function refusal(change: (flow: ReturnType<typeof clone>) => void) {
  const flow = clone();
  change(flow);
  try {
    parseFlow(flow);
  } catch (error) {
    assert.ok(error instanceof SwitchboardError);
    assert.equal(error.code, 'validation_failed');
    return { message: error.message, ...(error.details as { path: string; step: string | null }) };
  }
  assert.fail('the flow was accepted');
}

test('the documented example is a flow; defaults are filled in', () => {
  const flow = parseFlow(EXAMPLE_FLOW);
  assert.equal(flow.start, 'greeting');
  assert.deepEqual(flow.steps.menu, {
    type: 'menu',
    prompt: { text: 'For billing, press 1. For anything else, press 2.' },
    options: { '1': 'account', '2': 'support' },
    timeoutSeconds: 5,
    attempts: 3,
    retryPrompt: undefined,
    otherwise: 'support',
  });
  const account = flow.steps.account;
  assert.equal(account?.type === 'collect' && account.endKey, '#');
  const support = flow.steps.support;
  assert.equal(support?.type === 'queue' && support.announceWait, false);
});

const REFUSALS: [string, (flow: ReturnType<typeof clone>) => void, string, string | null, RegExp][] = [
  ['an unknown format', (f) => (f.format = 2), 'body/definition/format', null, /format must be 1/],
  ['a start that is no step', (f) => (f.start = 'hello'), 'body/definition/start', null, /"hello" does not/],
  [
    'an exit to a step that is not there',
    (f) => ((f.steps.menu as { options: object }).options = { '1': 'acount' }),
    'body/definition/steps/menu/options/1',
    'menu',
    /options\.1 leads to "acount", which is no step/,
  ],
  [
    'a step no path reaches',
    (f) => (f.steps.spare = { type: 'hangup' }),
    'body/definition/steps/spare',
    'spare',
    /never reached from the start/,
  ],
  [
    'a loop that never listens',
    (f) => (f.steps.closed = { type: 'play', prompts: [{ text: 'Closed.' }], next: 'greeting' }),
    'body/definition/steps/greeting',
    'greeting',
    /loop with no menu or collect/,
  ],
  [
    'an unknown step type',
    (f) => (f.steps.closed = { type: 'fax' }),
    'body/definition/steps/closed/type',
    'closed',
    /"fax" is not a step type/,
  ],
  [
    'a field a step does not have',
    (f) => (f.steps.greeting = { ...f.steps.greeting, timeout: 4 }),
    'body/definition/steps/greeting/timeout',
    'greeting',
    /no field "timeout"/,
  ],
  [
    'a key that is no keypad key',
    (f) => ((f.steps.menu as { options: object }).options = { '11': 'support' }),
    'body/definition/steps/menu/options/11',
    'menu',
    /"11" is not a keypad key/,
  ],
  [
    'more digits required than allowed',
    (f) => (f.steps.account = { ...f.steps.account, minDigits: 13 }),
    'body/definition/steps/account/minDigits',
    'account',
    /minDigits \(13\) is more than maxDigits \(12\)/,
  ],
  [
    'a timeout out of range',
    (f) => (f.steps.menu = { ...f.steps.menu, timeoutSeconds: 0 }),
    'body/definition/steps/menu/timeoutSeconds',
    'menu',
    /from 1 to 60/,
  ],
  [
    'a prompt with both text and a file',
    (f) => (f.steps.greeting = { ...f.steps.greeting, prompts: [{ text: 'Hi', promptId: EXAMPLE_CSQ_ID }] }),
    'body/definition/steps/greeting/prompts/0',
    'greeting',
    /not both/,
  ],
  [
    'an empty prompt text',
    (f) => (f.steps.menu = { ...f.steps.menu, prompt: { text: '  ' } }),
    'body/definition/steps/menu/prompt/text',
    'menu',
    /must not be empty/,
  ],
  [
    'a comfort message too often',
    (f) =>
      (f.steps.support = { ...f.steps.support, comfort: { prompt: { text: 'Hold on' }, everySeconds: 5 } }),
    'body/definition/steps/support/comfort/everySeconds',
    'support',
    /from 10 to 600/,
  ],
  [
    'a CSQ that is no id',
    (f) => (f.steps.support = { type: 'queue', csqId: 'Sales' }),
    'body/definition/steps/support/csqId',
    'support',
    /id of a voice CSQ/,
  ],
  [
    'a value longer than a contact attribute takes',
    (f) => (f.steps.billing = { ...f.steps.billing, value: 'x'.repeat(1001) }),
    'body/definition/steps/billing/value',
    'billing',
    /longer than 1000 characters/,
  ],
  [
    'a step name that is not a name',
    (f) => {
      f.steps['2nd'] = { type: 'hangup' };
    },
    'body/definition/steps/2nd',
    '2nd',
    /no step name/,
  ],
  [
    'a step named like an object property',
    (f) => ((f.steps.menu as { options: object }).options = { '1': 'constructor' }),
    'body/definition/steps/menu/options/1',
    'menu',
    /"constructor", which is no step/,
  ],
];

for (const [what, change, path, step, message] of REFUSALS) {
  test(`refused, naming the step and the field: ${what}`, () => {
    const refused = refusal(change);
    assert.equal(refused.path, path);
    assert.equal(refused.step, step);
    assert.match(refused.message, message);
  });
}

test('a loop through a menu is allowed: the caller chooses to hear it again', () => {
  const flow = clone();
  (flow.steps.menu as { options: Record<string, string> }).options['9'] = 'greeting';
  assert.equal(parseFlow(flow).steps.menu?.type, 'menu');
});

test('at most 100 steps, 20 variables', () => {
  const chain = (count: number, make: (i: number) => object) => ({
    format: 1,
    start: 's0',
    steps: Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`s${i}`, i === count - 1 ? { type: 'hangup' } : make(i)]),
    ),
  });
  const plays = (i: number) => ({ type: 'play', prompts: [{ text: `Step ${i}` }], next: `s${i + 1}` });
  assert.equal(Object.keys(parseFlow(chain(100, plays)).steps).length, 100);
  assert.throws(() => parseFlow(chain(101, plays)), /at most 100 steps/);
  const sets = (i: number) => ({ type: 'set', variable: `v${i}`, value: 'x', next: `s${i + 1}` });
  assert.equal(Object.keys(parseFlow(chain(21, sets)).steps).length, 21);
  assert.throws(() => parseFlow(chain(22, sets)), /at most 20 different variables; this one sets 21/);
});
