import { formatLocalDate, localDateAt } from '@switchboard/core';
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError } from '../api/client.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { chartsFor } from './chart-data.ts';
import { ContactsDrill } from './contacts-drill.tsx';
import { JourneyView } from './journey-view.tsx';
import { ReportExport } from './report-export.tsx';
import { ReportForm } from './report-form.tsx';
import { querySearch, type ReportQuery, readQuery, reportPath } from './report-query.ts';
import { type Drill, ReportTable } from './report-table.tsx';
import { TEMPLATE_LABELS } from './report-types.ts';
import { SavedReports } from './saved-reports.tsx';
import { UplotChart } from './uplot-chart.tsx';
import { useReport } from './use-report.ts';
import './reports.css';

interface Tenant {
  settings: { reporting: { timeZone: string; intervalMinutes: number } };
}

/**
 * Reports: choose a template and what it covers, read the table and its charts, open the contacts behind a
 * figure and a contact's journey, export, save. The query lives in the address, so a link reopens the report.
 */
export function ReportsPage() {
  const { api } = useDesk();
  const tenant = useLive(() => api.request<Tenant>('GET', '/tenant'));
  const reporting = tenant.data?.settings.reporting;
  if (!reporting) return <p aria-busy="true">{tenant.error?.message ?? 'Loading…'}</p>;
  return <Reports timeZone={reporting.timeZone} intervalMinutes={reporting.intervalMinutes} />;
}

function Reports(props: { timeZone: string; intervalMinutes: number }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const today = formatLocalDate(localDateAt(props.timeZone, Date.now()));
  const asked = new URLSearchParams(search).has('template');
  const query = useMemo(() => readQuery(new URLSearchParams(search), today), [search, today]);
  const loaded = useReport(asked ? reportPath(query) : null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const run = (next: ReportQuery) => {
    setDrill(null);
    setContactId(null);
    const target = `/reports?${querySearch(next)}`;
    if (`?${search}` === target.slice('/reports'.length)) loaded.reload();
    else navigate(target);
  };
  const { report, error } = loaded;
  const fieldErrors = error instanceof ApiError ? error.fields : {};
  const link = `${window.location.origin}/reports?${querySearch(query)}`;
  return (
    <section aria-labelledby="reports-title" className="reports">
      <div className="row spread">
        <h1 id="reports-title">Reports</h1>
        <Link href="/wallboard">Wallboard</Link>
      </div>
      <p className="muted">
        Days and intervals in {props.timeZone}. Figures come from the interval tables, written a few minutes
        after each interval ends.
      </p>
      <ReportForm
        query={query}
        today={today}
        intervalMinutes={props.intervalMinutes}
        fieldErrors={fieldErrors}
        onRun={run}
      />
      <SavedReports
        query={query}
        onOpen={(definition) =>
          run(readQuery(new URLSearchParams(definition.query), today, definition.template))
        }
      />
      {error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {asked && !report && !error ? <p aria-busy="true">Loading…</p> : null}
      {report ? (
        <div className="report-result">
          <div className="row spread">
            <h2>
              {TEMPLATE_LABELS[query.template]},{' '}
              {report.from === report.to ? report.from : `${report.from} – ${report.to}`}
              {report.summarize ? ', summarized' : ''}
            </h2>
            <ReportExport query={query} />
          </div>
          <label className="share">
            Shareable link <input readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <div className="report-charts">
            {chartsFor(report).map((chart) => (
              <UplotChart key={chart.title} chart={chart} />
            ))}
          </div>
          {report.rows.length === 0 ? (
            <p className="muted">No rows: nothing was recorded in this range, or it is not captured yet.</p>
          ) : (
            <ReportTable
              report={report}
              label={TEMPLATE_LABELS[query.template]}
              onDrill={(next) => {
                setContactId(null);
                setDrill(next);
              }}
              onContact={setContactId}
            />
          )}
          {report.next ? (
            <button type="button" onClick={loaded.more} disabled={loaded.busy}>
              More rows
            </button>
          ) : null}
          {drill ? (
            <ContactsDrill
              query={query}
              report={report}
              drill={drill}
              onContact={setContactId}
              onClose={() => setDrill(null)}
            />
          ) : null}
          {contactId ? (
            <JourneyView
              contactId={contactId}
              timeZone={report.timeZone}
              onClose={() => setContactId(null)}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
