import {
  INTERVAL_COLUMN_FIELDS,
  INTERVAL_FIELD_LABELS,
  type IntervalColumnField,
  LIMITS,
} from '@switchboard/core';
import { useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';

type Preview = ResponseOf<'/interval-history/imports', 'post'>;
interface Imported {
  rows: number;
  inserted: number;
  replaced: number;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOT_READ = '';

const fieldName = (field: IntervalColumnField) => `${INTERVAL_FIELD_LABELS[field]} (${field})`;

/**
 * Interval history from a CSV or XLSX file: choose it, the row size and (for a file without a queue
 * column) the queue; check it (a dry run shows how each column is read, the first rows and the errors),
 * map columns the names did not match, then import: every row, or none.
 */
export function IntervalImportPage() {
  const { api } = useDesk();
  const [file, setFile] = useState<File | null>(null);
  const [minutes, setMinutes] = useState<number>(15);
  const [queue, setQueue] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const submission = useSubmission();

  const query = (dryRun: boolean, map: Record<string, string>) => {
    const params = new URLSearchParams({ dryRun: String(dryRun), minutes: String(minutes) });
    if (queue.trim()) params.set('queue', queue.trim());
    if (Object.keys(map).length > 0) params.set('mapping', JSON.stringify(map));
    if (file) params.set('fileName', file.name);
    return `/interval-history/imports?${params}`;
  };
  const typeOf = (chosen: File) => (chosen.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv');

  const check = (map = mapping) =>
    submission.run(async () => {
      if (!file) throw new Error('Choose a file first.');
      setImported(null);
      setPreview(await api.upload<Preview>(query(true, map), file, typeOf(file)));
    });
  const remap = (column: string, field: string) => {
    const next = { ...mapping, [column]: field === NOT_READ ? 'ignore' : field };
    setMapping(next);
    void check(next);
  };
  const importFile = () =>
    submission.run(async () => {
      if (!file) throw new Error('Choose a file first.');
      setImported(await api.upload<Imported>(query(false, mapping), file, typeOf(file)));
      setPreview(null);
    });

  const ready = preview !== null && preview.errors.length === 0 && preview.rowCount > 0;
  return (
    <section aria-labelledby="interval-import-title">
      <h1 id="interval-import-title">Interval history</h1>
      <p className="muted">
        Import the history of your queues from a CSV or XLSX file (at most{' '}
        {LIMITS.intervalImport.fileBytes / 1048576} MB) so forecasts can read it. Local times are read in the
        tenant's time zone. A row already imported for a queue and start is replaced.
      </p>
      <div className="form-row">
        <label>
          File
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMapping({});
              setPreview(null);
              setImported(null);
            }}
          />
        </label>
        <label>
          Row size
          <select value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
            {LIMITS.intervalMinutes.map((size) => (
              <option key={size} value={size}>
                {size} minutes
              </option>
            ))}
          </select>
        </label>
        <label>
          Queue (for a file without a queue column)
          <input
            value={queue}
            maxLength={LIMITS.intervalQueueName.max}
            onChange={(event) => setQueue(event.target.value)}
          />
        </label>
        <button type="button" onClick={() => check()} disabled={submission.busy || !file}>
          Check file
        </button>
      </div>
      <FormError message={submission.error} />
      {imported && (
        <p role="status">
          Imported {imported.rows} rows: {imported.inserted} new, {imported.replaced} replaced.
        </p>
      )}
      {preview && <PreviewPanel preview={preview} onRemap={remap} />}
      {preview && (
        <button type="button" onClick={importFile} disabled={submission.busy || !ready}>
          Import {preview.rowCount} rows
        </button>
      )}
    </section>
  );
}

function PreviewPanel({
  preview,
  onRemap,
}: {
  preview: Preview;
  onRemap: (column: string, field: string) => void;
}) {
  return (
    <>
      <h2>Columns</h2>
      <table className="grid" aria-label="Columns">
        <thead>
          <tr>
            <th scope="col">Column of the file</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((column) => (
            <tr key={column.name}>
              <td>{column.name}</td>
              <td>
                <select
                  aria-label={`Read ${column.name} as`}
                  value={column.field ?? NOT_READ}
                  onChange={(event) => onRemap(column.name, event.target.value)}
                >
                  <option value={NOT_READ}>(not read)</option>
                  {INTERVAL_COLUMN_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {fieldName(field)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.errors.length > 0 && (
        <section aria-label="Errors">
          <h2>Errors</h2>
          <ul className="form-error">
            {preview.errors.map((error) => (
              <li key={error.message}>{error.message}</li>
            ))}
          </ul>
          {preview.errorsTruncated && (
            <p className="muted">Reading stopped there; mend these and check again.</p>
          )}
        </section>
      )}
      <h2>
        First rows ({preview.rowCount} read, times in {preview.timeZone})
      </h2>
      <table className="grid" aria-label="First rows">
        <thead>
          <tr>
            <th scope="col">Start</th>
            <th scope="col">Queue</th>
            <th scope="col">Offered</th>
            <th scope="col">Answered</th>
            <th scope="col">Abandoned</th>
            <th scope="col">AHT (s)</th>
            <th scope="col">ASA (s)</th>
            <th scope="col">Service level</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={`${row.queue} ${row.intervalStart}`}>
              <td>{row.intervalStart}</td>
              <td>{row.queue}</td>
              <td>{row.offered}</td>
              <td>{row.answered}</td>
              <td>{row.abandoned}</td>
              <td>{row.ahtSeconds}</td>
              <td>{row.asaSeconds ?? ''}</td>
              <td>{row.serviceLevel === null ? '' : `${(row.serviceLevel * 100).toFixed(1)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
