import { invalid } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { WHAT_IF_LIMITS, whatIf, workloadIntraday } from './intraday.ts';
import { dayOf } from './local-days.ts';
import { POOL_MAX_WORKLOADS, pooledRequirement } from './pooled.ts';
import { LocalDateText } from './workloads.routes.ts';

const tags = ['workforce'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Today as it goes (intraday, what-if) and workloads pooled, each checked by the simulator. */
export function intradayRoutes(app: App, { db, clock, acd }: AppContext): void {
  const IntradayInterval = Type.Object({
    start: Type.String({ format: 'date-time' }),
    actualVolume: Nullable(Type.Number()),
    forecastVolume: Nullable(Type.Number()),
    forecastAhtSeconds: Nullable(Type.Number()),
    reforecastVolume: Nullable(Type.Number()),
    requiredAgents: Nullable(Type.Number()),
    loggedInAgents: Nullable(Type.Number()),
    projectedAgents: Nullable(Type.Number()),
    overUnder: Nullable(Type.Number()),
  });
  const Intraday = Type.Object({
    workloadId: Uuid,
    date: Type.String(),
    timeZone: Type.String(),
    asOf: Type.String({ format: 'date-time' }),
    method: Nullable(Type.String()),
    rule: Nullable(
      Type.Object({
        recentMinutes: Type.Number(),
        recentWeight: Type.Number(),
        priorContacts: Type.Number(),
      }),
    ),
    notes: Type.Array(Type.String()),
    intervals: Type.Array(IntradayInterval),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/workloads/:id/intraday',
    permission: 'wfm.read',
    tags,
    summary:
      'Today so far: actuals against the forecast, the rest of the day reforecast, over and under staffing',
    description:
      "The reforecast scales the published forecast of the rest of the day by the day's actuals so far, by the rule that did best on the last 20 days; projected staff is the last closed interval's logged-in agents.",
    params: IdParams,
    response: { 200: Intraday },
    handler: async (request) => {
      const { workload: _, ...view } = await workloadIntraday(
        db,
        acd,
        principalOf(request).tenantId,
        request.params.id,
        clock.now(),
      );
      return view;
    },
  });

  const WhatIfFigures = Type.Object({
    offered: Type.Number(),
    answered: Type.Number(),
    abandoned: Type.Number(),
    serviceLevel: Nullable(Type.Number()),
    asaSeconds: Nullable(Type.Number()),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/wfm/workloads/:id/what-if',
    permission: 'wfm.read',
    tags,
    summary:
      'Simulate the rest of today with more or fewer contacts, longer or shorter handling, more or fewer agents',
    description:
      'Runs the ACD simulator on the reforecast (times volumeFactor, handle time times ahtFactor) with the projected staff plus staffDelta in every interval left; five simulated days, figures averaged. Changes nothing.',
    params: IdParams,
    body: Type.Object(
      {
        volumeFactor: Type.Optional(
          Type.Number({ minimum: WHAT_IF_LIMITS.factor.min, maximum: WHAT_IF_LIMITS.factor.max }),
        ),
        ahtFactor: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: WHAT_IF_LIMITS.factor.max })),
        staffDelta: Type.Optional(
          Type.Integer({ minimum: WHAT_IF_LIMITS.staffDelta.min, maximum: WHAT_IF_LIMITS.staffDelta.max }),
        ),
      },
      { additionalProperties: false },
    ),
    response: {
      200: Type.Object({
        replications: Type.Integer(),
        total: WhatIfFigures,
        intervals: Type.Array(
          Type.Intersect([Type.Object({ start: Type.String({ format: 'date-time' }) }), WhatIfFigures]),
        ),
      }),
    },
    handler: async (request) => {
      const { volumeFactor = 1, ahtFactor = 1, staffDelta = 0 } = request.body;
      const { result, starts } = await whatIf(
        db,
        acd,
        principalOf(request).tenantId,
        request.params.id,
        clock.now(),
        {
          volumeFactor,
          ahtFactor,
          staffDelta,
        },
      );
      return {
        replications: result.replications,
        total: result.total,
        intervals: result.intervals.map(({ index, queues: _, ...figures }) => ({
          start: starts[index] ?? '',
          ...figures,
        })),
      };
    },
  });

  const Figures = Nullable(WhatIfFigures);
  defineRoute(app, {
    method: 'GET',
    url: '/wfm/pooled',
    permission: 'wfm.read',
    tags,
    summary:
      'Workloads staffed together by agents with all their skills: separate and pooled requirements, checked by the simulator',
    description: `For one day and 2–${POOL_MAX_WORKLOADS} workloads of one channel (comma-separated ids): per interval the agents each workload needs on its own, summed, and the agents the pool needs on the combined load (Erlang, to the strictest target); then five simulated days with the pooled agents taking every queue give each workload's service level.`,
    query: Type.Object(
      { date: LocalDateText, workloadIds: Type.String({ minLength: 1, maxLength: 400 }) },
      { additionalProperties: false },
    ),
    response: {
      200: Type.Object({
        workloadIds: Type.Array(Uuid),
        target: Type.Object({
          kind: Type.String(),
          percent: Type.Optional(Type.Number()),
          seconds: Type.Number(),
        }),
        intervals: Type.Array(
          Type.Object({
            start: Type.String({ format: 'date-time' }),
            separateAgents: Type.Number(),
            pooledAgents: Type.Number(),
            simulated: Figures,
            workloads: Type.Array(Figures),
          }),
        ),
        total: Type.Object({
          separateAgentHours: Type.Number(),
          pooledAgentHours: Type.Number(),
          simulated: Figures,
        }),
      }),
    },
    handler: async (request) => {
      const ids = request.query.workloadIds.split(',').map((id) => id.trim());
      if (ids.some((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)))
        throw invalid('workloadIds are workload ids separated by commas.');
      return pooledRequirement(
        db,
        acd,
        principalOf(request).tenantId,
        ids,
        dayOf(request.query.date, 'date'),
      );
    },
  });
}
