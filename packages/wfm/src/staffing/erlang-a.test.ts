import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ABANDON_RULES, type AbandonRule } from '@switchboard/core';
import fc from 'fast-check';
import { type ErlangAInput, erlangAMeasures } from './erlang-a.ts';
import { erlangB, erlangCMeasures } from './erlang-c.ts';
import { birthDeathOracle } from './testing/birth-death.ts';

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected} (± ${tolerance})`);

/** Every measure against the brute-force chain (testing/birth-death.ts), for every service level rule. */
function checkAgainstOracle(input: Omit<ErlangAInput, 'serviceLevelRule'>, tolerance: number): void {
  const o = birthDeathOracle({
    agents: input.agents,
    arrivalsPerSecond: input.loadErlangs / input.ahtSeconds,
    ahtSeconds: input.ahtSeconds,
    patienceSeconds: input.patienceSeconds,
    answerWithinSeconds: input.answerWithinSeconds,
  });
  const expectedServiceLevel = {
    counted_against: o.answeredWithin,
    ignored: o.answeredWithin / (1 - o.abandonProbability),
    counted_for: 1 - o.stillWaitingAt,
  };
  for (const rule of ABANDON_RULES) {
    const m = erlangAMeasures({ ...input, serviceLevelRule: rule });
    close(m.serviceLevel, expectedServiceLevel[rule], tolerance, `SL (${rule})`);
    close(m.waitProbability, o.waitProbability, tolerance, 'P(wait)');
    close(m.abandonProbability, o.abandonProbability, tolerance, 'P(abandon)');
    close(m.asaSeconds, o.asaSeconds, tolerance * Math.max(1, o.asaSeconds), 'ASA of answered');
    const meanWait = (o.meanQueueLength * input.ahtSeconds) / input.loadErlangs;
    close(m.meanWaitSeconds, meanWait, tolerance * Math.max(1, meanWait), 'mean wait of all');
    close(
      m.occupancy,
      (input.loadErlangs * (1 - o.abandonProbability)) / input.agents,
      tolerance,
      'occupancy',
    );
  }
}

test('exact: every measure equals the brute-force birth–death chain to 1e-12', () => {
  const cases: Omit<ErlangAInput, 'serviceLevelRule'>[] = [
    { agents: 14, loadErlangs: 10, ahtSeconds: 180, patienceSeconds: 100, answerWithinSeconds: 20 },
    { agents: 5, loadErlangs: 10, ahtSeconds: 180, patienceSeconds: 60, answerWithinSeconds: 20 }, // overloaded
    { agents: 1, loadErlangs: 0.5, ahtSeconds: 60, patienceSeconds: 30, answerWithinSeconds: 10 },
    { agents: 20, loadErlangs: 25, ahtSeconds: 300, patienceSeconds: 30, answerWithinSeconds: 30 },
    { agents: 10, loadErlangs: 8, ahtSeconds: 120, patienceSeconds: 600, answerWithinSeconds: 60 },
    { agents: 3, loadErlangs: 6, ahtSeconds: 100, patienceSeconds: 1, answerWithinSeconds: 5 }, // very impatient
    { agents: 48, loadErlangs: 48, ahtSeconds: 60, patienceSeconds: 120, answerWithinSeconds: 20 }, // n = A
  ];
  for (const input of cases) checkAgainstOracle(input, 1e-12);
});

test('exact on random small queues too', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.double({ min: 0.05, max: 2, noNaN: true }),
      fc.double({ min: 20, max: 600, noNaN: true }),
      fc.double({ min: 0.05, max: 5, noNaN: true }),
      fc.double({ min: 0, max: 60, noNaN: true }),
      (agents, utilisation, aht, patienceRatio, t) =>
        checkAgainstOracle(
          {
            agents,
            loadErlangs: agents * utilisation,
            ahtSeconds: aht,
            patienceSeconds: aht * patienceRatio,
            answerWithinSeconds: t,
          },
          1e-9,
        ),
    ),
    { numRuns: 60 },
  );
});

test('agrees with Erlang C as patience grows without bound, ever more closely', () => {
  const queue = { agents: 14, loadErlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 };
  const c = erlangCMeasures(queue);
  let previousGap = Number.POSITIVE_INFINITY;
  for (const patienceSeconds of [1e2, 1e3, 1e4, 1e5, 1e6, 1e8, 1e10, 1e12]) {
    const a = erlangAMeasures({ ...queue, patienceSeconds });
    const gap = Math.max(
      Math.abs(a.waitProbability - c.waitProbability),
      Math.abs(a.serviceLevel - c.serviceLevel),
      Math.abs(a.asaSeconds - c.asaSeconds) / c.asaSeconds,
      Math.abs(a.meanWaitSeconds - c.asaSeconds) / c.asaSeconds,
    );
    assert.ok(gap < previousGap, `gap ${gap} at patience ${patienceSeconds} s`);
    previousGap = gap;
  }
  assert.ok(previousGap < 1e-9, `gap ${previousGap} at 1e12 s`);
  const endless = erlangAMeasures({ ...queue, patienceSeconds: 1e12 });
  close(endless.abandonProbability, 0, 1e-10, 'P(abandon)');
});

test('becomes Erlang B as patience shrinks to nothing: who must wait leaves', () => {
  const b = erlangB(50, 48);
  const m = erlangAMeasures({
    agents: 50,
    loadErlangs: 48,
    ahtSeconds: 60,
    patienceSeconds: 1e-9,
    answerWithinSeconds: 20,
  });
  close(m.waitProbability, b, 1e-9, 'P(wait)');
  close(m.abandonProbability, b, 1e-9, 'P(abandon)');
  close(m.serviceLevel, 1 - b, 1e-9, 'SL');
});

test('more agents: less waiting and abandoning, shorter ASA, higher service level, lower occupancy; more load: the reverse', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.1, max: 300, noNaN: true }),
      fc.double({ min: 0.3, max: 1.5, noNaN: true }),
      fc.double({ min: 30, max: 600, noNaN: true }),
      fc.double({ min: 5, max: 900, noNaN: true }),
      fc.double({ min: 0, max: 60, noNaN: true }),
      fc.constantFrom(...ABANDON_RULES),
      (load, staffing, aht, patience, t, rule) => {
        const agents = Math.max(1, Math.round(load * staffing));
        const at = (n: number) =>
          erlangAMeasures({
            agents: n,
            loadErlangs: load,
            ahtSeconds: aht,
            patienceSeconds: patience,
            answerWithinSeconds: t,
            serviceLevelRule: rule,
          });
        const [now, more] = [at(agents), at(agents + 1)];
        const slack = 1e-12;
        assert.ok(more.waitProbability <= now.waitProbability + slack);
        assert.ok(more.abandonProbability <= now.abandonProbability + slack);
        assert.ok(more.asaSeconds <= now.asaSeconds * (1 + slack) + slack);
        assert.ok(more.serviceLevel >= now.serviceLevel - slack);
        assert.ok(more.occupancy <= now.occupancy + slack);
        const busier = erlangAMeasures({
          agents,
          loadErlangs: load * 1.05,
          ahtSeconds: aht,
          patienceSeconds: patience,
          answerWithinSeconds: t,
          serviceLevelRule: rule,
        });
        assert.ok(busier.waitProbability >= now.waitProbability - slack);
        assert.ok(busier.abandonProbability >= now.abandonProbability - slack);
        assert.ok(busier.serviceLevel <= now.serviceLevel + slack);
      },
    ),
  );
});

test('stable when overloaded and at thousands of agents', () => {
  // Far overloaded, nearly everyone who finds all busy leaves: the fluid limit P(abandon) → 1 − n/A.
  const overloaded = erlangAMeasures({
    agents: 2000,
    loadErlangs: 4000,
    ahtSeconds: 300,
    patienceSeconds: 60,
    answerWithinSeconds: 20,
  });
  close(overloaded.abandonProbability, 0.5, 1e-9, 'P(abandon)');
  close(overloaded.occupancy, 1, 1e-9, 'occupancy');
  for (const [agents, load, patience] of [
    [5000, 4000, 120],
    [4000, 4000, 120],
    [3500, 4000, 1e6],
    [5000, 4999, 1],
    [1, 4000, 30],
  ] as const) {
    const m = erlangAMeasures({
      agents,
      loadErlangs: load,
      ahtSeconds: 300,
      patienceSeconds: patience,
      answerWithinSeconds: 20,
    });
    for (const p of [m.waitProbability, m.abandonProbability, m.serviceLevel, m.occupancy])
      assert.ok(
        Number.isFinite(p) && p >= 0 && p <= 1,
        `${agents}/${load}/${patience}: ${JSON.stringify(m)}`,
      );
    assert.ok(Number.isFinite(m.asaSeconds) && m.asaSeconds >= 0);
    close(
      m.occupancy * agents + m.abandonProbability * load,
      load,
      1e-9 * load,
      'carried + abandoned = offered',
    );
  }
});

test('the three service level rules order as their definitions do', () => {
  const m = (rule: AbandonRule) =>
    erlangAMeasures({
      agents: 9,
      loadErlangs: 10,
      ahtSeconds: 180,
      patienceSeconds: 90,
      answerWithinSeconds: 20,
      serviceLevelRule: rule,
    }).serviceLevel;
  // Dividing by answered only (fewer) raises it; counting early abandons as good raises it too.
  assert.ok(m('ignored') > m('counted_against'));
  assert.ok(m('counted_for') > m('counted_against'));
});

test('no agents: everyone abandons; no contacts: nothing happens', () => {
  const none = erlangAMeasures({
    agents: 0,
    loadErlangs: 3,
    ahtSeconds: 180,
    patienceSeconds: 60,
    answerWithinSeconds: 20,
  });
  assert.equal(none.abandonProbability, 1);
  assert.equal(none.serviceLevel, 0);
  const idle = erlangAMeasures({
    agents: 4,
    loadErlangs: 0,
    ahtSeconds: 180,
    patienceSeconds: 60,
    answerWithinSeconds: 20,
  });
  assert.deepEqual(
    [idle.waitProbability, idle.abandonProbability, idle.serviceLevel, idle.occupancy],
    [0, 0, 1, 0],
  );
});
