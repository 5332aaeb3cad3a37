import { notFound, SwitchboardError } from '@switchboard/core';
import { type Static, Type } from 'typebox';
import { translateConstraintErrors } from '../db/repositories/index.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  checkWorkload,
  presentWorkload,
  WORKLOADS_PER_TENANT,
  type WorkloadInput,
  workloadColumns,
  workloadsRepository,
} from './workloads.ts';

const tags = ['workforce'];
const names = (max: number) => Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: max });

export const LocalDateText = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: "A day on the tenant's wall clock, YYYY-MM-DD.",
});

const Target = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('service_level'),
      percent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
      seconds: Type.Integer({ minimum: 1, maximum: 3600 }),
    },
    {
      additionalProperties: false,
      description: 'percent % of contacts answered within seconds, e.g. 80 / 20.',
    },
  ),
  Type.Object(
    { kind: Type.Literal('asa'), seconds: Type.Integer({ minimum: 1, maximum: 3600 }) },
    { additionalProperties: false, description: 'Average speed of answer at most seconds.' },
  ),
  Type.Object(
    { kind: Type.Literal('response_time'), seconds: Type.Integer({ minimum: 60, maximum: 7 * 86_400 }) },
    { additionalProperties: false, description: 'Email: every message answered within seconds of arrival.' },
  ),
]);

const WorkloadBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    channel: Type.Union([Type.Literal('voice'), Type.Literal('chat'), Type.Literal('email')]),
    basis: Type.Union([Type.Literal('csq'), Type.Literal('call_type')], {
      description: 'Whose interval rows are its history: its CSQs, or its call types.',
    }),
    csqIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
    callTypes: Type.Optional(names(100)),
    importedQueues: Type.Optional(names(100)),
    target: Target,
    maxOccupancy: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 1 }), Type.Null()])),
    shrinkage: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 1 })),
    patienceSeconds: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 3600 }), Type.Null()])),
    maxConcurrentChats: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 20 }), Type.Null()])),
    openHours: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()], {
        description:
          'e.g. "mon-thu 08:00-20:00; fri 08:00-14:00"; null: open where the history has contacts.',
      }),
    ),
    autoPublish: Type.Optional(
      Type.Boolean({ description: 'The nightly forecast is published at once (default true).' }),
    ),
  },
  { additionalProperties: false },
);

