import { type ErrorCode, SwitchboardError } from '@switchboard/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { plainIssue, type SchemaIssue } from './validation-messages.ts';

/** The one place error codes become HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  no_agent_available: 409,
  group_chat_full: 409,
  no_supervisor: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  team_message_rate_limited: 429,
  team_messages_full: 409,
  chat_rate_limited: 429,
  chat_ended: 409,
  widget_closed: 409,
  chat_start_rate_limited: 429,
  calls_off: 409,
  speech_unavailable: 409,
  media_ports_exhausted: 503,
  number_taken: 409,
  extension_taken: 409,
  limit_reached: 409,
  cursor_malformed: 400,
  cursor_wrong_tenant: 400,
  cursor_ahead: 409,
  cursor_expired: 410,
  export_not_ready: 409,
  range_too_long: 400,
  date_out_of_range: 400,
  no_history: 422,
  interval_not_used: 400,
  unknown_agent: 404,
  unknown_csq: 404,
  upgrade_required: 426,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown };
}

/** Turns anything thrown while serving a request into one typed error. */
export function toSwitchboardError(error: unknown): SwitchboardError {
  if (error instanceof SwitchboardError) return error;
  const fastifyError = error as Partial<FastifyError> & {
    validation?: SchemaIssue[];
    validationContext?: string;
  };
  if (fastifyError.validation) {
    const issues = fastifyError.validation.map((issue) =>
      plainIssue(fastifyError.validationContext ?? 'body', issue),
    );
    return new SwitchboardError(
      'validation_failed',
      issues[0]?.message ?? 'The request is not valid.',
      issues,
    );
  }
  switch (fastifyError.code) {
    case 'FST_ERR_BAD_URL':
      return new SwitchboardError('validation_failed', 'The URL is not valid: check its percent-encoding.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new SwitchboardError('validation_failed', 'A path segment of the URL is too long.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new SwitchboardError('unsupported_media_type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SwitchboardError('payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new SwitchboardError('invalid_json', 'The body is empty but the content type says JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new SwitchboardError('invalid_json', 'The body is not valid JSON.');
  }
  if (error instanceof SyntaxError || fastifyError.statusCode === 400) {
    return new SwitchboardError('invalid_json', 'The body is not valid JSON.');
  }
  if (fastifyError.statusCode === 415) {
    return new SwitchboardError('unsupported_media_type', 'Send the body as application/json.');
  }
  if (fastifyError.statusCode === 413) {
    return new SwitchboardError('payload_too_large', 'The request body is too large.');
  }
  return new SwitchboardError('internal', 'Something went wrong on our side; it has been logged.');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const typed = tooLargeForRoute(request, error) ?? toSwitchboardError(error);
  const status = STATUS_BY_CODE[typed.code];
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (STATUS_BY_CODE[typed.code] === 429) {
    const retry = (typed.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) void reply.header('retry-after', String(retry));
  }
  const body: ErrorBody = {
    error: { code: typed.code, message: typed.message, details: typed.details ?? null },
  };
  return reply.status(status).send(body);
}

/** A body over the route's limit (Fastify refuses it while reading), with the limit in the message. */
function tooLargeForRoute(request: FastifyRequest, error: unknown): SwitchboardError | null {
  if ((error as Partial<FastifyError>).code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return null;
  const limit = request.routeOptions?.bodyLimit;
  if (!limit) return null;
  const size =
    limit % (1024 * 1024) === 0 ? `${limit / (1024 * 1024)} MB` : `${limit.toLocaleString('en')} bytes`;
  return new SwitchboardError(
    'payload_too_large',
    `The request body is larger than the ${size} this request accepts.`,
    {
      limitBytes: limit,
    },
  );
}
