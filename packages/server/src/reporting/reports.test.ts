import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildApiKey, buildContact, buildCsq, buildSkill, buildTeam, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

const S = 1000;
const MIN = 60 * S;
const QUARTER = 15 * MIN;

describe('report API', () => {
  let server: TestApp;
  let admin: Session;
  let channel: Session;
  let reader: Session;
  let csq: { sales: string; support: string };
  let people: { ana: { id: string; session: Session }; bob: { id: string; session: Session } };
  let supervisor: Session;
  let start: number;
  let day: string;
  let lastDay: string;
  let days: number;
  let contactIds: string[];

  const at = (ms: number) => server.clock.advance(start + ms - server.clock.now());
  const report = (who: Session, template: string, query: string) =>
    call(server, who, 'GET', `/reports/${template}?from=${day}&to=${lastDay}${query}`);
  const act = async (
    who: { session: Session },
    contactId: string,
    ...steps: ('accept' | 'complete' | 'wrap-up')[]
  ) => {
    for (const step of steps) {
      const r = await call(
        server,
        who.session,
        'POST',
        `/contacts/${contactId}/${step}`,
        step === 'wrap-up' ? { reasons: [] } : undefined,
      );
      assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.body)}`);
    }
  };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    const skill = {
      sales: (await buildSkill(server, admin)).id,
      support: (await buildSkill(server, admin)).id,
    };
    csq = {
      sales: (
        await buildCsq(server, admin, {
          name: 'Sales',
          channel: 'voice',
          skills: [{ skillId: skill.sales, minCompetence: 1 }],
        })
      ).id,
      support: (
        await buildCsq(server, admin, {
          name: 'Support',
          skills: [{ skillId: skill.support, minCompetence: 1 }],
        })
      ).id,
    };
    const sup = await signInAs(server, admin, 'supervisor', {});
    supervisor = sup.session;
    const team = await buildTeam(server, admin, { primarySupervisorId: sup.user.id });
    const agent = async (skillId: string, teamId: string | null) => {
      const { user, session } = await signInAs(server, admin, 'agent', {
        teamId,
        skills: [{ skillId, competence: 5 }],
      });
      return { id: user.id, session };
    };
    people = { ana: await agent(skill.sales, team.id), bob: await agent(skill.support, null) };
    channel = (await buildApiKey(server, admin, 'write')).session;
    reader = (await buildApiKey(server, admin, 'read')).session;
    start = Math.ceil(server.clock.now() / QUARTER) * QUARTER;
    day = new Date(start).toISOString().slice(0, 10);
    // UTC is the tenant's zone; the scenario may run past midnight into a second day.
    lastDay = new Date(start + 3 * QUARTER).toISOString().slice(0, 10);
    days = day === lastDay ? 1 : 2;
    at(0);
    for (const [who, domain] of [
      [people.ana, 'voice'],
      [people.bob, 'digital'],
    ] as const)
      assert.equal(
        (await call(server, who.session, 'PUT', `/agents/${who.id}/state`, { domain, state: 'ready' }))
          .status,
        200,
      );
    contactIds = [];
    at(2 * MIN);
    const sale = (await buildContact(server, channel, csq.sales, { channel: 'voice' })).id;
    at(2 * MIN + 5 * S);
    await act(people.ana, sale, 'accept');
    at(20 * MIN); // the conversation runs into the next interval
    await act(people.ana, sale, 'complete', 'wrap-up');
    const help = (await buildContact(server, channel, csq.support)).id;
    at(20 * MIN + 20 * S);
    await act(people.bob, help, 'accept', 'complete', 'wrap-up');
    contactIds.push(sale, help);
    at(2 * QUARTER + 3 * MIN);
    const captured = await call(server, admin, 'POST', '/reports/capture');
    assert.equal(captured.status, 200, JSON.stringify(captured.body));
  });
  after(() => server.close());

  test('CSQ activity covers every row of the day with zeros, and totals what was captured', async () => {
    const res = await report(reader, 'csq-activity', '');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.rows.length, 96 * 2 * days, 'two CSQs × 96 quarter-hours a day');
    assert.ok(
      res.body.columns.some(
        (c: { name: string; unit: string | null }) => c.name === 'asaSeconds' && c.unit === 's',
      ),
    );
    const first = res.body.rows.find(
      (r: Record<string, unknown>) => r.csqName === 'Sales' && r.offered === 1,
    );
    assert.equal(first.intervalStart, new Date(start).toISOString().replace('.000Z', 'Z'));
    assert.equal(first.answered, 1);
    assert.equal(first.asaSeconds, 5);
    assert.equal(first.serviceLevel, 1);
    const handled = res.body.rows.find(
      (r: Record<string, unknown>) => r.csqName === 'Sales' && r.handleCount === 1,
    );
    assert.equal(
      handled.intervalStart,
      new Date(start + QUARTER).toISOString().replace('.000Z', 'Z'),
      'AHT by completion',
    );
    const summary = await report(reader, 'csq-activity', '&summarize=true');
    assert.deepEqual(
      summary.body.rows.map((r: Record<string, unknown>) => [r.csqName, r.offered, r.handled]),
      [
        ['Sales', 1, 1],
        ['Support', 1, 1],
      ],
    );
    const hourly = await report(reader, 'csq-activity', `&rows=60&csqIds=${csq.sales}`);
    assert.equal(hourly.body.rows.length, 24 * days);
  });

  test('the WFM template has the five columns adapters read, 96 rows a day, zeros rather than gaps', async () => {
    const res = await report(reader, 'wfm-interval', `&csqIds=${csq.sales}`);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.columns.map((c: { name: string }) => c.name),
      ['Queue', 'Minutes', 'Calls Presented', 'Calls Answered', 'Calls Abandoned', 'Avg Call Duration'],
    );
    assert.equal(res.body.rows.length, 96 * days);
    assert.ok(res.body.rows.every((r: Record<string, unknown>) => typeof r['Calls Presented'] === 'number'));
    assert.equal(
      res.body.rows.reduce((sum: number, r: Record<string, number>) => sum + (r['Calls Presented'] ?? 0), 0),
      1,
    );
  });

  test('a clock-change day has the intervals that really occur in the tenant zone', async () => {
    const zoned = await call(server, admin, 'PATCH', '/tenant/settings', {
      reporting: { timeZone: 'Europe/Berlin' },
    });
    assert.equal(zoned.status, 200);
    try {
      const spring = await call(
        server,
        reader,
        'GET',
        `/reports/wfm-interval?from=2026-03-29&to=2026-03-29&csqIds=${csq.sales}`,
      );
      assert.equal(spring.body.rows.length, 92);
      assert.equal(spring.body.rows[8].Minutes, '2026-03-29T03:00:00+02:00');
      const autumn = await call(
        server,
        reader,
        'GET',
        `/reports/wfm-interval?from=2026-10-25&to=2026-10-25&csqIds=${csq.sales}`,
      );
      assert.equal(autumn.body.rows.length, 100);
      assert.equal(autumn.body.rows[9].Minutes, '2026-10-25T02:15:00+02:00');
      assert.equal(autumn.body.rows[13].Minutes, '2026-10-25T02:15:00+01:00');
    } finally {
      await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { timeZone: 'UTC' } });
    }
  });

  test('bad ranges, unknown CSQs and an interval the tenant does not use are refused with what to fix', async () => {
    const long = await call(server, reader, 'GET', '/reports/csq-activity?from=2026-01-01&to=2026-12-31');
    assert.equal(long.status, 400);
    assert.equal(long.body.error.code, 'range_too_long');
    const unknown = await report(reader, 'csq-activity', `&csqIds=${crypto.randomUUID()}`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'unknown_csq');
    const bad = await call(server, reader, 'GET', '/reports/csq-activity?from=2026-02-30&to=2026-03-01');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /YYYY-MM-DD/);
    await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { intervalMinutes: 30 } });
    try {
      const fine = await report(reader, 'csq-activity', '&rows=15');
      assert.equal(fine.status, 400);
      assert.equal(fine.body.error.code, 'interval_not_used');
    } finally {
      await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { intervalMinutes: 15 } });
    }
  });

  test('drill-down lists the contacts behind a total, and each has its journey', async () => {
    const rows = (await report(reader, 'csq-activity', `&csqIds=${csq.sales}`)).body.rows;
    const row = rows.find((r: Record<string, unknown>) => r.offered === 1);
    const end = new Date(Date.parse(row.intervalStart) + QUARTER).toISOString();
    const drill = await call(
      server,
      supervisor,
      'GET',
      `/reports/contacts?from=${day}&to=${lastDay}&csqId=${csq.sales}&start=${row.intervalStart}&end=${end}&kind=answered`,
    );
    assert.equal(drill.status, 200, JSON.stringify(drill.body));
    assert.deepEqual(
      drill.body.rows.map((r: { contactId: string }) => r.contactId),
      [contactIds[0]],
    );
    const journey = await call(server, supervisor, 'GET', `/contacts/${contactIds[0]}/journey`);
    assert.equal(journey.status, 200);
    assert.deepEqual(
      journey.body.steps.map((s: { label: string }) => s.label),
      ['Contact created', 'Queued', 'Offered', 'Accepted', 'Wrap-up started', 'Wrap-up ended', 'Ended'],
    );
    assert.equal(journey.body.legs[0].waitSeconds, 5);
  });

  test('supervisors scoped to their teams see their agents and the CSQs those agents serve', async () => {
    const agents = await report(supervisor, 'agent-summary', '&summarize=true');
    assert.deepEqual(
      agents.body.rows.map((r: { agentId: string }) => r.agentId),
      [people.ana.id],
    );
    const csqs = await report(supervisor, 'csq-activity', '&summarize=true');
    assert.deepEqual(
      csqs.body.rows.map((r: { csqName: string }) => r.csqName),
      ['Sales'],
    );
    const refused = await report(supervisor, 'csq-activity', `&csqIds=${csq.support}`);
    assert.equal(
      (await call(server, supervisor, 'GET', `/contacts/${contactIds[1]}/journey`)).status,
      404,
      'a contact outside their scope',
    );
    assert.equal(refused.body.error.code, 'unknown_csq');
    await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { supervisorScope: 'tenant' } });
    try {
      const all = await report(supervisor, 'csq-activity', '&summarize=true');
      assert.equal(all.body.rows.length, 2);
    } finally {
      await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { supervisorScope: 'teams' } });
    }
    const agentOnly = await report(people.ana.session, 'csq-activity', '');
    assert.equal(agentOnly.status, 403);
  });

  test('reports export as CSV and XLSX with the same rows', async () => {
    const csv = await server.app.inject({
      method: 'GET',
      url: `/api/v1/reports/csq-activity?from=${day}&to=${lastDay}&summarize=true&format=csv`,
      headers: reader.headers,
    });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0] as string, /^csqId,csqName,offered,/);
    const xlsx = await server.app.inject({
      method: 'GET',
      url: `/api/v1/reports/csq-activity?from=${day}&to=${lastDay}&summarize=true&format=xlsx`,
      headers: reader.headers,
    });
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('csq-activity');
    assert.ok(sheet);
    assert.equal(sheet.rowCount, 3);
    assert.equal(sheet.getRow(2).getCell(3).value, 1);
    assert.equal(sheet.getColumn(13).numFmt, '0.0%', 'service level as a percentage');
  });

  test('interval history exports what Switchboard captured, in the columns imports read', async () => {
    const from = new Date(start).toISOString();
    const to = new Date(start + 2 * QUARTER).toISOString();
    const res = await call(server, reader, 'GET', `/interval-history?from=${from}&to=${to}&queue=Sales`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.rows.map((r: { queue: string; offered: number; answered: number }) => [
        r.queue,
        r.offered,
        r.answered,
      ]),
      [
        ['Sales', 1, 1],
        ['Sales', 0, 0],
      ],
    );
  });

  test('saved report definitions belong to their owner', async () => {
    const saved = await call(server, supervisor, 'POST', '/report-definitions', {
      name: 'Sales today',
      template: 'csq-activity',
      query: { rows: '60', csqIds: csq.sales },
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    assert.equal((await call(server, supervisor, 'GET', '/report-definitions')).body.length, 1);
    assert.equal((await call(server, admin, 'GET', '/report-definitions')).body.length, 0);
    assert.equal((await call(server, admin, 'DELETE', `/report-definitions/${saved.body.id}`)).status, 404);
    const renamed = await call(server, supervisor, 'PATCH', `/report-definitions/${saved.body.id}`, {
      name: 'Sales hourly',
    });
    assert.equal(renamed.body.name, 'Sales hourly');
    assert.equal(
      (
        await call(server, supervisor, 'POST', '/report-definitions', {
          name: 'Sales hourly',
          template: 'abandoned',
          query: {},
        })
      ).status,
      409,
    );
    assert.equal(
      (await call(server, supervisor, 'DELETE', `/report-definitions/${saved.body.id}`)).status,
      204,
    );
  });

  test('rows as arrays carry the same values as rows as objects, in the order of the columns', async () => {
    for (const template of ['csq-activity', 'call-type', 'agent-summary'])
      for (const query of ['&rows=60', '&summarize=true', '&rows=15&limit=7&cursor=5']) {
        const objects = await report(admin, template, query);
        const arrays = await report(admin, template, `${query}&layout=arrays`);
        assert.equal(arrays.status, 200, JSON.stringify(arrays.body));
        assert.deepEqual(arrays.body.columns, objects.body.columns);
        assert.equal(arrays.body.next, objects.body.next, `${template}${query}`);
        const names = (objects.body.columns as { name: string }[]).map((column) => column.name);
        assert.deepEqual(
          arrays.body.rows,
          objects.body.rows.map((row: Record<string, unknown>) => names.map((name) => row[name])),
          `${template}${query}`,
        );
        assert.ok(arrays.body.rows.length > 0, `${template}${query}`);
      }
  });

  test('a past day is recaptured on request and its report stays the same; today and bad dates are refused', async () => {
    const before = await report(admin, 'csq-activity', '&rows=60');
    const today = new Date(server.clock.now()).toISOString().slice(0, 10);
    const refused = await call(server, admin, 'POST', '/reports/recapture', { date: today });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'date_out_of_range');
    const yesterday = new Date(server.clock.now() - 86_400_000).toISOString().slice(0, 10);
    assert.equal(refused.body.error.details.latest, yesterday);
    const malformed = await call(server, admin, 'POST', '/reports/recapture', { date: '2026-13-45x' });
    assert.equal(malformed.status, 400);
    assert.equal(
      (await call(server, supervisor, 'POST', '/reports/recapture', { date: yesterday })).status,
      403,
    );
    const done = await call(server, admin, 'POST', '/reports/recapture', {
      date: day < yesterday ? day : yesterday,
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.ok(done.body.intervals >= 92, 'every interval of the day counted');
    assert.deepEqual((await report(admin, 'csq-activity', '&rows=60')).body, before.body);
  });
});
