import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { DEFAULT_WIDGET_SETTINGS, LIMITS, WEEKDAYS } from '@switchboard/core';
import fc from 'fast-check';
import { buildCalendar, buildChatWidget, buildCsq } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

let server: TestApp;
let admin: Session;
let csqId: string;
let widgetId: string;

before(async () => {
  server = await startTestApp();
  ({ admin } = await createTestTenant(server, 'widgets'));
  csqId = (await buildCsq(server, admin)).id;
  widgetId = (await buildChatWidget(server, admin, csqId)).id;
});
after(() => server.close());

const widget = (overrides: Record<string, unknown> = {}) => ({
  name: 'Website chat',
  problemStatements: [{ label: 'Billing', csqId }],
  ...overrides,
});
const put = (body: unknown, id = widgetId) => call(server, admin, 'PUT', `/chat-widgets/${id}`, body);
/** `{a: {b: value}}` from 'a.b'. */
const at = (path: string, value: unknown): Record<string, unknown> =>
  path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
const show = (res: { status: number; body: unknown }) => `${res.status} ${JSON.stringify(res.body)}`;
/** Moves the test server's clock to an instant. */
const setClock = (ms: number) => server.clock.advance(ms - server.clock.now());

describe('chat widget settings', () => {
  test('a widget created with a name and one problem statement has every default; changes are audited', async () => {
    const created = await call(server, admin, 'POST', '/chat-widgets', widget({ description: 'Main site' }));
    assert.equal(created.status, 201, show(created));
    const { id, problemStatements, createdAt, updatedAt, ...rest } = created.body;
    assert.equal(problemStatements[0].csqId, csqId);
    assert.deepEqual(rest, { name: 'Website chat', description: 'Main site', ...DEFAULT_WIDGET_SETTINGS });
    assert.deepEqual((await call(server, admin, 'GET', `/chat-widgets/${id}`)).body, created.body);
    const names = (await call(server, admin, 'GET', '/chat-widgets')).body.map(
      (w: { name: string }) => w.name,
    );
    assert.ok(names.includes('Website chat'));
    const again = await call(server, admin, 'POST', '/chat-widgets', widget());
    assert.equal(again.status, 409, show(again));
    assert.equal((await call(server, admin, 'DELETE', `/chat-widgets/${id}`)).status, 204);
    const audit = (await call(server, admin, 'GET', '/audit-log?limit=500')).body.filter(
      (e: { entityId: string }) => e.entityId === id,
    );
    assert.deepEqual(audit.map((e: { action: string }) => e.action).sort(), ['create', 'delete']);
  });

  test('a replace keeps what it sends, resets what it leaves out, and keeps problem statement ids sent back', async () => {
    const first = await put(
      widget({
        branding: { titleText: 'Acme help', titleColor: '#AA0000' },
        messages: { agentJoined: { before: 'Agent ', after: ' joined' } },
        serviceHours: { dayLabels: { monday: 'Lundi' } },
        fields: { phone: 'required', custom: [{ label: 'Order number', required: true }] },
        problemStatements: [
          { label: 'Billing', csqId },
          { label: 'Orders', csqId },
        ],
      }),
    );
    assert.equal(first.status, 200, show(first));
    assert.equal(first.body.branding.titleText, 'Acme help');
    assert.equal(first.body.branding.buttonText, DEFAULT_WIDGET_SETTINGS.branding.buttonText);
    assert.deepEqual(first.body.messages.agentJoined, { before: 'Agent ', after: ' joined' });
    assert.equal(first.body.serviceHours.dayLabels.monday, 'Lundi');
    assert.equal(first.body.serviceHours.dayLabels.friday, 'Friday');
    const [billing] = first.body.problemStatements;
    const second = await put(widget({ problemStatements: [{ id: billing.id, label: 'Invoices', csqId }] }));
    assert.equal(second.status, 200, show(second));
    assert.deepEqual(second.body.problemStatements, [{ id: billing.id, label: 'Invoices', csqId }]);
    assert.deepEqual(second.body.branding, DEFAULT_WIDGET_SETTINGS.branding);
    const stranger = await put(
      widget({ problemStatements: [{ id: crypto.randomUUID(), label: 'X', csqId }] }),
    );
    assert.equal(stranger.status, 400, show(stranger));
    assert.equal(stranger.body.error.details[0].path, 'body/problemStatements/0/id');
  });
});

