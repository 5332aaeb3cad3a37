import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSeries, utcAt } from '../testing/forecast-series.ts';
import { buildForecastHistory } from './history.ts';
import { chooseIntradayRule, intradayForecast, reforecastRestOfDay, ruleDaysBefore } from './intraday.ts';
import { dayOfDate } from './local-time.ts';
import { weekdayMean } from './methods.ts';
import type { ForecastInput } from './types.ts';

const ones = (n: number) => new Uint8Array(n).fill(1);

test('the rest of the day is scaled by a blend of the whole morning and its last minutes, with a prior', () => {
  // Hourly slots; forecast 10 an hour; 08:00–12:00 brought 12, 12, 15, 21 (60 against 40).
  const dayAhead = new Float64Array(24).fill(10);
  const volume = new Float64Array(24);
  volume.set([12, 12, 15, 21], 8);
  const actual = { volume, known: ones(24) };
  const whole = reforecastRestOfDay(
    dayAhead,
    actual,
    12,
    { recentMinutes: 0, recentWeight: 0, priorContacts: 0 },
    60,
  );
  // Before 08:00 forecast 80 for 0 actual: the whole day so far is 60 against 120.
  assert.equal(whole[12], 10 * (60 / 120));
  assert.equal(whole[11], 10, 'slots before the update stay as they were');
  const recent = reforecastRestOfDay(
    dayAhead,
    actual,
    12,
    { recentMinutes: 120, recentWeight: 1, priorContacts: 0 },
    60,
  );
  assert.equal(recent[20], 10 * (36 / 20));
  const blended = reforecastRestOfDay(
    dayAhead,
    actual,
    12,
    { recentMinutes: 120, recentWeight: 0.5, priorContacts: 20 },
    60,
  );
  assert.ok(Math.abs((blended[12] ?? 0) - 10 * (0.5 * (80 / 140) + 0.5 * (56 / 40))) < 1e-12);
  assert.deepEqual(reforecastRestOfDay(dayAhead, actual, 12, null, 60), dayAhead);
});

const FIRST = '2026-01-05';
// Open 08:00–18:00 every day; each day's level is a fixed pseudo-random multiple of 10 an hour, known from its
// first hours on: the day-ahead forecast cannot know it, an update from the morning can.
const level = (day: number) => 0.6 + ((day * 7919) % 13) / 15;
const input = (until = 70): ForecastInput => ({
  history: buildSeries({
    from: FIRST,
    days: until,
    volume: ({ day, slot }) => (slot >= 8 && slot < 18 ? 100 * level(day) : null),
  }),
});

test('the rule is chosen on past days: an update when mornings tell the day, none when the forecast is exact', () => {
  const history = buildForecastHistory(input());
  const day = dayOfDate(FIRST) + 70;
  const rule = chooseIntradayRule(history, weekdayMean(4), ruleDaysBefore(history, day, 12), 12);
  assert.ok(rule !== null && rule.recentWeight >= 0, 'an update helps when each day has its own level');
  const steady = buildForecastHistory({
    history: buildSeries({
      from: FIRST,
      days: 70,
      volume: ({ slot }) => (slot >= 8 && slot < 18 ? 100 : null),
    }),
  });
  assert.equal(chooseIntradayRule(steady, weekdayMean(4), ruleDaysBefore(steady, day, 12), 12), null);
});

test('the intraday forecast reads nothing from the update on, and recovers the day from its morning', () => {
  const asOf = utcAt('2026-03-16', 12 * 60);
  const plain = intradayForecast(input(72), weekdayMean(4), asOf);
  // The afternoon of that day (and everything after) 50 times busier: the update cannot see it.
  const spiked: ForecastInput = {
    history: {
      ...input(72).history,
      intervals: input(72).history.intervals.map((i) =>
        i.start >= asOf ? { ...i, volume: i.volume * 50 } : i,
      ),
    },
  };
  assert.deepEqual(intradayForecast(spiked, weekdayMean(4), asOf), plain);
  const truth = 100 * level(plain.day);
  assert.equal(plain.asOfSlot, 12);
  assert.ok(Math.abs((plain.updated[14] ?? 0) - truth) < Math.abs((plain.dayAhead[14] ?? 0) - truth));
  assert.equal(plain.actual[11], truth);
  assert.equal(plain.actual[13], 0, 'no actual after the update time');
  assert.throws(() => intradayForecast(input(), weekdayMean(4), asOf + 60_000), {
    code: 'validation_failed',
  });
});
