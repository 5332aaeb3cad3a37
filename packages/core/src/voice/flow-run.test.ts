import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SwitchboardError } from '../errors.ts';
import { DTMF_KEYS, type DtmfKey, FLOW_LIMITS, type Flow } from './flow.ts';
import { parseFlow } from './flow-parse.ts';
import { advanceFlow, type FlowInput, type FlowTurn, startFlow } from './flow-run.ts';
import { EXAMPLE_FLOW } from './testing/example-flow.ts';

const example = parseFlow(EXAMPLE_FLOW);
const played: FlowInput = { kind: 'played' };
const timeout: FlowInput = { kind: 'timeout' };
const key = (k: DtmfKey): FlowInput => ({ kind: 'key', key: k });

/** Plays inputs into a flow from its start; returns every turn. */
function drive(flow: Flow, inputs: FlowInput[]): FlowTurn[] {
  const turns = [startFlow(flow)];
  for (const input of inputs) turns.push(advanceFlow(flow, (turns.at(-1) as FlowTurn).run, input));
  return turns;
}
const last = (turns: FlowTurn[]) => turns.at(-1) as FlowTurn;
const results = (turns: FlowTurn[]) => turns.flatMap((t) => t.records.map((r) => `${r.step}:${r.result}`));

test('open: the greeting, the menu, an account number ended with #, into the queue with the variables', () => {
  const turns = drive(example, [
    played,
    { kind: 'hours', open: true },
    key('1'),
    played,
    ...[...'4711'].map((k) => key(k as DtmfKey)),
    key('#'),
  ]);
  assert.deepEqual(turns[0]?.action, {
    kind: 'play',
    prompts: [{ text: 'Thank you for calling Acme.' }],
    keys: false,
  });
  assert.deepEqual(turns[1]?.action, {
    kind: 'check_hours',
    calendarId: '0c9a7e44-3a5b-4a2c-8d1e-9f2b6c4d8a31',
  });
  assert.equal(turns[2]?.action?.kind, 'play');
  const queued = last(turns).action;
  assert.equal(queued?.kind, 'queue');
  assert.deepEqual(queued?.kind === 'queue' && queued.variables, { Account: '4711', Topic: 'Billing' });
  assert.deepEqual(results(turns), [
    'greeting:played',
    'hours:open',
    'menu:key',
    'account:collected',
    'billing:set',
    'support:queued',
  ]);
  const collected = turns.flatMap((t) => t.records).find((r) => r.result === 'collected');
  assert.deepEqual(collected, {
    step: 'account',
    type: 'collect',
    result: 'collected',
    variable: 'Account',
    digits: 4,
  });
});

test('closed: the closed message, and the call ends', () => {
  const turns = drive(example, [played, { kind: 'hours', open: false }]);
  assert.deepEqual(last(turns).action, {
    kind: 'hangup',
    prompt: { text: 'We are closed. Our hours are nine to five, Monday to Friday.' },
    reason: 'flow',
  });
  assert.equal(last(turns).run.phase, 'ended');
  assert.equal(advanceFlow(example, last(turns).run, key('1')).action, null);
});

test('a key during the menu prompt stops it and counts; a key during an announcement is ignored', () => {
  const [, , atMenu] = drive(example, [played, { kind: 'hours', open: true }]);
  const ignored = advanceFlow(example, drive(example, [])[0]?.run as FlowTurn['run'], key('1'));
  assert.equal(ignored.action, null);
  const barged = advanceFlow(example, (atMenu as FlowTurn).run, key('2'));
  assert.equal(barged.action?.kind, 'queue');
});

test('a wrong key, then nothing: the menu again each time with its retry prompt, then its fallback', () => {
  const flow = parseFlow({
    format: 1,
    start: 'menu',
    steps: {
      menu: {
        type: 'menu',
        prompt: { text: 'Press 1' },
        retryPrompt: { text: 'Sorry.' },
        options: { '1': 'yes' },
        attempts: 3,
        timeoutSeconds: 4,
        otherwise: 'no',
      },
      yes: { type: 'hangup', prompt: { text: 'Yes' } },
      no: { type: 'hangup', prompt: { text: 'No' } },
    },
  });
  const turns = drive(flow, [played, key('7'), played, timeout, played, timeout]);
  assert.deepEqual(turns[1]?.action, { kind: 'listen', timeoutMs: 4000 });
  assert.deepEqual(turns[2]?.action, {
    kind: 'play',
    prompts: [{ text: 'Sorry.' }, { text: 'Press 1' }],
    keys: true,
  });
  assert.equal(turns[4]?.run.attempt, 3);
  assert.deepEqual(last(turns).action, { kind: 'hangup', prompt: { text: 'No' }, reason: 'flow' });
  assert.deepEqual(results(turns), [
    'menu:invalid_key',
    'menu:no_input',
    'menu:no_input',
    'menu:otherwise',
    'no:hangup',
  ]);
});

