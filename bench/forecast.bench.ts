/**
 * Forecast benchmark: how accurately each forecasting method predicts tomorrow's call volume per interval, on the
 * real five-minute arrivals of a North American bank (2003), aggregated to 15 and 30 minutes.
 *
 * Method. A day-ahead rolling-origin backtest (packages/wfm/src/forecast/backtest.ts): each day of the last 26
 * weeks of the data is an origin; at its local midnight every method is fitted on the intervals before it only,
 * forecasts the whole day, and is scored on the day's open intervals. WAPE = Σ|forecast − actual| ÷ Σ actual
 * over all origins; MAPE over intervals with a non-zero actual; bias = Σ(forecast − actual) ÷ Σ actual.
 * Baseline: the mean of the last 4 same weekdays, slot by slot (weekday-mean-4), scored in the same run.
 * Goal: the best method's WAPE at most 0.9 × the baseline's (at least 10 % lower), at both resolutions.
 *
 * Holdout (bench/forecast/holdout.ts): the last 8 weeks are kept from every choice. The method is chosen by a
 * backtest on the 8 weeks before them, the intraday rule on the same weeks; then each holdout day is forecast
 * day-ahead (from the days before it) and reforecast from 12:00 with its morning's actuals. Goals: the chosen
 * method ≥ 10 % below the weekday mean, the intraday update ≥ 25 % below the day-ahead forecast of the same
 * afternoons. Beside each, the Poisson noise floor: what a forecast of the true rate would still miss.
 * Deterministic: no randomness, same figures every run.
 */

import {
  aggregateSeries,
  type ForecastInput,
  type MethodScore,
  methodsWithModels,
  PROFILE_REGRESSION_DEFAULTS,
  rollingOriginBacktest,
  standardMethods,
} from '../packages/wfm/src/forecast/index.ts';
import { loadSeriesModels } from '../packages/wfm/src/node/series-models.ts';
import { BANK_DATA_FILE, BANK_HOLIDAYS, bankData } from '../packages/wfm/src/testing/bank-data.ts';
import { holdoutSummary, printHoldout, runHoldout } from './forecast/holdout.ts';
import { methodFigures, printTable, type Resolution, round } from './forecast/report.ts';

const DATA_NAME = BANK_DATA_FILE.split('/').at(-1) ?? BANK_DATA_FILE;

const RESOLUTIONS = [15, 30] as const;
const ORIGIN_WEEKS = 26;
const BASELINE = 'weekday-mean-4';
/** The best method's WAPE ÷ the baseline's, at most: at least 10 % lower. */
export const GOALS = { wape_best_over_mean4: 0.9 } as const;

/** Every method the product compares: the standard ones and those of the series models (augurs). */
const benchMethods = () => methodsWithModels(standardMethods(), loadSeriesModels());

function loadOrExplain(): ForecastInput | null {
  try {
    const data = bankData();
    if (data.available) return data.input;
    console.log(`Forecast benchmark skipped: ${data.reason}.`);
  } catch (error) {
    console.error(
      `Forecast benchmark cannot run: ${error instanceof Error ? error.message : String(error)}.`,
    );
    process.exitCode = 1;
  }
  return null;
}

interface Outcome {
  minutes: number;
  best: MethodScore;
  mean4: MethodScore;
  /** Unrounded, so the goal is judged on the exact figures. */
  bestOverMean4: number;
}

function outcomeOf({ minutes, result }: Resolution): Outcome {
  const best = result.scores.find((s) => s.method === result.best);
  const mean4 = result.scores.find((s) => s.method === BASELINE);
  if (best?.wapePct == null || mean4?.wapePct == null || mean4.wapePct === 0) {
    throw new Error(`no WAPE to compare at ${minutes} minutes`);
  }
  return { minutes, best, mean4, bestOverMean4: best.wapePct / mean4.wapePct };
}

