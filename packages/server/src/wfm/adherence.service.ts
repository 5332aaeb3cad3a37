import {
  type AgentState,
  type Domain,
  dayBounds,
  forbidden,
  invalid,
  type LocalDate,
  localDateAt,
  notFound,
} from '@switchboard/core';
import { computeAdherence, type ScheduledActivity, type StateChange } from '@switchboard/wfm';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { epochMs, jsonRows } from '../db/json-rows.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { teamsInView } from '../tenancy/view-scope.ts';
import { adherenceSettings } from './adherence-settings.ts';

interface AgentRow {
  id: string;
  display_name: string;
  team_id: string | null;
}

/** The agents the caller may see: a supervisor of a tenant scoped by teams, those of their teams. */
export async function agentsInView(
  db: Db,
  principal: Principal,
  agentIds?: readonly string[],
): Promise<AgentRow[]> {
  const teams = await teamsInView(db, principal);
  let query = db
    .selectFrom('users')
    .select(['id', 'display_name', 'team_id'])
    .where('tenant_id', '=', principal.tenantId)
    .where('role', 'in', ['agent', 'supervisor']);
  if (teams !== null) {
    if (teams.length === 0) return [];
    query = query.where('team_id', 'in', teams);
  }
  if (agentIds !== undefined) {
    if (agentIds.length === 0) return [];
    query = query.where('id', 'in', [...agentIds]);
  }
  return query.orderBy('display_name').execute();
}

interface Span {
  agentId: string;
  start: number;
  end: number;
}

async function plannedOf(db: Db, tenantId: string, agentIds: readonly string[], from: number, to: number) {
  if (agentIds.length === 0) return new Map<string, ScheduledActivity[]>();
  const rows = await db
    .selectFrom('wfm_planned_activities')
    .select(['agent_id', 'starts_at', 'ends_at', 'activity', 'channels'])
    .where('tenant_id', '=', tenantId)
    .where('agent_id', 'in', [...agentIds])
    .where('ends_at', '>', new Date(from))
    .where('starts_at', '<', new Date(to))
    .orderBy('starts_at')
    .execute();
  const byAgent = new Map<string, ScheduledActivity[]>();
  for (const row of rows) {
    const list = byAgent.get(row.agent_id) ?? [];
    list.push({
      activity: row.activity,
      start: row.starts_at.getTime(),
      end: row.ends_at.getTime(),
      channels: row.channels,
    });
    byAgent.set(row.agent_id, list);
  }
  return byAgent;
}

async function excusedOf(db: Db, tenantId: string, agentIds: readonly string[], from: number, to: number) {
  if (agentIds.length === 0) return new Map<string, Span[]>();
  const rows = await db
    .selectFrom('wfm_adherence_exceptions')
    .select(['agent_id', 'starts_at', 'ends_at'])
    .where('tenant_id', '=', tenantId)
    .where('agent_id', 'in', [...agentIds])
    .where('ends_at', '>', new Date(from))
    .where('starts_at', '<', new Date(to))
    .execute();
  const byAgent = new Map<string, Span[]>();
  for (const row of rows) {
    const list = byAgent.get(row.agent_id) ?? [];
    list.push({ agentId: row.agent_id, start: row.starts_at.getTime(), end: row.ends_at.getTime() });
    byAgent.set(row.agent_id, list);
  }
  return byAgent;
}

