import {
  AGENT_FIGURES,
  addAgentCounts,
  addContactCounts,
  agentFigures,
  authorize,
  CONTACT_FIGURES,
  contactFigures,
  countLeg,
  instant,
  localIso,
  noAgentCounts,
  noContactCounts,
  type ReportColumn,
  type ReportingSettings,
  SERVICE_LEVEL_SECONDS,
  text,
  WFM_COLUMNS,
  wfmFigures,
} from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { legOfRow } from './detail-records.repository.ts';
import { agentCountsOf, contactCountsOf } from './interval-tables.repository.ts';
import {
  type ReportQuery,
  type ReportRequest,
  type ReportTemplate,
  reportRequest,
} from './report-request.ts';
import { bucketsOf, iso, type Row, secondsBetween, summed, TIME_COLUMNS, timeCells } from './report-rows.ts';
import { agentFilter, checkCsqs, type ReportScope, reportScope } from './report-scope.ts';

export interface Report {
  template: ReportTemplate;
  timeZone: string;
  from: string;
  to: string;
  rowMinutes: number | 'day';
  summarize: boolean;
  columns: ReportColumn[];
  rows: Row[];
  next: string | null;
}

interface Names {
  csqs: Map<string, { name: string; channel: string }>;
  agents: Map<string, { name: string; teamId: string | null }>;
  teams: Map<string, string>;
}

async function namesOf(db: Db, tenantId: string): Promise<Names> {
  const [csqs, users, teams] = await Promise.all([
    db.selectFrom('csqs').select(['id', 'name', 'channel']).where('tenant_id', '=', tenantId).execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'team_id'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db.selectFrom('teams').select(['id', 'name']).where('tenant_id', '=', tenantId).execute(),
  ]);
  return {
    csqs: new Map(csqs.map((csq) => [csq.id, { name: csq.name, channel: csq.channel }])),
    agents: new Map(users.map((user) => [user.id, { name: user.display_name, teamId: user.team_id }])),
    teams: new Map(teams.map((team) => [team.id, team.name])),
  };
}

interface Run {
  db: Db;
  tenantId: string;
  request: ReportRequest;
  settings: ReportingSettings;
  scope: ReportScope;
  names: Names;
}

/** Runs one report template for the caller, within their scope. */
export async function runReport(
  db: Db,
  acd: AcdRuntime,
  principal: Principal,
  template: ReportTemplate,
  query: ReportQuery,
): Promise<Report> {
  authorize(principal, 'report.read');
  const settings = await tenantReportingSettings(db, principal.tenantId);
  const request = reportRequest(template, query, settings);
  const [scope, names] = await Promise.all([
    reportScope(db, acd, principal),
    namesOf(db, principal.tenantId),
  ]);
  const run: Run = { db, tenantId: principal.tenantId, request, settings, scope, names };
  const { columns, rows } = await TEMPLATES[template](run);
  const page = rows.slice(request.offset, request.offset + request.limit);
  const nextOffset = request.offset + page.length;
  return {
    template,
    timeZone: settings.timeZone,
    from: query.from,
    to: query.to,
    rowMinutes: request.rowMinutes,
    summarize: request.summarize,
    columns: [...columns],
    rows: page,
    next: nextOffset < rows.length ? String(nextOffset) : null,
  };
}

type TemplateRun = (run: Run) => Promise<{ columns: readonly ReportColumn[]; rows: Row[] }>;

const timeColumns = (request: ReportRequest) => (request.summarize ? [] : TIME_COLUMNS);

function csqsOf(run: Run): string[] {
  const { request, names } = run;
  const known = new Set(
    [...names.csqs]
      .filter(([, csq]) => request.channel === null || csq.channel === request.channel)
      .map(([id]) => id),
  );
  const asked = request.csqIds ?? (request.drill?.csqId ? [request.drill.csqId] : null);
  return checkCsqs(asked, request.csqIds === null ? known : new Set(names.csqs.keys()), run.scope).filter(
    (id) => known.has(id),
  );
}

