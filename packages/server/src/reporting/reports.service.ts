import { authorize, type ReportColumn } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { agentDetail, agentState, agentSummary } from './agent-reports.ts';
import { callType, csqActivity, wfmInterval } from './interval-reports.ts';
import { abandoned, contacts } from './leg-reports.ts';
import { type ReportQuery, type ReportTemplate, reportRequest } from './report-request.ts';
import type { Cells, RowTexts } from './report-rows.ts';
import { namesOf, type Run, type TemplateRun } from './report-run.ts';
import { reportScope } from './report-scope.ts';

export interface Report {
  template: ReportTemplate;
  timeZone: string;
  from: string;
  to: string;
  rowMinutes: number | 'day';
  summarize: boolean;
  columns: ReportColumn[];
  /** Each row's cells, in the order of `columns` (none when only `texts` were asked for and made). */
  rows: Cells[];
  /** Each row's JSON text (the array of its cells), where the template made it: sent as it is. */
  texts: RowTexts | null;
  next: string | null;
}

/** Runs one report template for the caller, within their scope. */
export async function runReport(
  db: Db,
  acd: AcdRuntime,
  principal: Principal,
  template: ReportTemplate,
  query: ReportQuery,
  /** `texts`: the rows are sent as JSON arrays, so their texts are enough where a template makes them. */
  wanted: 'cells' | 'texts' = 'cells',
): Promise<Report> {
  authorize(principal, 'report.read');
  const settings = await tenantReportingSettings(db, principal.tenantId);
  const request = reportRequest(template, query, settings);
  const [scope, names] = await Promise.all([
    reportScope(db, acd, principal),
    namesOf(db, principal.tenantId),
  ]);
  const textsOnly = wanted === 'texts';
  const run: Run = { db, tenantId: principal.tenantId, request, settings, scope, names, textsOnly };
  const { columns, rows, texts } = await TEMPLATES[template](run);
  const end = request.offset + request.limit;
  const pageTexts = texts ? texts.slice(request.offset, end) : null;
  const page = textsOnly && pageTexts ? [] : rows.slice(request.offset, end);
  const nextOffset = request.offset + (pageTexts ?? page).length;
  const total = (texts ?? rows).length;
  return {
    template,
    timeZone: settings.timeZone,
    from: query.from,
    to: query.to,
    rowMinutes: request.rowMinutes,
    summarize: request.summarize,
    columns: [...columns],
    rows: page,
    texts: pageTexts,
    next: nextOffset < total ? String(nextOffset) : null,
  };
}

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
