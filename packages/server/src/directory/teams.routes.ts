import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
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
  defineRoute(app, {
    method: 'GET',
    url: '/teams',
    permission: 'team.read',
    tags,
    summary: 'List teams',
    response: { 200: Type.Array(Team) },
    handler: (request) => listTeams(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/teams',
    permission: 'team.manage',
    tags,
    summary: 'Create a team with a primary and a secondary supervisor',
    body: NewTeamBody,
    response: { 201: Team },
    handler: async (request, reply) => {
      const { name, primarySupervisorId = null, secondarySupervisorId = null } = request.body;
      const principal = principalOf(request);
      const team = await createTeam(db, principal, { name, primarySupervisorId, secondarySupervisorId });
      await supervisionChanged(access, principal.tenantId);
      return reply.status(201).send(team);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/teams/:id',
    permission: 'team.read',
    tags,
    summary: 'Get a team',
    params: IdParams,
    response: { 200: Team },
    handler: (request) => getTeam(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/teams/:id',
    permission: 'team.manage',
    tags,
    summary: 'Change a team',
    params: IdParams,
    body: TeamChangeBody,
    response: { 200: Team },
    handler: async (request) => {
      const principal = principalOf(request);
      const team = await updateTeam(db, principal, request.params.id, request.body);
      await supervisionChanged(access, principal.tenantId);
      return team;
    },
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/teams/:id',
    permission: 'team.manage',
    tags,
    summary: 'Delete a team (its agents keep working without a team)',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await deleteTeam(db, principal, request.params.id);
      await supervisionChanged(access, principal.tenantId);
      return reply.status(204).send(null);
    },
  });
}