async function contactRows(run: Run, table: 'csq_intervals' | 'call_type_intervals', keys: string[] | null) {
  const { db, tenantId, request } = run;
  let query = db
    .selectFrom(table)
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('interval_start', '>=', new Date(request.start))
    .where('interval_start', '<', new Date(request.end));
  if (table === 'csq_intervals' && keys !== null) {
    if (keys.length === 0) return [];
    query = query.where('csq_id' as never, 'in', keys as never);
  }
  const rows = (await query.execute()) as Record<string, unknown>[];
  return rows.map((row) => ({
    at: (row.interval_start as Date).getTime(),
    key: String(table === 'csq_intervals' ? row.csq_id : row.call_type),
    counts: contactCountsOf(row),
  }));
}

/** Rows of every bucket × key, zeros where nothing happened. */
function zeroFilled<C>(
  run: Run,
  keys: readonly string[],
  sums: Map<string, C>,
  zero: () => C,
  cells: (key: string, counts: C) => Row,
): Row[] {
  const buckets = run.request.summarize ? [null] : bucketsOf(run.request);
  const rows: Row[] = [];
  for (const bucket of buckets) {
    const time = bucket ? timeCells(run.request, bucket) : {};
    for (const key of keys)
      rows.push(Object.assign({}, time, cells(key, sums.get(`${bucket?.start ?? 0}|${key}`) ?? zero())));
  }
  return rows;
}

const csqActivity: TemplateRun = async (run) => {
  const csqs = csqsOf(run);
  const sums = summed(
    run.request,
    await contactRows(run, 'csq_intervals', csqs),
    noContactCounts,
    addContactCounts,
  );
  const order = [...csqs].sort((a, b) =>
    (run.names.csqs.get(a)?.name ?? '').localeCompare(run.names.csqs.get(b)?.name ?? ''),
  );
  return {
    columns: [
      ...timeColumns(run.request),
      text('csqId', 'CSQ id'),
      text('csqName', 'CSQ'),
      ...CONTACT_FIGURES,
    ],
    rows: zeroFilled(run, order, sums, noContactCounts, (csqId, counts) => ({
      csqId,
      csqName: run.names.csqs.get(csqId)?.name ?? null,
      ...contactFigures(counts, run.settings.abandonRule),
    })),
  };
};

const callType: TemplateRun = async (run) => {
  const stored = await contactRows(run, 'call_type_intervals', null);
  const sums = summed(run.request, stored, noContactCounts, addContactCounts);
  const keys = [...new Set(stored.map((row) => row.key))].sort();
  return {
    columns: [...timeColumns(run.request), text('callType', 'Call type'), ...CONTACT_FIGURES],
    rows: zeroFilled(run, keys, sums, noContactCounts, (key, counts) => ({
      callType: key,
      ...contactFigures(counts, run.settings.abandonRule),
    })),
  };
};

const wfmInterval: TemplateRun = async (run) => {
  const csqs = csqsOf(run);
  const sums = summed(
    run.request,
    await contactRows(run, 'csq_intervals', csqs),
    noContactCounts,
    addContactCounts,
  );
  const buckets = run.request.summarize
    ? [{ start: run.request.start, end: run.request.end, label: '' }]
    : bucketsOf(run.request);
  const rows = buckets.flatMap((bucket) =>
    csqs.map((csqId) => ({
      Queue: run.names.csqs.get(csqId)?.name ?? csqId,
      Minutes: localIso(run.request.timeZone, bucket.start),
      ...wfmFigures(
        sums.get(`${run.request.summarize ? 0 : bucket.start}|${csqId}`) ?? noContactCounts(),
        run.settings.abandonRule,
      ),
    })),
  );
  return { columns: [text('Queue', 'Queue'), ...WFM_COLUMNS], rows };
};

