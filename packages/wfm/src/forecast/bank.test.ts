import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bankData, parseBankCalls } from '../testing/bank-data.ts';
import { rollingOriginBacktest } from './backtest.ts';
import { buildForecastHistory } from './history.ts';
import { standardMethods } from './methods.ts';
import { aggregateSeries } from './series.ts';
import type { ForecastInput, IntervalSeries } from './types.ts';

// Skips with a message when the data is not next to the repository; throws under SWITCHBOARD_CI=1.
const bank = bankData();
const skip = bank.available ? false : bank.reason;
const total = (series: IntervalSeries) => series.intervals.reduce((sum, i) => sum + i.volume, 0);

test('without the data file the suite skips with a reason, and fails under SWITCHBOARD_CI=1', () => {
  const saved = process.env.SWITCHBOARD_CI;
  try {
    delete process.env.SWITCHBOARD_CI;
    const missing = bankData('/nonexistent/bank_calls_5min.csv');
    assert.equal(missing.available, false);
    assert.match(missing.available ? '' : missing.reason, /not at \/nonexistent/);
    process.env.SWITCHBOARD_CI = '1';
    assert.throws(() => bankData('/nonexistent/bank_calls_5min.csv'), /SWITCHBOARD_CI=1/);
  } finally {
    if (saved === undefined) delete process.env.SWITCHBOARD_CI;
    else process.env.SWITCHBOARD_CI = saved;
  }
});

test('the loader reads the stamps as the wall clock of the center, with hours and holidays', () => {
  const input = parseBankCalls('interval_start,calls\n2003-03-03T07:00:00Z,111\n2003-03-03T07:05:00Z,113\n');
  assert.deepEqual(input.history, {
    intervalMinutes: 5,
    timeZone: 'UTC',
    intervals: [
      { start: Date.UTC(2003, 2, 3, 7, 0), volume: 111 },
      { start: Date.UTC(2003, 2, 3, 7, 5), volume: 113 },
    ],
  });
  assert.deepEqual(input.openHours?.monday, [{ start: '07:00', end: '21:05' }]);
  assert.throws(() => parseBankCalls('when,calls\n'), /header/);
});

test('the bank data: 164 weekdays of 169 five-minute intervals, weekends closed', { skip }, () => {
  if (!bank.available) return;
  assert.equal(bank.input.history.intervals.length, 164 * 169);
  const history = buildForecastHistory(bank.input);
  const open = history.days.filter((d) => d.total > 0);
  assert.equal(open.length, 164);
  assert.ok(open.every((d) => d.weekday < 5 && d.known.reduce((sum, k) => sum + k, 0) === 288));
  assert.ok(history.days.filter((d) => d.weekday >= 5).every((d) => d.complete && d.total === 0));
});

test('the bank data aggregated 5 → 15 → 30 minutes keeps every call', { skip }, () => {
  if (!bank.available) return;
  const { history, openHours } = bank.input;
  const fifteen = aggregateSeries(history, 15, openHours);
  const thirty = aggregateSeries(fifteen, 30, openHours);
  assert.equal(fifteen.intervals.length, 164 * 57);
  assert.equal(total(fifteen), total(history));
  assert.equal(total(thirty), total(history));
});

for (const minutes of [15, 30] as const) {
  test(`bank data at ${minutes} minutes: the best method beats the mean of the last 4 same weekdays by ≥ 10 %`, {
    skip,
  }, () => {
    if (!bank.available) return;
    const input: ForecastInput = {
      ...bank.input,
      history: aggregateSeries(bank.input.history, minutes, bank.input.openHours),
    };
    const result = rollingOriginBacktest(input, { methods: standardMethods(), weeks: 26 });
    const wape = (name: string | null) => result.scores.find((s) => s.method === name)?.wapePct ?? Number.NaN;
    assert.equal(result.origins.length, 126); // 26 weeks of weekdays, less 3 holidays and 1 gap
    assert.notEqual(result.best, 'weekday-mean-4');
    assert.ok(
      wape(result.best) <= 0.9 * wape('weekday-mean-4'),
      `${result.best} ${wape(result.best)} vs ${wape('weekday-mean-4')}`,
    );
  });
}
