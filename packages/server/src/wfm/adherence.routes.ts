import { dayBounds, invalid, SwitchboardError } from '@switchboard/core';
import { ADHERENCE_LIMITS } from '@switchboard/wfm';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import {
  adherenceBoard,
  adherenceReport,
  agentsInView,
  approveException,
  presentException,
} from './adherence.service.ts';
import { AGENT_STATES, adherenceSettings, saveAdherenceSettings } from './adherence-settings.ts';
import { dayOf } from './local-days.ts';
import { importPlannedActivities } from './planned-activities.ts';
import { PLANNED_SHIFT_LIMITS } from './planned-shift-file.ts';
import { LocalDateText } from './workloads.routes.ts';

const tags = ['workforce'];
const REPORT_MAX_DAYS = 31;
const FILE_BYTES = 10 * 1024 * 1024;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Activity = Type.String({ minLength: 1, maxLength: PLANNED_SHIFT_LIMITS.activity, pattern: '\\S' });
const Settings = Type.Object(
  {
    thresholdSeconds: Type.Integer({
      minimum: ADHERENCE_LIMITS.thresholdSeconds.min,
      maximum: ADHERENCE_LIMITS.thresholdSeconds.max,
      description: 'Out of adherence for no longer than this counts as adhering.',
    }),
    rules: Type.Array(
      Type.Object(
        {
          state: Type.Union(AGENT_STATES.map((state) => Type.Literal(state))),
          reasonCodes: Type.Optional(
            Type.Array(Type.Integer({ minimum: 0, maximum: 65_535 }), { maxItems: 100 }),
          ),
          activity: Activity,
        },
        { additionalProperties: false },
      ),
      {
        maxItems: 50,
        description:
          'In order: the first rule an agent state (and its reason code) matches says which activity it is.',
      },
    ),
    workActivities: Type.Array(Activity, {
      minItems: 1,
      maxItems: 20,
      description: 'Activities that count as work for conformance.',
    }),
  },
  { additionalProperties: false },
);

const Exception = Type.Object({
  id: Uuid,
  agentId: Uuid,
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  note: Type.String(),
  approvedBy: Nullable(Uuid),
  approvedAt: Type.String({ format: 'date-time' }),
});

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

function checkRange(from: string, to: string) {
  dayOf(from, 'from');
  dayOf(to, 'to');
  const days = daysBetween(from, to);
  if (!(days >= 1)) throw invalid('to is on or after from.');
  if (days > REPORT_MAX_DAYS)
    throw new SwitchboardError('range_too_long', `At most ${REPORT_MAX_DAYS} days at once.`, {
      maxDays: REPORT_MAX_DAYS,
    });
}

