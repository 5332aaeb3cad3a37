import type { LiveEvent } from '../api/types.ts';

/**
 * Whether an event changes the figures of the agents a supervisor sees: a wrap-up that ends (handled, AHT) or
 * a state change (time in state) of one of them. Before the first figures arrive, `agentIds` is null: any
 * such event may concern them. Other teams' agents change nothing here, however busy they are.
 */
export function changesFiguresOf(agentIds: ReadonlySet<string> | null, event: LiveEvent): boolean {
  if (event.type !== 'contact.wrap_up_ended' && event.type !== 'agent.state_changed') return false;
  return agentIds === null || (event.agentId !== undefined && agentIds.has(event.agentId));
}
