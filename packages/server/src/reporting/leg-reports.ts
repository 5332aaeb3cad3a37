import {
  countLeg,
  instant,
  noContactCounts,
  type ReportColumn,
  SERVICE_LEVEL_SECONDS,
  text,
} from '@switchboard/core';
import { legOfRow } from './detail-records.repository.ts';
import { asCells } from './report-rows.ts';
import { csqsOf, type Run, type TemplateRun } from './report-run.ts';

/** Report templates of single contact legs: abandoned contacts, and the contacts behind a total (drill-down). */

const LEG_COLUMNS: ReportColumn[] = [
  instant('enteredAt', 'Entered'),
  text('csqName', 'CSQ'),
  text('channel', 'Channel'),
  text('callType', 'Call type'),
  text('chatType', 'Chat type'),
  text('fromCsqName', 'Routed from'),
  instant('answeredAt', 'Answered'),
  text('agentName', 'Agent'),
  instant('endedAt', 'Ended'),
  text('outcome', 'Outcome'),
  { name: 'waitSeconds', label: 'Wait', type: 'number', unit: 's' },
  { name: 'noAnswers', label: 'Ring no answer', type: 'integer', unit: null },
  text('contactId', 'Contact'),
];

async function legRows(
  run: Run,
  filter: (leg: ReturnType<typeof legOfRow>) => boolean,
  from: number,
  to: number,
  column: 'entered_at' | 'ended_at',
) {
  const { db, tenantId } = run;
  const csqs = csqsOf(run);
  if (csqs.length === 0) return [];
  const rows = await db
    .selectFrom('contact_legs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(column, '>=', new Date(from))
    .where(column, '<', new Date(to))
    .where('csq_id', 'in', csqs)
    .orderBy(column)
    .execute();
  return rows
    .map(legOfRow)
    .filter(filter)
    .map((leg) => ({
      enteredAt: new Date(leg.enteredAt).toISOString(),
      csqName: run.names.csqs.get(leg.csqId)?.name ?? null,
      channel: leg.channel,
      callType: leg.callType,
      chatType: leg.chatType,
      fromCsqName: leg.fromCsqId ? (run.names.csqs.get(leg.fromCsqId)?.name ?? null) : null,
      answeredAt: leg.answeredAt === null ? null : new Date(leg.answeredAt).toISOString(),
      agentName: leg.agentId ? (run.names.agents.get(leg.agentId)?.name ?? null) : null,
      endedAt: leg.endedAt === null ? null : new Date(leg.endedAt).toISOString(),
      outcome: leg.outcome,
      waitSeconds: ((leg.answeredAt ?? leg.endedAt ?? leg.enteredAt) - leg.enteredAt) / 1000,
      noAnswers: leg.noAnswers,
      contactId: leg.contactId,
    }));
}

export const abandoned: TemplateRun = async (run) => {
  const short = run.settings.shortAbandonSeconds * 1000;
  const rows = await legRows(
    run,
    (leg) =>
      (leg.outcome === 'abandoned' || leg.outcome === 'abandoned_while_offered') &&
      (leg.endedAt ?? 0) - leg.enteredAt >= short,
    run.request.start,
    run.request.end,
    'entered_at',
  );
  return { columns: LEG_COLUMNS, rows: asCells(LEG_COLUMNS, rows) };
};

/** The legs behind one total of a CSQ row: the same rule that counted them decides which are listed. */
export const contacts: TemplateRun = async (run) => {
  const drill = run.request.drill;
  if (!drill) return { columns: LEG_COLUMNS, rows: [] };
  const column = run.settings.intervalBasis === 'entry' ? 'entered_at' : 'ended_at';
  const rows = await legRows(
    run,
    (leg) => {
      const counts = noContactCounts();
      countLeg(counts, leg, {
        thresholdSeconds: run.names.csqs.get(leg.csqId)?.serviceLevelSeconds ?? SERVICE_LEVEL_SECONDS.default,
        shortAbandonSeconds: run.settings.shortAbandonSeconds,
      });
      const kind = drill.kind === 'withinThreshold' ? 'answeredWithinThreshold' : drill.kind;
      return counts[kind] > 0;
    },
    drill.start,
    drill.end,
    column,
  );
  return { columns: LEG_COLUMNS, rows: asCells(LEG_COLUMNS, rows) };
};
