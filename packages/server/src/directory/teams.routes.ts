import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service.ts';

const tags = ['teams'];
const SupervisorId = Type.Union([Uuid, Type.Null()]);
const Team = Type.Object({
  id: Uuid,
  name: Type.String(),
  primarySupervisorId: SupervisorId,
  secondarySupervisorId: SupervisorId,
  createdAt: Type.String({ format: 'date-time' }),
});
const TeamFields = {
  name: name(LIMITS.teamName.max),
  primarySupervisorId: Type.Optional(SupervisorId),
  secondarySupervisorId: Type.Optional(SupervisorId),
};
const NewTeamBody = Type.Object(TeamFields, { additionalProperties: false });
const TeamChangeBody = Type.Object(
  { ...TeamFields, name: Type.Optional(TeamFields.name) },
  { additionalProperties: false, minProperties: 1 },
);

/** A team's supervisors changed: whom each supervisor oversees is the tenant's business, so everyone re-checks. */
const supervisionChanged = (access: AppContext['access'], tenantId: string) =>
  access.publish(tenantId, [{ userId: null }]);

export function teamRoutes(app: App, { db, access }: AppContext): void {
  app.get(
    '/teams',
    {
      schema: {
        tags,
        summary: 'List teams',
        security: bearer,
        response: { 200: Type.Array(Team), ...errorResponses },
      },
    },
    (request) => listTeams(db, principalOf(request)),
  );
  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Create a team with a primary and a secondary supervisor',
        security: bearer,
        body: NewTeamBody,
        response: { 201: Team, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name, primarySupervisorId = null, secondarySupervisorId = null } = request.body;
      const principal = principalOf(request);
      const team = await createTeam(db, principal, { name, primarySupervisorId, secondarySupervisorId });
      supervisionChanged(access, principal.tenantId);
      return reply.status(201).send(team);
    },
  );
  app.get(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Get a team',
        security: bearer,
        params: IdParams,
        response: { 200: Team, ...errorResponses },
      },
    },
    (request) => getTeam(db, principalOf(request), request.params.id),
  );
  app.patch(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Change a team',
        security: bearer,
        params: IdParams,
        body: TeamChangeBody,
        response: { 200: Team, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const team = await updateTeam(db, principal, request.params.id, request.body);
      supervisionChanged(access, principal.tenantId);
      return team;
    },
  );
  app.delete(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team (its agents keep working without a team)',
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await deleteTeam(db, principal, request.params.id);
      supervisionChanged(access, principal.tenantId);
      return reply.status(204).send(null);
    },
  );
}
