import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AGENT_STATES_IN_ORDER, handlingByAgent, stateTimes } from './agent-day.ts';

const S = 1000;
const MIDNIGHT = Date.UTC(2026, 2, 2);

test('a state entered before midnight counts from midnight; the open state counts up to now', () => {
  const times = stateTimes(
    'not_ready',
    [
      { at: MIDNIGHT - 3600 * S, state: 'not_ready' }, // before the period: clipped to midnight
      { at: MIDNIGHT + 60 * S, state: 'ready' },
      { at: MIDNIGHT + 90 * S, state: 'reserved' },
      { at: MIDNIGHT + 95 * S, state: 'active' },
      { at: MIDNIGHT + 155 * S, state: 'work' },
      { at: MIDNIGHT + 170 * S, state: 'ready' },
    ],
    MIDNIGHT,
    MIDNIGHT + 200 * S,
  );
  assert.deepEqual(times, {
    not_ready: 60 * S,
    ready: 30 * S + 30 * S,
    reserved: 5 * S,
    active: 60 * S,
    work: 15 * S,
    logged_out: 0,
  });
});

test('no change today: the whole day so far in the state held at midnight', () => {
  const times = stateTimes('ready', [], MIDNIGHT, MIDNIGHT + 500 * S);
  assert.equal(times.ready, 500 * S);
});

test('property: the times of all states add up to the period, none negative', () => {
  const change = fc.record({
    at: fc.integer({ min: MIDNIGHT - 1000 * S, max: MIDNIGHT + 2000 * S }),
    state: fc.constantFrom(...AGENT_STATES_IN_ORDER),
  });
  fc.assert(
    fc.property(
      fc.constantFrom(...AGENT_STATES_IN_ORDER),
      fc.array(change, { maxLength: 30 }),
      fc.integer({ min: 0, max: 1500 * S }),
      (initial, changes, length) => {
        const sorted = [...changes].sort((a, b) => a.at - b.at);
        const times = stateTimes(initial, sorted, MIDNIGHT, MIDNIGHT + length);
        const values = Object.values(times);
        assert.ok(values.every((v) => v >= 0));
        assert.equal(
          values.reduce((a, b) => a + b, 0),
          length,
        );
      },
    ),
  );
});

test('handled and AHT by agent: accept to end of wrap-up, counted where the wrap-up ends', () => {
  const figures = handlingByAgent(
    [
      { type: 'contact.accepted', contactId: 'c0', agentId: 'x', at: MIDNIGHT - 60 * S },
      { type: 'contact.wrap_up_ended', contactId: 'c0', agentId: 'x', at: MIDNIGHT + 30 * S },
      { type: 'contact.accepted', contactId: 'c1', agentId: 'x', at: MIDNIGHT + 100 * S },
      { type: 'contact.accepted', contactId: 'c2', agentId: 'y', at: MIDNIGHT + 100 * S },
      { type: 'contact.wrap_up_ended', contactId: 'c1', agentId: 'x', at: MIDNIGHT + 130 * S },
      { type: 'contact.accepted', contactId: 'c3', agentId: 'y', at: MIDNIGHT - 90 * S },
      { type: 'contact.wrap_up_ended', contactId: 'c3', agentId: 'y', at: MIDNIGHT - 10 * S }, // yesterday
    ],
    MIDNIGHT,
    MIDNIGHT + 200 * S,
  );
  assert.deepEqual(figures.get('x'), { handled: 2, handleMs: 120 * S, averageHandleMs: 60 * S });
  assert.equal(figures.get('y'), undefined, 'y handled nothing today: c2 is still open, c3 ended yesterday');
});
