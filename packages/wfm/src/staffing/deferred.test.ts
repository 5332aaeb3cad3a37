import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { staffDeferredWork } from './deferred.ts';
import type { IntervalDemand } from './types.ts';

interface Scenario {
  intervals: IntervalDemand[];
  length: number;
  responseSeconds: number;
  maxOccupancy: number;
  opening?: IntervalDemand;
}

/** Work arrived by time t, written out independently of the implementation. */
function arrivedBy(s: Scenario, t: number): number {
  if (t < 0) return 0;
  let work = s.opening ? s.opening.volume * s.opening.ahtSeconds : 0;
  s.intervals.forEach((demand, j) => {
    const share = Math.min(1, Math.max(0, (t - j * s.length) / s.length));
    work += demand.volume * demand.ahtSeconds * share;
  });
  return work;
}

/**
 * Replays a staffing plan: within interval i the agents work in arrival order at agents × maxOccupancy, never
 * ahead of arrivals. Returns, per interval, the largest amount of work past its deadline at any moment of it
 * (on a grid and at every kink of the due curve; ≤ 0 when on time), and the work done by its end.
 */
function replay(s: Scenario, agents: number[]): { lateness: number[]; doneAtEnd: number[]; total: number } {
  const lateness: number[] = [];
  const doneAtEnd: number[] = [];
  const total = arrivedBy(s, Number.POSITIVE_INFINITY);
  let done = 0;
  agents.forEach((c, i) => {
    const start = i * s.length;
    const moments: number[] = [];
    for (let k = 1; k <= 60; k++) moments.push(start + (k * s.length) / 60);
    for (let j = 0; j <= agents.length; j++) {
      const kink = j * s.length + s.responseSeconds;
      if (kink > start && kink <= start + s.length) moments.push(kink);
    }
    const doneAt = (t: number) => Math.min(arrivedBy(s, t), done + c * s.maxOccupancy * (t - start));
    lateness.push(Math.max(...moments.map((t) => arrivedBy(s, t - s.responseSeconds) - doneAt(t))));
    done = doneAt(start + s.length);
    doneAtEnd.push(done);
  });
  return { lateness, doneAtEnd, total };
}

/** Late beyond rounding noise (agents within 1e-9 of a whole number count as that number). */
const late = (s: Scenario, agents: number[]): boolean[] => {
  const { lateness, total } = replay(s, agents);
  return lateness.map((l) => l > 1e-9 * (1 + total));
};

const staff = (s: Scenario) =>
  staffDeferredWork(s.intervals, {
    intervalSeconds: s.length,
    responseSeconds: s.responseSeconds,
    maxOccupancy: s.maxOccupancy,
    openingBacklog: s.opening,
  });

test('steady arrivals with a response time of one interval: each interval works the previous one’s', () => {
  const s: Scenario = {
    intervals: Array.from({ length: 6 }, () => ({ volume: 60, ahtSeconds: 300 })),
    length: 1800,
    responseSeconds: 1800,
    maxOccupancy: 0.9,
  };
  // 60 × 300 s = 18,000 s of work per interval, due the next; an agent does 0.9 × 1,800 = 1,620 s. Interval 1
  // needs 11.1 → 12 agents, whose spare 1,440 s work ahead, so interval 2 needs (18,000 − 1,440) / 1,620 =
  // 10.2 → 11, and so on: 56 agent-intervals, the least possible (5 × 18,000 / 1,620 = 55.6).
  assert.deepEqual(
    staff(s).map((i) => i.agents),
    [0, 12, 11, 11, 11, 11],
  );
});

test('an opening backlog is due one response time after the start', () => {
  const s: Scenario = {
    intervals: [
      { volume: 0, ahtSeconds: 0 },
      { volume: 0, ahtSeconds: 0 },
      { volume: 0, ahtSeconds: 0 },
    ],
    length: 1800,
    responseSeconds: 3600,
    maxOccupancy: 1,
    opening: { volume: 100, ahtSeconds: 360 },
  };
  const staffed = staff(s);
  assert.deepEqual(
    staffed.map((i) => i.agents),
    [0, 20, 0],
  );
  assert.deepEqual(
    staffed.map((i) => i.backlog),
    [100, 0, 0],
  );
  assert.equal(staffed[1]?.occupancy, 1);
});

