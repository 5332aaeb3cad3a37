import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { latestRun, nextRun, type Recurrence } from './recurrence.ts';
import { instant, ZONES } from './testing/arbitraries.ts';
import { localDateAt, zoneOffsetMs } from './zoned-time.ts';

const wallMinute = (zone: string, at: number) => {
  const local = at + zoneOffsetMs(zone, at);
  return Math.floor((local % 86_400_000) / 60_000);
};
const day = (zone: string, at: number) => JSON.stringify(localDateAt(zone, at));

const daily: fc.Arbitrary<Extract<Recurrence, { kind: 'daily' }>> = fc.record({
  kind: fc.constant('daily' as const),
  hour: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: 0, max: 23 })),
  minute: fc.constantFrom(0, 15, 30, 45, 59),
  timeZone: fc.constantFrom(...ZONES),
});

test('a nightly run comes once per local date, at its wall time or, in a skipped hour, at the change', () => {
  fc.assert(
    fc.property(daily, instant, (recurrence, at) => {
      const next = nextRun(recurrence, at);
      const after = nextRun(recurrence, next);
      assert.ok(next > at);
      assert.ok(latestRun(recurrence, at) <= at);
      assert.equal(latestRun(recurrence, next), next);
      // Nothing runs between a time and its next run.
      assert.equal(latestRun(recurrence, next - 1), latestRun(recurrence, at));
      // The next run is on the following local date, never the same one twice.
      assert.notEqual(day(recurrence.timeZone, next), day(recurrence.timeZone, after));
      const wanted = recurrence.hour * 60 + recurrence.minute;
      const shown = wallMinute(recurrence.timeZone, next);
      // Shown as asked, or later on a spring-forward day (the wall time never happened).
      assert.ok(shown === wanted || (shown > wanted && shown - wanted <= 60), `${shown} for ${wanted}`);
    }),
    { numRuns: 500 },
  );
});

test('the nightly run of 02:30 Paris time across both changes of 2026', () => {
  const nightly: Recurrence = { kind: 'daily', hour: 2, minute: 30, timeZone: 'Europe/Paris' };
  const runs = [Date.parse('2026-03-27T12:00:00Z')];
  for (let i = 0; i < 3; i++) runs.push(nextRun(nightly, runs.at(-1) as number));
  assert.deepEqual(
    runs.slice(1).map((r) => new Date(r).toISOString()),
    [
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 02:30 never happens: 03:00 CEST, the moment of the change
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ],
  );
  const autumn = [Date.parse('2026-10-24T12:00:00Z')];
  for (let i = 0; i < 2; i++) autumn.push(nextRun(nightly, autumn.at(-1) as number));
  assert.deepEqual(
    autumn.slice(1).map((r) => new Date(r).toISOString()),
    [
      '2026-10-25T00:30:00.000Z', // 02:30 happens twice (CEST, then CET): the first one only
      '2026-10-26T01:30:00.000Z',
    ],
  );
});

test('every 15 minutes runs on the quarter hours, one step apart', () => {
  const quarter: Recurrence = { kind: 'everyMinutes', minutes: 15 };
  fc.assert(
    fc.property(instant, (at) => {
      const next = nextRun(quarter, at);
      assert.ok(next > at && next - at <= 15 * 60_000);
      assert.equal(next % (15 * 60_000), 0);
      assert.equal(nextRun(quarter, next) - next, 15 * 60_000);
    }),
  );
});
