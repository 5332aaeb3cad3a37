import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, Paging, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  announce,
  deleteTeamMessage,
  getTeamMessagesSwitch,
  listTeamMessages,
  publishTeamMessage,
  setTeamMessagesSwitch,
} from './team-messages.service.ts';

/*
 * Team messages (spec C6): a supervisor's banner text for the desktops of their teams. The schemas check
 * shapes and sizes; the service checks who may send to which team, the hourly and per-tenant limits.
 */
const tags = ['team messages'];
const { teamMessageText, teamMessageExpiryMinutes } = LIMITS;
const Instant = Type.String({ format: 'date-time' });

const NewTeamMessage = Type.Object(
  {
    text: Type.String({
      minLength: teamMessageText.min,
      maxLength: teamMessageText.max,
      description: `One line of ${teamMessageText.min}–${teamMessageText.max} characters (code points); no control characters. Trimmed.`,
    }),
    teamIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: LIMITS.listPageSize.max,
        description: 'The teams it is for, each once; supervisors: teams they supervise. Or use allTeams.',
      }),
    ),
    allTeams: Type.Optional(
      Type.Boolean({
        description:
          'true: every team the sender supervises (an administrator: every team of the tenant), as they are now.',
      }),
    ),
    expiresInMinutes: Type.Integer({
      minimum: teamMessageExpiryMinutes.min,
      maximum: teamMessageExpiryMinutes.max,
      description: 'How long it shows: 5 minutes to 23 h 55 min (1435).',
    }),
  },
  { additionalProperties: false },
);

const TeamMessage = Type.Object({
  id: Uuid,
  text: Type.String(),
  teamIds: Type.Array(Uuid, { description: 'The teams it was sent to (a deleted team drops out).' }),
  supervisorId: Uuid,
  supervisorName: Type.String({
    description: 'Display name of who sent it (a supervisor or administrator).',
  }),
  createdAt: Instant,
  expiresAt: Type.String({
    format: 'date-time',
    description:
      'When it stops showing. No event announces an expiry: desktops drop a message once this time has passed.',
  }),
  deletedAt: Type.Union([Instant, Type.Null()]),
  status: Type.Enum(['active', 'expired', 'deleted'], { description: 'As of the answer.' }),
});

const TeamMessageQuery = Type.Object(
  {
    include: Type.Optional(
      Type.Enum(['recent'], {
        description:
          "recent: the caller's own messages of the last 24 hours, expired and deleted ones too (an administrator: everyone's); for senders only.",
      }),
    ),
    ...Paging,
  },
  { additionalProperties: false },
);

const TeamMessagesSwitch = Type.Object({
  userId: Uuid,
  enabled: Type.Boolean({ description: 'Whether this supervisor may send team messages.' }),
});

export function teamMessageRoutes(app: App, { db, clock, notices }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/team-messages',
    permission: 'teamMessage.read',
    tags,
    summary:
      'Active team messages the caller sees, newest first (agents: their team; supervisors: also the teams they supervise and their own)',
    description:
      'When the newest is deleted or expires, the next in the list is the one to show. limit and offset page the recent list only.',
    query: TeamMessageQuery,
    response: { 200: Type.Array(TeamMessage) },
    handler: (request) => listTeamMessages(db, principalOf(request), request.query, clock.now()),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/team-messages',
    permission: 'teamMessage.publish',
    tags,
    summary: 'Send a team message to one, several or all teams the sender supervises',
    description:
      'Counts towards the limit of 100 sends and deletes per hour (429 team_message_rate_limited, with Retry-After) and of 1600 active messages per tenant (409 team_messages_full). Streams team_message.published to the desktops that see it.',
    body: NewTeamMessage,
    response: { 201: TeamMessage },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const now = clock.now();
      const message = await publishTeamMessage(db, principal, request.body, now);
      await announce(db, notices, principal, 'team_message.published', message, now);
      return reply.status(201).send(message);
    },
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/team-messages/:id',
    permission: 'teamMessage.publish',
    tags,
    summary: 'Delete a team message now (its sender, or an administrator); counts as a send',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const now = clock.now();
      const message = await deleteTeamMessage(db, principal, request.params.id, now);
      await announce(db, notices, principal, 'team_message.deleted', message, now);
      return reply.status(204).send(null);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/users/:id/team-messages',
    permission: 'user.read',
    orSelf: true,
    tags,
    summary: 'Whether a supervisor may send team messages',
    params: IdParams,
    response: { 200: TeamMessagesSwitch },
    handler: (request) => getTeamMessagesSwitch(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/users/:id/team-messages',
    permission: 'teamMessage.configure',
    tags,
    summary: 'Turn team messages on or off for a supervisor (administrators always may send them)',
    params: IdParams,
    body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
    response: { 200: TeamMessagesSwitch },
    handler: (request) =>
      setTeamMessagesSwitch(db, principalOf(request), request.params.id, request.body.enabled),
  });
}