/** Each agent's state changes in [from, to), led by their state on each domain at `from`. */
async function traceOf(db: Db, tenantId: string, agentIds: readonly string[], from: number, to: number) {
  const byAgent = new Map<string, StateChange[]>();
  if (agentIds.length === 0) return byAgent;
  const ids = sql`any(${`{${agentIds.join(',')}}`}::uuid[])`;
  const rows = await jsonRows(
    db,
    [sql`agent_id`, sql`domain`, sql`state`, sql`reason_code`, epochMs('at')],
    sql`from (
      (select distinct on (agent_id, domain) agent_id, domain, state, reason_code, ${new Date(from)}::timestamptz as at, 0 as n
        from agent_state_trace where tenant_id = ${tenantId} and agent_id = ${ids} and at < ${new Date(from)}
        order by agent_id, domain, agent_state_trace.at desc, agent_state_trace.id desc)
      union all
      (select agent_id, domain, state, reason_code, at, id as n from agent_state_trace
        where tenant_id = ${tenantId} and agent_id = ${ids} and at >= ${new Date(from)} and at < ${new Date(to)})
    ) as t`,
    sql`at, n`,
  );
  for (const [agentId, domain, state, reasonCode, at] of rows) {
    const list = byAgent.get(agentId as string) ?? [];
    list.push({
      at: at as number,
      domain: domain as Domain,
      state: state as AgentState,
      reasonCode: reasonCode as number | null,
    });
    byAgent.set(agentId as string, list);
  }
  return byAgent;
}

/** A plan as stored, with any block that overlaps an earlier one cut to start where that one ends. */
function withoutOverlaps(schedule: readonly ScheduledActivity[]): ScheduledActivity[] {
  const sorted = [...schedule].sort((a, b) => a.start - b.start);
  const kept: ScheduledActivity[] = [];
  for (const block of sorted) {
    const start = Math.max(block.start, kept.at(-1)?.end ?? Number.NEGATIVE_INFINITY);
    if (start < block.end) kept.push({ ...block, start });
  }
  return kept;
}

/**
 * What adherence is computed from over [from, to): the tenant's rules, the agents in view, the plans of those
 * with one (up to `planUntil`), their state trace and their approved exceptions.
 */
async function adherenceInputs(db: Db, principal: Principal, from: number, to: number, planUntil: number) {
  const { tenantId } = principal;
  const settings = await adherenceSettings(db, tenantId);
  const agents = await agentsInView(db, principal);
  const planned = await plannedOf(
    db,
    tenantId,
    agents.map((agent) => agent.id),
    from,
    planUntil,
  );
  const scheduled = agents.map((agent) => agent.id).filter((id) => planned.has(id));
  const trace = await traceOf(db, tenantId, scheduled, from, to);
  const excused = await excusedOf(db, tenantId, scheduled, from, to);
  return { settings, agents, planned, trace, excused };
}

export interface BoardRow {
  agentId: string;
  name: string;
  teamId: string | null;
  /** What the plan says now, and until when. */
  scheduled: { activity: string; channels: string; until: string } | null;
  /** The agent's state per domain now, with its reason code. */
  states: { domain: string; state: string; reasonCode: number | null; since: string }[];
  /** Out of adherence past the threshold now: since when, doing what instead. */
  outOfAdherence: boolean;
  since: string | null;
  actual: string[];
  /** Today so far. */
  adherencePct: number | null;
  conformancePct: number | null;
}

/** The live board: every agent in view with a plan today, whether they adhere now, and today's figures so far. */
export async function adherenceBoard(db: Db, principal: Principal, now: number) {
  const { timeZone } = await tenantReportingSettings(db, principal.tenantId);
  const day = dayBounds(timeZone, localDateAt(timeZone, now));
  const { settings, agents, planned, trace, excused } = await adherenceInputs(
    db,
    principal,
    day.start,
    now,
    day.end,
  );
  const thresholdMs = settings.thresholdSeconds * 1000;
  const rows: BoardRow[] = [];
  for (const agent of agents) {
    const schedule = planned.get(agent.id);
    if (!schedule) continue;
    const changes = trace.get(agent.id) ?? [];
    const result =
      now > day.start
        ? computeAdherence(withoutOverlaps(schedule), changes, {
            from: day.start,
            to: now,
            thresholdSeconds: settings.thresholdSeconds,
            rules: settings.rules,
            workActivities: settings.workActivities,
            excused: excused.get(agent.id) ?? [],
          })
        : null;
    const block = schedule.find((b) => b.start <= now && now < b.end);
    const latest = new Map<string, StateChange>();
    for (const change of changes) latest.set(change.domain, change);
    const current = result?.current ?? null;
    const out = current !== null && current.end - current.start > thresholdMs;
    rows.push({
      agentId: agent.id,
      name: agent.display_name,
      teamId: agent.team_id,
      scheduled: block
        ? {
            activity: block.activity,
            channels: block.channels ?? 'any',
            until: new Date(block.end).toISOString(),
          }
        : null,
      states: [...latest.values()].map((change) => ({
        domain: change.domain,
        state: change.state,
        reasonCode: change.reasonCode,
        since: new Date(change.at).toISOString(),
      })),
      outOfAdherence: out,
      since: out && current ? new Date(current.start).toISOString() : null,
      actual: out && current ? current.actual : [],
      adherencePct: result?.adherencePct ?? null,
      conformancePct: result?.conformancePct ?? null,
    });
  }
  return { at: new Date(now).toISOString(), thresholdSeconds: settings.thresholdSeconds, agents: rows };
}

