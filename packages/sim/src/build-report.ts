import { abandonRuleNamed, DEFAULT_ABANDON_RULE } from '@switchboard/core';
import type { AgentSeconds, AgentTimeLedger } from './agent-time.ts';
import { addSimCounts, type ContactCounters, noSimCounts, type SimCounts } from './contact-counters.ts';
import { DEFAULT_SERVICE_LEVEL_SECONDS, type SimulationInput } from './input.ts';
import {
  agentStatistics,
  type CsqStatistics,
  csqStatistics,
  type IntervalReport,
  type SimulationReport,
  sumSeconds,
} from './report.ts';

export interface ReportSources {
  input: SimulationInput;
  endMs: number;
  arrivals: number;
  /** When the longest arrival profile ends. */
  dayMs: number;
  counters: ContactCounters;
  ledger: AgentTimeLedger;
}

/**
 * Turns the counts into the report: every interval of the day, and after it as long as contacts were still being
 * finished or agents were still logged in; day totals are sums of counts, their rates computed from the sums.
 */
export function buildReport(sources: ReportSources): SimulationReport {
  const { input, counters, ledger } = sources;
  const rule = abandonRuleNamed(input.serviceLevelRule) ?? DEFAULT_ABANDON_RULE;
  const intervalMinutes = input.reportIntervalMinutes;
  const dayIntervals = Math.ceil(sources.dayMs / (intervalMinutes * 60_000));
  const intervalCount = Math.max(dayIntervals, counters.intervalCount, ledger.intervalCount);
  const thresholds = input.csqs.map((csq) => csq.serviceLevelSeconds ?? DEFAULT_SERVICE_LEVEL_SECONDS);
  const dayCounts = input.csqs.map(() => noSimCounts());
  const intervalSeconds: AgentSeconds[] = [];
  const intervals: IntervalReport[] = [];
  for (let index = 0; index < intervalCount; index++) {
    const csqs: CsqStatistics[] = input.csqs.map((csq, c) => {
      const counts = counters.at(c, index);
      addSimCounts(dayCounts[c] as SimCounts, counts);
      return csqStatistics(csq.id, counts, thresholds[c] as number, rule);
    });
    const seconds = ledger.perInterval(index);
    intervalSeconds.push(seconds);
    intervals.push({ index, startMinute: index * intervalMinutes, csqs, agents: agentStatistics(seconds) });
  }
  return {
    seed: input.seed,
    reportIntervalMinutes: intervalMinutes,
    serviceLevelRule: rule,
    dayIntervals,
    endSeconds: sources.endMs / 1000,
    arrivals: sources.arrivals,
    intervals,
    day: {
      csqs: input.csqs.map((csq, c) =>
        csqStatistics(csq.id, dayCounts[c] as SimCounts, thresholds[c] as number, rule),
      ),
      agents: agentStatistics(sumSeconds(intervalSeconds)),
    },
    agents: input.agents.map((agent, a) => ({
      agentId: agent.id,
      ...agentStatistics(ledger.perAgent(a)),
    })),
  };
}
