import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type StoredEvent, transferNoteFor } from './transfer-note-for.ts';

const event = (type: string, data: StoredEvent['data'] = {}): StoredEvent => ({ type, data });
const toAgent = (note: string | null, toAgentId = 'bo') =>
  event('contact.transferred', { note, toAgentId, toCsqId: null } as StoredEvent['data']);
const toCsq = (note: string | null) =>
  event('contact.transferred', { note, toAgentId: null, toCsqId: 'billing' } as StoredEvent['data']);
const queued = (cause: string | null) => event('contact.queued', { cause });
const start = [queued(null), event('contact.offered'), event('contact.accepted')];

test('a transfer to an agent shows its note to that agent only, even once requeued and offered to another', () => {
  const transferred = [...start, toAgent('VIP, be gentle'), event('contact.offered')];
  assert.equal(transferNoteFor(transferred, 'bo'), 'VIP, be gentle');
  const requeued = [
    ...transferred,
    event('contact.offer_withdrawn'),
    queued('no_answer'),
    event('contact.offered'),
  ];
  assert.equal(transferNoteFor(requeued, 'cy'), null);
});

test('a transfer to a CSQ shows its note for the offer that followed it, not after the contact queued again', () => {
  const transferred = [...start, toCsq('Refund agreed'), queued('transferred'), event('contact.offered')];
  assert.equal(transferNoteFor(transferred, 'cy'), 'Refund agreed');
  assert.equal(transferNoteFor([...transferred, event('contact.accepted')], 'cy'), 'Refund agreed');
  const requeued = [...transferred, event('contact.accepted'), queued('requeued'), event('contact.offered')];
  assert.equal(transferNoteFor(requeued, 'di'), null);
});

test('the last transfer counts; no note, or no transfer, shows nothing', () => {
  assert.equal(transferNoteFor(start, 'bo'), null);
  assert.equal(transferNoteFor([...start, toAgent(null)], 'bo'), null);
  const twice = [...start, toAgent('first', 'bo'), event('contact.accepted'), toAgent('second', 'cy')];
  assert.equal(transferNoteFor(twice, 'bo'), null);
  assert.equal(transferNoteFor(twice, 'cy'), 'second');
});
