import { Readable } from 'node:stream';
import { addDays, authorize, formatLocalDate, localDateAt, SwitchboardError } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { parseLocalDate } from './capture.job.ts';
import { captureTenant, recaptureDay } from './capture.ts';
import { contactJourney } from './journey.ts';
import { reportCsv, reportJson, reportXlsx, XLSX_CONTENT_TYPE } from './report-files.ts';
import { DRILL_KINDS, REPORT_MAX_DAYS, REPORT_PAGE, REPORT_TEMPLATES } from './report-request.ts';
import { runReport } from './reports.service.ts';

const tags = ['reports'];
const LocalDate = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description, examples: ['2026-03-29'] });
const IdList = (description: string) => Type.String({ maxLength: 500 * 37, description });

const ReportQuery = Type.Object(
  {
    from: LocalDate("First local day of the range (the tenant's time zone)."),
    to: LocalDate(`Last local day, inclusive; at most ${REPORT_MAX_DAYS} days after from.`),
    rows: Type.Optional(
      Type.Union([Type.Literal('15'), Type.Literal('30'), Type.Literal('60'), Type.Literal('day')], {
        description:
          "Row size: minutes (a multiple of the tenant's interval) or day; the tenant's interval by default.",
      }),
    ),
    summarize: Type.Optional(
      Type.Boolean({ description: 'One row per CSQ, call type or agent for the whole range.' }),
    ),
    csqIds: Type.Optional(IdList('Comma-separated CSQ ids; every CSQ in your scope when left out.')),
    teamIds: Type.Optional(IdList('Comma-separated team ids (agent reports): their agents only.')),
    agentIds: Type.Optional(IdList('Comma-separated agent ids (agent reports).')),
    channel: Type.Optional(Type.Union([Type.Literal('voice'), Type.Literal('chat'), Type.Literal('email')])),
    csqId: Type.Optional(Uuid),
    start: Type.Optional(
      Type.String({ maxLength: 40, description: 'Drill-down (`contacts`): the row’s start, ISO-8601.' }),
    ),
    end: Type.Optional(
      Type.String({ maxLength: 40, description: 'Drill-down (`contacts`): the row’s end, ISO-8601.' }),
    ),
    kind: Type.Optional(
      Type.Union(
        DRILL_KINDS.map((kind) => Type.Literal(kind)),
        { description: 'Drill-down: which total.' },
      ),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: REPORT_PAGE.max,
        description: `Rows per page (default ${REPORT_PAGE.default}).`,
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 12, description: 'The `next` of the page before.' })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')])),
    layout: Type.Optional(
      Type.Union([Type.Literal('objects'), Type.Literal('arrays')], {
        description:
          'JSON rows: `objects` (default) of column names and values, or `arrays` of values in the order of `columns` (a third of the size, for large pulls).',
      }),
    ),
  },
  { additionalProperties: false },
);

const Report = Type.Object({
  template: Type.String(),
  timeZone: Type.String(),
  from: Type.String(),
  to: Type.String(),
  rowMinutes: Type.Union([Type.Integer(), Type.Literal('day')]),
  summarize: Type.Boolean(),
  columns: Type.Array(
    Type.Object({
      name: Type.String(),
      label: Type.String(),
      type: Type.String({ description: 'string, integer, number, ratio (0–1) or datetime' }),
      unit: Type.Union([Type.Literal('s'), Type.Null()]),
    }),
  ),
  rows: Type.Array(
    Type.Union([
      Type.Object({}, { additionalProperties: true }),
      Type.Array(Type.Union([Type.String(), Type.Number(), Type.Null()])),
    ]),
    {
      description:
        'One object per row (each column’s name and its value: a string, a number or null), or with `layout=arrays` one array per row of the values in the order of `columns`.',
    },
  ),
  next: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as `cursor` for the next page; null on the last.',
  }),
});

