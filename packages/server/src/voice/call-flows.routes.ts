import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  callFlowVersion,
  callFlowVersions,
  createCallFlow,
  deleteCallFlow,
  getCallFlow,
  listCallFlows,
  saveCallFlow,
} from './call-flows.service.ts';

/*
 * The schema checks the envelope; parseFlow checks the definition (docs/voice.md, "Call flows") and names the
 * step and field at fault, which a schema over a union of step types could not.
 */
const tags = ['call flows'];
const Definition = Type.Object(
  {
    format: Type.Literal(1),
    start: Type.String({ description: 'The step a call starts at.' }),
    steps: Type.Record(Type.String(), Type.Object({ type: Type.String() }, { additionalProperties: true }), {
      description: 'Named steps: play, menu, collect, set, hours, queue, hangup (docs/voice.md).',
    }),
  },
  { additionalProperties: true, description: 'A call flow in format 1, as docs/voice.md describes it.' },
);
const CallFlowBody = Type.Object(
  { name: name(LIMITS.callFlowName.max), definition: Definition },
  { additionalProperties: false },
);
const CallFlowChange = Type.Object(
  {
    name: name(LIMITS.callFlowName.max),
    definition: Definition,
    version: Type.Integer({
      minimum: 1,
      description:
        'The version this change was made from: if the flow was saved since, the change is refused (409).',
    }),
  },
  { additionalProperties: false },
);
const CallFlow = Type.Object({
  id: Uuid,
  name: Type.String(),
  version: Type.Integer({ description: 'Counts up with every save.' }),
  definition: Definition,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
const VersionFields = {
  version: Type.Integer(),
  name: Type.String(),
  savedBy: Type.Union([Uuid, Type.Null()], { description: 'The user who saved it.' }),
  savedAt: Type.String({ format: 'date-time' }),
};
const CallFlowVersion = Type.Object(VersionFields);
const CallFlowVersionWithDefinition = Type.Object({ ...VersionFields, definition: Definition });
const VersionParams = Type.Object(
  { id: Uuid, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export function callFlowRoutes(app: App, { db, clock, voice }: AppContext): void {
  const speaks = () => voice.speaks();
  defineRoute(app, {
    method: 'GET',
    url: '/call-flows',
    permission: 'callFlow.read',
    tags,
    summary: 'List call flows, each at its current version',
    response: { 200: Type.Array(CallFlow) },
    handler: (request) => listCallFlows(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/call-flows',
    permission: 'callFlow.manage',
    tags,
    summary: 'Create a call flow (version 1)',
    description:
      'An invalid definition is refused with the step and field at fault (`details.step`, `details.path`).',
    body: CallFlowBody,
    response: { 201: CallFlow },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createCallFlow(db, principalOf(request), request.body, new Date(clock.now()), speaks)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/call-flows/:id',
    permission: 'callFlow.read',
    tags,
    summary: 'Get a call flow at its current version',
    params: IdParams,
    response: { 200: CallFlow },
    handler: (request) => getCallFlow(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/call-flows/:id',
    permission: 'callFlow.manage',
    tags,
    summary: 'Save a new version of a call flow (its name and whole definition)',
    description: 'Refused with 409 when the flow was saved since the version named in the body.',
    params: IdParams,
    body: CallFlowChange,
    response: { 200: CallFlow },
    handler: (request) =>
      saveCallFlow(db, principalOf(request), request.params.id, request.body, new Date(clock.now()), speaks),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/call-flows/:id',
    permission: 'callFlow.manage',
    tags,
    summary: 'Delete a call flow and its versions',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteCallFlow(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/call-flows/:id/versions',
    permission: 'callFlow.read',
    tags,
    summary: "A call flow's saved versions, newest first (the last 100 are kept)",
    params: IdParams,
    response: { 200: Type.Array(CallFlowVersion) },
    handler: (request) => callFlowVersions(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/call-flows/:id/versions/:version',
    permission: 'callFlow.read',
    tags,
    summary: 'One saved version of a call flow, with its definition',
    params: VersionParams,
    response: { 200: CallFlowVersionWithDefinition },
    handler: (request) =>
      callFlowVersion(db, principalOf(request), request.params.id, request.params.version),
  });
}
