/**
 * Agent interval rows are found by their interval, never by agent first: an index by agent took a page of its own
 * per agent at every interval's close (about a fifth of the close's time), and reports of a few agents over a month
 * read the interval's range as fast without it.
 */
export const agentIntervalsByTime = `
drop index if exists agent_intervals_agent;
`;
