import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { HTTPMethods } from 'fastify';
import {
  buildApiKey,
  buildCalendar,
  buildChat,
  buildChatWidget,
  buildCsq,
  buildPredefinedResponse,
  buildReasonCode,
  buildSkill,
  buildTeam,
  buildTeamMessage,
  buildUser,
  buildWrapUpCategory,
} from '../testing/builders.ts';
import {
  deeplyNested,
  type JsonSchema,
  jsonText,
  type Operation,
  type OutOfBoundsCase,
  openApiOperations,
  type SchemaArbitraries,
  schemaArbitraries,
} from '../testing/schema-arbitrary.ts';
import {
  call,
  createTestTenant,
  type Session,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

/**
 * Property: whatever a client sends to a documented operation — valid or not, signed in or not — the server
 * answers below 500, every refusal has the documented error shape, and another tenant's ids never succeed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** One seed for the whole run, so that a failure replays with FUZZ_SEED=<seed>. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const PREFIX = '/api/v1';
const SCRATCH = 'fuzz-scratch';
const HUGE = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) });
/** These end the caller's own session or change its password: they get a fresh session in a scratch tenant. */
const SELF_DESTRUCTIVE = new Set(['POST /auth/logout', 'PUT /me/password']);
/**
 * A valid request to these opens a stream that never ends (its own tests read it over real HTTP): only their
 * out-of-bounds fields are fuzzed, below.
 */
const STREAMS = new Set(['GET /events/sse']);
/** These could lock the fixture's administrator out, so they never target it. */
const NOT_ON_ADMIN = new Set(['PATCH /users/{id}', 'PUT /users/{id}/password']);

type Auth = { kind: 'admin' } | { kind: 'apiKey' } | { kind: 'none' } | { kind: 'header'; value: string };
type IdChoice =
  | { kind: 'known'; index: number }
  | { kind: 'foreign' }
  | { kind: 'text' | 'raw'; value: unknown };
type Body =
  | { kind: 'none' | 'huge' }
  | { kind: 'json' | 'raw'; value: unknown; contentType: string }
  | { kind: 'deep'; depth: number; nesting: 'array' | 'object'; inField: boolean };
interface FuzzRequest {
  auth: Auth;
  id: IdChoice | undefined;
  query: { declared: Partial<Record<string, string>>; extra: [string, string][]; raw: string };
  body: Body;
}

let fixture: TestApp;
let admin: Session;
let adminId: string;
let apiKey: Session;
/** Ids of existing entities by collection ("users", "skills", …); grows as the fuzzer creates things. */
const known = new Map<string, string[]>();
/** One entity per collection in another tenant: it must stay invisible. */
const foreign = new Map<string, string>();
const remember = (collection: string, id: unknown) => {
  if (typeof id === 'string') known.set(collection, [...(known.get(collection) ?? []), id]);
};

before(async () => {
  fixture = await startTestApp();
  ({ admin } = await createTestTenant(fixture, 'fuzz-main'));
  adminId = (await call(fixture, admin, 'GET', '/me')).body.id;
  remember('users', adminId);
  for (let i = 0; i < 3; i++) remember('skills', (await buildSkill(fixture, admin)).id);
  for (let i = 0; i < 2; i++) remember('teams', (await buildTeam(fixture, admin)).id);
  for (const teamId of known.get('teams') ?? []) {
    remember('team-messages', (await buildTeamMessage(fixture, admin, teamId)).id);
  }
  for (let i = 0; i < 2; i++) remember('reason-codes', (await buildReasonCode(fixture, admin)).id);
  for (let i = 0; i < 2; i++) remember('calendars', (await buildCalendar(fixture, admin)).id);
  for (const channel of ['chat', 'email']) remember('csqs', (await buildCsq(fixture, admin, { channel })).id);
  for (let i = 0; i < 2; i++) {
    remember('predefined-responses', (await buildPredefinedResponse(fixture, admin)).id);
    const category = await buildWrapUpCategory(fixture, admin, {}, ['Solved', 'Call back']);
    remember('wrap-up-categories', category.id);
    for (const reason of category.reasons) remember('wrap-up-reasons', reason.id);
  }
  for (const csqId of known.get('csqs') ?? []) {
    const chatCsq = await call(fixture, admin, 'GET', `/csqs/${csqId}`);
    if (chatCsq.body.channel !== 'chat') continue;
    remember('chat-widgets', (await buildChatWidget(fixture, admin, csqId)).id);
    // Out of reach of the fuzzed deletes, for GET /public/widgets/{id}.
    remember('public', (await buildChatWidget(fixture, admin, csqId)).id);
  }
  for (const role of ['agent', 'supervisor', 'administrator']) {
    remember('users', (await buildUser(fixture, admin, { role })).id);
  }
  const pooledKey = await buildApiKey(fixture, admin, 'write');
  remember('users', pooledKey.service.id);
  remember('api-keys', pooledKey.keyId);
  // The key the fuzzer signs in with stays out of the pools, so no fuzzed request revokes it.
  apiKey = (await buildApiKey(fixture, admin, 'write')).session;
  const chatCsq = (await buildCsq(fixture, admin, { channel: 'chat' })).id;
  for (let i = 0; i < 2; i++) remember('chats', (await buildChat(fixture, apiKey, chatCsq)).id);
  const scratch = (await createTestTenant(fixture, SCRATCH)).admin;
  foreign.set('users', (await buildUser(fixture, scratch)).id);
  foreign.set('skills', (await buildSkill(fixture, scratch)).id);
  foreign.set('teams', (await buildTeam(fixture, scratch)).id);
  foreign.set('team-messages', (await buildTeamMessage(fixture, scratch, foreign.get('teams') ?? '')).id);
  foreign.set('reason-codes', (await buildReasonCode(fixture, scratch)).id);
  foreign.set('calendars', (await buildCalendar(fixture, scratch)).id);
  foreign.set('predefined-responses', (await buildPredefinedResponse(fixture, scratch)).id);
  const foreignCategory = await buildWrapUpCategory(fixture, scratch, {}, ['Solved']);
  foreign.set('wrap-up-categories', foreignCategory.id);
  foreign.set('wrap-up-reasons', foreignCategory.reasons[0]?.id ?? '');
  foreign.set('csqs', (await buildCsq(fixture, scratch)).id);
  // Not under 'public': any caller may read any widget there, by design.
  foreign.set('chat-widgets', (await buildChatWidget(fixture, scratch, foreign.get('csqs') ?? '')).id);
  foreign.set('api-keys', (await buildApiKey(fixture, scratch)).keyId);
});

after(() => fixture.close());

/** Fuzzed sign-ins exhaust the per-address limit of 127.0.0.1, so fixture sign-ins come from elsewhere. */
async function freshScratchSession(): Promise<string> {
  const response = await fixture.app.inject({
    method: 'POST',
    url: `${PREFIX}/auth/login`,
    remoteAddress: '10.0.0.2',
    payload: { tenant: SCRATCH, username: 'admin', password: TEST_PASSWORD },
  });
  assert.equal(response.statusCode, 200, `scratch sign-in failed: ${response.body}`);
  return `Bearer ${response.json().accessToken}`;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
/** Shrinking moves towards the first, plainest option, so counterexamples keep only what matters. */
const shrinkToFirst = { withCrossShrink: true };
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const idOf = (kind: 'text' | 'raw') => (value: unknown) => ({ kind, value }) as IdChoice;
const bodyOf =
  (kind: 'json' | 'raw', type = 'application/json') =>
  (value: unknown) =>
    ({ kind, value, contentType: type }) as Body;

/** Nesting from just over the server's limit to deep enough to overflow any recursive walk. */
const deepBody = fc.record({
  kind: fc.constant('deep' as const),
  depth: fc.constantFrom(65, 1000, 10_000, 100_000),
  nesting: fc.constantFrom<'array' | 'object'>('array', 'object'),
  inField: fc.boolean(),
});
const deepQuery = fc.oneof(
  fc.constantFrom(30, 1000).map((depth) => `a${'[b]'.repeat(depth)}=1`),
  fc.constantFrom(100, 1000).map((depth) => `q=${encodeURIComponent(deeplyNested(depth, 'array'))}`),
);

const knownId = fc.nat().map((index): IdChoice => ({ kind: 'known', index }));
const overLongId = fc.nat(200).map((n) => idOf('raw')('0'.repeat(101 + n)));
const oddQuery = fc.constantFrom('%zz', 'a[b]=1', '&&=', 'x');

/** Each numeric or length-limited query parameter out of bounds, as `{name: text}`, with the rest valid. */
function outOfBoundsQueries(operation: Operation, gen: SchemaArbitraries): OutOfBoundsCase[] {
  return operation.parameters
    .filter((p) => p.in === 'query')
    .flatMap((p) =>
      gen.outOfBounds(p.schema, 'text', `querystring/${p.name}`).map((c) => ({
        label: c.label,
        value: c.value.map((value) => ({ [p.name]: asText(value) })),
      })),
    );
}

/** One set of arbitraries for the whole document: building them is slow, using them again is free. */
let arbitraries: SchemaArbitraries | undefined;
const arbitrariesOf = (components: Record<string, JsonSchema>) => {
  arbitraries ??= schemaArbitraries(components, () => [...known.values()].flat());
  return arbitraries;
};

function requestArbitrary(operation: Operation, components: Record<string, JsonSchema>) {
  const gen = arbitrariesOf(components);
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const tampered = fc.nat().map((i) => {
    const at = 7 + (i % (admin.token.length - 7));
    return `Bearer ${admin.token.slice(0, at)}${admin.token[at] === 'A' ? 'B' : 'A'}${admin.token.slice(at + 1)}`;
  });
  const garbageHeader = fc.oneof(
    fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('Bearer', 'Basic YWRtaW46YWRtaW4=', 'Bearer eyJhbGciOiJub25lIn0.e30.', 'sbk_'),
    fc
      .tuple(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
      .map(([id, secret]) => `Bearer sbk_${id.replaceAll('-', '')}_${secret}`),
    tampered,
  );
  const header = garbageHeader.map((value): Auth => ({ kind: 'header', value }));
  const auth = fc.oneof<fc.MaybeWeightedArbitrary<Auth>[]>(
    shrinkToFirst,
    weighted(10, fc.constant({ kind: 'admin' })),
    weighted(1, fc.constant({ kind: 'apiKey' })),
    weighted(1, fc.constant({ kind: 'none' })),
    weighted(2, header),
  );

  const idSchema = operation.parameters.find((p) => p.in === 'path' && p.name === 'id')?.schema;
  const id = idSchema
    ? fc.oneof<fc.MaybeWeightedArbitrary<IdChoice>[]>(
        shrinkToFirst,
        weighted(5, knownId),
        weighted(1, fc.constant({ kind: 'foreign' })),
        weighted(2, gen.valid(idSchema).map(idOf('text'))),
        weighted(2, gen.invalid(idSchema).map(idOf('text'))),
        weighted(1, fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '%2F').map(idOf('raw'))),
        weighted(1, overLongId),
      )
    : fc.constant(undefined);

  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const queryOf = (value: (schema: JsonSchema) => fc.Arbitrary<unknown>) =>
    fc.record(Object.fromEntries(queryParameters.map((p) => [p.name, value(p.schema).map(asText)])), {
      requiredKeys: [],
    }) as fc.Arbitrary<Partial<Record<string, string>>>;
  const mixed = (schema: JsonSchema) => fc.oneof(gen.valid(schema), gen.invalid(schema));
  const queryCases = outOfBoundsQueries(operation, gen);
  const declared = fc.oneof(
    shrinkToFirst,
    weighted(2, queryOf(gen.valid)),
    weighted(1, queryOf(mixed)),
    ...(queryCases.length === 0
      ? []
      : [
          weighted(
            1,
            fc
              .tuple(queryOf(gen.valid), fc.oneof(...queryCases.map((c) => c.value)))
              .map(([valid, bad]) => ({ ...valid, ...(bad as object) })),
          ),
        ]),
  );

  const extraName = fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }),
    ...queryParameters.map((p) => fc.constant(p.name)), // repeated names arrive as arrays
  );
  const query = fc.record({
    declared,
    extra: fc.oneof(
      shrinkToFirst,
      weighted(4, fc.constant<[string, string][]>([])),
      weighted(1, fc.array(fc.tuple(extraName, fc.string({ maxLength: 8 })), { maxLength: 2 })),
    ),
    raw: fc.oneof(shrinkToFirst, weighted(8, fc.constant('')), weighted(1, oddQuery), weighted(1, deepQuery)),
  });

  const garbage = fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('', ' ', '{', '{"a":', '[1,', "{'a':1}", 'NaN', '\u0000', '{"__proto__":{"x":1}}'),
    )
    .map(bodyOf('raw'));
  const otherMedia = fc
    .tuple(
      operation.body ? gen.valid(operation.body) : anyJson,
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
    )
    .map(([value, type]) => bodyOf('json', type)(value));
  const none = fc.constant<Body>({ kind: 'none' });
  const randomJson = anyJson.map(bodyOf('json'));
  const bodyCases = operation.body ? gen.outOfBounds(operation.body, 'json', 'body') : [];
  const outOfBoundsBody = bodyCases.length
    ? [weighted(2, fc.oneof(...bodyCases.map((c) => c.value)).map(bodyOf('json')))]
    : [];
  const body = operation.body
    ? fc.oneof(
        shrinkToFirst,
        weighted(6, gen.valid(operation.body).map(bodyOf('json'))),
        weighted(6, gen.invalid(operation.body).map(bodyOf('json'))),
        ...outOfBoundsBody,
        weighted(1, deepBody),
        weighted(1, randomJson),
        weighted(1, garbage),
        weighted(1, otherMedia),
        weighted(1, none),
        weighted(1, fc.constant<Body>({ kind: 'huge' })),
      )
    : fc.oneof(
        shrinkToFirst,
        weighted(8, none),
        weighted(1, randomJson),
        weighted(1, garbage),
        weighted(1, deepBody),
      );

  return fc.record({ auth, id, query, body }) satisfies fc.Arbitrary<FuzzRequest>;
}