const LABEL = LIMITS.widgetLabel.max;
const MESSAGE = LIMITS.widgetMessage.max;
const ALIAS = LIMITS.widgetAliasText.max;
const { messages, labels } = DEFAULT_WIDGET_SETTINGS;
/** Every text of a widget and its longest length in code points. */
const TEXTS: [path: string, max: number][] = [
  ['name', LIMITS.widgetName.max],
  ['description', LIMITS.widgetDescription.max],
  ['branding.titleText', LABEL],
  ['branding.buttonText', LABEL],
  ['branding.fontFamily', LIMITS.widgetFontFamily.max],
  ['fields.custom.0.label', LABEL],
  ['problemStatements.0.label', LABEL],
  ...Object.keys(messages)
    .filter((key) => typeof messages[key as keyof typeof messages] === 'string')
    .map((key): [string, number] => [`messages.${key}`, key === 'placeholder' ? LABEL : MESSAGE]),
  ...['agentJoined', 'agentLeft'].flatMap((key): [string, number][] => [
    [`messages.${key}.before`, ALIAS],
    [`messages.${key}.after`, ALIAS],
  ]),
  ...Object.keys(labels).map((key): [string, number] => [`labels.${key}`, key === 'typing' ? ALIAS : LABEL]),
  ['serviceHours.holidayMessage', MESSAGE],
  ['serviceHours.offHoursMessage', MESSAGE],
  ...WEEKDAYS.map((day): [string, number] => [`serviceHours.dayLabels.${day}`, LABEL]),
  ['rating.label', LABEL],
  ['rating.buttonText', LABEL],
  ['rating.thanksText', LABEL],
];
/** Fills in what a text needs besides its length when it sits in a list. */
const bodyWith = (path: string, text: string) => {
  const body = { ...widget(), ...at(path, text) } as Record<string, unknown>;
  if (path.startsWith('fields.custom')) body.fields = { custom: [{ label: text, required: false }] };
  if (path.startsWith('problemStatements')) body.problemStatements = [{ label: text, csqId }];
  return body;
};

