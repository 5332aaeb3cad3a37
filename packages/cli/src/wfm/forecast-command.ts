import {
  aggregateSeries,
  FORECAST_INTERVAL_MINUTES,
  type ForecastInput,
  type ForecastMethod,
  forecastIntervals,
  HOLDOUT_DEFAULTS,
  type HoldoutResult,
  holdoutEvaluation,
  type IntervalMinutes,
  type IntervalObservation,
  methodsWithModels,
  parseOpenHours,
  parseSpecialDays,
  rollingOriginBacktest,
  standardMethods,
} from '@switchboard/wfm';
import { loadSeriesModels } from '@switchboard/wfm/node';
import { formatOf, numberAt, type Row, readCsv, writeRows } from './io.ts';

export interface ForecastFlags {
  input: string;
  output?: string;
  format?: string;
  timeZone: string;
  interval?: string;
  days: string;
  from?: string;
  method: string;
  backtestWeeks: string;
  closed?: string;
  special?: string;
  openHours?: string;
  holdout?: boolean;
}

const VOLUME_COLUMNS = ['volume', 'calls', 'offered', 'contacts'];
const AHT_COLUMNS = ['aht_seconds', 'aht'];
const DAY_MS = 86_400_000;

/**
 * `switchboard wfm forecast`: reads interval history (CSV: interval_start, volume, optional aht_seconds),
 * picks the best method by a rolling-origin backtest (or the one named), and writes the forecast.
 */
export async function runForecast(flags: ForecastFlags): Promise<void> {
  const rows = await readCsv(flags.input);
  const intervals = observationsOf(rows);
  const inputMinutes = intervalMinutesOf(intervals);
  const closed = (flags.closed ?? '')
    .split(',')
    .map((date) => date.trim())
    .filter((date) => date !== '')
    .map((date) => ({ date, closed: true }));
  let input: ForecastInput = {
    history: { intervalMinutes: inputMinutes, timeZone: flags.timeZone, intervals },
    specialDays: [...closed, ...parseSpecialDays(flags.special ?? '')],
    ...(flags.openHours === undefined ? {} : { openHours: parseOpenHours(flags.openHours) }),
  };
  if (flags.interval !== undefined) {
    const target = Number(flags.interval);
    if (!(FORECAST_INTERVAL_MINUTES as readonly number[]).includes(target)) {
      throw new Error(`--interval must be one of ${FORECAST_INTERVAL_MINUTES.join(', ')} minutes.`);
    }
    input = {
      ...input,
      history: aggregateSeries(input.history, target as IntervalMinutes, input.openHours),
    };
  }

  const minutes = input.history.intervalMinutes;
  const last = input.history.intervals.at(-1)?.start ?? 0;
  const from = flags.from === undefined ? last + minutes * 60_000 : Date.parse(flags.from);
  if (!Number.isFinite(from)) throw new Error(`--from must be an ISO-8601 time, not "${flags.from}".`);
  // The method is chosen on the history before the forecast starts, as the forecast itself only reads that.
  const known: ForecastInput = {
    ...input,
    history: { ...input.history, intervals: input.history.intervals.filter((i) => i.start < from) },
  };
  const methods = methodsWithModels(standardMethods(), loadSeriesModels());
  const weeks = wholeNumber(flags.backtestWeeks, '--backtest-weeks');
  console.error(`Backtesting ${methods.length} methods over the ${weeks} weeks before the forecast …`);
  const { scores, best } = rollingOriginBacktest(known, { methods, weeks });
  for (const score of scores) {
    const pct = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)} %`);
    console.error(
      `${score.method.padEnd(26)} WAPE ${pct(score.wapePct)}  MAPE ${pct(score.mapePct)}  bias ${pct(score.biasPct)}`,
    );
  }
  if (flags.holdout) printHoldout(known, methods);
  const method = chooseMethod(methods, best, flags.method);
  console.error(`Forecasting with ${method.name}.`);

  const days = wholeNumber(flags.days, '--days');
  const forecast = forecastIntervals(input, method, {
    from,
    intervals: Math.round((days * DAY_MS) / (minutes * 60_000)),
  });
  await writeRows(
    forecast.map((f) => ({
      interval_start: new Date(f.start).toISOString(),
      volume: Number(f.volume.toFixed(3)),
      aht_seconds: f.ahtSeconds === null ? null : Number(f.ahtSeconds.toFixed(1)),
    })),
    formatOf(flags.output, flags.format, 'csv'),
    flags.output,
  );
}

/** The holdout table on stderr: the last 8 weeks kept from every choice, each method's WAPE on them. */
function printHoldout(input: ForecastInput, methods: readonly ForecastMethod[]): void {
  let result: HoldoutResult;
  try {
    result = holdoutEvaluation(input, { methods, ...HOLDOUT_DEFAULTS });
  } catch (error) {
    console.error(`No holdout table: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const pct = (value: number | null | undefined) => (value == null ? '—' : `${value.toFixed(2)} %`);
  console.error(
    `Holdout: ${result.days} days from ${result.holdoutFrom}, kept from every choice; chosen on the weeks before: ${result.chosen ?? '—'}.`,
  );
  for (const score of result.holdout)
    console.error(`${score.method.padEnd(26)} holdout WAPE ${pct(score.wapePct)}`);
  const intraday = result.intraday;
  if (intraday)
    console.error(
      `Intraday from 12:00: afternoon WAPE ${pct(intraday.updated.wapePct)} against ${pct(intraday.dayAhead.wapePct)} a day ahead (${pct(intraday.perfectLevel.wapePct)} with the afternoon's true total).`,
    );
  console.error(
    `Noise floor: ${pct(result.noiseFloorPct)} (afternoons ${pct(result.intradayNoiseFloorPct)}).`,
  );
}

