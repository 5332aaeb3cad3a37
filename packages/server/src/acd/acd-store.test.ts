import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AcdEvent, ContactView } from '@switchboard/core';
import { createTestTenant, startTestApp, type TestApp } from '../testing/test-app.ts';
import { emptyBatch, writeBatch } from './acd-store.ts';

/*
 * A batch normally fits one statement; one that touches thousands of contacts (a router rebuilt after an
 * outage, a burst of arrivals) is split over several in one transaction. Both must store the same thing.
 */
let test_: TestApp;
let tenantId: string;
const CSQ = '00000000-0000-4000-8000-000000000001';

before(async () => {
  test_ = await startTestApp();
  ({ tenantId } = await createTestTenant(test_, 'store'));
});
after(() => test_.close());

const view = (id: string, seq: number, at: number): ContactView => ({
  id,
  channel: 'chat',
  direction: 'inbound',
  csqId: CSQ,
  callType: 'Batch',
  priority: 5,
  status: 'queued',
  seq,
  queuedAt: at,
  createdAt: at,
  agentId: null,
  acceptedAt: null,
  wrapUpAt: null,
  excluded: [],
  stickyAgentId: null,
  joinTimeoutSent: false,
  guests: [],
  invite: null,
  decliners: [],
});

async function contactCount(): Promise<number> {
  const query = test_.database.db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

for (const size of [3, 2_000]) {
  test(`a batch of ${size} new contacts is stored whole, and so is their ending after the router let go`, async () => {
    const at = Date.now();
    const before = await contactCount();
    const created = emptyBatch();
    const ids = Array.from({ length: size }, () => crypto.randomUUID());
    ids.forEach((id, n) => {
      created.contacts.set(id, view(id, n, at));
      created.created.set(id, { externalId: `ext-${size}-${n}`, attributes: { n: String(n) } });
      created.events.push({ type: 'contact.queued', at, contactId: id, csqId: CSQ } as AcdEvent);
    });
    await writeBatch(test_.database.db, tenantId, created);
    assert.equal((await contactCount()) - before, size);

    // Ended in a later batch that no longer holds the contacts' views: only the endings are written.
    const ended = emptyBatch();
    for (const id of ids) {
      ended.events.push({
        type: 'contact.ended',
        at: at + 1,
        contactId: id,
        outcome: 'abandoned',
        endedBy: 'customer',
        agentId: null,
      } as AcdEvent);
      ended.wrapUpReasons.set(id, ['Left']);
    }
    await writeBatch(test_.database.db, tenantId, ended);
    const rows = await test_.database.db
      .selectFrom('contacts')
      .select(['status', 'outcome', 'wrap_up_reasons', 'attributes'])
      .where('id', 'in', ids)
      .execute();
    assert.equal(rows.length, size);
    assert.ok(rows.every((r) => r.status === 'ended' && r.outcome === 'abandoned'));
    assert.deepEqual(rows[0]?.wrap_up_reasons, ['Left']);
    const events = await test_.database.db
      .selectFrom('contact_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('contact_id', 'in', ids)
      .executeTakeFirstOrThrow();
    assert.equal(Number(events.n), 2 * size);
  });
}

test('a contact that ends in the batch that holds its view keeps its attributes and gets its ending', async () => {
  const at = Date.now();
  const id = crypto.randomUUID();
  const batch = emptyBatch();
  batch.contacts.set(id, { ...view(id, 1, at), status: 'wrap_up', agentId: null });
  batch.created.set(id, { externalId: null, attributes: { customer: 'Ada' } });
  batch.events.push({
    type: 'contact.ended',
    at,
    contactId: id,
    outcome: 'handled',
    endedBy: 'agent',
    agentId: null,
  } as AcdEvent);
  batch.wrapUpReasons.set(id, ['Billing']);
  await writeBatch(test_.database.db, tenantId, batch);
  const row = await test_.database.db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'ended');
  assert.equal(row.outcome, 'handled');
  assert.deepEqual(row.wrap_up_reasons, ['Billing']);
  assert.deepEqual(row.attributes, { customer: 'Ada' });
});