const Workload = Type.Object({
  id: Uuid,
  name: Type.String(),
  channel: Type.String(),
  basis: Type.String(),
  csqIds: Type.Array(Uuid),
  callTypes: Type.Array(Type.String()),
  importedQueues: Type.Array(Type.String()),
  target: Type.Object({ kind: Type.String(), percent: Type.Optional(Type.Number()), seconds: Type.Number() }),
  maxOccupancy: Type.Union([Type.Number(), Type.Null()]),
  shrinkage: Type.Number(),
  patienceSeconds: Type.Union([Type.Integer(), Type.Null()]),
  maxConcurrentChats: Type.Union([Type.Integer(), Type.Null()]),
  openHours: Type.Union([Type.String(), Type.Null()]),
  autoPublish: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

type Body = Static<typeof WorkloadBody>;

const inputOf = (body: Body): WorkloadInput => ({
  name: body.name,
  channel: body.channel,
  basis: body.basis,
  csqIds: body.csqIds ?? [],
  callTypes: body.callTypes ?? [],
  importedQueues: body.importedQueues ?? [],
  target: body.target,
  maxOccupancy: body.maxOccupancy ?? null,
  shrinkage: body.shrinkage ?? 0,
  patienceSeconds: body.patienceSeconds ?? null,
  maxConcurrentChats: body.maxConcurrentChats ?? null,
  openHours: body.openHours ?? null,
  autoPublish: body.autoPublish ?? true,
});

const SpecialDay = Type.Object({
  id: Uuid,
  workloadId: Type.Union([Uuid, Type.Null()]),
  date: Type.String(),
  name: Type.String(),
  closed: Type.Boolean(),
  factor: Type.Union([Type.Number(), Type.Null()]),
});

type SpecialDayRow = {
  id: string;
  workload_id: string | null;
  date: string;
  name: string;
  closed: boolean;
  factor: number | null;
};
const presentSpecialDay = (row: SpecialDayRow) => ({
  id: row.id,
  workloadId: row.workload_id,
  date: row.date,
  name: row.name,
  closed: row.closed,
  factor: row.factor,
});

/** Workloads (queues forecast and staffed together, with their targets) and special days. */
export function workloadRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/wfm/workloads',
    permission: 'wfm.read',
    tags,
    summary: 'The workloads, by name',
    response: { 200: Type.Array(Workload) },
    handler: async (request) =>
      (await workloadsRepository.list(db, principalOf(request).tenantId)).map(presentWorkload),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/workloads/:id',
    permission: 'wfm.read',
    tags,
    summary: 'One workload',
    params: IdParams,
    response: { 200: Workload },
    handler: async (request) => workloadsRepository.get(db, principalOf(request).tenantId, request.params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/wfm/workloads',
    permission: 'wfm.plan',
    tags,
    summary: 'Create a workload',
    description:
      'Voice and chat take a service-level or ASA target, email a response time; chat needs maxConcurrentChats. CSQ ids this tenant does not have: 404 `unknown_csq`.',
    body: WorkloadBody,
    response: { 201: Workload },
    handler: async (request, reply) => {
      const { tenantId } = principalOf(request);
      const input = inputOf(request.body);
      await checkWorkload(db, tenantId, input);
      const id = crypto.randomUUID();
      await translateConstraintErrors('workload', () =>
        db.transaction().execute(async (trx) => {
          const count = await trx
            .selectFrom('wfm_workloads')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', tenantId)
            .executeTakeFirst();
          if (Number(count?.n ?? 0) >= WORKLOADS_PER_TENANT)
            throw new SwitchboardError(
              'limit_reached',
              `A tenant has at most ${WORKLOADS_PER_TENANT} workloads.`,
              {
                limit: WORKLOADS_PER_TENANT,
                what: 'workloads',
              },
            );
          await trx
            .insertInto('wfm_workloads')
            .values({ tenant_id: tenantId, id, ...workloadColumns(input) })
            .execute();
        }),
      );
      return reply.code(201).send(await workloadsRepository.get(db, tenantId, id));
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/wfm/workloads/:id',
    permission: 'wfm.plan',
    tags,
    summary: 'Change a workload (every field, as when creating it)',
    params: IdParams,
    body: WorkloadBody,
    response: { 200: Workload },
    handler: async (request) => {
      const { tenantId } = principalOf(request);
      await workloadsRepository.get(db, tenantId, request.params.id);
      const input = inputOf(request.body);
      await checkWorkload(db, tenantId, input);
      await translateConstraintErrors('workload', () =>
        db
          .updateTable('wfm_workloads')
          .set({ ...workloadColumns(input), updated_at: new Date() })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', request.params.id)
          .execute(),
      );
      return workloadsRepository.get(db, tenantId, request.params.id);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/wfm/workloads/:id',
    permission: 'wfm.plan',
    tags,
    summary: 'Delete a workload with its forecasts, adjustments and special days',
    params: IdParams,
    response: { 204: Type.Null() },
    handler: async (request, reply) => {
      const { tenantId } = principalOf(request);
      const deleted = await db
        .deleteFrom('wfm_workloads')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw notFound('Workload');
      return reply.code(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/special-days',
    permission: 'wfm.read',
    tags,
    summary: "The special days: the tenant's (workloadId null) and each workload's own, by date",
    response: { 200: Type.Array(SpecialDay) },
    handler: async (request) =>
      (
        await db
          .selectFrom('wfm_special_days')
          .select(['id', 'workload_id', 'date', 'name', 'closed', 'factor'])
          .where('tenant_id', '=', principalOf(request).tenantId)
          .orderBy('date')
          .execute()
      ).map(presentSpecialDay),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/wfm/special-days',
    permission: 'wfm.plan',
    tags,
    summary: 'Add a special day, past or future',
    description:
      'Closed (the forecast is zero), or open with a factor on a normal day (omitted: learned from the open special days in the history). workloadId null: every workload.',
    body: Type.Object(
      {
        workloadId: Type.Optional(Type.Union([Uuid, Type.Null()])),
        date: LocalDateText,
        name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
        closed: Type.Boolean(),
        factor: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10 }), Type.Null()])),
      },
      { additionalProperties: false },
    ),
    response: { 201: SpecialDay },
    handler: async (request, reply) => {
      const { tenantId, userId } = principalOf(request);
      const { workloadId = null, date, name, closed, factor = null } = request.body;
      if (workloadId !== null) await workloadsRepository.get(db, tenantId, workloadId);
      if (closed && factor !== null)
        throw new SwitchboardError('validation_failed', 'A closed day has no factor: leave factor out.');
      if (
        Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
        new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
      )
        throw new SwitchboardError('validation_failed', `"${date}" is not a date.`);
      const row = await translateConstraintErrors('special day on that date', () =>
        db
          .insertInto('wfm_special_days')
          .values({
            tenant_id: tenantId,
            id: crypto.randomUUID(),
            workload_id: workloadId,
            date,
            name: name.trim(),
            closed,
            factor: closed ? null : factor,
            created_by: userId,
          })
          .returning(['id', 'workload_id', 'date', 'name', 'closed', 'factor'])
          .executeTakeFirstOrThrow(),
      );
      return reply.code(201).send(presentSpecialDay(row));
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/wfm/special-days/:id',
    permission: 'wfm.plan',
    tags,
    summary: 'Remove a special day',
    params: IdParams,
    response: { 204: Type.Null() },
    handler: async (request, reply) => {
      const deleted = await db
        .deleteFrom('wfm_special_days')
        .where('tenant_id', '=', principalOf(request).tenantId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw notFound('Special day');
      return reply.code(204).send(null);
    },
  });
}
