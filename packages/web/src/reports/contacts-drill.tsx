import { rowName, rowSpan } from './report-format.ts';
import { contactsPath, type ReportQuery } from './report-query.ts';
import { type Drill, ReportTable } from './report-table.tsx';
import type { Report } from './report-types.ts';
import { useReport } from './use-report.ts';

/** The contacts behind one figure of one row of a CSQ report: its CSQ, its interval and which contacts. */
export function ContactsDrill(props: {
  query: ReportQuery;
  report: Report;
  drill: Drill;
  onContact: (contactId: string) => void;
  onClose: () => void;
}) {
  const { row, column, kind } = props.drill;
  const span = rowSpan(props.report, row);
  const path = contactsPath(props.query, {
    csqId: String(row.csqId),
    start: span.start,
    end: span.end,
    kind,
  });
  const contacts = useReport(path);
  const title = `${column.label}: ${rowName(row) || 'whole range'}`;
  return (
    <section className="panel drill" aria-labelledby="drill-title">
      <div className="row spread">
        <h2 id="drill-title">{title}</h2>
        <button type="button" onClick={props.onClose}>
          Close contacts
        </button>
      </div>
      {contacts.error ? <p role="alert">{contacts.error.message}</p> : null}
      {contacts.report ? (
        <>
          <ReportTable
            report={contacts.report}
            label="Contacts"
            onDrill={() => {}}
            onContact={props.onContact}
          />
          {contacts.report.rows.length === 0 ? <p className="muted">No contacts.</p> : null}
          {contacts.report.next ? (
            <button type="button" onClick={contacts.more} disabled={contacts.busy}>
              More contacts
            </button>
          ) : null}
        </>
      ) : contacts.error ? null : (
        <p aria-busy="true">Loading…</p>
      )}
    </section>
  );
}
