import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterResponses, moveActive, showsSlashList, slashQuery } from './response-search.ts';

const responses = [
  { title: 'Greeting', body: 'Hello, how can I help you today?' },
  { title: 'Checking the account', body: 'I am checking your account now.' },
  { title: 'Refund', body: 'Your refund is on its way to your ACCOUNT.' },
  { title: 'Goodbye', body: 'Thank you for contacting us.' },
];
const titles = (list: { title: string }[]) => list.map((r) => r.title);

test('the search matches title and body, ignoring case; title matches come first', () => {
  assert.deepEqual(titles(filterResponses(responses, 'ACCOUNT')), ['Checking the account', 'Refund']);
  assert.deepEqual(titles(filterResponses(responses, 'refund')), ['Refund']);
  assert.deepEqual(titles(filterResponses(responses, 'thank')), ['Goodbye']);
  assert.deepEqual(titles(filterResponses(responses, 'help')), ['Greeting']);
  assert.deepEqual(titles(filterResponses(responses, 'nothing like this')), []);
});

test('every word must match somewhere; an empty or blank query keeps the whole list in order', () => {
  assert.deepEqual(titles(filterResponses(responses, 'refund way')), ['Refund']);
  assert.deepEqual(titles(filterResponses(responses, 'refund hello')), []);
  assert.deepEqual(titles(filterResponses(responses, '')), titles(responses));
  assert.deepEqual(titles(filterResponses(responses, '   ')), titles(responses));
});

test('a slash opens the shortcut at the start of the message or after whitespace', () => {
  assert.deepEqual(slashQuery('/', 1), { start: 0, query: '' });
  assert.deepEqual(slashQuery('/chec', 5), { start: 0, query: 'chec' });
  assert.deepEqual(slashQuery('Hi! /ref', 8), { start: 4, query: 'ref' });
  assert.deepEqual(slashQuery('Line one\n/gr', 12), { start: 9, query: 'gr' });
  assert.deepEqual(slashQuery('/refund your', 12), { start: 0, query: 'refund your' });
});

test('a slash inside a word, a link, a later line or after the caret is ordinary text', () => {
  assert.equal(slashQuery('and/or', 6), null);
  assert.equal(slashQuery('see https://example.com', 23), null);
  assert.equal(slashQuery('/greet\nmore', 11), null);
  assert.equal(slashQuery('Hello /ref', 3), null);
  assert.equal(slashQuery('no slash here', 13), null);
});

test('the list shows while the query is one word or still matches', () => {
  assert.equal(showsSlashList({ start: 0, query: 'zzz' }, 0), true);
  assert.equal(showsSlashList({ start: 0, query: 'refund way' }, 1), true);
  assert.equal(showsSlashList({ start: 0, query: 'and then' }, 0), false);
});

test('arrows wrap around the list', () => {
  assert.equal(moveActive(0, 1, 3), 1);
  assert.equal(moveActive(2, 1, 3), 0);
  assert.equal(moveActive(0, -1, 3), 2);
  assert.equal(moveActive(0, 1, 0), 0);
});