test('a deadline inside an interval binds: the check at the kink of the due curve', () => {
  // 9,000 s of work arrives over interval 0 (15 min), each item due 1,000 s later. Interval 1 must finish what
  // is due by its end (8,000 s: 9 agents, 8,100 s done); the last 900 s are due 100 s into interval 2, which
  // therefore needs 9 agents although its end alone would ask for 1.
  const s: Scenario = {
    intervals: [
      { volume: 300, ahtSeconds: 30 },
      { volume: 0, ahtSeconds: 0 },
      { volume: 0, ahtSeconds: 0 },
    ],
    length: 900,
    responseSeconds: 1000,
    maxOccupancy: 1,
  };
  assert.deepEqual(
    staff(s).map((i) => i.agents),
    [0, 9, 9],
  );
  assert.deepEqual(late(s, [0, 9, 9]), [false, false, false]);
  assert.deepEqual(late(s, [0, 9, 1]), [false, false, true]);
});

const scenarios = fc
  .record({
    volumes: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 16 }),
    ahts: fc.array(fc.integer({ min: 30, max: 900 }), { minLength: 16, maxLength: 16 }),
    length: fc.constantFrom(300, 900, 1800, 3600),
    responseSeconds: fc.integer({ min: 60, max: 4 * 3600 }),
    maxOccupancy: fc.double({ min: 0.5, max: 1, noNaN: true }),
    opening: fc.option(
      fc.record({ volume: fc.integer({ min: 1, max: 200 }), ahtSeconds: fc.integer({ min: 30, max: 600 }) }),
      {
        nil: undefined,
      },
    ),
  })
  .map(
    (r): Scenario => ({
      intervals: r.volumes.map((volume, j) => ({ volume, ahtSeconds: r.ahts[j] as number })),
      length: r.length,
      responseSeconds: r.responseSeconds,
      maxOccupancy: r.maxOccupancy,
      opening: r.opening,
    }),
  );

test('every deadline is met, and one agent fewer in any staffed interval misses one in it', () => {
  fc.assert(
    fc.property(scenarios, (s) => {
      const agents = staff(s).map((i) => i.agents);
      assert.ok(!late(s, agents).some(Boolean), `late with ${agents}`);
      agents.forEach((c, i) => {
        if (c === 0) return;
        const fewer = agents.map((a, j) => (j === i ? a - 1 : a));
        const { lateness, total } = replay(s, fewer);
        // Late, or on time only within the rounding noise ceilWhole forgives.
        assert.ok(
          (lateness[i] as number) > -1e-9 * (1 + total),
          `interval ${i} is on time with ${c - 1} agents`,
        );
      });
    }),
    { numRuns: 100 },
  );
});

test('the backlog is what arrived minus what was answered, first come first served', () => {
  fc.assert(
    fc.property(scenarios, (s) => {
      const staffed = staff(s);
      const { doneAtEnd } = replay(
        s,
        staffed.map((i) => i.agents),
      );
      let items = s.opening?.volume ?? 0;
      staffed.forEach((interval, i) => {
        items += s.intervals[i]?.volume ?? 0;
        assert.ok(interval.backlog >= 0 && interval.backlog <= items + 1e-9);
        assert.ok(interval.occupancy >= 0 && interval.occupancy <= s.maxOccupancy + 1e-12);
        const allDone = (doneAtEnd[i] as number) >= arrivedBy(s, (i + 1) * s.length) - 1e-9;
        if (allDone) assert.ok(interval.backlog < 1e-6, `backlog ${interval.backlog} with everything done`);
      });
    }),
    { numRuns: 100 },
  );
});
