import { conflict } from '../errors.ts';
import { LIMITS } from '../limits.ts';

/**
 * Supervisor and emergency assist (spec C6): an agent asks for help on a contact. The request goes to the
 * primary supervisor of the agent's team; if they do not answer within the escalation time, to the secondary
 * as well. Pure: every step takes the time as an argument.
 */
export const ASSIST_KINDS = ['help', 'emergency'] as const;
export type AssistKind = (typeof ASSIST_KINDS)[number];
export type AssistStatus = 'open' | 'answered' | 'cancelled' | 'ended';

export interface AssistRequest {
  kind: AssistKind;
  createdAt: number;
  /** The team's supervisors when the agent asked: they stay the ones asked even if the team changes later. */
  primaryId: string | null;
  secondaryId: string | null;
  /** When the secondary was alerted (at once when the primary was absent or not connected); null: not yet. */
  escalatedAt: number | null;
  answeredAt: number | null;
  answeredBy: string | null;
  cancelledAt: number | null;
  endedAt: number | null;
}

export interface Supervisor {
  id: string;
  /** Has a desktop connected now. */
  connected: boolean;
}

export const assistStatus = (request: AssistRequest): AssistStatus =>
  request.answeredAt !== null
    ? 'answered'
    : request.cancelledAt !== null
      ? 'cancelled'
      : request.endedAt !== null
        ? 'ended'
        : 'open';

/**
 * A new request, or null when the team has no supervisor at all. A primary who is not connected is passed
 * over at once: the secondary is alerted from the start.
 */
export function openAssist(
  kind: AssistKind,
  now: number,
  primary: Supervisor | null,
  secondary: Supervisor | null,
): AssistRequest | null {
  const secondaryId = secondary && secondary.id !== primary?.id ? secondary.id : null;
  if (!primary && !secondaryId) return null;
  const atOnce = secondaryId !== null && !primary?.connected;
  return {
    kind,
    createdAt: now,
    primaryId: primary?.id ?? null,
    secondaryId,
    escalatedAt: atOnce ? now : null,
    answeredAt: null,
    answeredBy: null,
    cancelledAt: null,
    endedAt: null,
  };
}

/** Who has been alerted: the primary, and the secondary once escalated. */
export const assistRecipients = (request: AssistRequest): string[] =>
  [request.primaryId, request.escalatedAt !== null ? request.secondaryId : null].filter(
    (id): id is string => id !== null,
  );

/** Who may answer: either supervisor the request names, alerted yet or not. */
export const mayAnswerAssist = (request: AssistRequest, userId: string): boolean =>
  userId === request.primaryId || userId === request.secondaryId;

/** When the secondary is due to be alerted, or null if that will never happen. */
export function escalationDue(request: AssistRequest): number | null {
  if (assistStatus(request) !== 'open' || request.escalatedAt !== null || request.secondaryId === null) {
    return null;
  }
  return request.createdAt + LIMITS.assistEscalationMs[request.kind].default;
}

/** Escalates if due by `now`; otherwise the same request. */
export function escalateAssist(request: AssistRequest, now: number): AssistRequest {
  const due = escalationDue(request);
  return due !== null && now >= due ? { ...request, escalatedAt: now } : request;
}

const closedMessage = (request: AssistRequest): string => {
  const status = assistStatus(request);
  return status === 'answered'
    ? 'This request for help has already been answered.'
    : status === 'cancelled'
      ? 'The agent has cancelled this request for help.'
      : 'The contact of this request for help has ended.';
};

function mustBeOpen(request: AssistRequest): void {
  if (assistStatus(request) !== 'open')
    throw conflict(closedMessage(request), { status: assistStatus(request) });
}

export function answerAssist(request: AssistRequest, by: string, now: number): AssistRequest {
  mustBeOpen(request);
  return { ...request, answeredAt: now, answeredBy: by };
}

export function cancelAssist(request: AssistRequest, now: number): AssistRequest {
  mustBeOpen(request);
  return { ...request, cancelledAt: now };
}

/** The contact ended: an open request closes with it; a closed one stays as it was. */
export const endAssist = (request: AssistRequest, now: number): AssistRequest =>
  assistStatus(request) === 'open' ? { ...request, endedAt: now } : request;
