import { invalid } from '@switchboard/core';
import { MAX_FORECAST_DAYS } from '@switchboard/wfm';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { ADJUSTMENT_LIMITS, adjustmentsRepository } from './adjustments.ts';
import {
  createForecast,
  forecastIntervalsOf,
  getForecast,
  listForecasts,
  publishForecast,
} from './forecasts.service.ts';
import { dayOf } from './local-days.ts';
import { PLAN_MAX_DAYS, workloadPlan } from './plan.ts';
import { LocalDateText } from './workloads.routes.ts';
import { workloadsRepository } from './workloads.ts';

const tags = ['workforce'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const MethodScore = Type.Object({
  method: Type.String(),
  wapePct: Nullable(Type.Number()),
  mapePct: Nullable(Type.Number()),
  biasPct: Nullable(Type.Number()),
  intervals: Type.Integer(),
});

const Forecast = Type.Object({
  id: Uuid,
  workloadId: Uuid,
  status: Type.String({ description: 'draft or published' }),
  method: Type.String({
    description: 'The method the backtest chose (or the weekday mean on a short history).',
  }),
  intervalMinutes: Type.Integer(),
  firstDay: Type.String(),
  days: Type.Integer(),
  historyIntervals: Type.Integer(),
  evaluation: Type.Object(
    {
      backtest: Nullable(
        Type.Object({
          weeks: Type.Integer(),
          origins: Type.Integer(),
          best: Nullable(Type.String()),
          scores: Type.Array(MethodScore),
        }),
      ),
      holdout: Type.Unknown({
        description:
          'null below 16 weeks of history; otherwise the last 8 weeks kept from every choice: holdoutFrom, days, chosen, selection and holdout (scores per method), intraday (rule, dayAhead, updated, perfectLevel accuracy from 12:00), noiseFloorPct, intradayNoiseFloorPct.',
      }),
      notes: Type.Array(Type.String()),
      history: Type.Object({
        builtIn: Type.Integer(),
        imported: Type.Integer(),
        coarserRows: Type.Integer(),
      }),
    },
    { description: 'How the method was chosen, and how every method did on data kept out of the choice.' },
  ),
  createdBy: Nullable(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  publishedBy: Nullable(Uuid),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
});

const Adjustment = Type.Object({
  id: Uuid,
  workloadId: Uuid,
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  volumeFactor: Nullable(Type.Number()),
  ahtFactor: Nullable(Type.Number()),
  note: Type.String(),
  createdBy: Nullable(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  removedBy: Nullable(Uuid),
  removedAt: Nullable(Type.String({ format: 'date-time' })),
});

const Factor = Type.Number({ minimum: ADJUSTMENT_LIMITS.factor.min, maximum: ADJUSTMENT_LIMITS.factor.max });

const PlanInterval = Type.Object({
  start: Type.String({ format: 'date-time' }),
  actualVolume: Nullable(Type.Number()),
  actualAhtSeconds: Nullable(Type.Number()),
  forecastVolume: Nullable(Type.Number()),
  forecastAhtSeconds: Nullable(Type.Number()),
  adjustedVolume: Nullable(Type.Number()),
  adjustedAhtSeconds: Nullable(Type.Number()),
  requiredAgents: Nullable(Type.Number()),
  requiredStaff: Nullable(Type.Number()),
  serviceLevel: Nullable(Type.Number()),
  asaSeconds: Nullable(Type.Number()),
  loggedInAgents: Nullable(Type.Number()),
});

/** A forecast's first day: a real day within a year of today. */
function firstDayOf(text: string, now: number) {
  const day = dayOf(text, 'firstDay');
  const at = Date.UTC(day.year, day.month - 1, day.day);
  if (Math.abs(at - now) > 366 * 86_400_000)
    throw invalid('firstDay is within a year of today.', { field: 'firstDay' });
  return day;
}

/** Forecasts of a workload, planners' adjustments, and the plan: actuals, forecast, requirement and staff. */
export function forecastRoutes(app: App, { db, clock, acd }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/wfm/workloads/:id/forecasts',
    permission: 'wfm.plan',
    tags,
    summary: 'Forecast a workload (a draft until published)',
    description: `Compares the methods by backtest on the latest weeks of the workload's history and forecasts with the best; takes a few seconds. firstDay defaults to tomorrow; days 1–${MAX_FORECAST_DAYS} (default 14). A workload without history: 422 \`no_history\`.`,
    params: IdParams,
    body: Type.Object(
      {
        firstDay: Type.Optional(LocalDateText),
        days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_FORECAST_DAYS })),
      },
      { additionalProperties: false },
    ),
    response: { 201: Forecast },
    handler: async (request, reply) => {
      const { tenantId, userId } = principalOf(request);
      const { firstDay, days = 14 } = request.body;
      const forecast = await createForecast(db, tenantId, request.params.id, {
        ...(firstDay === undefined ? {} : { firstDay: firstDayOf(firstDay, clock.now()) }),
        days,
        by: userId,
        now: clock.now(),
      });
      return reply.code(201).send(forecast);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/workloads/:id/forecasts',
    permission: 'wfm.read',
    tags,
    summary: "The workload's latest 50 forecasts, newest first",
    params: IdParams,
    response: { 200: Type.Array(Forecast) },
    handler: async (request) => {
      const { tenantId } = principalOf(request);
      await workloadsRepository.get(db, tenantId, request.params.id);
      return listForecasts(db, tenantId, request.params.id);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/forecasts/:id',
    permission: 'wfm.read',
    tags,
    summary: 'One forecast with its intervals',
    params: IdParams,
    response: {
      200: Type.Intersect([
        Forecast,
        Type.Object({
          intervals: Type.Array(
            Type.Object({
              start: Type.String({ format: 'date-time' }),
              volume: Type.Number(),
              ahtSeconds: Nullable(Type.Number()),
            }),
          ),
        }),
      ]),
    },
    handler: async (request) => {
      const { tenantId } = principalOf(request);
      const forecast = await getForecast(db, tenantId, request.params.id);
      const intervals = await forecastIntervalsOf(db, tenantId, forecast.id);
      return {
        ...forecast,
        intervals: intervals.map((i) => ({ ...i, start: new Date(i.start).toISOString() })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/wfm/forecasts/:id/publish',
    permission: 'wfm.plan',
    tags,
    summary: "Publish a draft: it becomes the workload's forecast for its days",
    description: 'Where published forecasts share days, the one published last counts. A published one: 409.',
    params: IdParams,
    response: { 200: Forecast },
    handler: async (request) => {
      const { tenantId, userId } = principalOf(request);
      return publishForecast(db, tenantId, request.params.id, userId, clock.now());
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/workloads/:id/adjustments',
    permission: 'wfm.read',
    tags,
    summary: "The workload's adjustments, removed ones included (the audit trail), oldest first",
    params: IdParams,
    response: { 200: Type.Array(Adjustment) },
    handler: async (request) => {
      const { tenantId } = principalOf(request);
      await workloadsRepository.get(db, tenantId, request.params.id);
      return adjustmentsRepository.list(db, tenantId, request.params.id);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/wfm/workloads/:id/adjustments',
    permission: 'wfm.plan',
    tags,
    summary: "Adjust the workload's forecast over a span (volume and/or handle time by a factor)",
    description: `Applies to every published forecast of the span, in the order adjustments were made. A span of at most ${ADJUSTMENT_LIMITS.spanDays} days; factors ${ADJUSTMENT_LIMITS.factor.min}–${ADJUSTMENT_LIMITS.factor.max}.`,
    params: IdParams,
    body: Type.Object(
      {
        from: Type.String({ format: 'date-time' }),
        to: Type.String({ format: 'date-time' }),
        volumeFactor: Type.Optional(Factor),
        ahtFactor: Type.Optional(Factor),
        note: Type.String({
          minLength: 1,
          maxLength: 500,
          pattern: '\\S',
          description: 'Why: kept in the trail.',
        }),
      },
      { additionalProperties: false },
    ),
    response: { 201: Adjustment },
    handler: async (request, reply) => {
      const { tenantId, userId } = principalOf(request);
      await workloadsRepository.get(db, tenantId, request.params.id);
      const { from, to, volumeFactor = null, ahtFactor = null, note } = request.body;
      const adjustment = await adjustmentsRepository.add(
        db,
        tenantId,
        request.params.id,
        { from: Date.parse(from), to: Date.parse(to), volumeFactor, ahtFactor, note },
        userId,
      );
      return reply.code(201).send(adjustment);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/wfm/adjustments/:id',
    permission: 'wfm.plan',
    tags,
    summary: 'Take an adjustment out of the forecast; it stays in the trail with who removed it',
    params: IdParams,
    response: { 200: Adjustment },
    handler: async (request) => {
      const { tenantId, userId } = principalOf(request);
      return adjustmentsRepository.remove(db, tenantId, request.params.id, userId, clock.now());
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/workloads/:id/plan',
    permission: 'wfm.read',
    tags,
    summary: 'Interval by interval: actuals, forecast, adjusted forecast, requirement, logged-in agents',
    description: `Days from and to (inclusive) on the tenant's wall clock, at most ${PLAN_MAX_DAYS}. The requirement staffs the adjusted forecast to the workload's target; logged-in agents are those of its CSQs on its channel, for closed intervals.`,
    params: IdParams,
    query: Type.Object({ from: LocalDateText, to: LocalDateText }, { additionalProperties: false }),
    response: {
      200: Type.Object({
        workloadId: Uuid,
        intervalMinutes: Type.Integer(),
        timeZone: Type.String(),
        intervals: Type.Array(PlanInterval),
      }),
    },
    handler: async (request) => {
      const { tenantId } = principalOf(request);
      return workloadPlan(
        db,
        acd,
        tenantId,
        request.params.id,
        dayOf(request.query.from, 'from'),
        dayOf(request.query.to, 'to'),
      );
    },
  });
}