test('collecting: the most digits end it, a pause ends it, too few are tried again, a star is a wrong key', () => {
  const flow = (endKey: string | null) =>
    parseFlow({
      format: 1,
      start: 'pin',
      steps: {
        pin: {
          type: 'collect',
          prompt: { text: 'PIN' },
          variable: 'PIN',
          minDigits: 3,
          maxDigits: 4,
          endKey,
          attempts: 2,
          next: 'q',
          otherwise: 'bye',
        },
        q: { type: 'queue', csqId: '6f1c1b8e-7d2a-4c55-9a59-0b3d6c8e2f10' },
        bye: { type: 'hangup' },
      },
    });
  const queued = (turns: FlowTurn[]) => {
    const action = last(turns).action;
    return action?.kind === 'queue' ? action.variables.PIN : action?.kind;
  };
  assert.equal(queued(drive(flow(null), [played, key('1'), key('2'), key('3'), key('4')])), '1234');
  assert.equal(queued(drive(flow(null), [played, key('1'), key('2'), key('3'), timeout])), '123');
  assert.equal(
    queued(drive(flow('#'), [key('9'), key('8'), key('#'), played, key('1'), key('2'), key('3'), key('#')])),
    '123',
  );
  assert.equal(queued(drive(flow('#'), [key('9'), key('*'), played, key('*')])), 'hangup');
  assert.equal(queued(drive(flow('*'), [played, key('5'), key('5'), key('5'), key('*')])), '555');
});

test('after the agent hangs up the caller goes to the survey step, or the call ends', () => {
  const survey = parseFlow({
    format: 1,
    start: 'q',
    steps: {
      q: { type: 'queue', csqId: '6f1c1b8e-7d2a-4c55-9a59-0b3d6c8e2f10', afterCall: 'rate' },
      rate: {
        type: 'collect',
        prompt: { text: 'Rate us 1 to 5' },
        variable: 'Rating',
        maxDigits: 1,
        next: 'bye',
        otherwise: 'bye',
      },
      bye: { type: 'hangup', prompt: { text: 'Thank you' } },
    },
  });
  const turns = drive(survey, [timeout, { kind: 'agent_hung_up' }, key('5')]);
  assert.equal(turns[1]?.action, null);
  assert.deepEqual(last(turns).action, { kind: 'hangup', prompt: { text: 'Thank you' }, reason: 'flow' });
  const plain = drive(example, [played, { kind: 'hours', open: true }, key('2'), { kind: 'agent_hung_up' }]);
  assert.deepEqual(last(plain).action, { kind: 'hangup', prompt: null, reason: 'after_call' });
});

test('a caller who never presses a key in a menu that falls back to itself is ended after the step limit', () => {
  const flow = parseFlow({
    format: 1,
    start: 'menu',
    steps: {
      menu: {
        type: 'menu',
        prompt: { text: 'Press 1' },
        options: { '1': 'bye' },
        attempts: 1,
        otherwise: 'menu',
      },
      bye: { type: 'hangup' },
    },
  });
  const inputs = Array.from({ length: FLOW_LIMITS.stepsPerCall * 2 }, (_, i) => (i % 2 ? timeout : played));
  const turns = drive(flow, inputs);
  const ended = turns.findIndex((t) => t.action?.kind === 'hangup');
  assert.ok(ended > 0);
  assert.deepEqual(turns[ended]?.action, { kind: 'hangup', prompt: null, reason: 'limit' });
  assert.equal(turns[ended]?.records.at(-1)?.result, 'step_limit');
});