/** Real-time adherence: rules, planned activities, the live board, exceptions and the daily report. */
export function adherenceRoutes(app: App, { db, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/wfm/adherence/settings',
    permission: 'wfm.read',
    tags,
    summary: 'The adherence rules (agent state and reason code → activity), threshold and work activities',
    response: { 200: Settings },
    handler: async (request) => adherenceSettings(db, principalOf(request).tenantId),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/wfm/adherence/settings',
    permission: 'wfm.plan',
    tags,
    summary: 'Replace the adherence rules, threshold and work activities',
    description: 'Reason codes narrow Not Ready and Logged Out rules; a code the tenant does not have: 400.',
    body: Settings,
    response: { 200: Settings },
    handler: async (request) => {
      const { tenantId } = principalOf(request);
      await saveAdherenceSettings(db, tenantId, request.body);
      return adherenceSettings(db, tenantId);
    },
  });

  void app.register(async (files) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    files.addContentTypeParser('*', (_request, _payload, done) =>
      done(
        new SwitchboardError(
          'unsupported_media_type',
          'Send the file as the body with Content-Type text/csv.',
        ),
        undefined,
      ),
    );
    defineRoute(files, {
      method: 'POST',
      url: '/wfm/planned-activities/imports',
      permission: 'wfm.plan',
      tags,
      summary: "Import agents' planned activities (shifts, breaks, meetings) from a CSV file",
      description: `Columns agent (username), start, end, activity and optionally channels (phone, chat, email or any). Times in ISO 8601 with an offset, or "YYYY-MM-DD HH:MM" on the tenant's wall clock. For each agent in the file, their planned activities over the file's span are replaced. Every line or none: a file with errors is refused (400, details.errors). At most ${PLANNED_SHIFT_LIMITS.rows.toLocaleString('en')} lines and ${FILE_BYTES / 1024 / 1024} MB.`,
      bodyLimit: FILE_BYTES,
      query: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ activities: Type.Integer(), agents: Type.Integer(), dryRun: Type.Boolean() }),
        201: Type.Object({ activities: Type.Integer(), agents: Type.Integer(), dryRun: Type.Boolean() }),
      },
      handler: async (request, reply) => {
        const { tenantId } = principalOf(request);
        if (!Buffer.isBuffer(request.body))
          throw new SwitchboardError(
            'unsupported_media_type',
            'Send the file as the body with Content-Type text/csv.',
          );
        const summary = await importPlannedActivities(db, tenantId, request.body, {
          dryRun: request.query.dryRun ?? false,
        });
        return reply.status(summary.dryRun ? 200 : 201).send(summary);
      },
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/planned-activities',
    permission: 'wfm.read',
    tags,
    summary: 'The planned activities of the agents in view over days from and to (inclusive)',
    query: Type.Object({ from: LocalDateText, to: LocalDateText }, { additionalProperties: false }),
    response: {
      200: Type.Array(
        Type.Object({
          agentId: Uuid,
          from: Type.String({ format: 'date-time' }),
          to: Type.String({ format: 'date-time' }),
          activity: Type.String(),
          channels: Type.String(),
        }),
      ),
    },
    handler: async (request) => {
      const principal = principalOf(request);
      checkRange(request.query.from, request.query.to);
      const agents = await agentsInView(db, principal);
      if (agents.length === 0) return [];
      const { timeZone } = await tenantReportingSettings(db, principal.tenantId);
      const from = dayBounds(timeZone, dayOf(request.query.from, 'from')).start;
      const to = dayBounds(timeZone, dayOf(request.query.to, 'to')).end;
      const rows = await db
        .selectFrom('wfm_planned_activities')
        .select(['agent_id', 'starts_at', 'ends_at', 'activity', 'channels'])
        .where('tenant_id', '=', principal.tenantId)
        .where(
          'agent_id',
          'in',
          agents.map((agent) => agent.id),
        )
        .where('ends_at', '>', new Date(from))
        .where('starts_at', '<', new Date(to))
        .orderBy('agent_id')
        .orderBy('starts_at')
        .execute();
      return rows.map((row) => ({
        agentId: row.agent_id,
        from: row.starts_at.toISOString(),
        to: row.ends_at.toISOString(),
        activity: row.activity,
        channels: row.channels,
      }));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/adherence/board',
    permission: 'wfm.read',
    tags,
    summary: 'Live adherence: every agent in view with a plan today, out of adherence or not, since when',
    response: {
      200: Type.Object({
        at: Type.String({ format: 'date-time' }),
        thresholdSeconds: Type.Integer(),
        agents: Type.Array(
          Type.Object({
            agentId: Uuid,
            name: Type.String(),
            teamId: Nullable(Uuid),
            scheduled: Nullable(
              Type.Object({ activity: Type.String(), channels: Type.String(), until: Type.String() }),
            ),
            states: Type.Array(
              Type.Object({
                domain: Type.String(),
                state: Type.String(),
                reasonCode: Nullable(Type.Integer()),
                since: Type.String(),
              }),
            ),
            outOfAdherence: Type.Boolean(),
            since: Nullable(Type.String({ format: 'date-time' })),
            actual: Type.Array(Type.String()),
            adherencePct: Nullable(Type.Number()),
            conformancePct: Nullable(Type.Number()),
          }),
        ),
      }),
    },
    handler: async (request) => adherenceBoard(db, principalOf(request), clock.now()),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/adherence/report',
    permission: 'wfm.read',
    tags,
    summary: 'Adherence and conformance per agent per day, with the spans out of adherence',
    description: `Days from and to (inclusive, at most ${REPORT_MAX_DAYS}); approved exceptions count as adhering.`,
    query: Type.Object({ from: LocalDateText, to: LocalDateText }, { additionalProperties: false }),
    response: {
      200: Type.Array(
        Type.Object({
          date: Type.String(),
          agentId: Uuid,
          name: Type.String(),
          scheduledMinutes: Type.Number(),
          outOfAdherenceMinutes: Type.Number(),
          adherencePct: Nullable(Type.Number()),
          scheduledWorkMinutes: Type.Number(),
          workedMinutes: Type.Number(),
          conformancePct: Nullable(Type.Number()),
          spans: Type.Array(
            Type.Object({
              start: Type.String(),
              end: Type.String(),
              scheduled: Type.Array(Type.String()),
              actual: Type.Array(Type.String()),
            }),
          ),
        }),
      ),
    },
    handler: async (request) => {
      checkRange(request.query.from, request.query.to);
      return adherenceReport(
        db,
        principalOf(request),
        dayOf(request.query.from, 'from'),
        dayOf(request.query.to, 'to'),
        clock.now(),
      );
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/wfm/adherence/exceptions',
    permission: 'adherence.approve',
    tags,
    summary: "Approve an exception: a span of an agent's day that no longer counts against their adherence",
    body: Type.Object(
      {
        agentId: Uuid,
        from: Type.String({ format: 'date-time' }),
        to: Type.String({ format: 'date-time' }),
        note: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
      },
      { additionalProperties: false },
    ),
    response: { 201: Exception },
    handler: async (request, reply) => {
      const { agentId, from, to, note } = request.body;
      const approved = await approveException(db, principalOf(request), {
        agentId,
        from: Date.parse(from),
        to: Date.parse(to),
        note,
      });
      return reply.status(201).send(approved);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/wfm/adherence/exceptions',
    permission: 'wfm.read',
    tags,
    summary: 'Approved exceptions of the agents in view over days from and to (inclusive)',
    query: Type.Object({ from: LocalDateText, to: LocalDateText }, { additionalProperties: false }),
    response: { 200: Type.Array(Exception) },
    handler: async (request) => {
      const principal = principalOf(request);
      checkRange(request.query.from, request.query.to);
      const agents = await agentsInView(db, principal);
      if (agents.length === 0) return [];
      const { timeZone } = await tenantReportingSettings(db, principal.tenantId);
      const rows = await db
        .selectFrom('wfm_adherence_exceptions')
        .selectAll()
        .where('tenant_id', '=', principal.tenantId)
        .where(
          'agent_id',
          'in',
          agents.map((agent) => agent.id),
        )
        .where('ends_at', '>', new Date(dayBounds(timeZone, dayOf(request.query.from, 'from')).start))
        .where('starts_at', '<', new Date(dayBounds(timeZone, dayOf(request.query.to, 'to')).end))
        .orderBy('starts_at')
        .execute();
      return rows.map(presentException);
    },
  });
}
