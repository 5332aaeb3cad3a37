import {
  addContactCounts,
  CONTACT_FIGURES,
  contactFigureCells,
  localIso,
  noContactCounts,
  text,
  WFM_COLUMNS,
  wfmFigures,
} from '@switchboard/core';
import { contactCountsBetween } from './interval-row-cache.ts';
import { asCells, bucketsOf, type Cells, summed } from './report-rows.ts';
import { csqsOf, type Run, type TemplateRun, timeColumns, zeroFilled } from './report-run.ts';

/** Report templates over the contact interval tables: CSQ activity, call types, and the WFM interval columns. */

async function contactRows(run: Run, table: 'csq_intervals' | 'call_type_intervals', keys: string[] | null) {
  const { db, tenantId, request } = run;
  const rows = await contactCountsBetween(db, tenantId, table, request.start, request.end);
  if (keys === null) return rows;
  const wanted = new Set(keys);
  return rows.filter((row) => wanted.has(row.key));
}

export const csqActivity: TemplateRun = async (run) => {
  const csqs = csqsOf(run);
  const sums = await summed(
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
    rows: await zeroFilled(run, order, sums, noContactCounts, (csqId, counts) =>
      ([csqId, run.names.csqs.get(csqId)?.name ?? null] as Cells).concat(
        contactFigureCells(counts, run.settings.abandonRule),
      ),
    ),
  };
};

export const callType: TemplateRun = async (run) => {
  const stored = await contactRows(run, 'call_type_intervals', null);
  const sums = await summed(run.request, stored, noContactCounts, addContactCounts);
  const keys = [...new Set(stored.map((row) => row.key))].sort();
  return {
    columns: [...timeColumns(run.request), text('callType', 'Call type'), ...CONTACT_FIGURES],
    rows: await zeroFilled(run, keys, sums, noContactCounts, (key, counts) => [
      key,
      ...contactFigureCells(counts, run.settings.abandonRule),
    ]),
  };
};

export const wfmInterval: TemplateRun = async (run) => {
  const csqs = csqsOf(run);
  const sums = await summed(
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
        sums.get(run.request.summarize ? 0 : bucket.start, csqId) ?? noContactCounts(),
        run.settings.abandonRule,
      ),
    })),
  );
  const columns = [text('Queue', 'Queue'), ...WFM_COLUMNS];
  return { columns, rows: asCells(columns, rows) };
};
