import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { HTTPMethods } from 'fastify';
import { buildApiKey, buildReasonCode, buildSkill, buildTeam, buildUser } from '../testing/builders.ts';
import { type JsonSchema, schemaArbitraries } from '../testing/schema-arbitrary.ts';
import {
  call,
  createTestTenant,
  type Session,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

/**
 * Property: whatever a client sends to any documented operation — valid or not, signed in or not — the
 * server answers below 500, and every refusal carries the documented error shape.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const PREFIX = '/api/v1';
const MAIN = 'fuzz-main';
const SCRATCH = 'fuzz-scratch';
/** These end the caller's own session or change its password: they get a fresh session in a scratch tenant. */
const SELF_DESTRUCTIVE = new Set(['POST /auth/logout', 'PUT /me/password']);
/** These could lock the fixture's administrator out, so they never target it. */
const NOT_ON_ADMIN = new Set(['PATCH /users/{id}', 'PUT /users/{id}/password']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Parameter {
  name: string;
  in: string;
  schema: JsonSchema;
}
interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}
type Auth = { kind: 'admin' } | { kind: 'apiKey' } | { kind: 'none' } | { kind: 'header'; value: string };
type IdChoice =
  | { kind: 'known'; index: number }
  | { kind: 'foreign' }
  | { kind: 'text'; value: unknown }
  | { kind: 'raw'; value: string };
type Body =
  | { kind: 'none' }
  | { kind: 'huge' }
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'raw'; text: string; contentType: string };
interface FuzzRequest {
  auth: Auth;
  id: IdChoice;
  query: { declared: Partial<Record<string, string>>; extra: [string, string][]; raw: string };
  body: Body;
}

let fixture: TestApp;
let admin: Session;
let adminId: string;
let apiKey: Session;
/** A user of another tenant: every operation on it must answer as if it did not exist. */
let foreignId: string;
/** Ids of existing entities by collection ("users", "skills", …); grows as the fuzzer creates things. */
const known = new Map<string, string[]>();
const statuses = new Map<string, Map<number, number>>();

const remember = (collection: string, id: unknown) => {
  if (typeof id === 'string') known.set(collection, [...(known.get(collection) ?? []), id]);
};

