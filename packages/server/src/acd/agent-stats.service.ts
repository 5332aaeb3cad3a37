import {
  authorize,
  type Clock,
  handlingByAgent,
  type StateTimes,
  startOfDay,
  stateTimes,
} from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { teamsInView } from '../tenancy/view-scope.ts';
import { agentStatsRepository, type TraceRow } from './agent-stats.repository.ts';

const seconds = (ms: number) => Math.floor(ms / 1000);

const presentTimes = (t: StateTimes) => ({
  ready: seconds(t.ready),
  notReady: seconds(t.not_ready),
  reserved: seconds(t.reserved),
  active: seconds(t.active),
  work: seconds(t.work),
  loggedOut: seconds(t.logged_out),
});

/**
 * Each agent's figures today (METRICS.md agent metrics): contacts handled, average handle time, and time in
 * each state per domain, from the stored state trace and contact events. Supervisors see the agents of the
 * teams they supervise, as on the team view; everyone else who may read agents' states, the whole tenant.
 */
export async function agentStatsToday(db: Db, clock: Clock, principal: Principal) {
  authorize(principal, 'agentState.read');
  const teams = await teamsInView(db, principal);
  const people = await agentStatsRepository.people(db, principal.tenantId, teams);
  const ids = people.map((p) => p.id);
  const now = clock.now();
  const from = startOfDay(now, (await tenantReportingSettings(db, principal.tenantId)).timeZone);
  const since = new Date(from);
  const [atStart, trace, handleEvents] = await Promise.all([
    agentStatsRepository.statesAt(db, principal.tenantId, ids, since),
    agentStatsRepository.traceSince(db, principal.tenantId, ids, since),
    agentStatsRepository.handleEvents(db, principal.tenantId, ids, since),
  ]);
  const key = (row: { agentId: string; domain: string }) => `${row.agentId} ${row.domain}`;
  const startState = new Map(atStart.map((row) => [key(row), row.state]));
  const changes = Map.groupBy(trace, key);
  const handling = handlingByAgent(handleEvents, from, now);
  const timesOf = (agentId: string, domain: string) => {
    const today: TraceRow[] = changes.get(key({ agentId, domain })) ?? [];
    const initial = startState.get(key({ agentId, domain })) ?? today[0]?.previous ?? 'logged_out';
    return presentTimes(stateTimes(initial, today, from, now));
  };
  return {
    since: since.toISOString(),
    agents: people.map((person) => {
      const handled = handling.get(person.id);
      return {
        agentId: person.id,
        handled: handled?.handled ?? 0,
        averageHandleSeconds:
          handled?.averageHandleMs == null ? null : Math.round(handled.averageHandleMs / 1000),
        voice: timesOf(person.id, 'voice'),
        digital: timesOf(person.id, 'digital'),
      };
    }),
  };
}
