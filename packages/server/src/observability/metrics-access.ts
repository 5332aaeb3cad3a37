import { createHash, timingSafeEqual } from 'node:crypto';
import { SwitchboardError } from '@switchboard/core';
import type { FastifyRequest } from 'fastify';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read /metrics: with a token, whoever sends it as a bearer token; without one, only a scraper on this
 * machine talking to the server directly (a proxy in between adds a Forwarded or X-Forwarded-For header), and
 * never when the operator says a proxy stands in front.
 */
export function assertMayReadMetrics(
  request: FastifyRequest,
  token: string | undefined,
  behindProxy: boolean,
): void {
  if (token) {
    const sent = request.headers.authorization ?? '';
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (!timingSafeEqual(digest(sent), digest(`Bearer ${token}`))) {
      throw new SwitchboardError(
        'unauthenticated',
        'The metrics need Authorization: Bearer <SWITCHBOARD_METRICS_TOKEN>.',
      );
    }
    return;
  }
  if (behindProxy) {
    // A proxy on this machine that adds no Forwarded header would make the internet look local.
    throw new SwitchboardError(
      'not_found',
      'Behind a proxy (SWITCHBOARD_TRUST_PROXY) the metrics need SWITCHBOARD_METRICS_TOKEN.',
    );
  }
  const direct = !request.headers.forwarded && !request.headers['x-forwarded-for'];
  if (!direct || !LOOPBACK.test(request.socket.remoteAddress ?? '')) {
    throw new SwitchboardError(
      'not_found',
      'The metrics are served to this machine only; set SWITCHBOARD_METRICS_TOKEN to scrape them from elsewhere.',
    );
  }
}