before(async () => {
  fixture = await startTestApp();
  ({ admin } = await createTestTenant(fixture, MAIN));
  adminId = (await call(fixture, admin, 'GET', '/me')).body.id;
  remember('users', adminId);
  for (let i = 0; i < 3; i++) remember('skills', (await buildSkill(fixture, admin)).id);
  for (let i = 0; i < 2; i++) remember('teams', (await buildTeam(fixture, admin)).id);
  for (let i = 0; i < 2; i++) remember('reason-codes', (await buildReasonCode(fixture, admin)).id);
  for (const role of ['agent', 'supervisor', 'administrator']) {
    remember('users', (await buildUser(fixture, admin, { role })).id);
  }
  const pooledKey = await buildApiKey(fixture, admin, 'write');
  remember('users', pooledKey.service.id);
  remember('api-keys', pooledKey.keyId);
  // The key the fuzzer signs in with stays out of the pools, so no fuzzed request revokes it.
  apiKey = (await buildApiKey(fixture, admin, 'write')).session;
  const scratch = await createTestTenant(fixture, SCRATCH);
  foreignId = (await buildUser(fixture, scratch.admin)).id;
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

function operationsOf(document: any): Operation[] {
  const operations: Operation[] = [];
  for (const [fullPath, item] of Object.entries<any>(document.paths)) {
    if (!fullPath.startsWith(`${PREFIX}/`)) continue;
    const path = fullPath.slice(PREFIX.length);
    for (const method of METHODS.filter((m) => item[m])) {
      const operation = item[method];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

function requestArbitrary(operation: Operation, components: Record<string, JsonSchema>) {
  const gen = schemaArbitraries(components);
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const apiKeyLike = fc
    .tuple(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
    .map(([id, secret]) => `Bearer sbk_${id.replaceAll('-', '')}_${secret}`);
  const tampered = fc.nat().map((i) => {
    const at = 7 + (i % (admin.token.length - 7));
    return `Bearer ${admin.token.slice(0, at)}${admin.token[at] === 'A' ? 'B' : 'A'}${admin.token.slice(at + 1)}`;
  });
  const garbageHeader = fc.oneof(
    fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      'Bearer',
      'Basic YWRtaW46YWRtaW4=',
      'Bearer eyJhbGciOiJub25lIn0.e30.',
      'Bearer a b',
      'sbk_',
    ),
    apiKeyLike,
    tampered,
  );
  const auth = fc.oneof<fc.MaybeWeightedArbitrary<Auth>[]>(
    { weight: 10, arbitrary: fc.constant({ kind: 'admin' }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'apiKey' }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' }) },
    { weight: 2, arbitrary: garbageHeader.map((value) => ({ kind: 'header', value })) },
  );

  const idSchema = operation.parameters.find((p) => p.in === 'path' && p.name === 'id')?.schema ?? {};
  const id = fc.oneof<fc.MaybeWeightedArbitrary<IdChoice>[]>(
    { weight: 5, arbitrary: fc.nat().map((index) => ({ kind: 'known', index })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'foreign' }) },
    { weight: 2, arbitrary: gen.valid(idSchema).map((value) => ({ kind: 'text', value })) },
    { weight: 2, arbitrary: gen.invalid(idSchema).map((value) => ({ kind: 'text', value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '%2F', 'a%00b').map((value) => ({
        kind: 'raw',
        value,
      })),
    },
  );

  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const declared = fc.record(
    Object.fromEntries(
      queryParameters.map((p) => [p.name, fc.oneof(gen.valid(p.schema), gen.invalid(p.schema)).map(asText)]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Partial<Record<string, string>>>;
  const extraName = fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }),
    ...(queryParameters.length > 0 ? [fc.constantFrom(...queryParameters.map((p) => p.name))] : []),
  );
  const query = fc.record({
    declared,
    extra: fc.oneof(
      { weight: 4, arbitrary: fc.constant<[string, string][]>([]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(extraName, fc.string({ maxLength: 8 })), { maxLength: 2 }) },
    ),
    raw: fc.oneof(
      { weight: 8, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom('%zz', 'a[b]=1', '&&=&', 'limit', 'x=%E0%A4%A') },
    ),
  });

  const json = (value: fc.Arbitrary<unknown>, weight: number) => ({
    weight,
    arbitrary: value.map((v): Body => ({ kind: 'json', value: v, contentType: 'application/json' })),
  });
  const garbage = {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom('', ' ', '{', '{"a":', '[1,', "{'a':1}", 'NaN', '\u0000', '{"__proto__":{"x":1}}'),
      )
      .map((text): Body => ({ kind: 'raw', text, contentType: 'application/json' })),
  };
  const otherMedia = {
    weight: 1,
    arbitrary: fc
      .tuple(
        operation.body ? gen.valid(operation.body) : anyJson,
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
        ),
      )
      .map(([value, contentType]): Body => ({ kind: 'json', value, contentType })),
  };
  const none = (weight: number) => ({ weight, arbitrary: fc.constant<Body>({ kind: 'none' }) });
  const huge = { weight: 1, arbitrary: fc.constant<Body>({ kind: 'huge' }) };
  const body = operation.body
    ? fc.oneof(
        json(gen.valid(operation.body), 6),
        json(gen.invalid(operation.body), 6),
        json(anyJson, 1),
        garbage,
        otherMedia,
        none(1),
        huge,
      )
    : fc.oneof(none(8), json(anyJson, 1), garbage);

  return fc.record({ auth, id, query, body }) satisfies fc.Arbitrary<FuzzRequest>;
}

async function authorization(operation: Operation, auth: Auth): Promise<string | undefined> {
  switch (auth.kind) {
    case 'admin':
      return SELF_DESTRUCTIVE.has(operation.key) ? freshScratchSession() : admin.headers.authorization;
    case 'apiKey':
      return apiKey.headers.authorization;
    case 'none':
      return undefined;
    case 'header':
      return auth.value;
  }
}

function idSegment(operation: Operation, id: IdChoice): string {
  if (id.kind === 'raw') return id.value;
  if (id.kind === 'text')
    return encodeURIComponent(typeof id.value === 'string' ? id.value : JSON.stringify(id.value));
  if (id.kind === 'foreign') return foreignId;
  const collection = operation.path.split('/')[1] ?? '';
  const pool = (known.get(collection) ?? []).filter(
    (k) => !(NOT_ON_ADMIN.has(operation.key) && k === adminId),
  );
  return pool[id.index % pool.length] ?? crypto.randomUUID();
}

function urlOf(operation: Operation, request: FuzzRequest): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query.declared)) {
    if (value !== undefined) search.append(name, value);
  }
  for (const [name, value] of request.query.extra) search.append(name, value);
  const query = [search.toString(), request.query.raw].filter(Boolean).join('&');
  const path = operation.path.replace('{id}', () => idSegment(operation, request.id));
  return `${PREFIX}${path}${query ? `?${query}` : ''}`;
}

function payloadOf(body: Body): { payload?: string; contentType?: string } {
  switch (body.kind) {
    case 'none':
      return {};
    case 'huge':
      return {
        payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) }),
        contentType: 'application/json',
      };
    case 'json':
      return { payload: JSON.stringify(body.value), contentType: body.contentType };
    case 'raw':
      return { payload: body.text, contentType: body.contentType };
  }
}

