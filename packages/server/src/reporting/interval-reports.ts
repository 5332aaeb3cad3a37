import {
  addContactCounts,
  CONTACT_FIGURES,
  contactFigures,
  localIso,
  noContactCounts,
  text,
  WFM_COLUMNS,
  wfmFigures,
} from '@switchboard/core';
import { contactCountsOf } from './interval-tables.repository.ts';
import { bucketsOf, summed } from './report-rows.ts';
import { csqsOf, type Run, type TemplateRun, timeColumns, zeroFilled } from './report-run.ts';

/** Report templates over the contact interval tables: CSQ activity, call types, and the WFM interval columns. */

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

export const csqActivity: TemplateRun = async (run) => {
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

export const callType: TemplateRun = async (run) => {
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

export const wfmInterval: TemplateRun = async (run) => {
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
