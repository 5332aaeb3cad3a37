/**
 * An agent's state at a moment is their last state change before it, per domain: the agents' figures of the
 * day ask it at midnight. This index answers it with one probe, where the older index made the database read
 * every change the agent ever had.
 */
export const agentStateLatest = `
create index agent_state_trace_latest on agent_state_trace (tenant_id, agent_id, domain, at desc, id desc);
`;
