import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { assertMayReadMetrics } from './metrics-access.ts';

/**
 * Prometheus metrics of one app instance: process defaults plus HTTP traffic by route and status. `token`:
 * the bearer token scrapers send; without it only this machine may read them, and no one behind a proxy.
 */
export function registerMetrics(
  app: FastifyInstance,
  access: { token?: string | undefined; behindProxy?: boolean } = {},
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'switchboard_' });
  const requests = new Counter({
    name: 'switchboard_http_requests_total',
    help: 'HTTP requests served, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'Time to serve HTTP requests, by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    assertMayReadMetrics(request, access.token, access.behindProxy ?? false);
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
  return registry;
}
