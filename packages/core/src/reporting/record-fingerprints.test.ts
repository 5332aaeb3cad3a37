import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detailRecordsOf } from './detail-records.ts';
import { recordFingerprints } from './record-fingerprints.ts';
import { contact, eventsOf } from './testing/contact-script.ts';

const answered = (id: string, wrapEnd: number) => {
  const c = contact(id).arrives(0).offered(5, 'ann').accepted(8, 'ann');
  c.wrapUp(60, 'ann').wrapUpEnded(wrapEnd, 'ann', ['sale']);
  return c;
};

test('records folded again from the same events have the same fingerprint, whatever order they come in', () => {
  const records = detailRecordsOf(eventsOf(answered('c1', 90), answered('c2', 95)));
  const reversed = { legs: [...records.legs].reverse(), segments: [...records.segments].reverse() };
  assert.deepEqual(recordFingerprints(structuredClone(reversed)), recordFingerprints(records));
  assert.deepEqual([...recordFingerprints(records).keys()].sort(), ['c1', 'c2']);
});

test('a changed field or a lost record changes the contact’s fingerprint and no other', () => {
  const records = detailRecordsOf(eventsOf(answered('c1', 90), answered('c2', 95), answered('c3', 99)));
  const before = recordFingerprints(records);
  const changed = structuredClone(records);
  (changed.legs.find((leg) => leg.contactId === 'c1') as (typeof changed.legs)[number]).wrapMs += 1000;
  changed.segments = changed.segments.filter((segment) => segment.contactId !== 'c2');
  const after = recordFingerprints(changed);
  assert.deepEqual(
    ['c1', 'c2', 'c3'].filter((id) => after.get(id) !== before.get(id)),
    ['c1', 'c2'],
  );
  assert.equal(
    recordFingerprints(detailRecordsOf(eventsOf(answered('c1', 91)))).get('c1') === before.get('c1'),
    false,
  );
});
