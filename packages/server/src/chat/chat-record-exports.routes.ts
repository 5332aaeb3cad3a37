import { Readable } from 'node:stream';
import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  type ExportsContext,
  exportFile,
  findExport,
  listExports,
  requestExport,
} from './chat-record-exports.ts';

const tags = ['chat'];
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const ChatRecordExport = Type.Object({
  id: Uuid,
  status: Type.Enum(['queued', 'running', 'completed', 'failed']),
  from: Timestamp,
  to: Timestamp,
  csqId: Nullable(Uuid),
  rows: Type.Integer({ minimum: 0, description: 'Rows written; the total once completed.' }),
  error: Nullable(
    Type.String({
      description: 'Failed: why. Queued or running: why the last attempt failed, when a retry is due.',
    }),
  ),
  requestedBy: Uuid,
  jobId: Nullable(Uuid),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
});

/** Chat record exports as background jobs: ask, follow, download from the database (any node). */
export function chatRecordExportRoutes(app: App, { db, jobs, clock }: AppContext): void {
  const context: ExportsContext = { db, jobs, now: () => clock.now() };

  defineRoute(app, {
    method: 'POST',
    url: '/chat-records/exports',
    permission: 'contact.read',
    tags,
    summary: 'Ask for the web chats of a period as a CSV file, written by a background job',
    description: `Answers 202 at once; follow GET /chat-records/exports/{id} until completed, then download /csv. The columns of /chat-records/export. At most ${LIMITS.chatRecordExportsPendingPerTenant.max} exports of a tenant wait or run at once (409 limit_reached); "to" must be after "from".`,
    body: Type.Object(
      { from: Timestamp, to: Timestamp, csqId: Type.Optional(Uuid) },
      { additionalProperties: false },
    ),
    response: { 202: ChatRecordExport },
    handler: async (request, reply) =>
      reply.status(202).send(await requestExport(context, principalOf(request), request.body)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chat-records/exports',
    permission: 'contact.read',
    tags,
    summary: "The tenant's recent chat record exports, newest first",
    description: 'Finished exports are deleted seven days after they finished.',
    response: { 200: Type.Array(ChatRecordExport) },
    handler: (request) => listExports(context, principalOf(request)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chat-records/exports/:id',
    permission: 'contact.read',
    tags,
    summary: 'A chat record export: its status, rows, error and times',
    params: IdParams,
    response: { 200: ChatRecordExport },
    handler: (request) => findExport(context, principalOf(request), request.params.id),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chat-records/exports/:id/csv',
    permission: 'contact.read',
    tags,
    summary: 'The file of a completed chat record export (CSV)',
    description: 'Streamed from the database part by part. 409 export_not_ready until it has completed.',
    params: IdParams,
    response: { 200: Type.String() },
    handler: async (request, reply) => {
      const parts = await exportFile(context, principalOf(request), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="chat-records-${request.params.id}.csv"`)
        .send(Readable.from(parts));
    },
  });
}
