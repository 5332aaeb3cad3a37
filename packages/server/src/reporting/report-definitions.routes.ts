import { authorize, notFound, SwitchboardError } from '@switchboard/core';
import { Type } from 'typebox';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { translateConstraintErrors } from '../db/repositories/index.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { REPORT_TEMPLATES } from './report-request.ts';

/** A person keeps at most this many saved reports. */
export const DEFINITIONS_PER_USER = 100;

const tags = ['reports'];
const Name = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Shown in the list of saved reports.',
});
const Template = Type.Union(REPORT_TEMPLATES.map((template) => Type.Literal(template)));
const Query = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.Union([Type.String({ maxLength: 20_000 }), Type.Number(), Type.Boolean()]),
  {
    maxProperties: 30,
    description: "The report's query parameters, as `GET /reports/{template}` takes them.",
  },
);
const Definition = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  template: Type.String(),
  query: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  createdAt: Type.String({ format: 'date-time' }),
});

type Row = { id: string; name: string; template: string; query: unknown; created_at: Date };
const present = (row: Row) => ({
  id: row.id,
  name: row.name,
  template: row.template,
  query: (typeof row.query === 'string' ? JSON.parse(row.query) : row.query) as Record<
    string,
    string | number | boolean
  >,
  createdAt: row.created_at.toISOString(),
});

const mine = (db: Db, principal: Principal) =>
  db
    .selectFrom('report_definitions')
    .select(['id', 'name', 'template', 'query', 'created_at'])
    .where('tenant_id', '=', principal.tenantId)
    .where('user_id', '=', principal.userId);

async function one(db: Db, principal: Principal, id: string) {
  const row = await mine(db, principal).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Saved report');
  return row;
}

export function reportDefinitionRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/report-definitions',
    permission: 'report.read',
    tags,
    summary: 'Your saved report definitions, by name',
    response: { 200: Type.Array(Definition) },
    handler: async (request) => (await mine(db, principalOf(request)).orderBy('name').execute()).map(present),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/report-definitions',
    permission: 'report.read',
    tags,
    summary: 'Save a report definition (name, template and query) for yourself',
    body: Type.Object({ name: Name, template: Template, query: Query }, { additionalProperties: false }),
    response: { 201: Definition },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      authorize(principal, 'report.read');
      const { name, template, query } = request.body;
      const row = await translateConstraintErrors('saved report', () =>
        db.transaction().execute(async (trx) => {
          const count = await trx
            .selectFrom('report_definitions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', principal.tenantId)
            .where('user_id', '=', principal.userId)
            .executeTakeFirst();
          if (Number(count?.n ?? 0) >= DEFINITIONS_PER_USER)
            throw new SwitchboardError(
              'limit_reached',
              `You can keep at most ${DEFINITIONS_PER_USER} saved reports: delete one first.`,
              {
                limit: DEFINITIONS_PER_USER,
                what: 'saved reports',
              },
            );
          return trx
            .insertInto('report_definitions')
            .values({
              id: crypto.randomUUID(),
              tenant_id: principal.tenantId,
              user_id: principal.userId,
              name: name.trim(),
              template,
              query: JSON.stringify(query),
            })
            .returning(['id', 'name', 'template', 'query', 'created_at'])
            .executeTakeFirstOrThrow();
        }),
      );
      return reply.code(201).send(present(row));
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/report-definitions/:id',
    permission: 'report.read',
    tags,
    summary: 'Rename a saved report or change its query',
    params: IdParams,
    body: Type.Object(
      { name: Type.Optional(Name), template: Type.Optional(Template), query: Type.Optional(Query) },
      { additionalProperties: false, minProperties: 1 },
    ),
    response: { 200: Definition },
    handler: async (request) => {
      const principal = principalOf(request);
      await one(db, principal, request.params.id);
      const { name, template, query } = request.body;
      await translateConstraintErrors('saved report', () =>
        db
          .updateTable('report_definitions')
          .set({
            ...(name === undefined ? {} : { name: name.trim() }),
            ...(template === undefined ? {} : { template }),
            ...(query === undefined ? {} : { query: JSON.stringify(query) }),
          })
          .where('tenant_id', '=', principal.tenantId)
          .where('user_id', '=', principal.userId)
          .where('id', '=', request.params.id)
          .execute(),
      );
      return present(await one(db, principal, request.params.id));
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/report-definitions/:id',
    permission: 'report.read',
    tags,
    summary: 'Delete a saved report',
    params: IdParams,
    response: { 204: Type.Null() },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await one(db, principal, request.params.id);
      await db
        .deleteFrom('report_definitions')
        .where('tenant_id', '=', principal.tenantId)
        .where('user_id', '=', principal.userId)
        .where('id', '=', request.params.id)
        .execute();
      return reply.code(204).send(null);
    },
  });
}
