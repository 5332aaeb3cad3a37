import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import { AUDIT_ACTIONS } from '../db/repositories/index.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { listAudit } from './audit.service.ts';

const AuditEntry = Type.Object({
  id: Type.String({ description: 'Increasing; pass the last one as `before` for the next page.' }),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  record: Type.Union([Type.String(), Type.Null()], {
    description: "The changed record's name (or username, title) where it has one.",
  }),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export function auditRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/audit-log',
    permission: 'audit.read',
    tags: ['audit'],
    summary:
      'Configuration changes, sign-ins and password changes, newest first: who, what, when, before and after; filter by who, action, record and time',
    query: Type.Object(
      {
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.listPageSize.max })),
        before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,17}$' })),
        entityType: Type.Optional(Type.String({ maxLength: 40 })),
        entityId: Type.Optional(Type.String({ maxLength: 100 })),
        actorId: Type.Optional(Uuid),
        action: Type.Optional(Type.Union(AUDIT_ACTIONS.map((a) => Type.Literal(a)))),
        since: Type.Optional(Type.String({ format: 'date-time', description: 'From this moment on.' })),
        until: Type.Optional(Type.String({ format: 'date-time', description: 'Before this moment.' })),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.Array(AuditEntry) },
    handler: (request) => listAudit(db, principalOf(request), request.query),
  });
}
