import {
  ABANDON_RULES,
  DEFAULT_RETENTION,
  INTERVAL_BASES,
  INTERVAL_MINUTES,
  LIMITS,
  REPORTING_LIMITS,
  RETENTION_DAYS,
  SUPERVISOR_SCOPES,
} from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { getTenant, updateTenantSettings } from './tenants.service.ts';

const tags = ['tenant'];
const bounded = (limit: { min: number; max: number }, description: string) =>
  Type.Integer({ minimum: limit.min, maximum: limit.max, description });
const Tokens = {
  accessTokenMinutes: bounded(
    LIMITS.accessTokenMinutes,
    'Access token lifetime, 5–120 minutes (default 60).',
  ),
  refreshTokenHours: bounded(LIMITS.refreshTokenHours, 'Refresh token lifetime, 2–24 hours (default 10).'),
  authCodeMinutes: bounded(
    LIMITS.authCodeMinutes,
    'Single sign-on authorization code lifetime, 1–10 minutes.',
  ),
};
const Presence = {
  disconnectGraceSeconds: bounded(
    LIMITS.disconnectGraceSeconds,
    'How long an agent may have no desktop open (every tab closed) before a Ready agent is put Not Ready, 10–600 s (default 60).',
  ),
  disconnectReasonCodeId: Type.Union([Uuid, Type.Null()], {
    description: 'The Not Ready reason code given then; null: the system code "Connection lost".',
  }),
};
const Reporting = {
  timeZone: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'IANA time zone of "today", the reporting intervals and report days, e.g. Europe/Berlin.',
  }),
  intervalMinutes: Type.Union(
    INTERVAL_MINUTES.map((minutes) => Type.Literal(minutes)),
    { description: 'Reporting interval: 15, 30 or 60 minutes.' },
  ),
  abandonRule: Type.Union(
    ABANDON_RULES.map((rule) => Type.Literal(rule)),
    { description: 'How abandons enter the service level (docs/metrics.md).' },
  ),
  shortAbandonSeconds: bounded(
    REPORTING_LIMITS.shortAbandonSeconds,
    'Abandons after a shorter wait count as neither offered nor abandoned; 0 counts every abandon.',
  ),
  intervalBasis: Type.Union(
    INTERVAL_BASES.map((basis) => Type.Literal(basis)),
    { description: 'Contacts count in the interval they entered the CSQ in (`entry`) or ended in.' },
  ),
  captureDelayMinutes: bounded(
    REPORTING_LIMITS.captureDelayMinutes,
    'How long after its end an interval is written to the interval tables.',
  ),
  supervisorScope: Type.Union(
    SUPERVISOR_SCOPES.map((scope) => Type.Literal(scope)),
    {
      description:
        '`teams`: supervisors see the agents of the teams they supervise and the CSQs those agents serve; `tenant`: everything.',
    },
  ),
};
const days = (what: string, fallback: number) =>
  bounded(
    RETENTION_DAYS,
    `Days ${what} are kept, ${RETENTION_DAYS.min}–${RETENTION_DAYS.max} (default ${fallback}); an open contact's are kept whatever their age.`,
  );