export function run({ json }: { json: boolean }): void {
  const started = performance.now();
  const input = loadOrExplain();
  if (input === null) return;
  const resolutions: Resolution[] = RESOLUTIONS.map((minutes) => {
    const history = aggregateSeries(input.history, minutes, input.openHours);
    const options = { methods: benchMethods(), weeks: ORIGIN_WEEKS };
    return { minutes, result: rollingOriginBacktest({ ...input, history }, options) };
  });
  const outcomes = resolutions.map(outcomeOf);
  const origins = resolutions[0]?.result.origins ?? [];
  const holdouts = RESOLUTIONS.map((minutes) => runHoldout(input, minutes, BASELINE, benchMethods()));

  const results = Object.fromEntries(
    resolutions.map(({ minutes, result }) => [
      `${minutes}min`,
      {
        best: result.best,
        origins: result.origins.length,
        first_origin: result.origins[0]?.date,
        last_origin: result.origins.at(-1)?.date,
        methods: Object.fromEntries(result.scores.map((s) => [s.method, methodFigures(s)])),
      },
    ]),
  );
  const baseline = Object.fromEntries(
    outcomes.map((o) => [`${o.minutes}min`, { method: BASELINE, ...methodFigures(o.mean4) }]),
  );
  const ratio = Object.fromEntries(
    outcomes.map((o) => [`wape_best_over_mean4_${o.minutes}`, round(o.bestOverMean4, 4)]),
  );
  const met = (o: Outcome) => (o.bestOverMean4 <= GOALS.wape_best_over_mean4 ? 1 : 0);
  const summary: Record<string, number> = {};
  for (const o of outcomes) {
    summary[`wape_best_${o.minutes}`] = round(o.best.wapePct ?? 0);
    summary[`wape_mean4_${o.minutes}`] = round(o.mean4.wapePct ?? 0);
    summary[`mape_best_${o.minutes}`] = round(o.best.mapePct ?? 0);
    summary[`bias_best_${o.minutes}`] = round(o.best.biasPct ?? 0);
    summary[`wape_best_over_mean4_${o.minutes}`] = round(o.bestOverMean4, 4);
    summary[`met_wape_best_over_mean4_${o.minutes}`] = met(o);
  }
  summary.goal_wape_best_over_mean4 = GOALS.wape_best_over_mean4;
  Object.assign(summary, holdoutSummary(holdouts));
  summary.met_all =
    outcomes.every((o) => met(o) === 1) &&
    Object.entries(summary).every(([k, v]) => !k.startsWith('met_') || v === 1)
      ? 1
      : 0;
  summary.origins = origins.length;
  summary.run_seconds = round((performance.now() - started) / 1000, 1);

  console.log(
    `Forecast benchmark: bank call arrivals (${DATA_NAME}), day-ahead rolling-origin backtest over the last ` +
      `${ORIGIN_WEEKS} weeks: ${origins.length} origins, ${origins[0]?.date} … ${origins.at(-1)?.date}. ` +
      `Baseline: ${BASELINE} (per interval, the mean of the last 4 same weekdays).`,
  );
  console.log('');
  printTable(resolutions, BASELINE);
  console.log('');
  for (const o of outcomes) {
    console.log(
      `${o.minutes} min: best ${o.best.method}, WAPE ${summary[`wape_best_${o.minutes}`]}% vs ` +
        `${summary[`wape_mean4_${o.minutes}`]}% for the mean of 4 = ${round(o.bestOverMean4, 3)}× ` +
        `(${round(100 * (1 - o.bestOverMean4), 1)}% lower; goal ≤ ${GOALS.wape_best_over_mean4}×: ` +
        `${met(o) ? 'met' : 'NOT met'}).`,
    );
  }
  console.log('');
  printHoldout(holdouts, BASELINE);
  console.log(`Run time ${summary.run_seconds} s.`);

  const params = {
    data: DATA_NAME,
    intervals_minutes: [...RESOLUTIONS],
    time_zone: `${input.history.timeZone} (the stamps are the center's wall clock)`,
    open_hours: 'Mon–Fri 07:00–21:05',
    closed_holidays: BANK_HOLIDAYS.map((h) => h.date),
    origin_weeks: ORIGIN_WEEKS,
    horizon: 'day ahead: the whole local day after the origin (its midnight)',
    methods: benchMethods().map((m) => m.name),
    profile_regression: PROFILE_REGRESSION_DEFAULTS,
    baseline: `${BASELINE}: per interval, the mean of the last 4 normal same weekdays`,
    metrics: 'percent: WAPE = Σ|e| ÷ Σ actual; MAPE over intervals with actual > 0; bias = Σe ÷ Σ actual',
  };
  if (json) console.log(JSON.stringify({ bench: 'forecast', params, results, baseline, ratio, summary }));
}