const domainOfChannel = (channel: string | null) =>
  channel === null ? null : channel === 'voice' ? 'voice' : 'digital';

async function agentsOf(run: Run) {
  return agentFilter(run.db, run.tenantId, run.request.agentIds, run.request.teamIds, run.scope);
}

function agentCells(run: Run, agentId: string): Row {
  const agent = run.names.agents.get(agentId);
  return {
    agentId,
    agentName: agent?.name ?? null,
    teamName: agent?.teamId ? (run.names.teams.get(agent.teamId) ?? null) : null,
  };
}

const agentColumns = [
  text('agentId', 'Agent id'),
  text('agentName', 'Agent'),
  text('teamName', 'Team'),
  text('domain', 'Channel'),
];

const agentSummary: TemplateRun = async (run) => {
  const { db, tenantId, request } = run;
  const agents = await agentsOf(run);
  if (agents !== null && agents.size === 0)
    return { columns: [...timeColumns(request), ...agentColumns, ...AGENT_FIGURES], rows: [] };
  let query = db
    .selectFrom('agent_intervals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('interval_start', '>=', new Date(request.start))
    .where('interval_start', '<', new Date(request.end));
  if (agents !== null) query = query.where('agent_id', 'in', [...agents]);
  const domain = domainOfChannel(request.channel);
  if (domain !== null) query = query.where('domain', '=', domain);
  const stored = (await query.execute()).map((row) => ({
    at: row.interval_start.getTime(),
    key: `${row.agent_id} ${row.domain}`,
    counts: agentCountsOf(row as unknown as Record<string, unknown>),
  }));
  const sums = summed(request, stored, noAgentCounts, addAgentCounts);
  const keys = [...new Set(stored.map((row) => row.key))].sort(
    (a, b) =>
      (run.names.agents.get(a.split(' ')[0] as string)?.name ?? '').localeCompare(
        run.names.agents.get(b.split(' ')[0] as string)?.name ?? '',
      ) || a.localeCompare(b),
  );
  return {
    columns: [...timeColumns(request), ...agentColumns, ...AGENT_FIGURES],
    rows: zeroFilled(run, keys, sums, noAgentCounts, (key, counts) => {
      const [agentId, domainName] = key.split(' ') as [string, string];
      return { ...agentCells(run, agentId), domain: domainName, ...agentFigures(counts) };
    }),
  };
};

const agentState: TemplateRun = async (run) => {
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
  let query = db
    .selectFrom('agent_reason_intervals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('interval_start', '>=', new Date(request.start))
    .where('interval_start', '<', new Date(request.end));
  if (agents !== null) query = query.where('agent_id', 'in', [...agents]);
  const domain = domainOfChannel(request.channel);
  if (domain !== null) query = query.where('domain', '=', domain);
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
  const stored = (await query.execute()).map((row) => ({
    at: row.interval_start.getTime(),
    key: `${row.agent_id} ${row.domain} ${row.reason_code}`,
    counts: { ms: Number(row.not_ready_ms) },
  }));
  const sums = summed(
    request,
    stored,
    () => ({ ms: 0 }),
    (into, other) => ({ ms: into.ms + other.ms }),
  );
  const labels = new Map(bucketsOf(request).map((b) => [b.start, b.label]));
  const rows = [...sums].map(([id, { ms }]): Row => {
    const [bucket, key] = id.split('|') as [string, string];
    const [agentId, domainName, code] = key.split(' ') as [string, string, string];
    const start = Number(bucket);
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
  return { columns, rows };
};

const agentDetail: TemplateRun = async (run) => {
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
  return { columns, rows };
};

const LEG_COLUMNS: ReportColumn[] = [
  instant('enteredAt', 'Entered'),
  text('csqName', 'CSQ'),
  text('channel', 'Channel'),
  text('callType', 'Call type'),
  text('chatType', 'Chat type'),
  text('fromCsqName', 'Routed from'),
  instant('answeredAt', 'Answered'),
  text('agentName', 'Agent'),
  instant('endedAt', 'Ended'),
  text('outcome', 'Outcome'),
  { name: 'waitSeconds', label: 'Wait', type: 'number', unit: 's' },
  { name: 'noAnswers', label: 'Ring no answer', type: 'integer', unit: null },
  text('contactId', 'Contact'),
];

async function legRows(
  run: Run,
  filter: (leg: ReturnType<typeof legOfRow>) => boolean,
  from: number,
  to: number,
  column: 'entered_at' | 'ended_at',
) {
  const { db, tenantId } = run;
  const csqs = csqsOf(run);
  if (csqs.length === 0) return [];
  const rows = await db
    .selectFrom('contact_legs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(column, '>=', new Date(from))
    .where(column, '<', new Date(to))
    .where('csq_id', 'in', csqs)
    .orderBy(column)
    .execute();
  return rows
    .map(legOfRow)
    .filter(filter)
    .map((leg) => ({
      enteredAt: new Date(leg.enteredAt).toISOString(),
      csqName: run.names.csqs.get(leg.csqId)?.name ?? null,
      channel: leg.channel,
      callType: leg.callType,
      chatType: leg.chatType,
      fromCsqName: leg.fromCsqId ? (run.names.csqs.get(leg.fromCsqId)?.name ?? null) : null,
      answeredAt: leg.answeredAt === null ? null : new Date(leg.answeredAt).toISOString(),
      agentName: leg.agentId ? (run.names.agents.get(leg.agentId)?.name ?? null) : null,
      endedAt: leg.endedAt === null ? null : new Date(leg.endedAt).toISOString(),
      outcome: leg.outcome,
      waitSeconds: ((leg.answeredAt ?? leg.endedAt ?? leg.enteredAt) - leg.enteredAt) / 1000,
      noAnswers: leg.noAnswers,
      contactId: leg.contactId,
    }));
}

const abandoned: TemplateRun = async (run) => {
  const short = run.settings.shortAbandonSeconds * 1000;
  const rows = await legRows(
    run,
    (leg) =>
      (leg.outcome === 'abandoned' || leg.outcome === 'abandoned_while_offered') &&
      (leg.endedAt ?? 0) - leg.enteredAt >= short,
    run.request.start,
    run.request.end,
    'entered_at',
  );
  return { columns: LEG_COLUMNS, rows };
};

/** The legs behind one total of a CSQ row: the same rule that counted them decides which are listed. */
const contacts: TemplateRun = async (run) => {
  const drill = run.request.drill;
  if (!drill) return { columns: LEG_COLUMNS, rows: [] };
  const column = run.settings.intervalBasis === 'entry' ? 'entered_at' : 'ended_at';
  const thresholds = new Map(
    (
      await run.db
        .selectFrom('csqs')
        .select(['id', 'service_level_seconds'])
        .where('tenant_id', '=', run.tenantId)
        .execute()
    ).map((c) => [c.id, c.service_level_seconds]),
  );
  const rows = await legRows(
    run,
    (leg) => {
      const counts = noContactCounts();
      countLeg(counts, leg, {
        thresholdSeconds: thresholds.get(leg.csqId) ?? SERVICE_LEVEL_SECONDS.default,
        shortAbandonSeconds: run.settings.shortAbandonSeconds,
      });
      const kind = drill.kind === 'withinThreshold' ? 'answeredWithinThreshold' : drill.kind;
      return counts[kind] > 0;
    },
    drill.start,
    drill.end,
    column,
  );
  return { columns: LEG_COLUMNS, rows };
};

const TEMPLATES: Record<ReportTemplate, TemplateRun> = {
  'csq-activity': csqActivity,
  'call-type': callType,
  'agent-summary': agentSummary,
  'agent-state': agentState,
  'agent-detail': agentDetail,
  abandoned,
  contacts,
  'wfm-interval': wfmInterval,
};
