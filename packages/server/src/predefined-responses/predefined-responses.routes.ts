import { LIMITS, RESPONSE_FORBIDDEN_CHARACTERS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  createResponse,
  deleteResponse,
  getResponse,
  listResponses,
  responsesForContact,
  updateResponse,
} from './predefined-responses.service.ts';

/*
 * Predefined responses (spec C3): texts an agent inserts into a chat or an email reply. The schemas check
 * shapes and sizes; the service checks the characters, sanitises email HTML, the titles, tags and the cap.
 */
const tags = ['predefined responses'];
const { predefinedResponseTitle, predefinedResponseBody, predefinedResponseCsqs } = LIMITS;
const forbidden = RESPONSE_FORBIDDEN_CHARACTERS.join(' ');

const ResponseChannel = Type.Enum(['chat', 'email'], {
  description: 'chat: plain text; email: HTML, sanitised when saved.',
});
const fields = {
  channel: ResponseChannel,
  title: Type.String({
    minLength: 1,
    maxLength: predefinedResponseTitle.max,
    pattern: '^\\S(.*\\S)?$',
    description: `One line of up to ${predefinedResponseTitle.max} characters, unique in the tenant (without regard to case); none of ${forbidden}.`,
  }),
  body: Type.String({
    minLength: 1,
    maxLength: predefinedResponseBody.max,
    description: `Up to ${predefinedResponseBody.max} characters (code points). Chat: none of ${forbidden}. Email: HTML; scripts, styles, event handlers and unsafe links are removed.`,
  }),
  csqIds: Type.Array(Uuid, {
    maxItems: predefinedResponseCsqs.max,
    description: `Empty: global (offered in every CSQ of its channel). Otherwise ${predefinedResponseCsqs.min}–${predefinedResponseCsqs.max} CSQs of its channel, each once.`,
  }),
};

const PredefinedResponse = Type.Object({
  id: Uuid,
  channel: ResponseChannel,
  title: Type.String(),
  body: Type.String(),
  global: Type.Boolean({
    description:
      'Offered in every CSQ of its channel. When false, only in csqIds (none: its CSQs were deleted).',
  }),
  csqIds: Type.Array(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export function predefinedResponseRoutes(app: App, { db, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/predefined-responses',
    permission: 'response.read',
    tags,
    summary: 'List predefined responses, by title',
    query: Type.Object({ channel: Type.Optional(ResponseChannel) }, { additionalProperties: false }),
    response: { 200: Type.Array(PredefinedResponse) },
    handler: (request) => listResponses(db, principalOf(request), request.query.channel),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/predefined-responses',
    permission: 'response.manage',
    tags,
    summary: 'Create a predefined response',
    description: `At most ${LIMITS.predefinedResponsesPerTenant.max} per tenant, chat and email together (409 limit_reached); a title in use is 409 conflict.`,
    body: Type.Object(fields, { additionalProperties: false }),
    response: { 201: PredefinedResponse },
    handler: async (request, reply) =>
      reply.status(201).send(await createResponse(db, principalOf(request), request.body)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/predefined-responses/:id',
    permission: 'response.read',
    tags,
    summary: 'Get a predefined response',
    params: IdParams,
    response: { 200: PredefinedResponse },
    handler: (request) => getResponse(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/predefined-responses/:id',
    permission: 'response.manage',
    tags,
    summary: 'Change a predefined response',
    description: 'The result is checked as a whole: a new channel must suit the body and the CSQs.',
    params: IdParams,
    body: Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 }),
    response: { 200: PredefinedResponse },
    handler: (request) =>
      updateResponse(db, principalOf(request), request.params.id, request.body, clock.now()),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/predefined-responses/:id',
    permission: 'response.manage',
    tags,
    summary: 'Delete a predefined response',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteResponse(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/predefined-responses',
    permission: 'response.read',
    tags,
    summary:
      'The responses for a contact: of its channel, global or tagged to its CSQ (agents: their own contacts)',
    params: IdParams,
    response: { 200: Type.Array(PredefinedResponse) },
    handler: (request) => responsesForContact(db, principalOf(request), request.params.id),
  });
}
