import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import {
  type AssistRequest,
  answerAssist,
  assistStatus,
  cancelAssist,
  endAssist,
  escalateAssist,
  openAssist,
  type Supervisor,
} from './assist-request.ts';

const supervisorArb = (id: string) =>
  fc.option(fc.record({ id: fc.constant(id), connected: fc.boolean() }), { nil: null });

const stepArb = fc.oneof(
  fc.record({ type: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
  fc.constant({ type: 'escalate' as const }),
  fc.record({ type: fc.constant('answer' as const), by: fc.constantFrom('p', 's') }),
  fc.constant({ type: 'cancel' as const }),
  fc.constant({ type: 'end' as const }),
);

type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

const scenarioArb = fc.record({
  kind: fc.constantFrom('help' as const, 'emergency' as const),
  primary: supervisorArb('p'),
  secondary: supervisorArb('s'),
  steps: fc.array(stepArb, { maxLength: 30 }),
});

function run(
  kind: 'help' | 'emergency',
  primary: Supervisor | null,
  secondary: Supervisor | null,
  steps: readonly Step[],
) {
  const clock = new ManualClock();
  let request = openAssist(kind, clock.now(), primary, secondary);
  const history: { request: AssistRequest; now: number }[] = [];
  if (!request) return { request, history };
  history.push({ request, now: clock.now() });
  for (const step of steps) {
    if (step.type === 'advance') clock.advance(step.ms);
    try {
      if (step.type === 'escalate') request = escalateAssist(request, clock.now());
      if (step.type === 'answer') request = answerAssist(request, step.by, clock.now());
      if (step.type === 'cancel') request = cancelAssist(request, clock.now());
      if (step.type === 'end') request = endAssist(request, clock.now());
    } catch (error) {
      assert.ok(error instanceof SwitchboardError && error.code === 'conflict');
      assert.notEqual(assistStatus(request), 'open', 'only a closed request refuses a step');
    }
    history.push({ request, now: clock.now() });
  }
  return { request, history };
}

test('a request is answered at most once, escalates at most once, only after its time, never once closed', () => {
  fc.assert(
    fc.property(scenarioArb, ({ kind, primary, secondary, steps }) => {
      const { history } = run(kind, primary, secondary, steps);
      if (history.length === 0) {
        assert.ok(!primary && !secondary, 'only a team without supervisors gets no request');
        return;
      }
      const first = history[0]?.request as AssistRequest;
      const timeout = LIMITS.assistEscalationMs[kind].default;
      for (let i = 1; i < history.length; i++) {
        const before = history[i - 1]?.request as AssistRequest;
        const { request: after, now } = history[i] as { request: AssistRequest; now: number };
        // What is set stays set, to the same value: one answer, one escalation, one close.
        for (const field of ['escalatedAt', 'answeredAt', 'answeredBy', 'cancelledAt', 'endedAt'] as const) {
          if (before[field] !== null) assert.equal(after[field], before[field], field);
        }
        if (before.escalatedAt === null && after.escalatedAt !== null) {
          assert.equal(assistStatus(before), 'open', 'a closed request never escalates');
          assert.ok(now >= first.createdAt + timeout, 'escalation only after the timeout');
          assert.ok(after.secondaryId !== null, 'escalation needs a secondary');
        }
        if (assistStatus(before) !== 'open')
          assert.deepEqual(after, before, 'a closed request stays as it was');
      }
    }),
  );
});

test('a primary not connected, or none, is passed over at once; no supervisor at all: no request', () => {
  const now = 1000;
  assert.equal(openAssist('help', now, null, null), null);
  assert.equal(openAssist('help', now, { id: 'p', connected: false }, null)?.escalatedAt, null);
  assert.equal(
    openAssist('help', now, { id: 'p', connected: false }, { id: 's', connected: true })?.escalatedAt,
    now,
  );
  assert.equal(openAssist('help', now, null, { id: 's', connected: false })?.escalatedAt, now);
  assert.equal(
    openAssist('help', now, { id: 'p', connected: true }, { id: 's', connected: true })?.escalatedAt,
    null,
  );
  // The same person as both supervisors is asked once, and there is no one to escalate to.
  assert.equal(
    openAssist('help', now, { id: 'p', connected: true }, { id: 'p', connected: true })?.secondaryId,
    null,
  );
});