const Retention = {
  contactEventsDays: days('contact events and the agent state trace', DEFAULT_RETENTION.contactEventsDays),
  detailRecordsDays: days(
    'detail records (contact legs, agent segments)',
    DEFAULT_RETENTION.detailRecordsDays,
  ),
  intervalDays: days('interval table rows and imported interval history', DEFAULT_RETENTION.intervalDays),
  transcriptsDays: days('chat messages, whispers and contact notes', DEFAULT_RETENTION.transcriptsDays),
};
const Voice = {
  extensionPattern: Type.String({
    minLength: 1,
    maxLength: LIMITS.dialPattern.max,
    description:
      "The dial pattern every desk phone's extension fits (docs/voice.md): digits, *, # and + themselves, X any digit, [1-5] one of a set, ! one or more digits (last), . a separator; default X!. A pattern some phone does not fit is refused with 409, naming the extensions.",
  }),
};
const OutboundDialPlan = {
  patterns: Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.dialPattern.max }), {
    minItems: 1,
    maxItems: LIMITS.outboundPatterns.max,
    description:
      'Dial patterns (as the extension pattern) a dialled number must fit, once spaces and dashes are left out; default X! and +X!.',
  }),
  international: Type.Boolean({
    description:
      'Whether agents may dial numbers abroad: with + (outside countryCode), or an international prefix in front. Off by default.',
  }),
  countryCode: Type.Union(
    [Type.String({ pattern: LIMITS.countryCode.pattern, description: '1–3 digits without +' }), Type.Null()],
    {
      description:
        "The center's country calling code without + (44): +44… is then national. Null: every + number is international.",
    },
  ),
  internationalPrefixes: Type.Array(
    Type.String({ pattern: LIMITS.internationalPrefixes.pattern, description: '1–4 digits' }),
    {
      maxItems: LIMITS.internationalPrefixes.max,
      description: 'Prefixes that dial abroad besides +; default 00 and 011.',
    },
  ),
  outsideLinePrefix: Type.Union(
    [
      Type.String({ pattern: LIMITS.outsideLinePrefix.pattern, description: '1–4 digits, * or #' }),
      Type.Null(),
    ],
    {
      description:
        'The code a PBX behind the trunk takes for an outside line (9): what follows it is checked as the number dialled, so 9 00 44… is international. Null (the default): none.',
    },
  ),
  emergencyNumbers: Type.Array(
    Type.String({ pattern: LIMITS.emergencyNumbers.pattern, description: '2–6 digits' }),
    {
      maxItems: LIMITS.emergencyNumbers.max,
      description: 'Always allowed, whatever the patterns and the limit; default 112 and 911.',
    },
  ),
  maxConcurrentCalls: Type.Integer({
    minimum: 0,
    maximum: LIMITS.outboundCallsPerTenant.max,
    description:
      "The tenant's outbound calls in progress at once (409 limit_reached beyond); 0 turns them off. Default 10.",
  }),
};
const Tenant = Type.Object({
  id: Uuid,
  name: Type.String(),
  displayName: Type.String(),
  settings: Type.Object({
    tokens: Type.Object(Tokens),
    presence: Type.Object(Presence),
    reporting: Type.Object({ ...Reporting, retention: Type.Object(Retention) }),
    voice: Type.Object({ ...Voice, outbound: Type.Object(OutboundDialPlan) }),
  }),
  createdAt: Type.String({ format: 'date-time' }),
});

export function tenantRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/tenant',
    permission: 'tenant.read',
    tags,
    summary: 'Your tenant and its settings',
    response: { 200: Tenant },
    handler: (request) => getTenant(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/tenant/settings',
    permission: 'tenant.configure',
    tags,
    summary:
      'Change token lifetimes, desktop presence, reporting and the extension pattern (within the bounds shown)',
    body: Type.Object(
      {
        tokens: Type.Optional(
          Type.Object(
            {
              accessTokenMinutes: Type.Optional(Tokens.accessTokenMinutes),
              refreshTokenHours: Type.Optional(Tokens.refreshTokenHours),
              authCodeMinutes: Type.Optional(Tokens.authCodeMinutes),
            },
            { additionalProperties: false },
          ),
        ),
        presence: Type.Optional(
          Type.Object(
            {
              disconnectGraceSeconds: Type.Optional(Presence.disconnectGraceSeconds),
              disconnectReasonCodeId: Type.Optional(Presence.disconnectReasonCodeId),
            },
            { additionalProperties: false },
          ),
        ),
        reporting: Type.Optional(
          Type.Partial(
            Type.Object(
              {
                ...Reporting,
                retention: Type.Partial(Type.Object(Retention, { additionalProperties: false }), {
                  additionalProperties: false,
                }),
              },
              { additionalProperties: false },
            ),
            { additionalProperties: false },
          ),
        ),
        voice: Type.Optional(
          Type.Partial(
            Type.Object(
              {
                ...Voice,
                outbound: Type.Partial(Type.Object(OutboundDialPlan, { additionalProperties: false }), {
                  additionalProperties: false,
                }),
              },
              { additionalProperties: false },
            ),
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Tenant },
    handler: (request) => updateTenantSettings(db, principalOf(request), request.body),
  });
}