// Random flows: a chain (so every step is reached) whose steps also branch anywhere.
const STEP_TYPES = ['play', 'menu', 'collect', 'set', 'hours', 'queue', 'hangup'] as const;
const CSQ = '6f1c1b8e-7d2a-4c55-9a59-0b3d6c8e2f10';
const flows = fc
  .array(
    fc.tuple(
      fc.constantFrom(...STEP_TYPES),
      fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      fc.boolean(),
    ),
    {
      minLength: 1,
      maxLength: 10,
    },
  )
  .map((specs) => {
    const name = (i: number) => `s${i}`;
    const steps: Record<string, object> = {};
    specs.forEach(([type, picks, flag], i) => {
      const last = i === specs.length - 1;
      const next = last ? name(i) : name(i + 1);
      const any = (n: number) => name((picks[n] ?? 0) % specs.length);
      const prompt = { text: `Step ${i}` };
      const step: Record<string, object> = {
        play: { type: 'play', prompts: [prompt], next },
        menu: { type: 'menu', prompt, options: { '1': next, '2': any(0) }, attempts: 2, otherwise: any(1) },
        collect: {
          type,
          prompt,
          variable: `v${i}`,
          minDigits: 2,
          maxDigits: 3,
          next,
          otherwise: any(1),
          attempts: 2,
        },
        set: { type: 'set', variable: `v${i}`, value: 'x', next },
        hours: { type: 'hours', calendarId: CSQ, open: next, closed: any(0) },
        queue: { type: 'queue', csqId: CSQ, ...(flag ? { afterCall: next } : {}) },
        hangup: { type: 'hangup' },
      };
      // A chain must go on: steps that end a call only end it at the tail (or when the queue has an after-call).
      steps[name(i)] = last ? { type: 'hangup' } : (step[type] as object);
      if (!last && (type === 'hangup' || (type === 'queue' && !flag))) steps[name(i)] = step.play as object;
    });
    try {
      return parseFlow({ format: 1, start: 's0', steps });
    } catch (error) {
      if (error instanceof SwitchboardError) return null;
      throw error;
    }
  })
  .filter((flow): flow is Flow => flow !== null);

const inputs = fc.array(
  fc.oneof(
    fc.constant<FlowInput>(played),
    fc.constant<FlowInput>(timeout),
    fc.constant<FlowInput>({ kind: 'agent_hung_up' }),
    fc.boolean().map((open): FlowInput => ({ kind: 'hours', open })),
    fc.constantFrom(...DTMF_KEYS).map(key),
  ),
  { maxLength: 80 },
);

test('any flow, any inputs: the call stays on a step of its flow, doing what that step does, and ends for good', () => {
  fc.assert(
    fc.property(flows, inputs, (flow, said) => {
      let ended = false;
      for (const turn of drive(flow, said)) {
        const step = flow.steps[turn.run.step];
        assert.ok(step, `step ${turn.run.step}`);
        if (ended) assert.equal(turn.action, null);
        const kind = turn.action?.kind;
        if (kind === 'listen') assert.ok(step.type === 'menu' || step.type === 'collect');
        if (kind === 'check_hours') assert.equal(step.type, 'hours');
        if (kind === 'queue') assert.equal(step.type, 'queue');
        if (kind === 'play') assert.ok(['play', 'menu', 'collect'].includes(step.type));
        for (const value of Object.values(turn.run.variables))
          assert.ok(value === 'x' || /^[0-9]{2,3}$/.test(value));
        assert.ok(turn.run.stepsTaken <= FLOW_LIMITS.stepsPerCall + 1);
        if (kind === 'hangup') ended = true;
      }
    }),
  );
});

test('any flow, a caller who presses nothing: it reaches the queue or an end within the step limit', () => {
  fc.assert(
    fc.property(flows, fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (flow, opens) => {
      let turn = startFlow(flow);
      const bound = FLOW_LIMITS.stepsPerCall * (2 * FLOW_LIMITS.attempts.max + 2);
      for (let i = 0; i < bound; i++) {
        const action = turn.action;
        if (action === null || action.kind === 'hangup') return;
        const answer: FlowInput =
          action.kind === 'play'
            ? played
            : action.kind === 'listen'
              ? timeout
              : action.kind === 'check_hours'
                ? { kind: 'hours', open: opens[i % opens.length] ?? true }
                : { kind: 'agent_hung_up' };
        turn = advanceFlow(flow, turn.run, answer);
      }
      assert.fail('the call never ended');
    }),
  );
});
