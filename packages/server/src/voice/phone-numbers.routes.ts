import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  createPhoneNumber,
  deletePhoneNumber,
  getPhoneNumber,
  listPhoneNumbers,
  replacePhoneNumber,
} from './phone-numbers.service.ts';

/*
 * Numbers are part of call-flow administration: read with callFlow.read, changed with callFlow.manage. The
 * schema checks shapes; the service checks that exactly one of flowId and csqId is set and names what is the
 * tenant's (a voice CSQ, a call flow), pinning a refusal to the field.
 */
const tags = ['phone numbers'];
const NumberText = Type.String({
  pattern: LIMITS.phoneNumber.pattern,
  description:
    'Where calls arrive: 2 to 20 digits, with or without a leading +. Unique on the server (409 number_taken).',
});
const NullableUuid = (description: string) => Type.Union([Uuid, Type.Null()], { description });
const PhoneNumberBody = Type.Object(
  {
    number: NumberText,
    name: name(LIMITS.phoneNumberName.max),
    flowId: Type.Optional(NullableUuid('The call flow the calls go through; or give csqId.')),
    csqId: Type.Optional(NullableUuid('The voice CSQ the calls wait in; or give flowId.')),
  },
  { additionalProperties: false },
);
const PhoneNumber = Type.Object({
  id: Uuid,
  number: Type.String(),
  name: Type.String(),
  flowId: NullableUuid('The call flow the calls go through (null when they go to a CSQ).'),
  csqId: NullableUuid('The voice CSQ the calls wait in (null when they go through a flow).'),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export function phoneNumberRoutes(app: App, { db, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/phone-numbers',
    permission: 'callFlow.read',
    tags,
    summary: "List the tenant's phone numbers and where each sends its calls",
    response: { 200: Type.Array(PhoneNumber) },
    handler: (request) => listPhoneNumbers(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/phone-numbers',
    permission: 'callFlow.manage',
    tags,
    summary: 'Add a phone number, sending its calls to a call flow or a voice CSQ',
    description:
      'Exactly one of flowId and csqId. A number held already, by any tenant, is refused with 409 number_taken.',
    body: PhoneNumberBody,
    response: { 201: PhoneNumber },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createPhoneNumber(db, principalOf(request), request.body, new Date(clock.now()))),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/phone-numbers/:id',
    permission: 'callFlow.read',
    tags,
    summary: 'Get a phone number',
    params: IdParams,
    response: { 200: PhoneNumber },
    handler: (request) => getPhoneNumber(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/phone-numbers/:id',
    permission: 'callFlow.manage',
    tags,
    summary: 'Change a phone number: the number, its name and where its calls go',
    params: IdParams,
    body: PhoneNumberBody,
    response: { 200: PhoneNumber },
    handler: (request) =>
      replacePhoneNumber(db, principalOf(request), request.params.id, request.body, new Date(clock.now())),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/phone-numbers/:id',
    permission: 'callFlow.manage',
    tags,
    summary: 'Delete a phone number: its calls are no longer taken',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deletePhoneNumber(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