async function send(operation: Operation, request: FuzzRequest): Promise<void> {
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
  const counts = statuses.get(operation.key) ?? new Map<number, number>();
  statuses.set(operation.key, counts.set(status, (counts.get(status) ?? 0) + 1));
  const shown =
    payload && payload.length > 300 ? `${payload.slice(0, 300)}… (${payload.length} chars)` : payload;
  const summary =
    `${operation.method} ${url} auth=${request.auth.kind} content-type=${contentType ?? '-'} ` +
    `body=${JSON.stringify(shown)}\n  -> ${status} ${response.body.slice(0, 500)}`;
  assert.ok(status < 500, `server error for ${summary}`);
  if (status >= 300) {
    let parsed: any;
    assert.doesNotThrow(() => {
      parsed = JSON.parse(response.body);
    }, `error body is not JSON for ${summary}`);
    const error = parsed?.error;
    assert.ok(
      typeof error?.code === 'string' && typeof error.message === 'string' && 'details' in error,
      `error body lacks {error:{code,message,details}} for ${summary}`,
    );
  } else if (status === 201) {
    remember(
      operation.path
        .split('/')
        .filter((s) => s && !s.startsWith('{'))
        .at(-1) ?? '',
      response.json().id,
    );
  }
}

test('every /api/v1 operation survives requests fuzzed from its own OpenAPI schemas', async (t) => {
  const response = await fixture.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(response.statusCode, 200);
  const document = response.json();
  const operations = operationsOf(document);
  assert.ok(operations.length >= 20, `only ${operations.length} operations documented`);
  for (const operation of operations) {
    await t.test(operation.key, async () => {
      const requests = requestArbitrary(operation, document.components?.schemas ?? {});
      await fc.assert(
        fc.asyncProperty(requests, (request) => send(operation, request)),
        { numRuns: RUNS },
      );
      t.diagnostic(
        `${operation.key}: ${JSON.stringify(Object.fromEntries(statuses.get(operation.key) ?? []))}`,
      );
    });
  }
  // The fuzzer must not have locked the fixture's administrator out.
  assert.equal((await call(fixture, admin, 'GET', '/me')).status, 200);
});
