import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { AcdEvent } from '@switchboard/core';
import { parse } from 'csv-parse/sync';
import { systemPrincipal } from '../auth/principal.ts';
import { ROUTER_STREAK } from '../db/connection-turns.ts';
import { buildApiKey, buildChat, buildCsq, setAgentState, signInAs } from '../testing/builders.ts';
import { seedChatRecords } from '../testing/seed-chat-records.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { EXPORT_PAGE_ROWS, exportChatRecords } from './chat-records-export.ts';

/** A sink that keeps the first column (the contact's id) of every CSV row after the header. */
class IdSink extends Writable {
  readonly ids: string[] = [];
  #partial = '';
  #header = true;

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    const lines = (this.#partial + chunk.toString()).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) {
      if (this.#header) this.#header = false;
      else this.ids.push(line.slice(0, line.indexOf(',')));
    }
    done();
  }
}

const SEEDED = 100_000;

let server: TestApp;
let admin: Session;
let channel: Session;
let tenantId: string;
let csqId: string;
let agent: { user: { id: string }; session: Session };

before(async () => {
  server = await startTestApp();
  ({ admin, tenantId } = await createTestTenant(server, 'exports'));
  csqId = (await buildCsq(server, admin)).id;
  agent = await signInAs(server, admin, 'agent');
  channel = (await buildApiKey(server, admin, 'write')).session;
});
after(() => server?.close());

const everything = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };

