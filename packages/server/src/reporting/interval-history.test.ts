import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import ExcelJS from 'exceljs';
import { signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { XLSX_TYPE } from './interval-history-files.ts';

let server: TestApp;
let admin: Session;
let supervisor: Session;
let agent: Session;
let tenantId: string;

before(async () => {
  server = await startTestApp();
  ({ admin, tenantId } = await createTestTenant(server, 'intervals'));
  supervisor = (await signInAs(server, admin, 'supervisor')).session;
  agent = (await signInAs(server, admin, 'agent')).session;
  await server.database.db
    .updateTable('tenants')
    .set({ settings: JSON.stringify({ reporting: { timeZone: 'Europe/Berlin' } }) as never })
    .where('id', '=', tenantId)
    .execute();
});
after(() => server?.close());

const HEADER = 'Minutes,Queue,Calls Presented,Calls Answered,Calls Abandoned,Avg Call Duration';

async function upload(
  session: Session,
  body: string | Buffer,
  query: string,
  contentType = 'text/csv',
): Promise<{ status: number; body: any }> {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/v1/interval-history/imports?${query}`,
    headers: { ...session.headers, 'content-type': contentType },
    payload: body,
  });
  return { status: response.statusCode, body: response.json() };
}

const stored = () =>
  server.database.db
    .selectFrom('interval_history')
    .select(['queue', 'offered'])
    .where('tenant_id', '=', tenantId)
    .orderBy('interval_start')
    .execute();

test('a dry run shows the columns, the first rows and the errors, and stores nothing', async () => {
  const csv = `Minutes,Calls Presented,Handled,Calls Abandoned,Avg Call Duration\n2026-03-02 08:00,10,9,1,3:05\n2026-03-02 08:05,1,1,0,60\n`;
  const first = await upload(admin, csv, 'dryRun=true&minutes=15&queue=Sales');
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual(
    first.body.errors.map((e: { message: string }) => e.message),
    ['line 1: no column for Calls Answered; map one of: Handled'],
  );
  const mapped = await upload(
    admin,
    csv,
    `dryRun=true&minutes=15&queue=Sales&mapping=${encodeURIComponent('{"Handled":"answered"}')}`,
  );
  assert.equal(mapped.body.timeZone, 'Europe/Berlin');
  assert.deepEqual(mapped.body.rows[0], {
    queue: 'Sales',
    intervalStart: '2026-03-02T08:00:00+01:00',
    offered: 10,
    answered: 9,
    abandoned: 1,
    ahtSeconds: 185,
    asaSeconds: null,
    serviceLevel: null,
  });
  assert.match(mapped.body.errors[0].message, /^line 3: Minutes does not start a 15-minute interval/);
  assert.deepEqual(await stored(), []);
});

test('an import stores every row; a re-import replaces rows of the same queue and start', async () => {
  const csv = `${HEADER}\n2026-03-03 08:00,Sales,10,9,1,100\n2026-03-03 08:15,Sales,11,9,1,100\n`;
  const first = await upload(admin, csv, 'minutes=15&fileName=march.csv');
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.deepEqual([first.body.rows, first.body.inserted, first.body.replaced], [2, 2, 0]);
  server.clock.advance(1000);
  const again = await upload(
    admin,
    `${HEADER}\n2026-03-03 08:15,Sales,20,9,1,100\n2026-03-03 08:30,Sales,5,5,0,100\n`,
    'minutes=15',
  );
  assert.deepEqual([again.body.inserted, again.body.replaced], [1, 1]);
  assert.deepEqual(
    (await stored()).map((row) => row.offered),
    [10, 20, 5],
  );
  const imports = await call(server, supervisor, 'GET', '/interval-history/imports');
  assert.equal(imports.status, 200);
  assert.deepEqual(
    imports.body.map((i: { fileName: string; rows: number }) => [i.fileName, i.rows]),
    [
      ['upload', 2],
      ['march.csv', 2],
    ],
  );
});

test('a file with an error on its last line imports nothing', async () => {
  const before = await stored();
  const csv = `${HEADER}\n2026-03-04 08:00,Sales,10,9,1,100\n2026-03-04 08:15,Sales,10,11,1,100\n`;
  const refused = await upload(admin, csv, 'minutes=15');
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.code, 'validation_failed');
  assert.match(
    refused.body.error.message,
    /^The file has 1 error; nothing was imported\. line 3: Calls Answered is greater than Calls Presented$/,
  );
  assert.equal(refused.body.error.details.errors.length, 1);
  assert.deepEqual(await stored(), before);
});

test('exports in the default columns as CSV and XLSX, and as JSON', async () => {
  const query = `from=${encodeURIComponent('2026-03-03T00:00:00Z')}&to=${encodeURIComponent('2026-03-04T00:00:00Z')}`;
  const json = await call(server, supervisor, 'GET', `/interval-history?${query}`);
  assert.equal(json.status, 200, JSON.stringify(json.body));
  assert.equal(json.body.rows.length, 3);
  const csv = await call(server, supervisor, 'GET', `/interval-history?${query}&format=csv`);
  assert.equal(
    csv.body.split('\n')[0],
    'Minutes,Calls Presented,Calls Answered,Calls Abandoned,Avg Call Duration,Queue,ASA,Service Level',
  );
  assert.equal(csv.body.split('\n')[1], '2026-03-03T08:00:00+01:00,10,9,1,100,Sales,,');
  const xlsx = await server.app.inject({
    method: 'GET',
    url: `/api/v1/interval-history?${query}&format=xlsx`,
    headers: supervisor.headers,
  });
  assert.equal(xlsx.headers['content-type'], XLSX_TYPE);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  assert.equal(sheet?.getCell('A2').value, '2026-03-03T08:00:00+01:00');
  assert.equal(sheet?.getCell('B2').numFmt, '0');
  assert.equal(sheet?.getCell('H1').value, 'Service Level');
  assert.equal(sheet?.getColumn(8).numFmt, '0.0%');
  // The exported file imports again as it is.
  const back = await upload(admin, xlsx.rawPayload, 'minutes=15&dryRun=true', XLSX_TYPE);
  assert.deepEqual([back.body.errors, back.body.rowCount], [[], 3]);
});

test('a body over the limit is refused with 413 naming the limit', async () => {
  const huge = Buffer.alloc(LIMITS.intervalImport.fileBytes + 1, 'a');
  const refused = await upload(admin, huge, 'minutes=15');
  assert.equal(refused.status, 413);
  assert.equal(refused.body.error.code, 'payload_too_large');
  assert.match(refused.body.error.message, /larger than the 50 MB this request accepts/);
});

test('a body of another type is refused with 415', async () => {
  const json = await upload(admin, '{"rows":[]}', 'minutes=15', 'application/json');
  assert.equal(json.status, 415);
  assert.equal(json.body.error.code, 'unsupported_media_type');
  assert.match(json.body.error.message, /text\/csv/);
  const broken = await upload(admin, 'not a workbook', 'minutes=15&dryRun=true', XLSX_TYPE);
  assert.match(broken.body.errors[0].message, /not an XLSX workbook/);
});

test('bad parameters: the row size and the mapping', async () => {
  const minutes = await upload(admin, `${HEADER}\n`, 'minutes=20');
  assert.equal(minutes.status, 400);
  assert.match(minutes.body.error.message, /minutes must be 15, 30 or 60/);
  const mapping = await upload(admin, `${HEADER}\n`, 'minutes=15&mapping=nope');
  assert.match(mapping.body.error.message, /mapping is not JSON/);
});

test('importing is for administrators; supervisors read and export; agents do neither', async () => {
  const csv = `${HEADER}\n2026-03-05 08:00,Sales,1,1,0,1\n`;
  assert.equal((await upload(supervisor, csv, 'minutes=15')).status, 403);
  assert.equal((await upload(agent, csv, 'minutes=15')).status, 403);
  assert.equal((await call(server, agent, 'GET', '/interval-history/imports')).status, 403);
  const from = encodeURIComponent('2026-03-01T00:00:00Z');
  assert.equal((await call(server, agent, 'GET', `/interval-history?from=${from}&to=${from}`)).status, 403);
});
