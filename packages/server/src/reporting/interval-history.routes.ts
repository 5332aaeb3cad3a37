import {
  INTERVAL_COLUMN_FIELDS,
  type IntervalMapping,
  invalid,
  isIntervalMinutes,
  LIMITS,
  SwitchboardError,
} from '@switchboard/core';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { type IntervalFileFormat, XLSX_TYPE } from './interval-history-files.ts';
import {
  exportIntervalHistory,
  importIntervalFile,
  listIntervalImports,
  previewIntervalFile,
} from './interval-import.ts';

const tags = ['reporting'];
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const MB = LIMITS.intervalImport.fileBytes / (1024 * 1024);

const Row = Type.Object({
  queue: Type.String(),
  intervalStart: Type.String({ description: "ISO-8601 with the tenant's offset" }),
  minutes: Type.Optional(Type.Integer()),
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  ahtSeconds: Type.Number(),
  asaSeconds: Nullable(Type.Number()),
  serviceLevel: Nullable(Type.Number({ description: '0–1' })),
});
const FileError = Type.Object({ line: Nullable(Type.Integer()), message: Type.String() });
const Preview = Type.Object({
  timeZone: Type.String(),
  columns: Type.Array(
    Type.Object({ name: Type.String(), field: Nullable(Type.Enum([...INTERVAL_COLUMN_FIELDS])) }),
  ),
  rowCount: Type.Integer(),
  rows: Type.Array(Row),
  errors: Type.Array(FileError),
  errorsTruncated: Type.Boolean(),
});
const ImportRecord = Type.Object({
  id: Uuid,
  userId: Nullable(Uuid),
  fileName: Type.String(),
  minutes: Type.Integer(),
  rows: Type.Integer(),
  inserted: Type.Integer(),
  replaced: Type.Integer(),
  createdAt: Timestamp,
});

const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean()),
    minutes: Type.Integer({ description: 'The row size: 15, 30 or 60.' }),
    queue: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.intervalQueueName.max })),
    mapping: Type.Optional(
      Type.String({ maxLength: 10_000, description: 'JSON: {"<file column>": "<field>" or "ignore"}' }),
    ),
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  },
  { additionalProperties: false },
);

function mappingOf(text: string | undefined): IntervalMapping | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('mapping is not JSON; write {"<file column>": "<field>"}, e.g. {"Handled": "answered"}.');
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject || Object.values(value as object).some((field) => typeof field !== 'string')) {
    throw invalid(
      'mapping must be an object of file column names to field names, e.g. {"Handled": "answered"}.',
    );
  }
  return value as IntervalMapping;
}

function fileOf(request: FastifyRequest): { file: Buffer; format: IntervalFileFormat } {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (!Buffer.isBuffer(request.body)) throw unsupportedType();
  return { file: request.body, format: type === XLSX_TYPE ? 'xlsx' : 'csv' };
}

const unsupportedType = () =>
  new SwitchboardError(
    'unsupported_media_type',
    `Send the file as the body with Content-Type text/csv or ${XLSX_TYPE}.`,
  );

/** Interval history: import from CSV or XLSX (a dry run previews), export, and the list of imports. */
export function intervalHistoryRoutes(app: App, { db, clock }: AppContext): void {
  // Files have parsers of their own, kept to these routes: every other route still takes only JSON.
  void app.register(async (files) => {
    files.removeAllContentTypeParsers();
    for (const type of ['text/csv', XLSX_TYPE]) {
      files.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    }
    files.addContentTypeParser('*', (_request, _payload, done) => done(unsupportedType(), undefined));

    defineRoute(files, {
      method: 'POST',
      url: '/interval-history/imports',
      permission: 'report.import',
      tags,
      summary: 'Import interval history from a CSV or XLSX file, or preview it (dryRun=true)',
      description: `The raw file is the body (Content-Type text/csv or ${XLSX_TYPE}), at most ${MB} MB (413 payload_too_large) and ${LIMITS.intervalImport.rows.toLocaleString('en')} rows. Columns are matched by name (docs/reporting.md); mapping overrides. A dry run answers 200 with the columns, the first ${LIMITS.intervalImport.previewRows} rows and up to ${LIMITS.intervalImport.errorsReported} errors. An import stores every row or none: a file with errors is refused (400 validation_failed, details.errors); rows already stored for a queue and start are replaced.`,
      query: ImportQuery,
      bodyLimit: LIMITS.intervalImport.fileBytes,
      response: { 200: Preview, 201: ImportRecord },
      handler: async (request, reply) => {
        const { minutes, queue, dryRun = false, fileName } = request.query;
        if (!isIntervalMinutes(minutes))
          throw invalid('minutes must be 15, 30 or 60: the length of each row.');
        const { tenantId, userId } = principalOf(request);
        const input = {
          tenantId,
          ...fileOf(request),
          fileName: fileName ?? 'upload',
          minutes,
          queue,
          mapping: mappingOf(request.query.mapping),
        };
        if (dryRun) return reply.status(200).send(await previewIntervalFile(db, input));
        const summary = await importIntervalFile(db, { ...input, userId, now: new Date(clock.now()) });
        return reply.status(201).send({ ...summary, createdAt: summary.createdAt.toISOString() });
      },
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/interval-history/imports',
    permission: 'report.read',
    tags,
    summary: "The tenant's recent imports of interval history, newest first",
    response: { 200: Type.Array(ImportRecord) },
    handler: async (request) =>
      (await listIntervalImports(db, principalOf(request).tenantId)).map((record) => ({
        ...record,
        createdAt: record.createdAt.toISOString(),
      })),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/interval-history',
    permission: 'report.read',
    tags,
    summary: 'Interval history of a period (starts in [from, to)) as JSON, CSV or XLSX',
    description: `Files have the default columns (Minutes, Calls Presented, Calls Answered, Calls Abandoned, Avg Call Duration) then Queue, ASA and Service Level; starts in ISO-8601 with the tenant's offset. At most ${LIMITS.intervalExportRows.max.toLocaleString('en')} rows.`,
    query: Type.Object(
      {
        from: Timestamp,
        to: Timestamp,
        queue: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.intervalQueueName.max })),
        format: Type.Optional(Type.Enum(['json', 'csv', 'xlsx'])),
      },
      { additionalProperties: false },
    ),
    response: {
      200: Type.Union([Type.Object({ timeZone: Type.String(), rows: Type.Array(Row) }), Type.String()]),
    },
    handler: async (request, reply) => {
      const { from, to, queue, format = 'json' } = request.query;
      const exported = await exportIntervalHistory(
        db,
        principalOf(request).tenantId,
        { from: new Date(from), to: new Date(to), queue },
        format,
      );
      if (exported.format === 'json') return { timeZone: exported.timeZone, rows: exported.rows };
      const type = exported.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="interval-history.${exported.format}"`)
        .send(exported.body);
    },
  });
}
