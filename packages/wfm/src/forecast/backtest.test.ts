import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSeries, utcAt, type WallSlot } from '../testing/forecast-series.ts';
import { rollingOriginBacktest } from './backtest.ts';
import { forecastIntervals } from './forecast.ts';
import {
  type ForecastMethod,
  profileRegression,
  seasonalNaive,
  standardMethods,
  weekdayMean,
} from './methods.ts';
import type { ForecastInput, WeeklyHours } from './types.ts';

const NINE_TO_ELEVEN = [{ start: '09:00', end: '11:00' }];
const WEEKDAYS_NINE_TO_ELEVEN: WeeklyHours = {
  monday: NINE_TO_ELEVEN,
  tuesday: NINE_TO_ELEVEN,
  wednesday: NINE_TO_ELEVEN,
  thursday: NINE_TO_ELEVEN,
  friday: NINE_TO_ELEVEN,
  saturday: [],
  sunday: [],
};

test('scores a hand-computed day-ahead backtest; closed days are not origins', () => {
  // Open 09:00–11:00 on weekdays; volume 10 + 2 × week, except Monday 10:00 of week 2, which had no calls.
  const input: ForecastInput = {
    history: buildSeries({
      from: '2026-01-05',
      days: 21,
      volume: ({ week, weekday, slot }) => (week === 2 && weekday === 0 && slot === 10 ? 0 : 10 + 2 * week),
    }),
    openHours: WEEKDAYS_NINE_TO_ELEVEN,
  };
  const result = rollingOriginBacktest(input, { methods: [seasonalNaive()], weeks: 1 });
  assert.deepEqual(
    result.origins.map((o) => o.date),
    ['2026-01-19', '2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23'],
  );
  // Nine intervals forecast 12 for 14, one forecast 12 for 0: Σ|e| = 30 over Σ actual 126, Σe = −6.
  const [score] = result.scores;
  assert.equal(score?.intervals, 10);
  assert.equal(score?.nonZeroIntervals, 9);
  assert.ok(Math.abs((score?.wapePct ?? 0) - (100 * 30) / 126) < 1e-9);
  assert.ok(Math.abs((score?.biasPct ?? 0) - (-100 * 6) / 126) < 1e-9);
  assert.ok(Math.abs((score?.mapePct ?? 0) - (100 * 2) / 14) < 1e-9);
  assert.equal(result.best, 'seasonal-naive');
});

const everyDay = (volume: (at: WallSlot) => number) => buildSeries({ from: '2026-01-05', days: 42, volume });
const base = ({ weekday, slot, day }: WallSlot) => 20 + 3 * weekday + (slot % 6) + (day % 5);
const SPIKE_DATE = '2026-02-04';

test('the backtest never uses data at or after the origin: a spike planted there cannot leak', () => {
  const spikeFrom = utcAt(SPIKE_DATE);
  const plain: ForecastInput = { history: everyDay(base) };
  const spiked: ForecastInput = {
    history: everyDay((at) => base(at) * (at.day * 86_400_000 >= spikeFrom ? 50 : 1)),
  };
  const options = { methods: standardMethods(), weeks: 3 };
  const before = rollingOriginBacktest(plain, options);
  const after = rollingOriginBacktest(spiked, options);
  let sameForecasts = 0;
  for (const [i, origin] of before.origins.entries()) {
    const other = after.origins[i];
    assert.equal(other?.date, origin.date);
    if (origin.date <= SPIKE_DATE) {
      assert.deepEqual(other?.forecastTotals, origin.forecastTotals, `origin ${origin.date} saw the spike`);
      sameForecasts++;
    }
  }
  assert.ok(sameForecasts >= 10);
  // The spike is scored as the actual at its own origin, and moves the forecasts of the days after it.
  const spikeDay = after.origins.find((o) => o.date === SPIKE_DATE);
  assert.equal(
    spikeDay?.actualTotal,
    50 * (before.origins.find((o) => o.date === SPIKE_DATE)?.actualTotal ?? 0),
  );
  const nextDay = (r: typeof before) => r.origins.find((o) => o.date === '2026-02-05')?.forecastTotals;
  assert.notDeepEqual(nextDay(after), nextDay(before));
});

