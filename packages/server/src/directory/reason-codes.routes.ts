import { LIMITS, REASON_CODE_KINDS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
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
  app.get(
    '/reason-codes',
    {
      schema: {
        tags,
        summary: 'List reason codes',
        security: bearer,
        querystring: Type.Object({ kind: Type.Optional(Kind) }, { additionalProperties: false }),
        response: { 200: Type.Array(ReasonCode), ...errorResponses },
      },
    },
    (request) => listReasonCodes(db, principalOf(request), request.query.kind),
  );
  app.post(
    '/reason-codes',
    {
      schema: {
        tags,
        summary: 'Create a reason code',
        security: bearer,
        body: Type.Object({ kind: Kind, code: Code, label: Label }, { additionalProperties: false }),
        response: { 201: ReasonCode, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createReasonCode(db, principalOf(request), request.body)),
  );
  app.patch(
    '/reason-codes/:id',
    {
      schema: {
        tags,
        summary: 'Change a reason code',
        security: bearer,
        params: IdParams,
        body: Type.Object(
          { kind: Type.Optional(Kind), code: Type.Optional(Code), label: Type.Optional(Label) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ReasonCode, ...errorResponses },
      },
    },
    (request) => updateReasonCode(db, principalOf(request), request.params.id, request.body),
  );
  app.delete(
    '/reason-codes/:id',
    {
      schema: {
        tags,
        summary: 'Delete a reason code',
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteReasonCode(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
