import { ABANDON_RULES, CHANNELS, SERVICE_LEVEL_SECONDS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { csqResources, type QueueViewOptions, queueView, queueViews } from './queues.service.ts';

const tags = ['queues'];
const MAX_SHORT_ABANDON_SECONDS = 600;

const Count = Type.Integer({ minimum: 0 });
const DomainState = Type.Object({
  state: Type.Enum(['logged_out', 'not_ready', 'ready', 'reserved', 'active', 'work']),
  reasonCode: Type.Union([Type.Integer(), Type.Null()]),
  since: Type.String({ format: 'date-time' }),
});

const Resource = Type.Object({
  agentId: Uuid,
  name: Type.String({ description: "The agent's display name." }),
  username: Type.String(),
  alias: Type.Union([Type.String(), Type.Null()]),
  teamId: Type.Union([Uuid, Type.Null()]),
  competences: Type.Array(
    Type.Object({ skillId: Uuid, minCompetence: Type.Integer(), competence: Type.Integer() }),
    { description: "The agent's competence in each skill the CSQ requires, in the CSQ's order." },
  ),
  skillSum: Type.Integer({ description: 'Sum of those competences (the Most Skilled key).' }),
  voice: DomainState,
  digital: DomainState,
});

const QueueRow = Type.Object({
  csqId: Uuid,
  name: Type.String(),
  channel: Type.Enum(CHANNELS),
  thresholds: Type.Object(
    {
      serviceLevelBelowPercent: Type.Union([Type.Integer(), Type.Null()]),
      longestWaitAboveSeconds: Type.Union([Type.Integer(), Type.Null()]),
      waitingAbove: Type.Union([Type.Integer(), Type.Null()]),
    },
    { description: "The CSQ's alert thresholds (see the CSQ); null: none." },
  ),
  waiting: Type.Integer({ minimum: 0, description: 'Contacts queued now (not those ringing an agent).' }),
  longestWaitSeconds: Type.Integer({
    minimum: 0,
    description: 'How long the oldest contact queued now has waited since it entered the CSQ; 0 if none.',
  }),
  agents: Type.Object(
    { ready: Count, notReady: Count, reserved: Count, busy: Count, wrapUp: Count, loggedOut: Count },
    {
      description:
        'Agents who qualify for the CSQ, by their state on its domain (voice for voice, digital for chat and email). busy = Active, wrapUp = Work.',
    },
  ),
  today: Type.Object(
    {
      since: Type.String({
        format: 'date-time',
        description: 'Start of today: midnight UTC (tenants have no time zone setting yet).',
      }),
      offered: Type.Integer({ minimum: 0, description: 'Contacts that entered the CSQ today.' }),
      answered: Type.Integer({ minimum: 0 }),
      handled: Type.Integer({
        minimum: 0,
        description: 'Answered and finished (or transferred or requeued on).',
      }),
      abandoned: Type.Integer({ minimum: 0, description: 'Customer left before an agent answered.' }),
      dequeued: Type.Integer({ minimum: 0, description: 'Withdrawn without an agent.' }),
      answeredWithinThreshold: Type.Integer({ minimum: 0 }),
      serviceLevel: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
        description:
          'Fraction 0–1 by the `abandons` rule; null when nothing is measured yet. Contacts still waiting count once they pass the threshold.',
      }),
      serviceLevelSeconds: Type.Integer({ description: "The CSQ's service-level threshold." }),
      abandons: Type.Enum(ABANDON_RULES),
      shortAbandonSeconds: Type.Integer({ minimum: 0 }),
    },
    { description: "Today's contacts of the CSQ, counted in the interval they entered it." },
  ),
});

const QueueQuery = Type.Object(
  {
    abandons: Type.Optional(
      Type.Enum(ABANDON_RULES, {
        description:
          'How abandons enter the service level (METRICS.md): the tenant’s reporting setting by default (counted_against unless changed): counted_against: within ÷ (offered − dequeued); ignored: within ÷ (offered − abandoned − dequeued); counted_for: (within + abandoned within the threshold) ÷ (offered − dequeued).',
      }),
    ),
    shortAbandonSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_SHORT_ABANDON_SECONDS,
        description:
          'Abandons after a shorter wait count as neither offered nor abandoned (default: the tenant’s reporting setting, 0 unless changed).',
      }),
    ),
  },
  { additionalProperties: false },
);

const optionsOf = (query: { abandons?: QueueViewOptions['abandons']; shortAbandonSeconds?: number }) => ({
  abandons: query.abandons,
  shortAbandonSeconds: query.shortAbandonSeconds,
});

/** The supervisor's queue view and the CSQ's resources; registered by csqRoutes. */
export function queueRoutes(app: App, { db, acd, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/csqs/:id/resources',
    permission: 'agentState.read',
    tags,
    summary: 'Show resources: the agents who qualify for a CSQ, ranked by its criterion, with live states',
    params: IdParams,
    response: { 200: Type.Array(Resource) },
    handler: (request) => csqResources(db, acd, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/queues',
    permission: 'agentState.read',
    tags,
    summary: "Queue view: per CSQ, contacts waiting, longest wait, agents by state, today's service level",
    description: `Service level threshold per CSQ (serviceLevelSeconds, default ${SERVICE_LEVEL_SECONDS.default}).`,
    query: QueueQuery,
    response: { 200: Type.Array(QueueRow) },
    handler: (request) => queueViews(db, acd, clock, principalOf(request), optionsOf(request.query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/queues/:id',
    permission: 'agentState.read',
    tags,
    summary: 'Queue view of one CSQ (the id is the CSQ id)',
    params: IdParams,
    query: QueueQuery,
    response: { 200: QueueRow },
    handler: (request) =>
      queueView(db, acd, clock, principalOf(request), request.params.id, optionsOf(request.query)),
  });
}