describe('chat widget limits', () => {
  test('every text is accepted up to its limit and refused one code point beyond, naming the field', async () => {
    for (const [path, max] of TEXTS) {
      // Astral characters: the limit counts code points (a font stack takes plain names only).
      const longest = path.endsWith('fontFamily') ? 'x'.repeat(max) : `${'😀'.repeat(max - 1)}x`;
      const ok = await put(bodyWith(path, longest));
      assert.equal(ok.status, 200, `${path} at ${max}: ${show(ok)}`);
      const over = await put(bodyWith(path, `${longest}y`));
      assert.equal(over.status, 400, `${path} at ${max + 1}: ${show(over)}`);
      assert.equal(over.body.error.code, 'validation_failed');
      assert.equal(over.body.error.details[0].path, `body/${path.replaceAll('.', '/')}`);
    }
  });

  test('colours are #rrggbb and nothing else', async () => {
    const colours = Object.keys(DEFAULT_WIDGET_SETTINGS.branding).filter((key) => key.endsWith('Color'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...colours),
        fc.oneof(
          fc.stringMatching(/^#[0-9a-fA-F]{6}$/),
          fc.string({ maxLength: 9 }),
          fc.constantFrom('red', '#fff', '#12345g', '#1234567', 'rgb(1,2,3)', '#123456;x', ' #123456'),
        ),
        async (key, value) => {
          const res = await put(widget({ branding: { [key]: value } }));
          const valid = /^#[0-9a-fA-F]{6}$/.test(value);
          assert.equal(res.status, valid ? 200 : 400, `${key}=${JSON.stringify(value)}: ${show(res)}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a font family is a CSS font stack: names, quotes, commas and spaces only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('"Open Sans", Arial, sans-serif', 'Georgia', "'Segoe UI', system-ui"),
          fc.string({ minLength: 1, maxLength: 20 }),
          fc.constantFrom('Arial; color: red', 'x}body{display:none', 'url(x)', 'a\\62'),
        ),
        async (fontFamily) => {
          const res = await put(widget({ branding: { fontFamily } }));
          const valid = /^[A-Za-z0-9 ,'"._-]+$/.test(fontFamily);
          assert.equal(res.status, valid ? 200 : 400, `${JSON.stringify(fontFamily)}: ${show(res)}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('problem statements: 1 to 20; custom fields: up to 10; labels unique ignoring case', async () => {
    const statements = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Topic ${i}`, csqId }));
    const custom = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ label: `Field ${i}`, required: false }));
    const { min, max } = LIMITS.widgetProblemStatements;
    assert.equal((await put(widget({ problemStatements: statements(min - 1) }))).status, 400);
    assert.equal((await put(widget({ problemStatements: statements(max) }))).status, 200);
    assert.equal((await put(widget({ problemStatements: statements(max + 1) }))).status, 400);
    const most = LIMITS.widgetCustomFields.max;
    assert.equal((await put(widget({ fields: { custom: custom(most) } }))).status, 200);
    assert.equal((await put(widget({ fields: { custom: custom(most + 1) } }))).status, 400);
    const twice = await put(
      widget({ fields: { custom: [...custom(2), { label: 'FIELD 1', required: true }] } }),
    );
    assert.equal(twice.status, 400, show(twice));
    assert.equal(twice.body.error.details[0].path, 'body/fields/custom/2/label');
    const sameTopic = await put(
      widget({ problemStatements: [...statements(1), { label: 'topic 0', csqId }] }),
    );
    assert.equal(sameTopic.body.error.details[0].path, 'body/problemStatements/1/label');
  });

  test('unknown fields, field modes and wrong types are refused', async () => {
    for (const body of [
      widget({ colour: '#000000' }),
      widget({ branding: { titleColour: '#000000' } }),
      widget({ fields: { name: 'sometimes' } }),
      widget({ rating: { enabled: 'yes' } }),
      widget({ serviceHours: { calendarId: 'office' } }),
      widget({ serviceHours: { dayLabels: { funday: 'Fun' } } }),
      widget({ name: ' padded ' }),
    ]) {
      const res = await put(body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${show(res)}`);
    }
  });

  test(`a tenant has at most ${LIMITS.widgetsPerTenant.max} widgets`, async () => {
    const { admin: other } = await createTestTenant(server, 'widgets-full');
    const queue = await buildCsq(server, other);
    for (let i = 0; i < LIMITS.widgetsPerTenant.max; i++) await buildChatWidget(server, other, queue.id);
    const full = await call(server, other, 'POST', '/chat-widgets', {
      name: 'One too many',
      problemStatements: [{ label: 'Billing', csqId: queue.id }],
    });
    assert.equal(full.status, 409, show(full));
    assert.equal(full.body.error.details.limit, LIMITS.widgetsPerTenant.max);
  });
});

describe("a widget's CSQs and calendar", () => {
  test("each problem statement maps to a chat CSQ of the widget's tenant", async () => {
    const email = await buildCsq(server, admin, { channel: 'email' });
    const { admin: other } = await createTestTenant(server, 'widgets-other');
    const foreign = await buildCsq(server, other);
    for (const [id, message] of [
      [email.id, /email CSQ/],
      [foreign.id, /no CSQ/],
      [crypto.randomUUID(), /no CSQ/],
    ] as const) {
      const res = await put(
        widget({
          problemStatements: [
            { label: 'Billing', csqId },
            { label: 'X', csqId: id },
          ],
        }),
      );
      assert.equal(res.status, 400, show(res));
      assert.match(res.body.error.message, message);
      assert.equal(res.body.error.details[0].path, 'body/problemStatements/1/csqId');
    }
    const foreignCalendar = await buildCalendar(server, other);
    const res = await put(widget({ serviceHours: { calendarId: foreignCalendar.id } }));
    assert.equal(res.status, 400, show(res));
    assert.equal(res.body.error.details[0].path, 'body/serviceHours/calendarId');
  });

  test('a calendar or CSQ a widget uses cannot be deleted until the widget lets go of it', async () => {
    const queue = await buildCsq(server, admin);
    const calendar = await buildCalendar(server, admin);
    const used = await buildChatWidget(server, admin, queue.id, {
      name: 'Uses both',
      serviceHours: { calendarId: calendar.id },
    });
    for (const url of [`/csqs/${queue.id}`, `/calendars/${calendar.id}`]) {
      const res = await call(server, admin, 'DELETE', url);
      assert.equal(res.status, 409, `${url}: ${show(res)}`);
      assert.match(res.body.error.message, /chat widget\(s\) "Uses both"/);
      assert.deepEqual(res.body.error.details, { widgets: ['Uses both'] });
    }
    assert.equal((await put(widget({ name: 'Uses both' }), used.id)).status, 200);
    for (const url of [`/csqs/${queue.id}`, `/calendars/${calendar.id}`]) {
      assert.equal((await call(server, admin, 'DELETE', url)).status, 204, url);
    }
  });
});

describe('the public widget endpoint', () => {
  let calendarId: string;
  let publicId: string;

  before(async () => {
    // Monday to Friday 09:00–17:00 in Berlin; Christmas Eve 2026 (a Thursday) is a holiday.
    calendarId = (await buildCalendar(server, admin, { holidays: [{ date: '2026-12-24' }] })).id;
    publicId = (
      await buildChatWidget(server, admin, csqId, {
        name: 'Public',
        branding: { titleText: 'Acme help' },
        fields: { custom: [{ label: 'Order number', required: false }] },
        serviceHours: {
          calendarId,
          holidayMessage: 'Closed for the holidays.',
          offHoursMessage: 'We open at nine.',
        },
      })
    ).id;
  });

  // Back to the present after each, so that the tests' access tokens stay valid.
  const present = Date.now();
  afterEach(() => setClock(present));

  const fetchPublic = async (id = publicId, headers: Record<string, string> = {}) => {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/public/widgets/${id}`, headers });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  test('open within the hours, with what the widget renders and no ids of the tenant, its CSQs or calendar', async () => {
    setClock(Date.parse('2026-12-23T10:00:00Z')); // Wednesday 11:00 in Berlin
    const res = await fetchPublic();
    assert.equal(res.status, 200, show(res));
    assert.deepEqual(res.body.service, {
      open: true,
      reason: 'open',
      message: null,
      nextChange: '2026-12-23T16:00:00.000Z',
      schedule: res.body.service.schedule,
    });
    assert.equal(res.body.service.schedule.timeZone, 'Europe/Berlin');
    assert.equal(res.body.branding.titleText, 'Acme help');
    assert.deepEqual(res.body.fields.custom, [{ label: 'Order number', required: false }]);
    assert.deepEqual(Object.keys(res.body.problemStatements[0]).sort(), ['id', 'label']);
    const text = JSON.stringify(res.body);
    const { tenantId } = (await call(server, admin, 'GET', '/me')).body;
    for (const secret of [csqId, calendarId, tenantId, publicId, 'Public']) {
      assert.ok(!text.includes(secret), `${secret} leaks`);
    }
  });

  test('closed outside the hours with the off-hours message, and on a holiday with the holiday message', async () => {
    setClock(Date.parse('2026-12-23T20:00:00Z'));
    const evening = (await fetchPublic()).body.service;
    assert.deepEqual(
      [evening.open, evening.reason, evening.message],
      [false, 'off_hours', 'We open at nine.'],
    );
    assert.equal(evening.nextChange, '2026-12-25T08:00:00.000Z'); // not on the holiday
    setClock(Date.parse('2026-12-24T10:00:00Z'));
    const holiday = (await fetchPublic()).body.service;
    assert.deepEqual(
      [holiday.open, holiday.reason, holiday.message],
      [false, 'holiday', 'Closed for the holidays.'],
    );
  });

  test('24×7 without a calendar; an unknown or deleted widget is 404', async () => {
    const always = await fetchPublic(widgetId);
    assert.equal(always.body.service.open, true);
    assert.equal(always.body.service.schedule, null);
    assert.equal((await fetchPublic(crypto.randomUUID())).status, 404);
    assert.equal((await fetchPublic('not-a-uuid')).status, 400);
    const gone = await buildChatWidget(server, admin, csqId);
    await call(server, admin, 'DELETE', `/chat-widgets/${gone.id}`);
    assert.equal((await fetchPublic(gone.id)).status, 404);
  });

  test('any website may call the public routes (no credentials); other routes stay same-origin', async () => {
    const origin = { origin: 'https://shop.example' };
    const ok = await fetchPublic(publicId, origin);
    assert.equal(ok.headers['access-control-allow-origin'], '*');
    assert.equal(ok.headers['access-control-allow-credentials'], undefined);
    assert.equal(
      (await fetchPublic(crypto.randomUUID(), origin)).headers['access-control-allow-origin'],
      '*',
    );
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/public/widgets/${publicId}/chats`,
      headers: {
        ...origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
    assert.match(String(preflight.headers['access-control-allow-headers']), /authorization/);
    const privateRoute = await server.app.inject({
      method: 'GET',
      url: '/api/v1/chat-widgets',
      headers: { ...origin, ...admin.headers },
    });
    assert.equal(privateRoute.statusCode, 200);
    assert.equal(privateRoute.headers['access-control-allow-origin'], undefined);
    const privatePreflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/chat-widgets',
      headers: { ...origin, 'access-control-request-method': 'POST' },
    });
    assert.equal(privatePreflight.statusCode, 404);
    assert.equal(privatePreflight.headers['access-control-allow-origin'], undefined);
  });
});
