import {
  CHANNELS,
  LIMITS,
  RECORDING_POLICIES,
  SELECTION_CRITERIA,
  SERVICE_LEVEL_SECONDS,
} from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Competence, IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { createCsq, deleteCsq, getCsq, listCsqs, updateCsq } from './csqs.service.ts';
import { queueRoutes } from './queues.routes.ts';

const tags = ['queues'];
const SkillRequirement = Type.Object(
  { skillId: Uuid, minCompetence: Competence },
  { additionalProperties: false },
);
const fields = {
  name: name(60),
  channel: Type.Enum(CHANNELS),
  criterion: Type.Enum(SELECTION_CRITERIA, {
    description:
      'longest_available and most_skilled for every channel; least_skilled, linear, circular, most_handled and shortest_aht for voice.',
  }),
  skills: Type.Array(SkillRequirement, { maxItems: 20 }),
  agentOrder: Type.Array(Uuid, { maxItems: 1000, description: 'Agent order for linear and circular.' }),
  serviceLevelSeconds: Type.Integer({
    minimum: SERVICE_LEVEL_SECONDS.min,
    maximum: SERVICE_LEVEL_SECONDS.max,
    description: `Service-level threshold: a contact answered within this many seconds of queue entry counts as within service level (default ${SERVICE_LEVEL_SECONDS.default}).`,
  }),
  callerId: Type.Union([Type.String({ pattern: LIMITS.phoneNumber.pattern }), Type.Null()], {
    description:
      "Voice CSQs: the number its agents' outbound calls present (P-Asserted-Identity and From), one of the center's phone numbers; null (the default): outbound calls for this CSQ are refused.",
  }),
  recording: Type.Enum(RECORDING_POLICIES, {
    description:
      'Voice CSQs: record every answered call (always), only when the agent or the API starts it (on_demand), or never (off, the default; the only choice for other channels).',
  }),
};
const optionalWhole = (limit: { min: number; max: number }, description: string) =>
  Type.Union([Type.Integer({ minimum: limit.min, maximum: limit.max }), Type.Null()], { description });
const threshold = {
  serviceLevelBelowPercent: optionalWhole(
    LIMITS.csqServiceLevelBelowPercent,
    "Warn when today's service level falls below this percentage (amber within 5 points above it).",
  ),
  longestWaitAboveSeconds: optionalWhole(
    LIMITS.csqLongestWaitAboveSeconds,
    'Warn when the longest wait now exceeds this many seconds (amber from 80 % of it).',
  ),
  waitingAbove: optionalWhole(
    LIMITS.csqWaitingAbove,
    'Warn when more contacts than this wait now (amber from 80 % of it).',
  ),
};
const Thresholds = Type.Object(threshold, {
  additionalProperties: false,
  description: "The queue view's alert thresholds; null turns one off.",
});
const ThresholdsChange = Type.Object(
  {
    serviceLevelBelowPercent: Type.Optional(threshold.serviceLevelBelowPercent),
    longestWaitAboveSeconds: Type.Optional(threshold.longestWaitAboveSeconds),
    waitingAbove: Type.Optional(threshold.waitingAbove),
  },
  { additionalProperties: false, description: 'Thresholds to set; those left out keep their value.' },
);
const Csq = Type.Object({
  id: Uuid,
  ...fields,
  thresholds: Thresholds,
  createdAt: Type.String({ format: 'date-time' }),
});

export function csqRoutes(app: App, context: AppContext): void {
  const { db, acd } = context;
  defineRoute(app, {
    method: 'GET',
    url: '/csqs',
    permission: 'csq.read',
    tags,
    summary: 'List contact service queues',
    response: { 200: Type.Array(Csq) },
    handler: (request) => listCsqs(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/csqs',
    permission: 'csq.manage',
    tags,
    summary: 'Create a CSQ: channel, required skills with minimum competences, selection criterion',
    body: Type.Object(
      {
        ...fields,
        agentOrder: Type.Optional(fields.agentOrder),
        serviceLevelSeconds: Type.Optional(fields.serviceLevelSeconds),
        recording: Type.Optional(fields.recording),
        callerId: Type.Optional(fields.callerId),
        thresholds: Type.Optional(ThresholdsChange),
      },
      { additionalProperties: false },
    ),
    response: { 201: Csq },
    handler: async (request, reply) => {
      const fields = { ...request.body, agentOrder: request.body.agentOrder ?? [] };
      return reply.status(201).send(await createCsq(db, principalOf(request), fields, acd));
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/csqs/:id',
    permission: 'csq.read',
    tags,
    summary: 'Get a CSQ',
    params: IdParams,
    response: { 200: Csq },
    handler: (request) => getCsq(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/csqs/:id',
    permission: 'csq.manage',
    tags,
    summary: 'Change a CSQ (applies to the next routing decision)',
    params: IdParams,
    body: Type.Object(
      {
        name: Type.Optional(fields.name),
        criterion: Type.Optional(fields.criterion),
        skills: Type.Optional(fields.skills),
        agentOrder: Type.Optional(fields.agentOrder),
        serviceLevelSeconds: Type.Optional(fields.serviceLevelSeconds),
        recording: Type.Optional(fields.recording),
        callerId: Type.Optional(fields.callerId),
        thresholds: Type.Optional(ThresholdsChange),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    response: { 200: Csq },
    handler: (request) => updateCsq(db, principalOf(request), request.params.id, request.body, acd),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/csqs/:id',
    permission: 'csq.manage',
    tags,
    summary: 'Delete a CSQ that holds no contacts',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteCsq(db, principalOf(request), request.params.id, acd);
      return reply.status(204).send(null);
    },
  });
  queueRoutes(app, context);
}
