import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type AgentState, CHOSEN_STATES, DOMAINS } from '../acd/model.ts';
import { EXTERNAL_STATES, externalState, takesReasonCode } from './external-state.ts';

const AGENT_STATES: readonly AgentState[] = [...CHOSEN_STATES, 'reserved', 'active', 'work'];

test('each state maps to its external name; a contact is TALKING on voice and ACTIVE on digital', () => {
  const table = AGENT_STATES.flatMap((state) => DOMAINS.map((domain) => [domain, state] as const));
  assert.deepEqual(
    table.map(([domain, state]) => `${domain} ${state} → ${externalState(domain, state, 'not_ready')}`),
    [
      'voice logged_out → LOGOUT',
      'digital logged_out → LOGOUT',
      'voice not_ready → NOT_READY',
      'digital not_ready → NOT_READY',
      'voice ready → READY',
      'digital ready → READY',
      'voice reserved → RESERVED',
      'digital reserved → RESERVED',
      'voice active → TALKING',
      'digital active → ACTIVE',
      'voice work → WORK_NOT_READY',
      'digital work → WORK_NOT_READY',
    ],
  );
});

test('wrap-up is WORK_READY only when the agent will be Ready after it; unknown is WORK_NOT_READY', () => {
  for (const domain of DOMAINS) {
    assert.equal(externalState(domain, 'work', 'ready'), 'WORK_READY');
    assert.equal(externalState(domain, 'work', 'not_ready'), 'WORK_NOT_READY');
    assert.equal(externalState(domain, 'work'), 'WORK_NOT_READY');
  }
});

test('property: the chosen state changes only wrap-up, and every result is in the vocabulary', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...DOMAINS),
      fc.constantFrom(...AGENT_STATES),
      fc.option(fc.constantFrom(...CHOSEN_STATES), { nil: undefined }),
      (domain, state, chosen) => {
        const mapped = externalState(domain, state, chosen);
        assert.ok(EXTERNAL_STATES.includes(mapped));
        if (state !== 'work') assert.equal(mapped, externalState(domain, state));
        assert.equal(mapped.startsWith('WORK_'), state === 'work');
      },
    ),
  );
});

test('a reason code goes with Not Ready, logout, and wrap-up before Not Ready', () => {
  assert.deepEqual(EXTERNAL_STATES.filter(takesReasonCode), ['LOGOUT', 'NOT_READY', 'WORK_NOT_READY']);
});
