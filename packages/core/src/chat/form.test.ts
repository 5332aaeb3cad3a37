import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WidgetFields } from '../chat-widget.ts';
import { chatFormProblems } from './form.ts';

const fields: WidgetFields = {
  name: 'required',
  email: 'optional',
  phone: 'off',
  custom: [
    { label: 'Account number', required: true },
    { label: 'Order', required: false },
  ],
};

test('a complete form has no problems; optional fields may be left out', () => {
  assert.deepEqual(chatFormProblems(fields, { name: 'Ada', custom: { 'Account number': '42' } }), []);
});

test('missing required fields, fields the form does not ask and unknown custom fields are named', () => {
  assert.deepEqual(
    chatFormProblems(fields, { name: '  ', phone: '123', custom: { Colour: 'red' } }).map((p) => p.path),
    [
      'body/fields/name',
      'body/fields/phone',
      'body/fields/custom/Account number',
      'body/fields/custom/Colour',
    ],
  );
});
