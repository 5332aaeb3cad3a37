import { CHOSEN_STATES, DOMAINS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { getAgentState, listAgentStates, setAgentState } from './agent-states.service.ts';
import { agentStatsToday } from './agent-stats.service.ts';

const tags = ['agents'];
const DomainState = Type.Object({
  state: Type.Enum(['logged_out', 'not_ready', 'ready', 'reserved', 'active', 'work']),
  reasonCode: Type.Union([Type.Integer(), Type.Null()]),
  since: Type.String({ format: 'date-time' }),
});
const PerChannel = Type.Object({ voice: Type.Integer(), chat: Type.Integer(), email: Type.Integer() });
const AgentState = Type.Object({
  id: Uuid,
  voice: DomainState,
  digital: DomainState,
  load: PerChannel,
  capacity: Type.Object({ chat: Type.Integer(), email: Type.Integer() }),
  contacts: Type.Array(Uuid),
  csqs: Type.Array(Uuid),
});
const StateChange = Type.Object(
  {
    domain: Type.Enum(DOMAINS, { description: 'voice, or digital (chat and email share one state)' }),
    state: Type.Enum(CHOSEN_STATES),
    reasonCode: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 65_535 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const Seconds = Type.Integer({ minimum: 0 });
const StateSeconds = Type.Object(
  {
    ready: Seconds,
    notReady: Seconds,
    reserved: Seconds,
    active: Seconds,
    work: Seconds,
    loggedOut: Seconds,
  },
  { description: 'Seconds in each state today on this domain; the current state counts up to now.' },
);
const AgentToday = Type.Object({
  agentId: Uuid,
  handled: Type.Integer({ minimum: 0, description: 'Contacts whose wrap-up the agent finished today.' }),
  averageHandleSeconds: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: 'Talk + hold + wrap-up ÷ handled, of the contacts handled today; null when none.',
  }),
  voice: StateSeconds,
  digital: StateSeconds,
});
const AgentsToday = Type.Object({
  since: Type.String({ format: 'date-time', description: "Start of today: midnight in the tenant's zone." }),
  agents: Type.Array(AgentToday),
});

export function agentRoutes(app: App, { db, acd, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/agents/stats/today',
    permission: 'agentState.read',
    tags,
    summary: "Each agent's figures today: handled, average handle time, time in each state",
    description:
      'Supervisors get the agents of the teams they supervise; administrators and service users every agent.',
    response: { 200: AgentsToday },
    handler: (request) => agentStatsToday(db, clock, principalOf(request)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/agents',
    permission: 'agentState.read',
    tags,
    summary: 'Real-time state of every agent: per domain, with reason code and time in state',
    response: { 200: Type.Array(AgentState) },
    handler: (request) => listAgentStates(acd, principalOf(request)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/agents/:id',
    permission: 'agentState.read',
    orSelf: true,
    tags,
    summary: "An agent's real-time state",
    params: IdParams,
    response: { 200: AgentState },
    handler: (request) => getAgentState(acd, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/agents/:id/state',
    permission: 'agentState.manage',
    orSelf: true,
    tags,
    summary: "Set an agent's state: Ready, Not Ready (with reason code) or Logged Out",
    description: 'Agents set their own; supervisors those of their teams; administrators anyone.',
    params: IdParams,
    body: StateChange,
    response: { 200: AgentState },
    handler: (request) => setAgentState(db, acd, principalOf(request), request.params.id, request.body),
  });
}
