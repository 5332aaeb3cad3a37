/**
 * The closed set of error codes the product can report. Every failure a caller can cause maps to
 * exactly one of these; the HTTP layer maps each code to a status in one place.
 */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'too_many_attempts',
  /** 100 team messages created or deleted by one person within the last hour; details.retryAfterSeconds. */
  'team_message_rate_limited',
  /** The tenant holds the most active team messages it may; details.limit. */
  'team_messages_full',
  /** One chat's customer sent messages faster than the chat allows; details.retryAfterSeconds. */
  'chat_rate_limited',
  /** The chat has ended: nothing more can be sent in it. */
  'chat_ended',
  /** The chat widget is outside its service hours or on a holiday; the message says which. */
  'widget_closed',
  /** Too many chats started from one address in a short time; details.retryAfterSeconds. */
  'chat_start_rate_limited',
  /** The chat widget offers no calls from its page (no voice CSQ set for them). */
  'calls_off',
  /** A call flow speaks text, and this server has no speech synthesiser (eSpeak NG) to speak it. */
  'speech_unavailable',
  /** Every UDP port of the server's range for calls' audio is in use: the call cannot be carried now; try again. */
  'media_ports_exhausted',
  /**
   * The phone number is held already, by this tenant or another: numbers are unique on the server. The refusal
   * never says whose it is.
   */
  'number_taken',
  /** The extension is held already by another desk phone of the tenant. */
  'extension_taken',
  /**
   * A cap of the product would be passed (500 predefined responses per tenant, 25 wrap-up categories, 25
   * reasons per category, 10 categories per CSQ); details.limit and details.what say which.
   */
  'limit_reached',
  /** No agent of the chosen CSQ can take an invitation into the chat now. */
  'no_agent_available',
  /** The chat already has two agents, or an invitation is pending: nobody else can be invited. */
  'group_chat_full',
  /** The agent's team has neither a primary nor a secondary supervisor (or the agent has no team): no one to ask for help. */
  'no_supervisor',
  /** An event-log cursor that is not one the server gave. */
  'cursor_malformed',
  /** An event-log cursor of another tenant's log. */
  'cursor_wrong_tenant',
  /** An event-log cursor past the log's last event; details.latest is the last one. */
  'cursor_ahead',
  /** The events after the cursor are older than the log keeps: read again from the start (resync). */
  'cursor_expired',
  /** The export has not completed (queued, running or failed): its file is not there to download; details.status. */
  'export_not_ready',
  /** A report's date range is longer than allowed; details.maxDays. */
  'range_too_long',
  /** A day that cannot be recaptured: today or later, or older than its raw records are kept; details.earliest, details.latest. */
  'date_out_of_range',
  /** A report row size finer than, or not a multiple of, the tenant's reporting interval; details.intervalMinutes. */
  'interval_not_used',
  /** Agents asked for by id that the caller cannot see (none such, another tenant's, outside their teams); details.ids. */
  'unknown_agent',
  /** CSQs asked for by id that this tenant does not have; details.ids. */
  'unknown_csq',
  /**
   * A forecast of a workload with no history before its first day: no contacts in its queues and no imported
   * interval history under its queue names.
   */
  'no_history',
  'upgrade_required',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class SwitchboardError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'SwitchboardError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): SwitchboardError =>
  new SwitchboardError('not_found', `${what} was not found.`);

export const conflict = (message: string, details?: unknown): SwitchboardError =>
  new SwitchboardError('conflict', message, details);

export const invalid = (message: string, details?: unknown): SwitchboardError =>
  new SwitchboardError('validation_failed', message, details);

export const forbidden = (message = 'Your role does not allow this.'): SwitchboardError =>
  new SwitchboardError('forbidden', message);