async function authorization(operation: Operation, auth: Auth): Promise<string | undefined> {
  if (auth.kind === 'admin') {
    return SELF_DESTRUCTIVE.has(operation.key) ? freshScratchSession() : admin.headers.authorization;
  }
  if (auth.kind === 'apiKey') return apiKey.headers.authorization;
  return auth.kind === 'header' ? auth.value : undefined;
}

function idSegment(operation: Operation, id: IdChoice): string {
  const collection = operation.path.split('/')[1] ?? '';
  if (id.kind === 'foreign') return foreign.get(collection) ?? crypto.randomUUID();
  if (id.kind === 'known') {
    const pool = (known.get(collection) ?? []).filter(
      (k) => !(NOT_ON_ADMIN.has(operation.key) && k === adminId),
    );
    return pool[id.index % pool.length] ?? crypto.randomUUID();
  }
  if (id.kind === 'raw') return String(id.value);
  const segment = encodeURIComponent(asText(id.value))
    .slice(0, 90)
    .replace(/%[0-9A-F]?$/, ''); // ids beyond the router's length limit come from overLongId
  // Generated ids are drawn from the known ones too: the administrator's among them.
  const onAdmin = NOT_ON_ADMIN.has(operation.key) && segment.toLowerCase() === adminId.toLowerCase();
  return onAdmin ? crypto.randomUUID() : segment;
}

