import type { DomainState, ReasonCode } from '../api/types.ts';

/**
 * The label of the reason an agent gave for their state. Not Ready and logout codes are numbered apart, so
 * the same number may be both: the state says which kind to look for. Other states carry no reason.
 */
export function reasonLabel(reasons: ReasonCode[], state: Pick<DomainState, 'state' | 'reasonCode'>) {
  if (state.reasonCode === null) return undefined;
  const kind = state.state === 'not_ready' ? 'not_ready' : state.state === 'logged_out' ? 'logout' : null;
  return reasons.find((r) => r.kind === kind && r.code === state.reasonCode)?.label;
}
