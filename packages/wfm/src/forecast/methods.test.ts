import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSeries } from '../testing/forecast-series.ts';
import { buildForecastHistory } from './history.ts';
import { dayOfDate } from './local-time.ts';
import {
  type ForecastMethod,
  profileRegression,
  seasonalNaive,
  standardMethods,
  weekdayMean,
} from './methods.ts';
import type { ForecastInput, SpecialDay } from './types.ts';

const FIRST_MONDAY = '2026-01-05';
const hourly = (
  weeks: number,
  volume: Parameters<typeof buildSeries>[0]['volume'],
  specialDays?: SpecialDay[],
) =>
  buildForecastHistory({
    history: buildSeries({ from: FIRST_MONDAY, days: 7 * weeks, volume }),
    specialDays,
  });
const dayAfter = (weeks: number, extraDays = 0) => dayOfDate(FIRST_MONDAY) + 7 * weeks + extraDays;
const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-6) => {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(
      Math.abs((actual[i] ?? 0) - (expected[i] ?? 0)) <= tolerance,
      `slot ${i}: ${actual[i]} ≠ ${expected[i]}`,
    );
  }
};
const constant = (value: number) => Array.from({ length: 24 }, () => value);
const slotsOf = (f: (slot: number) => number) => Array.from({ length: 24 }, (_, slot) => f(slot));

test('a pure weekly pattern is forecast exactly by every method, for each weekday', () => {
  const pattern = (weekday: number, slot: number) => (slot >= 7 && slot < 20 ? (weekday + 1) * 10 + slot : 0);
  const history = hourly(5, ({ weekday, slot }) => pattern(weekday, slot));
  for (const method of standardMethods()) {
    for (let ahead = 0; ahead < 7; ahead++) {
      const day = dayAfter(5, ahead);
      close(
        method.forecastDay(history, day),
        slotsOf((slot) => pattern(ahead, slot)),
      );
    }
  }
});

test('seasonal naive repeats last week; the weekday mean averages the last 4 same weekdays', () => {
  // Mondays grow by 100 a week: weeks 0…4 ⇒ last week 400 + slot, mean of weeks 1…4 250 + slot.
  const history = hourly(5, ({ week, slot }) => week * 100 + slot);
  close(
    seasonalNaive().forecastDay(history, dayAfter(5)),
    slotsOf((slot) => 400 + slot),
  );
  close(
    weekdayMean(4).forecastDay(history, dayAfter(5)),
    slotsOf((slot) => 250 + slot),
  );
  close(
    weekdayMean(2).forecastDay(history, dayAfter(5)),
    slotsOf((slot) => 350 + slot),
  );
});

test('a gap in last week is filled from the weeks before, slot by slot', () => {
  const history = hourly(5, ({ week, slot, weekday }) =>
    week === 4 && weekday === 0 && slot === 3 ? null : week * 100 + slot,
  );
  const naive = seasonalNaive().forecastDay(history, dayAfter(5));
  const mean = weekdayMean(4).forecastDay(history, dayAfter(5));
  assert.equal(naive[3], 303);
  assert.equal(naive[4], 404);
  assert.equal(mean[3], 153); // weeks 0…3
  assert.equal(mean[4], 254); // weeks 1…4
});

test('special days in the history are left out of the means and profiles', () => {
  const history = hourly(5, ({ week, weekday }) => (week === 4 && weekday === 0 ? 10_000 : 10 * (week + 1)), [
    { date: '2026-02-02', name: 'a Monday with a sale' },
  ]);
  assert.deepEqual([...seasonalNaive().forecastDay(history, dayAfter(5))], constant(40));
  assert.deepEqual([...weekdayMean(4).forecastDay(history, dayAfter(5))], constant(25));
  const regression = profileRegression().forecastDay(history, dayAfter(5));
  assert.ok(Math.max(...regression) < 100, 'the sale must not raise the level');
});

test('the trend model recovers a steady growth with weekday effects, a day and a week ahead', () => {
  const weekdayShare = [1.15, 1.04, 1, 0.99, 1.03, 0.8, 0.7];
  const share = slotsOf((slot) => (slot >= 8 && slot < 18 ? (slot % 3) + 1 : 0));
  const shareTotal = share.reduce((sum, x) => sum + x, 0);
  // 2 % more contacts every week.
  const total = (day: number) =>
    1_000 * 1.02 ** ((day - dayOfDate(FIRST_MONDAY)) / 7) * (weekdayShare[(day + 3) % 7] ?? 0);
  const history = hourly(8, ({ day, slot }) => (total(day) * (share[slot] ?? 0)) / shareTotal);
  const trend = profileRegression({ trend: true });
  for (const ahead of [0, 3, 7, 10]) {
    const day = dayAfter(8, ahead);
    close(
      trend.forecastDay(history, day),
      slotsOf((slot) => (total(day) * (share[slot] ?? 0)) / shareTotal),
    );
  }
  // Without a trend term the forecast lags behind the growth.
  const level = profileRegression()
    .forecastDay(history, dayAfter(8))
    .reduce((sum, x) => sum + x, 0);
  assert.ok(level < total(dayAfter(8)) * 0.99, `${level} against ${total(dayAfter(8))}`);
});

