import {
  addContactCounts,
  CONTACT_FIGURES,
  type ContactCounts,
  contactFigureCells,
  localIso,
  noContactCounts,
  text,
  WFM_COLUMNS,
  wfmFigures,
} from '@switchboard/core';
import { contactCountsBetween } from './interval-row-cache.ts';
import { asCells, bucketsOf, summed } from './report-rows.ts';
import { csqsOf, figureMemo, type Run, type TemplateRun, timeColumns, zeroFilled } from './report-run.ts';

/** Report templates over the contact interval tables: CSQ activity, call types, and the WFM interval columns. */

/**
 * The CSQs' counts by bucket: the stored rows as they are when the report's rows are the stored intervals,
 * else added up into the report's rows.
 */
async function csqSums(run: Run, csqs: readonly string[]) {
  const { db, tenantId, request } = run;
  const span = await contactCountsBetween(db, tenantId, 'csq_intervals', request.start, request.end);
  const asStored = request.summarize
    ? null
    : span.asBuckets(new Set(bucketsOf(request).map((bucket) => bucket.start)));
  if (asStored) return asStored;
  const wanted = new Set(csqs);
  const rows = span.rows().filter((row) => wanted.has(row.key));
  return summed(request, rows, noContactCounts, addContactCounts);
}

/** A contact row's figures, kept per abandon rule for counts met again. */
const contactFigures = (run: Run) => ({
  figureCells: (counts: ContactCounts) => contactFigureCells(counts, run.settings.abandonRule),
  memo: figureMemo<ContactCounts>(`contact:${run.settings.abandonRule}`),
});

export const csqActivity: TemplateRun = async (run) => {
  const csqs = csqsOf(run);
  const sums = await csqSums(run, csqs);
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
    ...(await zeroFilled(run, order, sums, noContactCounts, {
      keyCells: (csqId) => [csqId, run.names.csqs.get(csqId)?.name ?? null],
      ...contactFigures(run),
    })),
  };
};

export const callType: TemplateRun = async (run) => {
  const { db, tenantId, request } = run;
  const stored = (
    await contactCountsBetween(db, tenantId, 'call_type_intervals', request.start, request.end)
  ).rows();
  const sums = await summed(run.request, stored, noContactCounts, addContactCounts);
  const keys = [...new Set(stored.map((row) => row.key))].sort();
  return {
    columns: [...timeColumns(run.request), text('callType', 'Call type'), ...CONTACT_FIGURES],
    ...(await zeroFilled(run, keys, sums, noContactCounts, {
      keyCells: (key) => [key],
      ...contactFigures(run),
    })),
  };
};

export const wfmInterval: TemplateRun = async (run) => {
  const csqs = csqsOf(run);
  const sums = await csqSums(run, csqs);
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
