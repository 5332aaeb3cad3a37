import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

/**
 * Every query value of a URL replaced by `[redacted]`: whatever the route, a query may carry a secret (a
 * ticket, an old client's token), and request logs are kept and shipped far more widely than secrets may be.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      // A bare item (`?abc`) may be a secret itself: only a name with a value keeps its name.
      const name = pair.split('=')[0] ?? '';
      return pair.includes('=') ? `${name}=[redacted]` : '[redacted]';
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

/** Query strings inside free text (an error message or stack that quotes a URL). */
const redactQueries = (text: string) => text.replace(/\?[^\s'"`]*/g, (query) => redactUrl(query));

/**
 * What a request, a reply and an error may put in a log line: never headers (authorization, cookies), never
 * bodies, and URLs without their query values.
 */
export const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  err: (error: unknown) => {
    if (!(error instanceof Error))
      return { type: typeof error, message: redactQueries(String(error)), stack: '' };
    const code = (error as { code?: unknown }).code;
    return {
      type: error.constructor.name,
      message: redactQueries(error.message),
      stack: redactQueries(error.stack ?? ''),
      ...(code === undefined ? {} : { code: String(code) }),
    };
  },
};

/** The app's logger option with the redacting serializers in force over any given. */
export function redactingLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, ...LOG_SERIALIZERS } };
}

/**
 * One line per answered request, at debug, through the redacting serializers (`req`, `res`): Fastify's two
 * lines per request at info would bury everything else an operator should read. Failures keep their level.
 */
export class DebugRequestLogs extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>,
  ): void {
    if (error) super.requestCompleted(error, request, reply, metadata);
    else
      request.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
