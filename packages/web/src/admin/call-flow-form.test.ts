import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFlow } from '@switchboard/core';
import { EXAMPLE_FLOW } from '@switchboard/core/testing/example-flow';
import { flowToForm, formToDefinition } from './call-flow-form.ts';

const stored = parseFlow(EXAMPLE_FLOW) as unknown as Record<string, unknown>;

test('a stored flow shown in the form and saved unchanged is the same flow', () => {
  const form = flowToForm({ name: 'Main line', version: 3, definition: stored });
  assert.deepEqual(parseFlow(formToDefinition(form)), parseFlow(EXAMPLE_FLOW));
});

test('the form lists the steps in the order a call meets them', () => {
  const form = flowToForm({ name: 'Main line', version: 1, definition: stored });
  assert.deepEqual(
    form.steps.map((s) => s.name),
    ['greeting', 'hours', 'menu', 'closed', 'account', 'support', 'billing'],
  );
});

test('a renamed step keeps the exits that lead to it; two steps of one name are refused before saving', () => {
  const form = flowToForm({ name: 'Main line', version: 1, definition: stored });
  const renamed = {
    ...form,
    steps: form.steps.map((s) => (s.name === 'support' ? { ...s, name: 'agents' } : s)),
  };
  const saved = parseFlow(formToDefinition(renamed));
  const menu = saved.steps.menu;
  assert.deepEqual(menu?.type === 'menu' && menu.options, { '1': 'account', '2': 'agents' });
  assert.equal(saved.steps.support, undefined);
  const twice = {
    ...form,
    steps: form.steps.map((s) => (s.name === 'closed' ? { ...s, name: 'hours' } : s)),
  };
  assert.throws(() => formToDefinition(twice), /Two steps are named "hours"/);
});
