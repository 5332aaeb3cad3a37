import {
  aggregateSeries,
  type ForecastInput,
  type ForecastMethod,
  HOLDOUT_DEFAULTS,
  type HoldoutResult,
  holdoutEvaluation,
} from '../../packages/wfm/src/forecast/index.ts';
import { round } from './report.ts';

/** Goals on the holdout: the chosen method ≥ 10 % below the weekday mean; the intraday update ≥ 25 % below the
 * day-ahead forecast of the same afternoons. */
export const HOLDOUT_GOALS = { holdout_best_over_mean4: 0.9, intraday_over_day_ahead: 0.75 } as const;

export interface HoldoutOutcome {
  minutes: number;
  result: HoldoutResult;
  best: number;
  mean4: number;
  intraday: number;
  dayAheadAfternoon: number;
  perfectLevel: number;
}

export function runHoldout(
  input: ForecastInput,
  minutes: 15 | 30,
  baseline: string,
  methods: readonly ForecastMethod[],
): HoldoutOutcome {
  const history = aggregateSeries(input.history, minutes, input.openHours);
  const result = holdoutEvaluation({ ...input, history }, { methods, ...HOLDOUT_DEFAULTS });
  const wape = (name: string | null) => result.holdout.find((s) => s.method === name)?.wapePct ?? null;
  const figures = [
    wape(result.chosen),
    wape(baseline),
    result.intraday?.updated.wapePct,
    result.intraday?.dayAhead.wapePct,
  ];
  if (figures.some((x) => x === null || x === undefined))
    throw new Error(`no holdout WAPE at ${minutes} minutes`);
  return {
    minutes,
    result,
    best: figures[0] as number,
    mean4: figures[1] as number,
    intraday: figures[2] as number,
    dayAheadAfternoon: figures[3] as number,
    perfectLevel: result.intraday?.perfectLevel.wapePct ?? 0,
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${x.toFixed(2)}%`);

export function printHoldout(outcomes: readonly HoldoutOutcome[], baseline: string): void {
  const first = outcomes[0]?.result;
  if (first === undefined) return;
  const hours = (minute: number) => `${String(minute / 60).padStart(2, '0')}:00`;
  console.log(
    `Holdout: the last ${HOLDOUT_DEFAULTS.holdoutWeeks} weeks (${first.holdoutFrom} on, ${first.days} days) ` +
      `held out of every choice. Method and intraday rule chosen on the ${HOLDOUT_DEFAULTS.selectionWeeks} weeks ` +
      `before; the intraday update reforecasts each day from ${hours(HOLDOUT_DEFAULTS.intradayFromMinute)}.`,
  );
  for (const o of outcomes) {
    const r = o.result;
    const rule = r.intraday?.rule;
    console.log(
      `${o.minutes} min: chosen ${r.chosen} ${pct(o.best)} vs ${baseline} ${pct(o.mean4)} = ` +
        `${round(o.best / o.mean4, 3)}× (goal ≤ ${HOLDOUT_GOALS.holdout_best_over_mean4}×); noise floor ${pct(r.noiseFloorPct)}.`,
    );
    console.log(
      `        afternoon: day-ahead ${pct(o.dayAheadAfternoon)}, intraday ${pct(o.intraday)} = ` +
        `${round(o.intraday / o.dayAheadAfternoon, 3)}× (goal ≤ ${HOLDOUT_GOALS.intraday_over_day_ahead}×); with the ` +
        `afternoon's true total ${pct(o.perfectLevel)}; noise floor ${pct(r.intradayNoiseFloorPct)}. Rule: ${
          rule
            ? `last ${rule.recentMinutes} min weighted ${rule.recentWeight}, prior ${rule.priorContacts} contacts`
            : 'no update'
        }.`,
    );
  }
}

/** Summary keys: the unsuffixed ones at 15 minutes (the product's default interval), `_30` at 30 minutes. */
export function holdoutSummary(outcomes: readonly HoldoutOutcome[]): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const o of outcomes) {
    const suffix = o.minutes === 15 ? '' : `_${o.minutes}`;
    const bestRatio = o.best / o.mean4;
    const intradayRatio = o.intraday / o.dayAheadAfternoon;
    summary[`wape_holdout_best${suffix}`] = round(o.best);
    summary[`wape_holdout_mean4${suffix}`] = round(o.mean4);
    summary[`wape_holdout_intraday${suffix}`] = round(o.intraday);
    summary[`wape_holdout_day_ahead_afternoon${suffix}`] = round(o.dayAheadAfternoon);
    summary[`wape_holdout_perfect_level_afternoon${suffix}`] = round(o.perfectLevel);
    summary[`wape_noise_floor${suffix}`] = round(o.result.noiseFloorPct ?? 0);
    summary[`wape_noise_floor_afternoon${suffix}`] = round(o.result.intradayNoiseFloorPct ?? 0);
    summary[`holdout_best_over_mean4${suffix}`] = round(bestRatio, 4);
    summary[`intraday_over_day_ahead${suffix}`] = round(intradayRatio, 4);
    summary[`met_holdout_best_over_mean4${suffix}`] =
      bestRatio <= HOLDOUT_GOALS.holdout_best_over_mean4 ? 1 : 0;
    summary[`met_intraday_over_day_ahead${suffix}`] =
      intradayRatio <= HOLDOUT_GOALS.intraday_over_day_ahead ? 1 : 0;
  }
  return summary;
}