/** Adherence and conformance per agent per local day, over days `first` to `last`. */
export async function adherenceReport(
  db: Db,
  principal: Principal,
  first: LocalDate,
  last: LocalDate,
  now: number,
) {
  const { timeZone } = await tenantReportingSettings(db, principal.tenantId);
  const from = dayBounds(timeZone, first).start;
  const to = Math.min(now, dayBounds(timeZone, last).end);
  const { settings, agents, planned, trace, excused } = await adherenceInputs(db, principal, from, to, to);
  const rows = [];
  for (const agent of agents) {
    const schedule = planned.get(agent.id);
    if (!schedule) continue;
    for (let start = from; start < to; ) {
      const date = localDateAt(timeZone, start);
      const end = Math.min(to, dayBounds(timeZone, date).end);
      const blocks = schedule.filter((b) => b.end > start && b.start < end);
      if (blocks.length > 0) {
        const result = computeAdherence(withoutOverlaps(blocks), trace.get(agent.id) ?? [], {
          from: start,
          to: end,
          thresholdSeconds: settings.thresholdSeconds,
          rules: settings.rules,
          workActivities: settings.workActivities,
          excused: excused.get(agent.id) ?? [],
        });
        rows.push({
          date: `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`,
          agentId: agent.id,
          name: agent.display_name,
          scheduledMinutes: result.scheduledMs / 60_000,
          outOfAdherenceMinutes: result.outOfAdherenceMs / 60_000,
          adherencePct: result.adherencePct,
          scheduledWorkMinutes: result.scheduledWorkMs / 60_000,
          workedMinutes: result.workedMs / 60_000,
          conformancePct: result.conformancePct,
          spans: result.spans.map((span) => ({
            start: new Date(span.start).toISOString(),
            end: new Date(span.end).toISOString(),
            scheduled: span.scheduled,
            actual: span.actual,
          })),
        });
      }
      start = end;
    }
  }
  return rows;
}

/** Excuses a span of an agent's day (a supervisor's approval): out of adherence within it no longer counts. */
export async function approveException(
  db: Db,
  principal: Principal,
  input: { agentId: string; from: number; to: number; note: string },
) {
  if (!(input.to > input.from)) throw invalid('An exception ends after it starts.');
  if (input.agentId === principal.userId)
    throw forbidden('No one approves an exception to their own adherence.');
  if (input.to - input.from > 86_400_000) throw invalid('An exception covers at most one day.');
  const [agent] = await agentsInView(db, principal, [input.agentId]);
  if (!agent) throw notFound('Agent');
  const row = await db
    .insertInto('wfm_adherence_exceptions')
    .values({
      tenant_id: principal.tenantId,
      id: crypto.randomUUID(),
      agent_id: input.agentId,
      starts_at: new Date(input.from),
      ends_at: new Date(input.to),
      note: input.note.trim(),
      approved_by: principal.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentException(row);
}

export const presentException = (row: {
  id: string;
  agent_id: string;
  starts_at: Date;
  ends_at: Date;
  note: string;
  approved_by: string | null;
  approved_at: Date;
}) => ({
  id: row.id,
  agentId: row.agent_id,
  from: row.starts_at.toISOString(),
  to: row.ends_at.toISOString(),
  note: row.note,
  approvedBy: row.approved_by,
  approvedAt: row.approved_at.toISOString(),
});