test('a method is only ever handed the days before the origin', () => {
  const newestSeen: number[] = [];
  const peeking: ForecastMethod = {
    name: 'peeking',
    forecastDay(history, day) {
      newestSeen.push(day - (history.days.at(-1)?.day ?? Number.NEGATIVE_INFINITY));
      return new Float64Array(history.slotsPerDay);
    },
  };
  const result = rollingOriginBacktest({ history: everyDay(base) }, { methods: [peeking], weeks: 2 });
  assert.equal(newestSeen.length, result.origins.length);
  assert.deepEqual(
    newestSeen,
    newestSeen.map(() => 1),
  );
});

test('each day-ahead forecast equals forecastIntervals from the history cut at the origin', () => {
  const input: ForecastInput = { history: everyDay(base) };
  const result = rollingOriginBacktest(input, { methods: standardMethods(), weeks: 1 });
  for (const origin of result.origins) {
    const from = utcAt(origin.date);
    const cut = {
      history: { ...input.history, intervals: input.history.intervals.filter((i) => i.start < from) },
    };
    for (const method of standardMethods()) {
      const total = forecastIntervals(cut, method, { from, intervals: 24 }).reduce(
        (sum, f) => sum + f.volume,
        0,
      );
      assert.ok(
        Math.abs(total - (origin.forecastTotals[method.name] ?? Number.NaN)) < 1e-6,
        `${method.name} ${origin.date}`,
      );
    }
  }
});

test('the backtest is deterministic and names the lowest WAPE as best', () => {
  const input: ForecastInput = { history: everyDay(base) };
  const options = { methods: [weekdayMean(4), seasonalNaive(), profileRegression()], weeks: 2 };
  const first = rollingOriginBacktest(input, options);
  assert.deepEqual(rollingOriginBacktest(input, options), first);
  const lowest = Math.min(...first.scores.map((s) => s.wapePct ?? Number.POSITIVE_INFINITY));
  assert.equal(first.scores.find((s) => s.wapePct === lowest)?.method, first.best);
  assert.throws(
    () => rollingOriginBacktest(input, { methods: [seasonalNaive(), seasonalNaive()], weeks: 1 }),
    {
      code: 'validation_failed',
    },
  );
});

test('a slot that first opens after an origin, or a gap filled later, does not change the forecast at that origin', () => {
  // Only open intervals are in the file (no open hours given): 09:00–11:00 at first, and from 2026-02-02
  // 11:00–13:00 too. Thursday of week 1 is a gap.
  const extended = utcAt('2026-02-02');
  const input: ForecastInput = {
    history: buildSeries({
      from: '2026-01-05',
      days: 42,
      volume: (at) => {
        if (at.week === 1 && at.weekday === 3) return null;
        const open = at.slot >= 9 && (at.slot < 11 || (at.slot < 13 && at.day * 86_400_000 >= extended));
        return open ? base(at) : null;
      },
    }),
  };
  const result = rollingOriginBacktest(input, { methods: standardMethods(), weeks: 3 });
  const compared = new Set<string>();
  for (const origin of result.origins) {
    const from = utcAt(origin.date);
    const cut = {
      history: { ...input.history, intervals: input.history.intervals.filter((i) => i.start < from) },
    };
    for (const method of standardMethods()) {
      const forecast = forecastIntervals(cut, method, { from, intervals: 24 });
      // The backtest sums its forecast over the day's scored slots: every slot with an interval that day.
      const scored = new Set(
        input.history.intervals
          .filter((i) => i.start >= from && i.start < from + 86_400_000)
          .map((i) => i.start),
      );
      const total = forecast.filter((f) => scored.has(f.start)).reduce((sum, f) => sum + f.volume, 0);
      assert.ok(
        Math.abs(total - (origin.forecastTotals[method.name] ?? Number.NaN)) < 1e-6,
        `${method.name} ${origin.date}: ${total} from the cut series, ${origin.forecastTotals[method.name]} in the backtest`,
      );
      compared.add(origin.date);
    }
  }
  assert.ok(compared.has('2026-01-26') && compared.has('2026-02-02'));
});
