import { LIMITS, RESPONSE_FORBIDDEN_CHARACTERS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, Uuid } from '../http/common.schema.ts';
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
  app.get(
    '/predefined-responses',
    {
      schema: {
        tags,
        summary: 'List predefined responses, by title',
        security: bearer,
        querystring: Type.Object(
          { channel: Type.Optional(ResponseChannel) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(PredefinedResponse), ...errorResponses },
      },
    },
    (request) => listResponses(db, principalOf(request), request.query.channel),
  );
  app.post(
    '/predefined-responses',
    {
      schema: {
        tags,
        summary: 'Create a predefined response',
        description: `At most ${LIMITS.predefinedResponsesPerTenant.max} per tenant, chat and email together (409 limit_reached); a title in use is 409 conflict.`,
        security: bearer,
        body: Type.Object(fields, { additionalProperties: false }),
        response: { 201: PredefinedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createResponse(db, principalOf(request), request.body)),
  );
  app.get(
    '/predefined-responses/:id',
    {
      schema: {
        tags,
        summary: 'Get a predefined response',
        security: bearer,
        params: IdParams,
        response: { 200: PredefinedResponse, ...errorResponses },
      },
    },
    (request) => getResponse(db, principalOf(request), request.params.id),
  );
  app.patch(
    '/predefined-responses/:id',
    {
      schema: {
        tags,
        summary: 'Change a predefined response',
        description: 'The result is checked as a whole: a new channel must suit the body and the CSQs.',
        security: bearer,
        params: IdParams,
        body: Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: PredefinedResponse, ...errorResponses },
      },
    },
    (request) => updateResponse(db, principalOf(request), request.params.id, request.body, clock.now()),
  );
  app.delete(
    '/predefined-responses/:id',
    {
      schema: {
        tags,
        summary: 'Delete a predefined response',
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteResponse(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/contacts/:id/predefined-responses',
    {
      schema: {
        tags,
        summary:
          'The responses for a contact: of its channel, global or tagged to its CSQ (agents: their own contacts)',
        security: bearer,
        params: IdParams,
        response: { 200: Type.Array(PredefinedResponse), ...errorResponses },
      },
    },
    (request) => responsesForContact(db, principalOf(request), request.params.id),
  );
}
