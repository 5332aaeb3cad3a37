import { ASSIST_KINDS, LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Paging, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  answerAssistRequest,
  cancelAssistRequest,
  listAssistRequests,
  requestAssist,
} from './assist.service.ts';

/*
 * Supervisor and emergency assist (spec C6). Each change streams to the agent and the supervisors concerned:
 * assist.requested, assist.escalated (the secondary alerted too), assist.answered, assist.closed (cancelled
 * or the contact ended), each with the request as `request`.
 */
const tags = ['assist'];
const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Person = Type.Object({ id: Uuid, name: Type.String() });
const { help, emergency } = LIMITS.assistEscalationMs;

const AssistRequest = Type.Object({
  id: Uuid,
  contactId: Uuid,
  kind: Type.Enum([...ASSIST_KINDS]),
  status: Type.Enum(['open', 'answered', 'cancelled', 'ended']),
  agent: Person,
  teamId: Nullable(Uuid),
  customerName: Nullable(Type.String()),
  csq: Person,
  primarySupervisor: Nullable(Person),
  secondarySupervisor: Nullable(Person),
  alerted: Type.Array(Uuid, {
    description: 'The supervisors alerted so far: the primary, and the secondary once escalated.',
  }),
  createdAt: Instant,
  escalatedAt: Nullable(Instant),
  answeredAt: Nullable(Instant),
  answeredBy: Nullable(Person),
  cancelledAt: Nullable(Instant),
  endedAt: Nullable(Instant),
});

export function assistRoutes(app: App, { assist }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/assist',
    permission: 'assist.request',
    tags,
    summary: "Ask the team's supervisors for help on a contact the caller is handling",
    description: `Goes to the team's primary supervisor; if they do not answer within ${help.default / 1000} s (an emergency: ${emergency.default / 1000} s), to the secondary as well, and at once when the primary is absent or has no desktop connected. 409 no_supervisor when the team has neither; 409 conflict when a request is open on the contact (an emergency replaces an open help request).`,
    params: IdParams,
    body: Type.Object({ kind: Type.Enum([...ASSIST_KINDS]) }, { additionalProperties: false }),
    response: { 201: AssistRequest },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await requestAssist(assist, principalOf(request), request.params.id, request.body.kind)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/assist-requests/:id/answer',
    permission: 'assist.answer',
    tags,
    summary: 'Answer a request for help: records who and when; the agent sees who is on it',
    description:
      'For the primary or secondary supervisor it names, or an administrator; once (409 conflict after).',
    params: IdParams,
    response: { 200: AssistRequest },
    handler: (request) => answerAssistRequest(assist, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/assist-requests/:id/cancel',
    permission: 'assist.request',
    tags,
    summary: 'Take back an open request for help (the agent who asked)',
    params: IdParams,
    response: { 200: AssistRequest },
    handler: (request) => cancelAssistRequest(assist, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/assist-requests',
    permission: ['assist.request', 'assist.answer'],
    tags,
    summary: 'Requests for help, newest first',
    description:
      "Administrators: the tenant's. Supervisors: those alerted to them and their own. Agents: their own. open=true: only those still waiting for an answer.",
    query: Type.Object({ open: Type.Optional(Type.Boolean()), ...Paging }, { additionalProperties: false }),
    response: { 200: Type.Array(AssistRequest) },
    handler: (request) => listAssistRequests(assist, principalOf(request), request.query),
  });
}