describe('a few chats', () => {
  let chats: string[];
  before(async () => {
    chats = [];
    for (let i = 0; i < 7; i++) chats.push((await buildChat(server, channel, csqId)).id);
  });
  after(async () => {
    for (const id of chats)
      assert.equal((await call(server, channel, 'POST', `/contacts/${id}/end`)).status, 200);
  });

  test('exported in pages: every chat once, oldest first, even when they share their creation time', async () => {
    // The hand-moved clock stood still: all seven were created at the same instant, ordered by id.
    const sink = new IdSink();
    const progress: number[] = [];
    const { rows } = await exportChatRecords(
      server.database.db,
      systemPrincipal(tenantId),
      everything,
      sink,
      {
        pageRows: 3,
        onProgress: (p) => progress.push(p.rows),
      },
    );
    assert.equal(rows, 7);
    assert.deepEqual(progress, [3, 6, 7]);
    assert.deepEqual(sink.ids, [...chats].sort());
  });

  test('the export route streams the rows of the CSV report, all of them, to readers of contacts only', async () => {
    const period = `from=${everything.from}&to=${everything.to}`;
    const streamed = await call(server, admin, 'GET', `/chat-records/export?${period}`);
    assert.equal(streamed.status, 200);
    const report = await call(server, admin, 'GET', `/chat-records?${period}&format=csv`);
    const rows = (text: unknown) => parse(String(text), { columns: true }) as Record<string, string>[];
    const byId = (a: Record<string, string>, b: Record<string, string>) =>
      String(a.contactId).localeCompare(String(b.contactId));
    assert.deepEqual(rows(streamed.body).sort(byId), rows(report.body).sort(byId));
    assert.equal(rows(streamed.body).length, chats.length);
    assert.equal((await call(server, agent.session, 'GET', `/chat-records/export?${period}`)).status, 403);
  });

  test('an export stops between pages when its signal aborts', async () => {
    const controller = new AbortController();
    const sink = new IdSink();
    const exporting = exportChatRecords(server.database.db, systemPrincipal(tenantId), everything, sink, {
      pageRows: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await assert.rejects(exporting, { name: 'AbortError' });
    assert.ok(sink.ids.length <= 2, `stopped after the first page, not ${sink.ids.length} rows`);
    assert.ok(sink.destroyed);
  });
});

test(`${SEEDED.toLocaleString('en')} chat records exported while contacts are offered: each once, and offers made between its pages`, async () => {
  const db = server.database.db;
  const now = server.clock.now();
  // The seeded chats surround the moment the new ones are created (the hand-moved clock stands still), so
  // the export meets rows written while it runs in the middle of its range.
  await seedChatRecords(db, {
    tenantId,
    csqId,
    agentId: agent.user.id,
    count: SEEDED,
    from: new Date(now - (SEEDED / 2) * 1000),
  });
  const existing = new Set(
    (
      await db.selectFrom('chat_sessions').select('contact_id').where('tenant_id', '=', tenantId).execute()
    ).map((r) => r.contact_id),
  );
  assert.ok(existing.size > SEEDED);
  const agents = [agent, await signInAs(server, admin, 'agent'), await signInAs(server, admin, 'agent')];
  const sessionOf = (agentId: string | undefined) => {
    const found = agents.find((a) => a.user.id === agentId);
    assert.ok(found, `offered to ${agentId}, none of the test's agents`);
    return found.session;
  };
  /** Offered contacts and the agent each went to. */
  const offered = new Map<string, string>();
  /** Pages of the export written so far, and at which of them offers were made. */
  let pages = 0;
  const offeredAtPage = new Set<number>();
  let exporting = true;
  const unsubscribe = server.acd.committed.subscribe(tenantId, (events: AcdEvent[]) => {
    for (const e of events) {
      if (e.type !== 'contact.offered') continue;
      offered.set(e.contactId, e.agentId);
      if (exporting && pages > 0) offeredAtPage.add(pages);
    }
  });

  const created = new Set<string>();
  const sink = new IdSink();
  const exported = exportChatRecords(db, systemPrincipal(tenantId), everything, sink, {
    onProgress: () => pages++,
  }).finally(() => {
    exporting = false;
  });
  for (const a of agents) await setAgentState(server, a.session, a.user.id, 'ready');
  // Three agents, three chats at a time, each step of the three at once, as a busy server's requests.
  const each = async (ids: string[], step: string, body?: object) => {
    const done = await Promise.all(
      ids.map((id) => call(server, sessionOf(offered.get(id)), 'POST', `/contacts/${id}/${step}`, body)),
    );
    for (const res of done) assert.equal(res.status, 200, `${step}: ${JSON.stringify(res.body)}`);
  };
  while (exporting) {
    const chats = await Promise.all(agents.map(() => buildChat(server, channel, csqId)));
    const ids = chats.map((chat) => chat.id);
    for (const id of ids) {
      created.add(id);
      assert.ok(offered.has(id), 'offered to a ready agent as it arrived');
    }
    await each(ids, 'accept');
    await each(ids, 'complete');
    await each(ids, 'wrap-up', { reasons: [], next: { state: 'ready' } });
  }
  const { rows } = await exported;
  unsubscribe();

  const ids = new Set(sink.ids);
  assert.equal(ids.size, sink.ids.length, 'no chat exported twice');
  assert.equal(rows, sink.ids.length);
  for (const id of existing) assert.ok(ids.has(id), `chat ${id}, there before the export, is missing`);
  for (const id of ids) assert.ok(existing.has(id) || created.has(id), `${id} is not a chat of the range`);
  assert.ok(pages >= SEEDED / EXPORT_PAGE_ROWS, `${pages} pages`);
  assert.ok(
    offeredAtPage.size >= 10,
    `offers were made between only ${offeredAtPage.size} of the export's ${pages} pages`,
  );

  // The design bound, from the connection's own bookkeeping: no router request overlapped more than one
  // hold of other work (one page of the export, or one query of a request). On the in-memory database a
  // router batch mostly finds the connection free between two pages; the lanes' order under contention is
  // proven in db/connection-turns.test.ts.
  const stats = server.database.turnStats?.();
  assert.ok(stats, 'the test app runs on the embedded database');
  assert.ok(stats.maxRouterQueue < ROUTER_STREAK, 'the bound applies: fewer router requests than the streak');
  assert.ok(stats.maxNormalHoldsPerRouterWait <= 1, `${stats.maxNormalHoldsPerRouterWait} holds`);
});
