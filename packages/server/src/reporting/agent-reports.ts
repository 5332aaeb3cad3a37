import {
  AGENT_FIGURES,
  addAgentCounts,
  agentFigureCells,
  domainOf,
  instant,
  localIso,
  noAgentCounts,
  type ReportColumn,
  text,
} from '@switchboard/core';
import { sql } from 'kysely';
import { storedAgentCounts } from './interval-tables.repository.ts';
import { asCells, bucketsOf, iso, type Row, secondsBetween, summed } from './report-rows.ts';
import { type Run, type TemplateRun, timeColumns, zeroFilled } from './report-run.ts';
import { agentFilter, checkCsqs } from './report-scope.ts';

/** Report templates of agents: their figures per interval, Not Ready by reason, and each offer in detail. */

const domainAsked = (request: Run['request']) =>
  request.channel === null ? null : domainOf(request.channel);

/** Not Ready rows in the report's range, for the agents asked for and the channel's domain. */
async function agentReasonRows(run: Run, agents: ReadonlySet<string> | null) {
  const { db, tenantId, request } = run;
  let query = db
    .selectFrom('agent_reason_intervals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('interval_start', '>=', new Date(request.start))
    .where('interval_start', '<', new Date(request.end));
  if (agents !== null) query = query.where('agent_id', 'in', [...agents]);
  const domain = domainAsked(request);
  if (domain !== null) query = query.where('domain', '=', domain);
  return (await query.execute()) as unknown as Record<string, unknown>[];
}

async function agentsOf(run: Run) {
  return agentFilter(run.db, run.tenantId, run.request.agentIds, run.request.teamIds, run.scope);
}

function agentCells(run: Run, agentId: string): Row {
  const [agentName, teamName] = agentNames(run, agentId);
  return { agentId, agentName, teamName };
}

function agentNames(run: Run, agentId: string): [string | null, string | null] {
  const agent = run.names.agents.get(agentId);
  return [agent?.name ?? null, agent?.teamId ? (run.names.teams.get(agent.teamId) ?? null) : null];
}

const agentColumns = [
  text('agentId', 'Agent id'),
  text('agentName', 'Agent'),
  text('teamName', 'Team'),
  text('domain', 'Channel'),
];

export const agentSummary: TemplateRun = async (run) => {
  const { request } = run;
  const agents = await agentsOf(run);
  if (agents !== null && agents.size === 0)
    return { columns: [...timeColumns(request), ...agentColumns, ...AGENT_FIGURES], rows: [] };
  const domain = domainAsked(request);
  const stored = await storedAgentCounts(
    run.db,
    'agent_intervals',
    ['agent_id', 'domain'],
    sql`where tenant_id = ${run.tenantId} and interval_start >= ${new Date(request.start)}
      and interval_start < ${new Date(request.end)}
      ${agents === null ? sql`` : sql`and agent_id = any(${`{${[...agents].join(',')}}`}::uuid[])`}
      ${domain === null ? sql`` : sql`and domain = ${domain}`}`,
  );
  const sums = await summed(request, stored, noAgentCounts, addAgentCounts);
  const keys = [...new Set(stored.map((row) => row.key))].sort(
    (a, b) =>
      (run.names.agents.get(a.split(',')[0] as string)?.name ?? '').localeCompare(
        run.names.agents.get(b.split(',')[0] as string)?.name ?? '',
      ) || a.localeCompare(b),
  );
  return {
    columns: [...timeColumns(request), ...agentColumns, ...AGENT_FIGURES],
    ...(await zeroFilled(run, keys, sums, noAgentCounts, {
      keyCells: (key) => {
        const [agentId, domainName] = key.split(',') as [string, string];
        return [agentId, ...agentNames(run, agentId), domainName];
      },
      figureCells: agentFigureCells,
    })),
  };
};

export const agentState: TemplateRun = async (run) => {
  const { db, tenantId, request } = run;
  const agents = await agentsOf(run);
  const columns = [
    ...timeColumns(request),
    ...agentColumns,
    { name: 'reasonCode', label: 'Reason code', type: 'integer', unit: null } as ReportColumn,
    text('reasonLabel', 'Reason'),
    { name: 'notReadySeconds', label: 'Not Ready', type: 'number', unit: 's' } as ReportColumn,
  ];
  if (agents !== null && agents.size === 0) return { columns, rows: [] };
  const reasons = new Map(
    (
      await db
        .selectFrom('reason_codes')
        .select(['code', 'label'])
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', 'not_ready')
        .execute()
    ).map((r) => [r.code, r.label]),
  );
  const stored = (await agentReasonRows(run, agents)).map((row) => ({
    at: (row.interval_start as Date).getTime(),
    key: `${row.agent_id} ${row.domain} ${row.reason_code}`,
    counts: { ms: Number(row.not_ready_ms) },
  }));
  const sums = await summed(
    request,
    stored,
    () => ({ ms: 0 }),
    (into, other) => ({ ms: into.ms + other.ms }),
  );
  const labels = new Map(bucketsOf(request).map((b) => [b.start, b.label]));
  const rows = [...sums.entries()].map(([start, key, { ms }]): Row => {
    const [agentId, domainName, code] = key.split(' ') as [string, string, string];
    return {
      ...(request.summarize
        ? {}
        : {
            intervalStart: localIso(request.timeZone, start),
            intervalLabel: labels.get(start) ?? null,
          }),
      ...agentCells(run, agentId),
      domain: domainName,
      reasonCode: Number(code),
      reasonLabel: Number(code) === 0 ? 'No reason' : (reasons.get(Number(code)) ?? null),
      notReadySeconds: ms / 1000,
    };
  });
  rows.sort(
    (a, b) =>
      String(a.intervalStart ?? '').localeCompare(String(b.intervalStart ?? '')) ||
      String(a.agentName).localeCompare(String(b.agentName)),
  );
  return { columns, rows: asCells(columns, rows) };
};

export const agentDetail: TemplateRun = async (run) => {
  const { db, tenantId, request } = run;
  const agents = await agentsOf(run);
  const columns: ReportColumn[] = [
    instant('offeredAt', 'Offered'),
    ...agentColumns.slice(0, 3),
    text('channel', 'Channel'),
    text('chatType', 'Chat type'),
    text('role', 'Role'),
    text('csqName', 'CSQ'),
    text('fromCsqName', 'Routed from'),
    text('callType', 'Call type'),
    instant('answeredAt', 'Answered'),
    { name: 'ringSeconds', label: 'Ring', type: 'number', unit: 's' },
    { name: 'talkSeconds', label: 'Talk', type: 'number', unit: 's' },
    { name: 'holdSeconds', label: 'Hold', type: 'number', unit: 's' },
    { name: 'wrapSeconds', label: 'Wrap-up', type: 'number', unit: 's' },
    text('outcome', 'Outcome'),
    text('contactId', 'Contact'),
  ];
  if (agents !== null && agents.size === 0) return { columns, rows: [] };
  let query = db
    .selectFrom('agent_segments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('offered_at', '>=', new Date(request.start))
    .where('offered_at', '<', new Date(request.end));
  if (agents !== null) query = query.where('agent_id', 'in', [...agents]);
  if (request.channel !== null) query = query.where('channel', '=', request.channel);
  if (request.csqIds !== null)
    query = query.where('csq_id', 'in', checkCsqs(request.csqIds, new Set(run.names.csqs.keys()), run.scope));
  const rows = (await query.orderBy('offered_at').execute()).map((s) => {
    const talk = secondsBetween(s.answered_at, s.talk_ended_at);
    return {
      offeredAt: iso(s.offered_at),
      ...agentCells(run, s.agent_id),
      channel: s.channel,
      chatType: s.chat_type,
      role: s.role,
      csqName: run.names.csqs.get(s.csq_id)?.name ?? null,
      fromCsqName: s.from_csq_id ? (run.names.csqs.get(s.from_csq_id)?.name ?? null) : null,
      callType: s.call_type,
      answeredAt: iso(s.answered_at),
      ringSeconds: Number(s.ring_ms) / 1000,
      talkSeconds: talk === null ? null : talk - Number(s.hold_ms) / 1000,
      holdSeconds: Number(s.hold_ms) / 1000,
      wrapSeconds: secondsBetween(s.talk_ended_at, s.wrap_up_ended_at),
      outcome: s.outcome,
      contactId: s.contact_id,
    };
  });
  return { columns, rows: asCells(columns, rows) };
};
