import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { ConnectionTurns, type Lane, ROUTER_STREAK } from './connection-turns.ts';
import { PgliteAsPool } from './pglite-pool.ts';

type Step = { take: Lane } | 'release';

interface Request {
  id: number;
  lane: Lane;
  /** Router requests waiting (not yet granted) in the same lane when this one queued. */
  ahead: number;
  normalHolds: number;
  grantsBefore: number;
  granted: boolean;
}

/**
 * Drives the turns with `steps` (a release frees whoever holds), then releases until every request has had
 * its turn, checking after each grant what the lanes promise, with bookkeeping of its own.
 */
function play(limit: number, steps: Step[]) {
  const turns = new ConnectionTurns(limit);
  const requests: Request[] = [];
  let holder: Request | null = null;
  /** Router grants since the last normal grant, made while a normal request waited. */
  let passedNormal = 0;
  let maxNormalHolds = 0;
  const waiting = (lane: Lane) => requests.filter((r) => r.lane === lane && !r.granted);

  const onGrant = (request: Request) => {
    assert.equal(holder, null, 'one holder at a time');
    const before = waiting(request.lane).filter((r) => r.id < request.id);
    assert.deepEqual(before, [], 'first come first served within a lane');
    const normalsWaiting = waiting('normal').filter((r) => r !== request).length;
    const routersWaiting = waiting('router').filter((r) => r !== request).length;
    if (request.lane === 'router') {
      if (normalsWaiting > 0) {
        assert.ok(passedNormal < limit, 'a waiting normal request is passed at most `limit` times in a row');
        passedNormal++;
      }
      assert.ok(
        request.normalHolds <= 1 + Math.floor(request.ahead / limit),
        `router request overlapped ${request.normalHolds} normal holds with ${request.ahead} ahead`,
      );
      maxNormalHolds = Math.max(maxNormalHolds, request.normalHolds);
    } else {
      if (routersWaiting > 0) assert.ok(passedNormal >= limit, 'routers go first unless the streak is full');
      passedNormal = 0;
      const normalAhead = request.ahead;
      assert.ok(
        request.grantsBefore <= (normalAhead + 1) * (limit + 1) - 1,
        'a normal request is not starved',
      );
      for (const r of waiting('router')) r.normalHolds++;
    }
    for (const r of requests) if (!r.granted && r !== request) r.grantsBefore++;
    request.granted = true;
    holder = request;
  };

  const release = () => {
    holder = null;
    turns.release();
  };
  for (const step of steps) {
    if (step === 'release') {
      if (holder) release();
      continue;
    }
    const request: Request = {
      id: requests.length,
      lane: step.take,
      ahead: waiting(step.take).length,
      normalHolds: (holder as Request | null)?.lane === 'normal' ? 1 : 0,
      grantsBefore: 0,
      granted: false,
    };
    requests.push(request);
    turns.take(step.take, () => onGrant(request));
  }
  while (holder) release();
  assert.ok(
    requests.every((r) => r.granted),
    'every request gets its turn',
  );
  assert.deepEqual(turns.state, { router: 0, normal: 0, holder: null });
  assert.equal(turns.stats.maxNormalHoldsPerRouterWait, maxNormalHolds);
  return turns.stats;
}

const steps = fc.array(
  fc.oneof(fc.constant<Step>('release'), fc.constantFrom<Step>({ take: 'router' }, { take: 'normal' })),
  { maxLength: 120 },
);

test('turns: routers first, first come first served within a lane, no request starved, whatever the interleaving', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), steps, (limit, interleaving) => {
      play(limit, interleaving);
    }),
    { numRuns: 500 },
  );
});

test('turns: a router request with fewer than ROUTER_STREAK ahead of it overlaps at most one normal hold', () => {
  const fewRouters = fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constant<Step>('release') },
        { weight: 2, arbitrary: fc.constant<Step>({ take: 'normal' }) },
        { weight: 1, arbitrary: fc.constant<Step>({ take: 'router' }) },
      ),
      { maxLength: 200 },
    )
    .filter((interleaving) => play(ROUTER_STREAK, interleaving).maxRouterQueue <= ROUTER_STREAK);
  fc.assert(
    fc.property(fewRouters, (interleaving) => {
      assert.ok(play(ROUTER_STREAK, interleaving).maxNormalHoldsPerRouterWait <= 1);
    }),
    { numRuns: 300 },
  );
});

test('turns: long work queued first still lets a router request through next', () => {
  const turns = new ConnectionTurns();
  const order: string[] = [];
  turns.take('normal', () => order.push('page 1'));
  turns.take('normal', () => order.push('page 2'));
  turns.take('normal', () => order.push('page 3'));
  turns.take('router', () => order.push('batch'));
  while (turns.state.holder) turns.release();
  assert.deepEqual(order, ['page 1', 'batch', 'page 2', 'page 3']);
  assert.equal(turns.stats.maxNormalHoldsPerRouterWait, 1);
});

test('PGlite pool: a router-lane query waiting behind a transaction runs before normal queries queued earlier', async () => {
  const pglite = await PGlite.create();
  const pool = new PgliteAsPool(pglite);
  try {
    const holding = await pool.connect();
    const order: string[] = [];
    const normal = pool.connect().then(async (client) => {
      order.push(
        (await client.query<{ lane: string }>('select $1::text as lane', ['normal'])).rows[0]?.lane ?? '',
      );
      client.release();
    });
    const router = pool.routerLane.connect().then(async (client) => {
      order.push(
        (await client.query<{ lane: string }>('select $1::text as lane', ['router'])).rows[0]?.lane ?? '',
      );
      client.release();
    });
    holding.release();
    await Promise.all([normal, router]);
    assert.deepEqual(order, ['router', 'normal']);
  } finally {
    await pool.end();
  }
});
