import { declineOffer } from './contact-commands.ts';
import { DOMAINS } from './model.ts';
import { type AcdState, refreshAgent } from './state.ts';

/**
 * The agent's desktop has been gone past the grace period. Like Finesse after a connection failure, a Ready
 * agent goes Not Ready with the tenant's reason code; a Reserved one also gives the offer back to its queue
 * exactly as No Answer would. Contacts in hand stay: an agent in a chat or in wrap-up keeps it, and lands in
 * Not Ready (not Ready) when it is done. A state the agent chose themselves (Not Ready, Logged Out) is kept.
 */
export function desktopLost(state: AcdState, agentId: string, reasonCode: number | null): void {
  const agent = state.agents.get(agentId);
  if (!agent) return;
  for (const domain of DOMAINS) {
    if (agent.chosen(domain) !== 'ready') continue;
    const offered = agent.pendingOffer(domain);
    if (offered !== null) declineOffer(state, agentId, offered, 'no_answer', reasonCode);
    else agent.choose(domain, 'not_ready', reasonCode);
  }
  refreshAgent(state, agent, 'system');
}
