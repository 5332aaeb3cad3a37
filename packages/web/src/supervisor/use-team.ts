import { useCallback } from 'react';
import type { AgentLive, LiveEvent, ReasonCode, Team, User } from '../api/types.ts';
import { useDesk, useLive, useLiveEvents } from '../live/hooks.ts';

export interface TeamRow {
  user: User;
  live: AgentLive | undefined;
}

const isContactEvent = (event: LiveEvent) => event.type.startsWith('contact.');

/** The teams someone supervises (primary or secondary); an administrator: every team. */
export const supervisedTeams = (teams: Team[], me: User) =>
  teams.filter(
    (t) =>
      me.role === 'administrator' || t.primarySupervisorId === me.id || t.secondarySupervisorId === me.id,
  );

/**
 * The people a supervisor watches (an administrator: everyone who takes contacts), with their live state.
 * State changes are applied as they arrive; contact events refresh the contact counts, coalesced to one
 * reload a second.
 */
export function useTeam() {
  const { api, me } = useDesk();
  const teams = useLive(() => api.request<Team[]>('GET', '/teams'));
  const users = useLive(() => api.request<User[]>('GET', '/users?limit=500'));
  const reasons = useLive(() => api.request<ReasonCode[]>('GET', '/reason-codes'));
  const live = useLive(() => api.request<AgentLive[]>('GET', '/agents'), isContactEvent, '', 1000);
  const { set } = live;
  const apply = useCallback(
    (event: LiveEvent) => {
      if (event.type !== 'agent.state_changed' || !event.agentId || !event.domain || !event.state) return;
      const { agentId, domain, state } = event;
      set((agents) => {
        if (!agents?.some((a) => a.id === agentId)) {
          live.reload();
          return agents;
        }
        return agents.map((a) =>
          a.id === agentId
            ? {
                ...a,
                [domain]: { state, reasonCode: (event.reasonCode as number | null) ?? null, since: event.at },
              }
            : a,
        );
      });
    },
    [set, live.reload],
  );
  useLiveEvents(apply);
  const supervised = (teams.data ?? []).filter(
    (t) =>
      me.role === 'administrator' || t.primarySupervisorId === me.id || t.secondarySupervisorId === me.id,
  );
  const teamIds = new Set(supervised.map((t) => t.id));
  const rows: TeamRow[] = (users.data ?? [])
    .filter((u) => (u.role === 'agent' || u.role === 'supervisor') && u.active)
    .filter((u) => me.role === 'administrator' || (u.teamId !== null && teamIds.has(u.teamId)))
    .map((user) => ({ user, live: live.data?.find((a) => a.id === user.id) }))
    .sort((a, b) => a.user.shownName.localeCompare(b.user.shownName));
  return { rows, teams: supervised, reasons: reasons.data ?? [], users, live };
}
