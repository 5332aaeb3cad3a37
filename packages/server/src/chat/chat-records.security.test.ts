import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvCell } from '../http/csv.ts';
import { buildApiKey, buildCsq, buildWrapUpCategory, setAgentState, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

/** What a spreadsheet would run as a formula, as customers and integrations may type it. */
const FORMULAS = ['=1+2', '+1+2', '-1+2', '@SUM(A1)', '\t=1+2', '\r=1+2', '  =1+2', ' @SUM(A1)'];
/** Names allow no leading whitespace or control characters: these are the ones they can start with. */
const NAME_FORMULAS = FORMULAS.filter((f) => /^[=+\-@]/.test(f));

let server: TestApp;
let admin: Session;
let channel: Session;
let agent: { user: { id: string }; session: Session };
let csqId: string;

before(async () => {
  server = await startTestApp();
  ({ admin } = await createTestTenant(server, 'sheets'));
  csqId = (await buildCsq(server, admin)).id;
  agent = await signInAs(server, admin, 'agent');
  channel = (await buildApiKey(server, admin, 'write')).session;
  await buildWrapUpCategory(server, admin, {}, NAME_FORMULAS);
});
after(() => server?.close());

/** A chat handled to the end, wrapped up with `reasons`, and rated by the customer with `comment`. */
async function handledChat(name: string, comment: string, reasons: string[]) {
  await setAgentState(server, agent.session, agent.user.id, 'ready');
  const started = await call(server, channel, 'POST', '/chats', {
    csqId,
    customer: { name },
    problemStatement: name,
    customFields: { Order: comment },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const { chatId, token } = started.body;
  for (const step of ['accept', 'complete']) {
    const res = await call(server, agent.session, 'POST', `/contacts/${chatId}/${step}`);
    assert.equal(res.status, 200, `${step}: ${JSON.stringify(res.body)}`);
  }
  const wrapped = await call(server, agent.session, 'POST', `/contacts/${chatId}/wrap-up`, {
    reasons,
    next: { state: 'not_ready' },
  });
  assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  const rated = await server.app.inject({
    method: 'POST',
    url: `/api/v1/public/chats/${chatId}/rating`,
    headers: { authorization: `Chat ${token}` },
    payload: { rating: 3, comment },
  });
  assert.equal(rated.statusCode, 204, rated.body);
}

test('chat records as CSV: every cell a customer or an integration could start as a formula starts with a quote', async () => {
  for (const [i, comment] of FORMULAS.entries()) {
    const name = NAME_FORMULAS[i % NAME_FORMULAS.length] ?? '=1';
    await handledChat(name, comment, [name]);
  }
  const now = server.clock.now();
  const period = `from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
  const csv = await call(server, admin, 'GET', `/chat-records?${period}&format=csv`);
  assert.equal(csv.status, 200);
  const rows: Record<string, string>[] = parse(String(csv.body), { columns: true });
  assert.equal(rows.length, FORMULAS.length);
  const texts = rows.flatMap((r) => [r.customerName, r.wrapUpReasons, r.ratingComment]);
  for (const cell of texts) assert.ok(cell?.startsWith("'"), `not neutralised: ${JSON.stringify(cell)}`);
  assert.deepEqual(rows.map((r) => r.ratingComment).sort(), FORMULAS.map((f) => `'${f}`).sort());
  for (const row of rows) {
    assert.match(row.messages ?? '', /^\d+$/, 'counts stay numbers');
    assert.match(row.rating ?? '', /^3$/);
    assert.match(row.waitSeconds ?? '', /^\d+(\.\d+)?$/, 'durations stay numbers');
  }
});

test('a cell: formulas get a quote, numbers and harmless text stay as they are', () => {
  for (const formula of FORMULAS) assert.equal(csvCell(formula), `'${formula}`);
  assert.equal(csvCell(-3), -3, 'a number the product computes is not text');
  assert.equal(csvCell(2.5), 2.5);
  assert.equal(csvCell('Ada Lovelace'), 'Ada Lovelace');
  assert.equal(csvCell('2024-05-01T10:00:00.000Z'), '2024-05-01T10:00:00.000Z');
  assert.equal(csvCell('a=b'), 'a=b', 'only the start of a cell matters');
  assert.equal(csvCell(['=1', 'Sorted']), "'=1; Sorted");
  assert.equal(csvCell(null), '');
});
