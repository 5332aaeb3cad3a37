import { LIMITS, REASON_CODE_KINDS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  createReasonCode,
  deleteReasonCode,
  listReasonCodes,
  updateReasonCode,
} from './reason-codes.service.ts';

const tags = ['reason codes'];
const Kind = Type.Enum(REASON_CODE_KINDS, {
  description: 'not_ready: why an agent is not taking contacts; logout: why an agent signed out.',
});
const Code = Type.Integer({ minimum: LIMITS.reasonCode.min, maximum: LIMITS.reasonCode.max });
const Label = name(LIMITS.reasonLabel.max);
const ReasonCode = Type.Object({
  id: Uuid,
  kind: Kind,
  code: Type.Integer(),
  label: Type.String(),
  system: Type.Boolean({
    description: 'Given by the product itself (e.g. "Connection lost"): may be renamed, not deleted.',
  }),
});

export function reasonCodeRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/reason-codes',
    permission: 'reasonCode.read',
    tags,
    summary: 'List reason codes',
    query: Type.Object({ kind: Type.Optional(Kind) }, { additionalProperties: false }),
    response: { 200: Type.Array(ReasonCode) },
    handler: (request) => listReasonCodes(db, principalOf(request), request.query.kind),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/reason-codes',
    permission: 'reasonCode.manage',
    tags,
    summary: 'Create a reason code',
    body: Type.Object({ kind: Kind, code: Code, label: Label }, { additionalProperties: false }),
    response: { 201: ReasonCode },
    handler: async (request, reply) =>
      reply.status(201).send(await createReasonCode(db, principalOf(request), request.body)),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/reason-codes/:id',
    permission: 'reasonCode.manage',
    tags,
    summary: 'Change a reason code',
    params: IdParams,
    body: Type.Object(
      { kind: Type.Optional(Kind), code: Type.Optional(Code), label: Type.Optional(Label) },
      { additionalProperties: false, minProperties: 1 },
    ),
    response: { 200: ReasonCode },
    handler: (request) => updateReasonCode(db, principalOf(request), request.params.id, request.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/reason-codes/:id',
    permission: 'reasonCode.manage',
    tags,
    summary: 'Delete a reason code',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteReasonCode(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