test('a busy day moves the next day by a share of its volume, not by a number of contacts', () => {
  // Monday to Thursday 1,000 contacts, Friday a short day of 100; the level wanders (an AR(1) on the log scale,
  // so the regression finds a carry-over); the last Thursday is 30 % busier than its level.
  let state = 7;
  const noise = () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647 - 0.5;
  };
  const level = new Map<number, number>();
  let log = 0;
  const first = dayOfDate(FIRST_MONDAY);
  const thursday = dayAfter(8, -4);
  for (let day = first; day < dayAfter(8); day++) {
    log = 0.7 * log + 0.1 * noise();
    level.set(day, Math.exp(log) * (day === thursday ? 1.3 : 1));
  }
  const history = hourly(8, ({ day, weekday, slot }) => {
    if (weekday >= 5 || slot < 8 || slot >= 18) return 0;
    return ((weekday === 4 ? 100 : 1_000) * (level.get(day) ?? 1)) / 10;
  });
  const friday = profileRegression().forecastDay(history, dayAfter(8, -3));
  const total = friday.reduce((sum, x) => sum + x, 0);
  const usual = (level.get(dayAfter(8, -4)) ?? 1) / 1.3;
  // Additive carry-over would put a good part of Thursday's 300 extra contacts on Friday's 100.
  assert.ok(total > 95 * usual && total < 100 * 1.3 * usual + 5, `Friday forecast ${total}`);
});

test('a level shift in the last days carries into the next day', () => {
  const shiftFrom = dayAfter(6, -3);
  const history = hourly(6, ({ day }) => (day >= shiftFrom ? 13 : 10));
  const methods: ForecastMethod[] = [profileRegression(), weekdayMean(4)];
  const [regression, mean] = methods.map((m) => m.forecastDay(history, dayAfter(6))[12] ?? 0);
  assert.equal(mean, 10);
  assert.ok((regression ?? 0) > 11 && (regression ?? 0) <= 13, `regression ${regression}`);
});

test('days with no volume or no history are forecast 0, not NaN', () => {
  const empty = buildForecastHistory({ history: { intervalMinutes: 60, timeZone: 'UTC', intervals: [] } });
  const zeros = hourly(3, () => 0);
  const input: ForecastInput['history'] = buildSeries({ from: FIRST_MONDAY, days: 1, volume: () => 5 });
  const oneDay = buildForecastHistory({ history: input });
  for (const method of standardMethods()) {
    for (const [history, day] of [
      [empty, 100],
      [zeros, dayAfter(3)],
      [oneDay, dayAfter(0, 1)],
    ] as const) {
      const forecast = method.forecastDay(history, day);
      assert.ok(
        forecast.every((x) => Number.isFinite(x) && x >= 0),
        `${method.name}: ${forecast}`,
      );
    }
  }
});

test('the calendar model learns that the day after a closed holiday is busier, and uses it for the next one', () => {
  // Every weekday 100 contacts; closed holidays on three Mondays; each Tuesday after one brings 150.
  const holidays = ['2026-01-19', '2026-02-16', '2026-03-16', '2026-04-13'];
  const after = new Set(holidays.map((date) => dayOfDate(date) + 1));
  const specialDays = holidays.map((date) => ({ date, closed: true }));
  const history = hourly(
    14,
    ({ day, weekday, slot }) => (weekday >= 5 || slot < 8 || slot >= 18 ? 0 : after.has(day) ? 15 : 10),
    specialDays,
  );
  const tuesday = dayOfDate('2026-04-14');
  const total = (method: ForecastMethod) =>
    method.forecastDay(history, tuesday).reduce((sum, x) => sum + x, 0);
  const calendar = total(profileRegression({ calendar: true }));
  const plain = total(profileRegression());
  assert.ok(calendar > 125 && calendar < 150, `calendar ${calendar}`);
  assert.ok(plain < 110, `plain ${plain}`);
  // An ordinary Wednesday stays at its level.
  const wednesday = profileRegression({ calendar: true })
    .forecastDay(history, tuesday + 1)
    .reduce((sum, x) => sum + x, 0);
  assert.ok(Math.abs(wednesday - 100) < 5, `wednesday ${wednesday}`);
});
