import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReasonCode } from '../api/types.ts';
import { reasonLabel } from './reason-label.ts';

const reasons: ReasonCode[] = [
  { id: 'a', kind: 'logout', code: 1, label: 'End of shift', system: false },
  { id: 'b', kind: 'not_ready', code: 1, label: 'Break', system: false },
  { id: 'c', kind: 'not_ready', code: 2, label: 'Meeting', system: false },
];

test('a Not Ready agent’s code is looked up among Not Ready codes, even where a logout code has its number', () => {
  assert.equal(reasonLabel(reasons, { state: 'not_ready', reasonCode: 1 }), 'Break');
  assert.equal(reasonLabel(reasons, { state: 'not_ready', reasonCode: 2 }), 'Meeting');
});

test('a logged-out agent’s code is looked up among logout codes', () => {
  assert.equal(reasonLabel(reasons, { state: 'logged_out', reasonCode: 1 }), 'End of shift');
  assert.equal(reasonLabel(reasons, { state: 'logged_out', reasonCode: 2 }), undefined);
});

test('no code, an unknown code, or a state without reasons has no label', () => {
  assert.equal(reasonLabel(reasons, { state: 'not_ready', reasonCode: null }), undefined);
  assert.equal(reasonLabel(reasons, { state: 'not_ready', reasonCode: 9 }), undefined);
  assert.equal(reasonLabel(reasons, { state: 'ready', reasonCode: 1 }), undefined);
});