/** The named method, or for 'best' the one the backtest scored best (the first when none could be scored). */
function chooseMethod(methods: ForecastMethod[], best: string | null, wanted: string): ForecastMethod {
  const name = wanted === 'best' ? (best ?? methods[0]?.name) : wanted;
  const chosen = methods.find((m) => m.name === name);
  if (!chosen) throw new Error(`--method must be best or one of ${methods.map((m) => m.name).join(', ')}.`);
  return chosen;
}

function observationsOf(rows: readonly Row[]): IntervalObservation[] {
  if (rows.length === 0) throw new Error('The input has no rows.');
  const columns = Object.keys(rows[0] as Row);
  const volumeColumn = VOLUME_COLUMNS.find((c) => columns.includes(c));
  if (!columns.includes('interval_start') || volumeColumn === undefined) {
    throw new Error(`The input needs the columns interval_start and one of ${VOLUME_COLUMNS.join(', ')}.`);
  }
  const ahtColumn = AHT_COLUMNS.find((c) => columns.includes(c));
  const observations = rows.map((row, index) => {
    const line = index + 2;
    const start = Date.parse(row.interval_start ?? '');
    if (!Number.isFinite(start)) throw new Error(`Line ${line}: interval_start must be an ISO-8601 time.`);
    const volume = numberAt(row, volumeColumn, line) as number;
    const aht = ahtColumn ? numberAt(row, ahtColumn, line, { optional: true }) : undefined;
    return aht === undefined ? { start, volume } : { start, volume, ahtSeconds: aht };
  });
  return observations.sort((a, b) => a.start - b.start);
}

/** The interval length of the history: the smallest step between consecutive intervals. */
function intervalMinutesOf(intervals: readonly IntervalObservation[]): IntervalMinutes {
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < intervals.length; i++) {
    const gap = (intervals[i] as IntervalObservation).start - (intervals[i - 1] as IntervalObservation).start;
    if (gap > 0) step = Math.min(step, gap);
  }
  const minutes = step / 60_000;
  if (!(FORECAST_INTERVAL_MINUTES as readonly number[]).includes(minutes)) {
    throw new Error(`The intervals must be ${FORECAST_INTERVAL_MINUTES.join(', ')} minutes apart.`);
  }
  return minutes as IntervalMinutes;
}

function wholeNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number ≥ 1.`);
  return n;
}
