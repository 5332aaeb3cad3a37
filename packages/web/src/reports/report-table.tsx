import { drillOf, formatValue, isFigure } from './report-format.ts';
import type { DrillKind, Report, ReportColumn, ReportRow } from './report-types.ts';

/** Columns a person reads the table by; ids stay in the exports and the API. */
const HIDDEN = new Set(['csqId', 'agentId', 'intervalStart', 'contactId']);

export interface Drill {
  row: ReportRow;
  column: ReportColumn;
  kind: DrillKind;
}

/**
 * A report's rows under a header that stays in view while they scroll. A CSQ's count is a button that opens
 * the contacts behind it; a row with a contact opens its journey.
 */
export function ReportTable(props: {
  report: Report;
  label: string;
  onDrill: (drill: Drill) => void;
  onContact: (contactId: string) => void;
}) {
  const { report } = props;
  const columns = report.columns.filter((c) => !HIDDEN.has(c.name));
  return (
    <div className="report-table-wrap">
      <table className="grid report-table" aria-label={props.label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col" className={isFigure(c) ? 'figure' : undefined}>
                {c.label}
              </th>
            ))}
            {report.rows.some((r) => typeof r.contactId === 'string') ? <th scope="col" /> : null}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no id of their own and never reorder
            <tr key={index}>
              {columns.map((column) => {
                const text = formatValue(column, row[column.name], report.timeZone);
                const kind = drillOf(report, column, row);
                return (
                  <td key={column.name} className={isFigure(column) ? 'figure' : undefined}>
                    {kind ? (
                      <button
                        type="button"
                        className="link"
                        title={`Contacts: ${column.label}`}
                        onClick={() => props.onDrill({ row, column, kind })}
                      >
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
              {typeof row.contactId === 'string' ? (
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => props.onContact(String(row.contactId))}
                  >
                    Journey
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
