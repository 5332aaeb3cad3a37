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

export function contactFigures(counts: ContactCounts, rule: AbandonRule): Figures {
  const metrics = contactMetrics(counts, rule);
  return {
    offered: counts.offered,
    answered: counts.answered,
    handled: counts.handled,
    abandoned: counts.abandoned,
    abandonedInQueue: counts.abandonedInQueue,
    abandonedWhileOffered: counts.abandonedWhileOffered,
    shortAbandoned: counts.shortAbandoned,
    dequeued: counts.dequeued,
    answeredWithinThreshold: counts.answeredWithinThreshold,
    abandonedWithinThreshold: counts.abandonedWithinThreshold,
    serviceLevel: metrics.serviceLevel,
    asaSeconds: metrics.asaSeconds,
    ahtSeconds: metrics.ahtSeconds,
    handleCount: counts.handleCount,
    talkSeconds: counts.talkMs / 1000,
    holdSeconds: counts.holdMs / 1000,
    wrapSeconds: counts.wrapMs / 1000,
    abandonRate: metrics.abandonRate,
    longestWaitSeconds: metrics.longestWaitSeconds,
    noAnswers: counts.noAnswers,
    transfersOut: counts.transfersOut,
  };
}

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

export function agentFigures(counts: AgentCounts): Figures {
  const metrics = agentMetrics(counts);
  return {
    loggedInSeconds: counts.loggedInMs / 1000,
    readySeconds: counts.readyMs / 1000,
    notReadySeconds: counts.notReadyMs / 1000,
    reservedSeconds: counts.reservedMs / 1000,
    activeSeconds: counts.activeMs / 1000,
    workSeconds: counts.workMs / 1000,
    presented: counts.presented,
    answered: counts.answered,
    handled: counts.handled,
    noAnswers: counts.noAnswers,
    rejected: counts.rejected,
    talkSeconds: counts.talkMs / 1000,
    holdSeconds: counts.holdMs / 1000,
    wrapSeconds: counts.wrapMs / 1000,
    ahtSeconds: metrics.ahtSeconds,
    occupancy: metrics.occupancy,
    transfersOut: counts.transfersOut,
  };
}

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
