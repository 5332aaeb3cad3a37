export {
  type BacktestOptions,
  type BacktestOrigin,
  type BacktestResult,
  type MethodScore,
  rollingOriginBacktest,
} from './backtest.ts';
export type { DailyRegressionOptions } from './daily-regression.ts';
export { type DayForecast, forecastDay, forecastDayVolume } from './day-forecast.ts';
export { type ForecastRequest, forecastIntervals, MAX_FORECAST_INTERVALS } from './forecast.ts';
export { buildForecastHistory, type ForecastHistory, type HistoryDay, historyBefore } from './history.ts';
export {
  HOLDOUT_DEFAULTS,
  type HoldoutOptions,
  type HoldoutResult,
  holdoutEvaluation,
} from './holdout.ts';
export {
  chooseIntradayRule,
  type IntradayForecast,
  type IntradayRule,
  intradayForecast,
  reforecastRestOfDay,
} from './intraday.ts';
export { type LocalClock, localClock } from './local-time.ts';
export {
  type ForecastMethod,
  PROFILE_REGRESSION_DEFAULTS,
  type ProfileRegressionOptions,
  profileRegression,
  seasonalNaive,
  standardMethods,
  weekdayMean,
} from './methods.ts';
export {
  type Accuracy,
  type AccuracyTally,
  accuracy,
  accuracyTally,
  poissonMeanAbsoluteDeviation,
  poissonNoiseFloorPct,
} from './metrics.ts';
export { parseOpenHours, parseSpecialDays } from './open-hours.ts';
export { aggregateSeries, checkSeries } from './series.ts';
export {
  ETS_WINDOW_WEEKS,
  etsDaily,
  MSTL_WINDOW_WEEKS,
  methodsWithModels,
  mstlIntervals,
  type SeriesModels,
} from './series-models.ts';
export {
  FORECAST_INTERVAL_MINUTES,
  type ForecastInput,
  type IntervalForecast,
  type IntervalMinutes,
  type IntervalObservation,
  type IntervalSeries,
  type SpecialDay,
  type WeeklyHours,
} from './types.ts';
export {
  CHOICE_WEEKS,
  type ForecastEvaluation,
  forecastWorkload,
  MAX_FORECAST_DAYS,
  type WorkloadForecast,
} from './workload-forecast.ts';
