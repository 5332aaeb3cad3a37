import { CHANNELS, EXTERNAL_STATES } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { realtimeAgents, realtimeQueues } from './realtime.service.ts';

const tags = ['realtime'];
/** Ids one request may name. */
const MAX_IDS = 500;
const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const idList = (what: string) =>
  Type.String({
    maxLength: MAX_IDS * 37,
    pattern: `^${UUID}(,${UUID}){0,${MAX_IDS - 1}}$`,
    description: `Comma-separated ids of ${what} (at most ${MAX_IDS}); leave out for all.`,
  });
const Count = Type.Integer({ minimum: 0 });

const DomainState = Type.Object({
  state: Type.Enum(EXTERNAL_STATES, {
    description:
      'External state (docs/reporting-api.md): TALKING on voice and ACTIVE on digital while handling; in wrap-up WORK_READY if the agent goes Ready after it, else WORK_NOT_READY.',
  }),
  internalState: Type.Enum(['logged_out', 'not_ready', 'ready', 'reserved', 'active', 'work'], {
    description: "Switchboard's own state.",
  }),
  reasonCode: Type.Union(
    [Type.Object({ code: Type.Integer(), label: Type.Union([Type.String(), Type.Null()]) }), Type.Null()],
    { description: 'With NOT_READY, LOGOUT and WORK_NOT_READY: the reason the agent chose; else null.' },
  ),
  since: Type.String({ format: 'date-time', description: 'When this state began.' }),
});

const AGENT_EXAMPLE = {
  agentId: '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
  username: 'jdoe',
  name: 'Jane Doe',
  team: { id: '0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b', name: 'Billing' },
  voice: {
    state: 'NOT_READY',
    internalState: 'not_ready',
    reasonCode: { code: 2, label: 'Lunch' },
    since: '2025-03-04T11:58:12.000Z',
  },
  digital: { state: 'ACTIVE', internalState: 'active', reasonCode: null, since: '2025-03-04T12:01:40.000Z' },
};

const RealtimeAgent = Type.Object(
  {
    agentId: Uuid,
    username: Type.String(),
    name: Type.String({ description: "The agent's display name." }),
    team: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
    voice: DomainState,
    digital: DomainState,
  },
  { examples: [AGENT_EXAMPLE] },
);

const QUEUE_EXAMPLE = {
  csqId: '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d',
  name: 'Billing chat',
  channel: 'chat',
  waiting: 3,
  longestWaitSeconds: 74,
  agents: { ready: 2, notReady: 1, reserved: 1, busy: 5, wrapUp: 1, loggedOut: 4 },
  today: {
    since: '2025-03-04T00:00:00.000Z',
    offered: 182,
    answered: 170,
    handled: 165,
    abandoned: 9,
    serviceLevel: 0.87,
    serviceLevelSeconds: 20,
  },
};

const RealtimeQueue = Type.Object(
  {
    csqId: Uuid,
    name: Type.String(),
    channel: Type.Enum(CHANNELS),
    waiting: Type.Integer({ minimum: 0, description: 'Contacts queued now (not those ringing an agent).' }),
    longestWaitSeconds: Type.Integer({
      minimum: 0,
      description: 'The oldest waiting contact’s wait; 0 if none.',
    }),
    agents: Type.Object(
      { ready: Count, notReady: Count, reserved: Count, busy: Count, wrapUp: Count, loggedOut: Count },
      { description: 'Agents who qualify for the CSQ, by their state on its domain (busy: handling).' },
    ),
    today: Type.Object(
      {
        since: Type.String({ format: 'date-time', description: 'Start of today (midnight UTC).' }),
        offered: Count,
        answered: Count,
        handled: Count,
        abandoned: Count,
        serviceLevel: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
          description:
            'Answered within serviceLevelSeconds ÷ (offered − dequeued), abandons counted against; null before anything is measured.',
        }),
        serviceLevelSeconds: Type.Integer(),
      },
      { description: "Today's contacts of the CSQ so far." },
    ),
  },
  { examples: [QUEUE_EXAMPLE] },
);

const idsOf = (list: string | undefined) => (list === undefined ? undefined : list.split(','));

/** Real-time agent state and queue statistics for integrators (WFM, wallboards): read keys may call both. */
export function realtimeRoutes(app: App, { db, acd, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/realtime/agents',
    permission: 'agentState.read',
    tags,
    summary: "Agents' real-time state per channel domain, in the external vocabulary, with team and reason",
    description:
      'Supervisors see the agents of the teams they supervise; administrators and service users every agent. Ids that name no agent you can see: 404 `unknown_agent` with `details.ids`.',
    query: Type.Object({ ids: Type.Optional(idList('agents')) }, { additionalProperties: false }),
    response: { 200: Type.Array(RealtimeAgent, { examples: [[AGENT_EXAMPLE]] }) },
    handler: (request) => realtimeAgents(db, acd, principalOf(request), idsOf(request.query.ids)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/realtime/queues',
    permission: 'agentState.read',
    tags,
    summary:
      'Per CSQ: waiting, longest wait, agents by state, and today’s offered, answered, abandoned, service level',
    description:
      'The figures of the supervisor’s queue view (`GET /queues`). CSQ ids this tenant does not have: 404 `unknown_csq` with `details.ids`.',
    query: Type.Object({ csqIds: Type.Optional(idList('CSQs')) }, { additionalProperties: false }),
    response: { 200: Type.Array(RealtimeQueue, { examples: [[QUEUE_EXAMPLE]] }) },
    handler: (request) => realtimeQueues(db, acd, clock, principalOf(request), idsOf(request.query.csqIds)),
  });
}
