import type { AgentState, ChosenState, Domain } from '../acd/model.ts';

/**
 * Agent states in the vocabulary outside systems (WFM, wallboards) use (METRICS.md, "Agent states seen from
 * outside"). Holding a call is not told apart from talking: the router does not track it as a state.
 */
export const EXTERNAL_STATES = [
  'LOGOUT',
  'NOT_READY',
  'READY',
  'RESERVED',
  'TALKING',
  'ACTIVE',
  'WORK_READY',
  'WORK_NOT_READY',
] as const;
export type ExternalState = (typeof EXTERNAL_STATES)[number];

/**
 * The external state of an agent's state on one domain. With a contact: TALKING on voice, ACTIVE on digital
 * (chat and email). In wrap-up (Work): WORK_READY when the agent will be Ready once it ends (`chosen`, the
 * state they chose, is Ready), else WORK_NOT_READY, also when what comes next is not known.
 *
 * @example externalState('voice', 'work', 'ready') // 'WORK_READY'
 */
export function externalState(domain: Domain, state: AgentState, chosen?: ChosenState): ExternalState {
  switch (state) {
    case 'logged_out':
      return 'LOGOUT';
    case 'not_ready':
      return 'NOT_READY';
    case 'ready':
      return 'READY';
    case 'reserved':
      return 'RESERVED';
    case 'active':
      return domain === 'voice' ? 'TALKING' : 'ACTIVE';
    case 'work':
      return chosen === 'ready' ? 'WORK_READY' : 'WORK_NOT_READY';
  }
}

/**
 * Whether the agent's reason code applies in this external state: the Not Ready or logout reason they chose,
 * which in WORK_NOT_READY is the reason they will be Not Ready with after wrap-up.
 */
export const takesReasonCode = (state: ExternalState): boolean =>
  state === 'NOT_READY' || state === 'LOGOUT' || state === 'WORK_NOT_READY';
