import {
  type AbandonRule,
  type AcdView,
  authorize,
  type Clock,
  competencesFor,
  contactMetrics,
  countAgentStates,
  domainOf,
  noContactCounts,
  notFound,
  rankResources,
  SERVICE_LEVEL_SECONDS,
  startOfDay,
  waitingIn,
} from '@switchboard/core';
import { found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { reportScope } from '../reporting/report-scope.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import type { AcdRuntime } from './acd-runtime.ts';
import { presentAgent } from './agent-states.service.ts';
import { csqsRepository, type StoredCsq } from './csqs.repository.ts';
import { queuesRepository } from './queues.repository.ts';

/**
 * The supervisor's live view of queues and the CSQ's "show resources": live figures come from the tenant's
 * router in memory, today's from the contact event log. The arithmetic is the core's (queue-view.ts,
 * metrics/); this module only fetches and shapes.
 */

/** The tenant's reporting settings apply where a request does not choose. */
export interface QueueViewOptions {
  abandons?: AbandonRule | undefined;
  shortAbandonSeconds?: number | undefined;
}

const loadCsq = (db: Db, principal: Principal, csqId: string) =>
  found('CSQ', csqsRepository.findById(db, principal.tenantId, csqId));

const membersOf = (view: AcdView, csqId: string) => {
  const members = new Set(view.csqs.find((q) => q.id === csqId)?.members);
  return view.agents.filter((a) => members.has(a.id));
};

/** The agents who qualify for a CSQ, ranked as its criterion ranks them, with competences and live states. */
export async function csqResources(db: Db, acd: AcdRuntime, principal: Principal, csqId: string) {
  authorize(principal, 'csq.read');
  authorize(principal, 'agentState.read');
  const csq = await loadCsq(db, principal, csqId);
  const { engine } = await acd.router(principal.tenantId);
  const agents = membersOf(engine.view(), csq.id);
  const rows = await queuesRepository.people(
    db,
    principal.tenantId,
    agents.map((a) => a.id),
  );
  const people = new Map(rows.map((p) => [p.id, p]));
  const resources = agents.flatMap((agent) => {
    const person = people.get(agent.id);
    if (!person) return [];
    const { voice, digital } = presentAgent(agent);
    return [
      {
        agentId: agent.id,
        name: person.display_name,
        username: person.username,
        alias: person.alias,
        teamId: person.team_id,
        ...competencesFor(csq.skills, agent.skills),
        voice,
        digital,
      },
    ];
  });
  return rankResources(csq, resources);
}

/** One row per CSQ of the tenant, by name. */
export async function queueViews(
  db: Db,
  acd: AcdRuntime,
  clock: Clock,
  principal: Principal,
  options: QueueViewOptions,
) {
  authorize(principal, 'csq.read');
  authorize(principal, 'agentState.read');
  const [csqs, scope] = await Promise.all([
    csqsRepository.list(db, principal.tenantId),
    reportScope(db, acd, principal),
  ]);
  const inScope = scope.csqIds;
  return figures(
    db,
    acd,
    clock,
    principal,
    inScope ? csqs.filter((csq) => inScope.has(csq.id)) : csqs,
    options,
  );
}

export async function queueView(
  db: Db,
  acd: AcdRuntime,
  clock: Clock,
  principal: Principal,
  csqId: string,
  options: QueueViewOptions,
) {
  authorize(principal, 'csq.read');
  authorize(principal, 'agentState.read');
  const csq = await loadCsq(db, principal, csqId);
  const scope = await reportScope(db, acd, principal);
  if (scope.csqIds && !scope.csqIds.has(csq.id)) throw notFound('CSQ');
  const [row] = await figures(db, acd, clock, principal, [csq], options, csq.id);
  if (!row) throw notFound('CSQ');
  return row;
}

async function figures(
  db: Db,
  acd: AcdRuntime,
  clock: Clock,
  principal: Principal,
  csqs: StoredCsq[],
  options: QueueViewOptions,
  onlyCsqId?: string,
) {
  const { engine } = await acd.router(principal.tenantId);
  const view = engine.view();
  const now = clock.now();
  const allCsqs = onlyCsqId ? await csqsRepository.list(db, principal.tenantId) : csqs;
  const thresholds = new Map(allCsqs.map((csq) => [csq.id, csq.serviceLevelSeconds]));
  const settings = await tenantReportingSettings(db, principal.tenantId);
  const from = startOfDay(now, settings.timeZone);
  const abandons = options.abandons ?? settings.abandonRule;
  const shortAbandonSeconds = options.shortAbandonSeconds ?? settings.shortAbandonSeconds;
  const today = acd.queueDays.today(principal.tenantId, {
    dayStart: from,
    now,
    shortAbandonSeconds,
    thresholdSecondsOf: (csqId) => thresholds.get(csqId) ?? SERVICE_LEVEL_SECONDS.default,
    thresholdsKey: allCsqs.map((csq) => `${csq.id}:${csq.serviceLevelSeconds}`).join(','),
  });
  const contactsByCsq = Map.groupBy(view.contacts, (contact) => contact.csqId);
  const agents = new Map(view.agents.map((agent) => [agent.id, agent]));
  const membersByCsq = new Map(view.csqs.map((q) => [q.id, q.members]));
  return csqs.map((csq) => {
    const domain = domainOf(csq.channel);
    const counts = today.get(csq.id) ?? noContactCounts();
    const metrics = contactMetrics(counts, abandons);
    return {
      csqId: csq.id,
      name: csq.name,
      channel: csq.channel,
      thresholds: csq.thresholds,
      ...waitingIn(contactsByCsq.get(csq.id) ?? [], csq.id, now),
      agents: countAgentStates(
        (membersByCsq.get(csq.id) ?? []).flatMap((id) => {
          const state = agents.get(id)?.state[domain];
          return state ? [state] : [];
        }),
      ),
      today: {
        since: new Date(from).toISOString(),
        offered: counts.offered,
        answered: counts.answered,
        handled: counts.handled,
        abandoned: counts.abandoned,
        dequeued: counts.dequeued,
        answeredWithinThreshold: counts.answeredWithinThreshold,
        serviceLevel: metrics.serviceLevel,
        serviceLevelSeconds: csq.serviceLevelSeconds,
        abandons,
        shortAbandonSeconds,
      },
    };
  });
}
