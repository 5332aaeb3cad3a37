import { authorize, type ReportColumn } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { agentDetail, agentState, agentSummary } from './agent-reports.ts';
import { callType, csqActivity, wfmInterval } from './interval-reports.ts';
import { abandoned, contacts } from './leg-reports.ts';
import { type ReportQuery, type ReportTemplate, reportRequest } from './report-request.ts';
import type { Cells } from './report-rows.ts';
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
  /** Each row's cells, in the order of `columns`. */
  rows: Cells[];
  next: string | null;
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
