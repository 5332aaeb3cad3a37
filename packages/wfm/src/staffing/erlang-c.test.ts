import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ErlangBTable, erlangB, erlangC, erlangCMeasures } from './erlang-c.ts';
import { birthDeathOracle } from './testing/birth-death.ts';

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} vs ${expected} (± ${tolerance})`);

test('the worked example: 100 contacts per 30 min, AHT 180 s, 14 agents, 20 s threshold', () => {
  // CRAN package ErlangC 0.1.0 (Damonsoul), README example erlang_c(100, 30 min, 180 s, 20 s, 14):
  // wait_probability 0.1741319, service_level 0.88835, average_speed_of_answer 7.83593701177724 s,
  // occupancy 0.7142857. pyworkforce's test_expected_erlangc_results asserts the same rounded to 3 places.
  const m = erlangCMeasures({ agents: 14, loadErlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 });
  close(m.waitProbability, 0.1741319, 5e-8, 'P(wait)');
  close(m.serviceLevel, 0.88835, 5e-6, 'SL');
  close(m.asaSeconds, 7.83593701177724, 1e-12, 'ASA');
  close(m.occupancy, 0.7142857, 5e-8, 'occupancy');
  // Same package, calculate_agents() $process, first row (11 agents): 0.6821182 and 0.3896138.
  const eleven = erlangCMeasures({ agents: 11, loadErlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 });
  close(eleven.waitProbability, 0.6821182, 5e-8, 'P(wait) at 11');
  close(eleven.serviceLevel, 0.3896138, 5e-8, 'SL at 11');
});

test('a worked Maxima example (erlang.mac): 0.2 calls/s, 240 s, 55 agents', () => {
  // "Expressing well-known formulas for service waiting time" (Maxima erlang.mac worked example):
  // E_c = 0.2387, T_w = 8.184 s, P(wait ≤ 15 s) = 0.8459.
  const m = erlangCMeasures({ agents: 55, loadErlangs: 0.2 * 240, ahtSeconds: 240, answerWithinSeconds: 15 });
  close(m.waitProbability, 0.2387, 5e-5, 'E_c');
  close(m.asaSeconds, 8.184, 5e-4, 'T_w');
  close(m.serviceLevel, 0.8459, 5e-5, 'W(15)');
});

test('wait probabilities at large loads (perehinik/call-center-tools, tests/unit/test_staffing.py)', () => {
  // calc_wait_probability: (123 Erlangs, 132 agents) → 0.3211, (12345, 12421) → 0.3812, (1000, 900) → 1;
  // calc_service_level(123, 130, 0.4244, 20, 300) → 0.7339 takes C(130, 123) = 0.4244 as its input.
  close(erlangC(132, 123), 0.3211, 5e-5);
  close(erlangC(12421, 12345), 0.3812, 5e-5);
  assert.equal(erlangC(900, 1000), 1);
  close(erlangC(130, 123), 0.4244, 5e-5);
  const m = erlangCMeasures({ agents: 130, loadErlangs: 123, ahtSeconds: 300, answerWithinSeconds: 20 });
  close(m.serviceLevel, 0.7339, 5e-5, 'SL');
  close(m.occupancy, 0.946, 5e-4, 'occupancy');
});

test('Erlang B reference values (FelixKleineBoesing/queuingSystem, tests/modelling/test_erlangb.py)', () => {
  // get_prob(number_agents, lambda_, mu) with A = λ/μ; their implementation returns NaN at 5000 agents, 10000 E.
  const cases: [number, number, number][] = [
    [1, 5, 0.8333333333333334],
    [10, 20, 0.5379631686320729],
    [190, 200, 0.08869684386923561],
    [200, 5, 5.31667137954674e-238],
    [1000, 500, 1.6524151277513355e-86],
  ];
  for (const [agents, load, expected] of cases) {
    const b = erlangB(agents, load);
    assert.ok(Math.abs(b - expected) <= 1e-13 * expected, `B(${agents}, ${load}) = ${b}`);
  }
  const huge = erlangB(5000, 10000);
  assert.ok(Number.isFinite(huge) && huge > 0.5 && huge < 0.5002, `B(5000, 10000) = ${huge}`);
});

/** The textbook formulas with powers and factorials, fine while A^n/n! stays in range. */
function directErlangB(n: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= n; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

function directErlangC(n: number, a: number): number {
  let term = 1;
  let below = 0;
  for (let k = 0; k < n; k++) {
    below += term;
    term *= a / (k + 1);
  }
  const top = (term * n) / (n - a);
  return top / (below + top);
}

test('the Erlang B recursion equals the direct formula, and Erlang C its own', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.01, max: 80, noNaN: true }), (n, a) => {
      const expected = directErlangB(n, a);
      assert.ok(Math.abs(erlangB(n, a) - expected) <= 1e-13 * expected + 1e-300);
      if (n > a) assert.ok(Math.abs(erlangC(n, a) - directErlangC(n, a)) <= 1e-12 * directErlangC(n, a));
    }),
  );
});

test('the measures equal a brute-force birth–death computation of the M/M/n queue', () => {
  for (const [agents, load, aht, t] of [
    [14, 10, 180, 20],
    [3, 2.5, 300, 60],
    [40, 36.5, 240, 15],
  ] as const) {
    const o = birthDeathOracle({
      agents,
      arrivalsPerSecond: load / aht,
      ahtSeconds: aht,
      patienceSeconds: Number.POSITIVE_INFINITY,
      answerWithinSeconds: t,
    });
    const m = erlangCMeasures({ agents, loadErlangs: load, ahtSeconds: aht, answerWithinSeconds: t });
    close(m.waitProbability, o.waitProbability, 1e-12, 'P(wait)');
    close(m.serviceLevel, o.answeredWithin, 1e-12, 'SL');
    close(m.asaSeconds, o.asaSeconds, 1e-9, 'ASA');
  }
});

test('more agents: less waiting, shorter ASA, higher service level; more load: the reverse', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.1, max: 500, noNaN: true }),
      fc.integer({ min: 1, max: 60 }),
      fc.double({ min: 10, max: 900, noNaN: true }),
      fc.double({ min: 0, max: 120, noNaN: true }),
      (load, extra, aht, t) => {
        const agents = Math.floor(load) + extra;
        const at = (n: number, a: number) =>
          erlangCMeasures({ agents: n, loadErlangs: a, ahtSeconds: aht, answerWithinSeconds: t });
        const now = at(agents, load);
        const moreAgents = at(agents + 1, load);
        const moreLoad = at(agents, (load + agents) / 2);
        assert.ok(moreAgents.waitProbability <= now.waitProbability);
        assert.ok(moreAgents.asaSeconds <= now.asaSeconds);
        assert.ok(moreAgents.serviceLevel >= now.serviceLevel);
        assert.ok(moreLoad.waitProbability >= now.waitProbability);
        assert.ok(moreLoad.asaSeconds >= now.asaSeconds);
        assert.ok(moreLoad.serviceLevel <= now.serviceLevel);
      },
    ),
  );
});

test('stable from 1 to 5,000 agents at loads up to 4,000 Erlangs', () => {
  for (const [agents, load] of [
    [1, 0.5],
    [5000, 4000],
    [4001, 4000],
    [5000, 4999.9],
    [4100, 4000],
    [5000, 1],
  ] as const) {
    const m = erlangCMeasures({ agents, loadErlangs: load, ahtSeconds: 300, answerWithinSeconds: 20 });
    for (const p of [m.waitProbability, m.serviceLevel, m.occupancy])
      assert.ok(p >= 0 && p <= 1, `${agents}/${load}`);
    assert.ok(Number.isFinite(m.asaSeconds) && m.asaSeconds >= 0);
  }
  // Near the edge of stability C tends to 1 and the ASA grows without bound, but stays a number.
  const edge = erlangCMeasures({
    agents: 5000,
    loadErlangs: 4999.9,
    ahtSeconds: 300,
    answerWithinSeconds: 20,
  });
  assert.ok(edge.waitProbability > 0.99);
  close(edge.asaSeconds, (edge.waitProbability * 300) / 0.1, 1e-6, 'ASA = C·AHT/(n − A)');
});

test('unstable (n ≤ A): everyone waits, forever', () => {
  const m = erlangCMeasures({ agents: 10, loadErlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 });
  assert.deepEqual([m.waitProbability, m.serviceLevel, m.asaSeconds, m.occupancy], [1, 0, Infinity, 1]);
});

test('the table of B(n) matches the recursion run from scratch on 1/B', () => {
  const table = new ErlangBTable(37.5);
  for (const n of [0, 5, 60, 12, 200, 199]) {
    const b = erlangB(n, 37.5);
    assert.ok(Math.abs(table.at(n) - b) <= 1e-14 * b, `B(${n})`);
  }
});
