import {
  type AssistKind,
  answerAssist,
  authorize,
  cancelAssist,
  conflict,
  isAllowed,
  LIMITS,
  mayAnswerAssist,
  notFound,
  openAssist,
  type Supervisor,
  SwitchboardError,
} from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import { type AssistScope, assistRepository, type StoredAssist } from './assist.repository.ts';
import { type AssistDesk, type AssistView, presentAssist } from './assist-desk.ts';

const NOT_FOUND = 'Request for help';

const notHandling = (status: string) =>
  conflict(`You can ask for help only on a contact you are handling now; this one is ${status}.`);

/**
 * The agent's team and its supervisors who are active, other than the one asking, each with whether their
 * desktop is connected.
 */
async function supervisorsOf(desk: AssistDesk, tenantId: string, agentId: string) {
  const row = await desk.db
    .selectFrom('users as a')
    .leftJoin('teams as t', (join) =>
      join.onRef('t.tenant_id', '=', 'a.tenant_id').onRef('t.id', '=', 'a.team_id'),
    )
    .leftJoin('users as p', (j) =>
      j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.id', '=', 't.primary_supervisor_id'),
    )
    .leftJoin('users as s', (j) =>
      j.onRef('s.tenant_id', '=', 't.tenant_id').onRef('s.id', '=', 't.secondary_supervisor_id'),
    )
    .select([
      't.id as team_id',
      'p.id as primary_id',
      'p.active as primary_active',
      's.id as secondary_id',
      's.active as secondary_active',
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.id', '=', agentId)
    .executeTakeFirst();
  // A supervisor who asks for help is not asked: they are not there to answer themselves.
  const supervisor = (
    id: string | null | undefined,
    active: boolean | null | undefined,
  ): Supervisor | null =>
    id && active && id !== agentId ? { id, connected: desk.online.has(tenantId, id) } : null;
  return {
    teamId: row?.team_id ?? null,
    primary: supervisor(row?.primary_id, row?.primary_active),
    secondary: supervisor(row?.secondary_id, row?.secondary_active),
  };
}

/**
 * An agent asks for help on a contact they are handling. The request goes to their team's primary
 * supervisor, or at once to the secondary when the primary is absent or not connected. An emergency
 * replaces an open request for help on the same contact; any other second request is refused.
 */
export async function requestAssist(
  desk: AssistDesk,
  principal: Principal,
  contactId: string,
  kind: AssistKind,
) {
  authorize(principal, 'assist.request');
  const { tenantId, userId } = principal;
  // Watched from before the contact is read: if it ends from now on, its request is closed.
  desk.watch(tenantId);
  const contact = await desk.db
    .selectFrom('contacts')
    .select(['status', 'agent_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact || contact.agent_id !== userId) throw notFound('Contact');
  if (contact.status !== 'active') throw notHandling(contact.status.replace('_', '-'));
  const open = await assistRepository.openOn(desk.db, tenantId, contactId);
  if (open) {
    if (open.kind !== 'help' || kind !== 'emergency') {
      throw conflict(
        'You have already asked for help on this contact: wait for the answer, or cancel the request first.',
      );
    }
    await close(desk, tenantId, open, { cancelled_at: new Date(desk.clock.now()) });
  }
  const { teamId, primary, secondary } = await supervisorsOf(desk, tenantId, userId);
  const now = desk.clock.now();
  const request = openAssist(kind, now, primary, secondary);
  if (!request) {
    throw new SwitchboardError(
      'no_supervisor',
      teamId
        ? 'Your team has no supervisor to ask: ask an administrator to give it a primary or secondary supervisor.'
        : 'You are in no team, so there is no supervisor to ask: ask an administrator to put you in a team.',
    );
  }
  const id = crypto.randomUUID();
  try {
    await assistRepository.insert(desk.db, tenantId, { id, contactId, agentId: userId, teamId, request });
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') {
      throw conflict(
        'You have already asked for help on this contact: wait for the answer, or cancel the request first.',
      );
    }
    throw error;
  }
  // The contact may have ended since it was read, its end's closing no request yet: close this one then.
  if (await assistRepository.endIfAbandoned(desk.db, tenantId, id, new Date(desk.clock.now()))) {
    throw notHandling('no longer yours to handle');
  }
  desk.track(tenantId, { ...request, id });
  return (await desk.announce(tenantId, id, 'assist.requested')) as AssistView;
}

async function close(
  desk: AssistDesk,
  tenantId: string,
  request: StoredAssist,
  change: Parameters<typeof assistRepository.update>[3],
): Promise<AssistView> {
  if (!(await assistRepository.update(desk.db, tenantId, request.id, change))) {
    const now = await assistRepository.find(desk.db, tenantId, request.id);
    cancelAssist(now ?? request, desk.clock.now()); // throws the conflict that says how it was closed
  }
  const type = change.answered_at ? 'assist.answered' : 'assist.closed';
  return (await desk.announce(tenantId, request.id, type)) as AssistView;
}

/** A supervisor the request names (primary or secondary), or an administrator, answers: once. */
export async function answerAssistRequest(desk: AssistDesk, principal: Principal, id: string) {
  authorize(principal, 'assist.answer');
  const { tenantId, userId } = principal;
  const request = await assistRepository.find(desk.db, tenantId, id);
  if (!request || (principal.role !== 'administrator' && !mayAnswerAssist(request, userId))) {
    throw notFound(NOT_FOUND);
  }
  const now = desk.clock.now();
  answerAssist(request, userId, now);
  return close(desk, tenantId, request, { answered_at: new Date(now), answered_by: userId });
}

/** The agent who asked takes the request back. */
export async function cancelAssistRequest(desk: AssistDesk, principal: Principal, id: string) {
  authorize(principal, 'assist.request');
  const request = await assistRepository.find(desk.db, principal.tenantId, id);
  if (!request || request.agentId !== principal.userId) throw notFound(NOT_FOUND);
  const now = desk.clock.now();
  cancelAssist(request, now);
  return close(desk, principal.tenantId, request, { cancelled_at: new Date(now) });
}

export interface AssistQuery {
  open?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * Requests newest first: an administrator's view is the tenant's; a supervisor's those alerted to them (as
 * primary, or as secondary once escalated) and their own; an agent's their own.
 */
export async function listAssistRequests(desk: AssistDesk, principal: Principal, query: AssistQuery) {
  const { tenantId, userId } = principal;
  const answers = isAllowed(principal, 'assist.answer');
  if (!answers) authorize(principal, 'assist.request');
  const scope: AssistScope =
    principal.role === 'administrator' ? 'everyone' : { userId, supervisor: answers };
  const limit = query.limit ?? LIMITS.listPageSize.default;
  const requests = await assistRepository.list(
    desk.db,
    tenantId,
    scope,
    query.open ?? false,
    limit,
    query.offset ?? 0,
  );
  return requests.map(presentAssist);
}
