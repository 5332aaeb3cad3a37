import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  createDeskPhone,
  deleteDeskPhone,
  getDeskPhone,
  listDeskPhones,
  renameDeskPhone,
  renewDeskPhonePassword,
} from './desk-phones.service.ts';

/*
 * Desk phones are part of call administration, as numbers are: read with callFlow.read, changed with
 * callFlow.manage. The schema checks shapes; the service checks the extension against the tenant's pattern.
 */
const tags = ['desk phones'];
const Extension = Type.String({
  minLength: 1,
  maxLength: LIMITS.extension.max,
  pattern: LIMITS.extension.pattern,
  description:
    "The phone's extension: digits, *, # and +, fitting the tenant's extension pattern (settings.voice.extensionPattern). Unique in the tenant (409 extension_taken); it does not change.",
});
const NewDeskPhone = Type.Object(
  { extension: Extension, name: name(LIMITS.deskPhoneName.max) },
  { additionalProperties: false },
);
const Rename = Type.Object({ name: name(LIMITS.deskPhoneName.max) }, { additionalProperties: false });
const DeskPhone = Type.Object({
  id: Uuid,
  extension: Type.String(),
  name: Type.String(),
  sipUsername: Type.String({ description: 'What the phone registers as: `<tenant name>-<extension>`.' }),
  agentId: Type.Union([Uuid, Type.Null()], {
    description: 'The agent who takes calls on this phone now (signed in with its extension), or null.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
const Credentials = Type.Object(
  {
    sipUsername: Type.String(),
    password: Type.String({
      description: 'Shown only in this answer: the server keeps only its digest hash.',
    }),
    realm: Type.String({ description: 'The digest realm, `switchboard`.' }),
  },
  {
    description:
      "What the phone registers with, at the server's SIP address (SWITCHBOARD_SIP, which the API does not know).",
  },
);

export function deskPhoneRoutes(app: App, { db, clock, masterKeys }: AppContext): void {
  const now = () => new Date(clock.now());
  defineRoute(app, {
    method: 'GET',
    url: '/desk-phones',
    permission: 'callFlow.read',
    tags,
    summary: "List the tenant's desk phones and who takes calls on each",
    response: { 200: Type.Array(DeskPhone) },
    handler: (request) => listDeskPhones(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/desk-phones',
    permission: 'callFlow.manage',
    tags,
    summary: 'Add a desk phone by its extension, answered once with its SIP credentials',
    description:
      "The password is in this answer only. An extension that does not fit the tenant's extension pattern is refused with 400; one another phone has, with 409 extension_taken.",
    body: NewDeskPhone,
    response: { 201: Type.Object({ ...DeskPhone.properties, credentials: Credentials }) },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createDeskPhone(db, masterKeys, principalOf(request), request.body, now())),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/desk-phones/:id',
    permission: 'callFlow.read',
    tags,
    summary: 'Get a desk phone',
    params: IdParams,
    response: { 200: DeskPhone },
    handler: (request) => getDeskPhone(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/desk-phones/:id',
    permission: 'callFlow.manage',
    tags,
    summary: 'Rename a desk phone (its extension stays: delete it and add another for a new one)',
    params: IdParams,
    body: Rename,
    response: { 200: DeskPhone },
    handler: (request) =>
      renameDeskPhone(db, principalOf(request), request.params.id, request.body.name, now()),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/desk-phones/:id/password',
    permission: 'callFlow.manage',
    tags,
    summary: 'Give a desk phone a new password, answered once; the old one stops working',
    params: IdParams,
    response: { 200: Credentials },
    handler: (request) =>
      renewDeskPhonePassword(db, masterKeys, principalOf(request), request.params.id, now()),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/desk-phones/:id',
    permission: 'callFlow.manage',
    tags,
    summary: 'Delete a desk phone: it can no longer register',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteDeskPhone(db, masterKeys, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
