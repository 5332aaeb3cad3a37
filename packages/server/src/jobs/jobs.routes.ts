import { authorize } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { JOB_STATES, type JobView } from './job-queue.ts';

const tags = ['jobs'];
const at = Type.String({ format: 'date-time' });
const Job = Type.Object({
  id: Uuid,
  name: Type.String({ description: 'The kind of job, e.g. `retention.purge`.' }),
  state: Type.Enum(JOB_STATES),
  payload: Type.Unknown(),
  key: Type.Union([Type.String(), Type.Null()]),
  retryCount: Type.Integer({ description: 'Attempts after the first so far.' }),
  retryLimit: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the last attempt failed (failed jobs, and queued ones waiting for a retry).',
  }),
  createdAt: at,
  runAt: Type.String({ format: 'date-time', description: 'Not run before this moment.' }),
  startedAt: Type.Union([at, Type.Null()]),
  finishedAt: Type.Union([at, Type.Null()]),
});

const present = (job: JobView) => ({
  id: job.id,
  name: job.name,
  state: job.state,
  payload: job.payload,
  key: job.key,
  retryCount: job.retryCount,
  retryLimit: job.retryLimit,
  error: job.error,
  createdAt: job.createdAt.toISOString(),
  runAt: job.runAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/** The tenant's background jobs for its administrators: deployment-wide jobs are the operator's, not shown. */
export function jobRoutes(app: App, { jobs }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/jobs',
    permission: 'job.read',
    tags,
    summary:
      "The tenant's background jobs in a state, newest first (completed and cancelled: the latest 100)",
    query: Type.Object(
      { state: Type.Optional(Type.Enum(JOB_STATES, { default: 'queued' })) },
      { additionalProperties: false },
    ),
    response: { 200: Type.Array(Job) },
    handler: async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'job.read');
      const list = await jobs.list({ tenantId: principal.tenantId }, request.query.state ?? 'queued');
      return list.map(present);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/jobs/:id/retry',
    permission: 'job.manage',
    tags,
    summary: 'Run a failed job once more (409 conflict when it has not failed)',
    params: IdParams,
    response: { 200: Job },
    handler: async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'job.manage');
      return present(await jobs.retry({ tenantId: principal.tenantId }, request.params.id));
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/jobs/:id/cancel',
    permission: 'job.manage',
    tags,
    summary: 'Cancel a queued job (409 conflict when it is running or finished)',
    params: IdParams,
    response: { 200: Job },
    handler: async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'job.manage');
      return present(await jobs.cancel({ tenantId: principal.tenantId }, request.params.id));
    },
  });
}
