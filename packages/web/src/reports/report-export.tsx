import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { type ReportQuery, reportPath } from './report-query.ts';

const FORMATS = [
  ['csv', 'Export CSV'],
  ['xlsx', 'Export XLSX'],
] as const;

/** Downloads the report as the API writes it: the same rows, every page, as CSV or a workbook. */
export function ReportExport({ query }: { query: ReportQuery }) {
  const { api } = useDesk();
  const download = useSubmission();
  const save = (format: 'csv' | 'xlsx') =>
    download.run(async () => {
      const file = await api.download(reportPath(query, { format }));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = `${query.template}-${query.from}-${query.to}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    });
  return (
    <div className="row report-export">
      {FORMATS.map(([format, label]) => (
        <button key={format} type="button" onClick={() => save(format)} disabled={download.busy}>
          {label}
        </button>
      ))}
      <FormError message={download.error} />
    </div>
  );
}