function urlOf(operation: Operation, request: FuzzRequest): string {
  const search = new URLSearchParams();
  const { declared, extra } = request.query;
  for (const [name, value] of [...Object.entries(declared), ...extra]) search.append(name, value ?? '');
  const query = [search.toString(), request.query.raw].filter(Boolean).join('&');
  const { id } = request;
  const path = id ? operation.path.replace('{id}', () => idSegment(operation, id)) : operation.path;
  return `${PREFIX}${path}${query ? `?${query}` : ''}`;
}

function payloadOf(body: Body): { payload?: string; contentType?: string } {
  if (body.kind === 'huge') return { payload: HUGE, contentType: 'application/json' };
  if (body.kind === 'deep') {
    const text = deeplyNested(body.depth, body.nesting);
    return { payload: body.inField ? `{"name":${text}}` : text, contentType: 'application/json' };
  }
  if (!('value' in body)) return {};
  const payload = body.kind === 'raw' ? String(body.value) : jsonText(body.value);
  return { payload, contentType: body.contentType };
}

async function send(operation: Operation, request: FuzzRequest): Promise<number> {
  const url = urlOf(operation, request);
  const { payload, contentType } = payloadOf(request.body);
  const headers: Record<string, string> = {};
  const auth = await authorization(operation, request.auth);
  if (auth !== undefined) headers.authorization = auth;
  if (contentType) headers['content-type'] = contentType;
  const response = await fixture.app.inject({
    method: operation.method as HTTPMethods,
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  const status = response.statusCode;
  const shown =
    payload && payload.length > 300 ? `${payload.slice(0, 300)}… (${payload.length} chars)` : payload;
  const summary =
    `${operation.method} ${url} auth=${request.auth.kind} content-type=${contentType ?? '-'} ` +
    `body=${JSON.stringify(shown)}\n  -> ${status} ${response.body.slice(0, 500)}`;
  assert.ok(status < 500, `server error for ${summary}`);
  const isForeign = request.id?.kind === 'foreign';
  assert.ok(!isForeign || status >= 400, `another tenant's entity reachable: ${summary}`);
  if (status >= 300) {
    let error: any;
    try {
      error = JSON.parse(response.body).error;
    } catch {}
    assert.ok(
      typeof error?.code === 'string' && typeof error.message === 'string' && 'details' in error,
      `error body is not {error:{code,message,details}} for ${summary}`,
    );
  } else if (status === 201) {
    const created = operation.path.split('/').filter((s) => s && !s.startsWith('{'));
    remember(created.at(-1) ?? '', response.json().id);
  }
  return status;
}

test('every /api/v1 operation survives requests fuzzed from its own OpenAPI schemas', async (t) => {
  const response = await fixture.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(response.statusCode, 200);
  const document = response.json();
  const operations = openApiOperations(document, PREFIX);
  assert.ok(operations.length >= 20, `only ${operations.length} operations documented`);
  for (const operation of operations) {
    if (STREAMS.has(operation.key)) continue;
    await t.test(operation.key, async (st) => {
      const requests = requestArbitrary(operation, document.components?.schemas ?? {});
      const seen = new Map<number, number>();
      const details = await fc.check(
        fc.asyncProperty(requests, async (request) => {
          const status = await send(operation, request);
          seen.set(status, (seen.get(status) ?? 0) + 1);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      if (details.failed) {
        console.error(`FUZZ_SEED=${SEED} to replay (${operation.key}, path "${details.counterexamplePath}")`);
        assert.fail(await fc.asyncDefaultReportMessage(details));
      }
      st.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries(seen))}`);
    });
  }
  // The fuzzer must not have locked the fixture's administrator out.
  assert.equal((await call(fixture, admin, 'GET', '/me')).status, 200);
});

test('every numeric and length-limited field of every operation, out of bounds, is refused', async (t) => {
  const document = (await fixture.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const gen = arbitrariesOf(document.components?.schemas ?? {});
  let refused = 0;
  for (const operation of openApiOperations(document, PREFIX)) {
    const hasId = operation.parameters.some((p) => p.in === 'path' && p.name === 'id');
    const request = (body: Body, declared: Partial<Record<string, string>>): FuzzRequest => ({
      auth: { kind: 'admin' },
      id: hasId ? { kind: 'known', index: 0 } : undefined,
      query: { declared, extra: [], raw: '' },
      body,
    });
    const cases = [
      ...(operation.body ? gen.outOfBounds(operation.body, 'json', 'body') : []).map((c) => ({
        label: c.label,
        request: c.value.map((value) => request(bodyOf('json')(value), {})),
      })),
      ...outOfBoundsQueries(operation, gen).map((c) => ({
        label: c.label,
        request: c.value.map((query) => request({ kind: 'none' }, query as Record<string, string>)),
      })),
    ];
    for (const { label, request: arbitrary } of cases) {
      const [sample] = fc.sample(arbitrary, { numRuns: 1, seed: SEED });
      if (!sample) continue;
      const status = await send(operation, sample);
      assert.ok(status >= 400, `${operation.key} accepted ${label} (FUZZ_SEED=${SEED} to replay)`);
      refused++;
    }
  }
  t.diagnostic(`${refused} out-of-bounds fields refused`);
  assert.ok(refused > 100, `only ${refused} fields out of bounds: are the schemas still read?`);
});
