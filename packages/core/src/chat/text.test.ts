import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codePoints } from '../text.ts';
import { chatTextProblem } from './text.ts';

test('chat text is counted in characters as people see them, up to 1,500', () => {
  assert.equal(codePoints('😀é'), 2);
  assert.equal(chatTextProblem('😀'.repeat(1500)), null);
  assert.match(chatTextProblem('a'.repeat(1501)) ?? '', /at most 1500 characters; this one has 1501/);
  assert.match(chatTextProblem(' \n\t ') ?? '', /empty/);
});
