import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detailRecordsOf } from './detail-records.ts';
import { changedContacts } from './record-changes.ts';
import { contact, eventsOf } from './testing/contact-script.ts';

const answered = (id: string, wrapEnd: number) => {
  const c = contact(id).arrives(0).offered(5, 'ann').accepted(8, 'ann');
  c.wrapUp(60, 'ann').wrapUpEnded(wrapEnd, 'ann', ['sale']);
  return c;
};

test('records folded again from the same events are unchanged, whatever order they were stored in', () => {
  const records = detailRecordsOf(eventsOf(answered('c1', 90), answered('c2', 95)));
  const stored = { legs: [...records.legs].reverse(), segments: [...records.segments].reverse() };
  assert.deepEqual(changedContacts(['c1', 'c2'], records, structuredClone(stored)), new Set());
});

test('a changed field, a lost record or a contact never stored counts as changed; the others do not', () => {
  const records = detailRecordsOf(eventsOf(answered('c1', 90), answered('c2', 95), answered('c3', 99)));
  const stored = structuredClone(records);
  (stored.legs.find((leg) => leg.contactId === 'c1') as (typeof stored.legs)[number]).wrapMs += 1000;
  stored.segments = stored.segments.filter((segment) => segment.contactId !== 'c2');
  assert.deepEqual(changedContacts(['c1', 'c2', 'c3', 'c4'], records, stored), new Set(['c1', 'c2']));
  const onlyNew = detailRecordsOf(eventsOf(answered('c4', 90)));
  assert.deepEqual(changedContacts(['c4'], onlyNew, { legs: [], segments: [] }), new Set(['c4']));
});
