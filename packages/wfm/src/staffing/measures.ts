/** What a queueing model predicts for one interval at a given number of agents (or chat slots). */
export interface QueueMeasures {
  /** P(W > 0): the share of arrivals that find every agent busy. */
  waitProbability: number;
  /** The share of arrivals answered within the threshold, by the workload's service level rule. */
  serviceLevel: number;
  /** Mean wait of answered contacts (METRICS.md: total answer wait ÷ contacts answered), immediate answers included. */
  asaSeconds: number;
  /** Mean time in queue over every arrival, answered or abandoned. */
  meanWaitSeconds: number;
  /** The share of arrivals that abandon (0 in Erlang C). */
  abandonProbability: number;
  /** Carried load ÷ agents: the share of agents' time spent handling contacts. */
  occupancy: number;
}

/*
 * How abandoned contacts enter the service level is core's `AbandonRule` (METRICS.md, "Service level %"); in
 * the steady state of a queueing model, with nothing dequeued, it reads:
 * - `counted_against` (default): answered within t ÷ all arrivals.
 * - `ignored`: answered within t ÷ answered.
 * - `counted_for`: (answered within t + abandoned within t) ÷ all arrivals.
 * With Erlang C nobody abandons and the three agree.
 */