export function reportRoutes(app: App, { db, acd, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/reports/:template',
    permission: 'report.read',
    tags,
    summary: 'A historical report by template, from the interval tables and detail records',
    description:
      'Templates: csq-activity, call-type, agent-summary, agent-state, agent-detail, abandoned, contacts (the legs behind one total: csqId, start, end, kind) and wfm-interval (Minutes, Calls Presented, Calls Answered, Calls Abandoned, Avg Call Duration). Interval templates cover every row of the range with zeros rather than gaps. Days and rows are in the tenant’s time zone; see docs/reporting-api.md.',
    params: Type.Object(
      { template: Type.Union(REPORT_TEMPLATES.map((t) => Type.Literal(t))) },
      { additionalProperties: false },
    ),
    query: ReportQuery,
    response: {
      200: Type.Union([Report, Type.String(), Type.Unsafe<Buffer>({ type: 'string', format: 'binary' })]),
    },
    handler: async (request, reply) => {
      const { format, layout, ...query } = request.query;
      const json = format === undefined || format === 'json';
      const wanted = json && layout === 'arrays' ? 'texts' : 'cells';
      const report = await runReport(db, acd, principalOf(request), request.params.template, query, wanted);
      // Tens of thousands of rows: streamed as JSON text in parts, many times faster than the schema's serializer.
      if (json)
        return reply
          .type('application/json; charset=utf-8')
          .send(Readable.from(reportJson(report, layout ?? 'objects')));
      const file = `${report.template}-${report.from}-${report.to}.${format}`;
      reply.header('content-disposition', `attachment; filename="${file}"`);
      if (format === 'csv')
        return reply.header('content-type', 'text/csv; charset=utf-8').send(reportCsv(report));
      return reply.header('content-type', XLSX_CONTENT_TYPE).send(await reportXlsx(report));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/journey',
    permission: 'report.read',
    tags,
    summary: 'One contact from cradle to grave: legs, offers, ring-outs, transfers, guests, wrap-up',
    params: IdParams,
    response: { 200: Type.Object({}, { additionalProperties: true }) },
    handler: (request) => contactJourney(db, acd, principalOf(request), request.params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/reports/capture',
    permission: 'report.manage',
    tags,
    summary:
      "Capture the tenant's intervals now, the one in progress and those within the capture delay included (the background job counts those again once closed)",
    response: {
      200: Type.Object({ intervals: Type.Integer(), capturedUntil: Type.String({ format: 'date-time' }) }),
    },
    handler: async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'report.manage');
      const result = await captureTenant(db, principal.tenantId, clock.now(), { throughNow: true });
      return { intervals: result.intervals, capturedUntil: result.capturedUntil.toISOString() };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/reports/recapture',
    permission: 'report.manage',
    tags,
    summary:
      'Recapture one past local day from its raw records now, as the nightly job does for the day before (only what changed is written)',
    body: Type.Object(
      { date: LocalDate('The local day, from the oldest whose raw records are kept to yesterday.') },
      { additionalProperties: false },
    ),
    response: { 200: Type.Object({ date: Type.String(), intervals: Type.Integer() }) },
    handler: async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'report.manage');
      const { date } = request.body;
      const settings = await tenantReportingSettings(db, principal.tenantId);
      const now = clock.now();
      const latest = addDays(localDateAt(settings.timeZone, now), -1);
      const kept = Math.min(settings.retention.contactEventsDays, settings.retention.detailRecordsDays);
      // The last day whose events and records are all still there: a day partly purged would be recounted from less.
      const earliest = addDays(localDateAt(settings.timeZone, now), -(kept - 1));
      if (date < formatLocalDate(earliest) || date > formatLocalDate(latest))
        throw new SwitchboardError(
          'date_out_of_range',
          `A day from ${formatLocalDate(earliest)} to ${formatLocalDate(latest)} can be recaptured: today is still being captured, and older days' raw records are no longer all kept.`,
          { earliest: formatLocalDate(earliest), latest: formatLocalDate(latest) },
        );
      const result = await recaptureDay(db, principal.tenantId, parseLocalDate(date), now);
      return { date, intervals: result.intervals };
    },
  });
}
