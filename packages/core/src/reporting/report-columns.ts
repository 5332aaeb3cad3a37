import type { AbandonRule } from '../metrics/service-level.ts';
import { type AgentCounts, agentMetrics } from './agent-counts.ts';
import { type ContactCounts, contactMetrics } from './contact-counts.ts';

/** How a report column's values read: integrators get this beside every report (name, type, unit). */
export interface ReportColumn {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'number' | 'ratio' | 'datetime';
  /** `s` for durations in seconds; `ratio` columns are 0–1. */
  unit: 's' | null;
}

const count = (name: string, label: string): ReportColumn => ({ name, label, type: 'integer', unit: null });
const seconds = (name: string, label: string): ReportColumn => ({ name, label, type: 'number', unit: 's' });
const ratio = (name: string, label: string): ReportColumn => ({ name, label, type: 'ratio', unit: null });
export const text = (name: string, label: string): ReportColumn => ({
  name,
  label,
  type: 'string',
  unit: null,
});
export const instant = (name: string, label: string): ReportColumn => ({
  name,
  label,
  type: 'datetime',
  unit: null,
});

/** The figures of a CSQ or call type over a row, from its summed counts (docs/metrics.md). */
export const CONTACT_FIGURES: readonly ReportColumn[] = [
  count('offered', 'Offered'),
  count('answered', 'Answered'),
  count('handled', 'Handled'),
  count('abandoned', 'Abandoned'),
  count('abandonedInQueue', 'Abandoned in queue'),
  count('abandonedWhileOffered', 'Abandoned while offered'),
  count('shortAbandoned', 'Short abandons'),
  count('dequeued', 'Dequeued'),
  count('answeredWithinThreshold', 'Answered within SL'),
  count('abandonedWithinThreshold', 'Abandoned within SL'),
  ratio('serviceLevel', 'Service level'),
  seconds('asaSeconds', 'ASA'),
  seconds('ahtSeconds', 'AHT'),
  count('handleCount', 'Handling ended'),
  seconds('talkSeconds', 'Talk'),
  seconds('holdSeconds', 'Hold'),
  seconds('wrapSeconds', 'Wrap-up'),
  ratio('abandonRate', 'Abandon rate'),
  seconds('longestWaitSeconds', 'Longest wait'),
  count('noAnswers', 'Ring no answer'),
  count('transfersOut', 'Transfers out'),
];

export type Figures = Record<string, number | null>;

/** The figures of a CSQ or call type over a row, in the order of `CONTACT_FIGURES`. */
export function contactFigureCells(counts: ContactCounts, rule: AbandonRule): (number | null)[] {
  const metrics = contactMetrics(counts, rule);
  return [
    counts.offered,
    counts.answered,
    counts.handled,
    counts.abandoned,
    counts.abandonedInQueue,
    counts.abandonedWhileOffered,
    counts.shortAbandoned,
    counts.dequeued,
    counts.answeredWithinThreshold,
    counts.abandonedWithinThreshold,
    metrics.serviceLevel,
    metrics.asaSeconds,
    metrics.ahtSeconds,
    counts.handleCount,
    counts.talkMs / 1000,
    counts.holdMs / 1000,
    counts.wrapMs / 1000,
    metrics.abandonRate,
    metrics.longestWaitSeconds,
    counts.noAnswers,
    counts.transfersOut,
  ];
}

const named = (columns: readonly ReportColumn[], cells: readonly (number | null)[]): Figures =>
  Object.fromEntries(columns.map((column, i) => [column.name, cells[i] ?? null]));

export const contactFigures = (counts: ContactCounts, rule: AbandonRule): Figures =>
  named(CONTACT_FIGURES, contactFigureCells(counts, rule));

/** The figures of an agent over a row. */
export const AGENT_FIGURES: readonly ReportColumn[] = [
  seconds('loggedInSeconds', 'Logged in'),
  seconds('readySeconds', 'Ready'),
  seconds('notReadySeconds', 'Not Ready'),
  seconds('reservedSeconds', 'Reserved'),
  seconds('activeSeconds', 'Active (wall clock)'),
  seconds('workSeconds', 'Wrap-up (Work)'),
  count('presented', 'Presented'),
  count('answered', 'Answered'),
  count('handled', 'Handled'),
  count('noAnswers', 'RONA'),
  count('rejected', 'Rejected'),
  seconds('talkSeconds', 'Talk (summed sessions)'),
  seconds('holdSeconds', 'Hold'),
  seconds('wrapSeconds', 'Wrap-up'),
  seconds('ahtSeconds', 'AHT'),
  ratio('occupancy', 'Occupancy'),
  count('transfersOut', 'Transfers out'),
];

/** The figures of an agent over a row, in the order of `AGENT_FIGURES`. */
export function agentFigureCells(counts: AgentCounts): (number | null)[] {
  const metrics = agentMetrics(counts);
  return [
    counts.loggedInMs / 1000,
    counts.readyMs / 1000,
    counts.notReadyMs / 1000,
    counts.reservedMs / 1000,
    counts.activeMs / 1000,
    counts.workMs / 1000,
    counts.presented,
    counts.answered,
    counts.handled,
    counts.noAnswers,
    counts.rejected,
    counts.talkMs / 1000,
    counts.holdMs / 1000,
    counts.wrapMs / 1000,
    metrics.ahtSeconds,
    metrics.occupancy,
    counts.transfersOut,
  ];
}

export const agentFigures = (counts: AgentCounts): Figures => named(AGENT_FIGURES, agentFigureCells(counts));

/**
 * The interval columns WFM adapters read (report-API style): `Minutes` is the row's start (ISO-8601 with the
 * tenant's offset), `Avg Call Duration` the AHT in seconds.
 */
export const WFM_COLUMNS: readonly ReportColumn[] = [
  instant('Minutes', 'Minutes'),
  count('Calls Presented', 'Calls Presented'),
  count('Calls Answered', 'Calls Answered'),
  count('Calls Abandoned', 'Calls Abandoned'),
  seconds('Avg Call Duration', 'Avg Call Duration'),
];

export function wfmFigures(counts: ContactCounts, rule: AbandonRule): Figures {
  const metrics = contactMetrics(counts, rule);
  return {
    'Calls Presented': counts.offered,
    'Calls Answered': counts.answered,
    'Calls Abandoned': counts.abandoned,
    'Avg Call Duration': metrics.ahtSeconds === null ? 0 : Math.round(metrics.ahtSeconds * 10) / 10,
  };
}
