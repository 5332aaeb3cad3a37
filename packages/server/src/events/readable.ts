import { type AcdEvent, type AgentStateEvent, externalState, isAllowed } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import { encodeCursor } from './cursor.ts';
import type { LogEntry } from './event-log.ts';

/**
 * Which router events a caller reads: supervisors and readers every event of the tenant; an agent what
 * concerns them (their own, and in a group chat what happens to the invitation they sent or the chat they own).
 */
function routerEventsFor(principal: Principal): (payload: Record<string, unknown>) => boolean {
  if (isAllowed(principal, 'contact.read') || isAllowed(principal, 'agentState.read')) return () => true;
  const me = principal.userId;
  return (payload) => payload.agentId === me || payload.inviterId === me || payload.ownerId === me;
}

/** Whether the caller may read an entry of their tenant's log, by its kind. */
export function readableBy(principal: Principal): (entry: LogEntry) => boolean {
  const router = routerEventsFor(principal);
  const config = isAllowed(principal, 'audit.read');
  return (entry) => {
    switch (entry.kind) {
      case 'router':
        return router(entry.payload);
      case 'notice':
        return entry.userIds?.includes(principal.userId) ?? false;
      case 'config':
        return config;
      case 'access':
        return false;
    }
  };
}

/** An agent's state change in the external vocabulary: what follows wrap-up is not in the event. */
const externalStateOf = (payload: Record<string, unknown>) => {
  const { domain, state } = payload as Partial<AgentStateEvent>;
  return domain && state ? externalState(domain, state) : null;
};

/** An entry as streams and the feed send it: its type, its fields, when (ISO), and its cursor. */
export function presentEntry(tenantId: string, entry: LogEntry) {
  return {
    type: entry.type,
    ...entry.payload,
    ...(entry.type === 'agent.state_changed' ? { externalState: externalStateOf(entry.payload) } : {}),
    at: entry.at.toISOString(),
    cursor: encodeCursor(tenantId, entry.position),
  } as { type: string; at: string; cursor: string } & Partial<AcdEvent> & Record<string, unknown>;
}

const wireForms = new WeakMap<LogEntry, string>();

/**
 * An entry's JSON as streams send it, made once per entry: every stream of a tenant in this process shares the
 * feed's entries, so a busy tenant's hundreds of desktops do not each serialise the same event again.
 */
export function wireOf(tenantId: string, entry: LogEntry): string {
  let wire = wireForms.get(entry);
  if (wire === undefined) {
    wire = JSON.stringify(presentEntry(tenantId, entry));
    wireForms.set(entry, wire);
  }
  return wire;
}
