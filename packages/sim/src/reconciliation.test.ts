import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type AcdEvent,
  type AgentTraceEntry,
  aggregateInterval,
  CONTACT_COUNT_FIELDS,
  contactMetrics,
  detailRecordsOf,
  segmentHandledAt,
} from '@switchboard/core';
import type { SimulationInput } from './input.ts';
import { simulateDay } from './simulation.ts';
import { buildAgents, buildCsq } from './testing/builders.ts';

const INTERVAL_MS = 15 * 60_000;
const THRESHOLDS: Record<string, number> = { sales: 20, chat: 40 };

/**
 * A small center day: a voice and a chat CSQ for two hours, patience, short abandons, wrap-up, an answer delay,
 * breaks with a reason code; agents stay until everything is finished, so no contact is left open.
 */
function smallDay(): SimulationInput {
  const agents = buildAgents(7, { skills: { s: 5, c: 5 }, capacity: { chat: 2, email: 1 } }, 180);
  for (const agent of agents.slice(0, 2))
    agent.shifts = [
      { startMinute: 0, endMinute: 180, breaks: [{ startMinute: 40, endMinute: 55, reasonCode: 3 }] },
    ];
  return {
    seed: 11,
    reportIntervalMinutes: 15,
    shortAbandonSeconds: 5,
    answerDelaySeconds: 3,
    csqs: [
      buildCsq({
        id: 'sales',
        arrivals: { intervalMinutes: 30, volumes: [40, 70, 80, 50] },
        handleTime: { kind: 'lognormal', meanSeconds: 150, cv: 0.6 },
        wrapUp: { kind: 'exponential', meanSeconds: 20 },
        patience: { kind: 'exponential', meanSeconds: 90 },
        serviceLevelSeconds: THRESHOLDS.sales,
      }),
      buildCsq({
        id: 'chat',
        channel: 'chat',
        skills: [{ skillId: 'c', minCompetence: 1 }],
        arrivals: { intervalMinutes: 30, volumes: [20, 30, 30, 20] },
        handleTime: { kind: 'exponential', meanSeconds: 300 },
        patience: { kind: 'exponential', meanSeconds: 200 },
        serviceLevelSeconds: THRESHOLDS.chat,
      }),
    ],
    agents,
  };
}

/** Each agent's state per domain in force at `at`: their last change before it, unless logged out. */
function statesAt(trace: readonly AgentTraceEntry[], at: number): AgentTraceEntry[] {
  const last = new Map<string, AgentTraceEntry>();
  for (const change of trace)
    if (change.entry.at < at) last.set(`${change.agentId} ${change.domain}`, change);
  return [...last.values()].filter((change) => change.entry.state !== 'logged_out');
}

test('the simulator’s interval report is what the server’s capture counts from the same router events', () => {
  const events: AcdEvent[] = [];
  const input = smallDay();
  const report = simulateDay(input, { onEngineEvents: (batch) => events.push(...batch) });
  const { legs, segments } = detailRecordsOf(events);
  assert.ok(legs.length > 300, `a few hundred contacts: ${legs.length}`);
  assert.ok(
    legs.every((leg) => leg.outcome !== null),
    'nothing left open: stored intervals and the simulator count the same way',
  );
  const trace: AgentTraceEntry[] = events.flatMap((event) =>
    event.type === 'agent.state_changed'
      ? [
          {
            agentId: event.agentId,
            domain: event.domain,
            entry: { at: event.at, state: event.state, reasonCode: event.reasonCode },
          },
        ]
      : [],
  );
  const within = (at: number | null, start: number) => at !== null && at >= start && at < start + INTERVAL_MS;
  let compared = 0;
  for (const interval of report.intervals) {
    const start = interval.index * INTERVAL_MS;
    // What `countInterval` of the server's capture hands core for one interval, from the same records.
    const rows = aggregateInterval({
      start,
      end: start + INTERVAL_MS,
      placedLegs: legs.filter((leg) => within(leg.enteredAt, start)),
      handledLegs: legs.filter((leg) => within(leg.handleEndedAt, start)),
      offeredSegments: segments.filter((segment) => within(segment.offeredAt, start)),
      handledSegments: segments.filter((segment) => within(segmentHandledAt(segment), start)),
      statesAtStart: statesAt(trace, start),
      trace: trace.filter((entry) => within(entry.entry.at, start)),
      thresholdSecondsOf: (csqId) => THRESHOLDS[csqId] ?? 20,
      shortAbandonSeconds: input.shortAbandonSeconds ?? 0,
    });
    // Agents are logged in on both domains at once in the simulator: its logged-in time is either domain's.
    const voiceLoggedIn = rows.agent
      .filter((row) => row.domain === 'voice')
      .reduce((sum, row) => sum + row.counts.loggedInMs, 0);
    // The simulator adds seconds (end − from) ÷ 1000 slice by slice: equal but for the float sums.
    const loggedIn = interval.agents.loggedInSeconds;
    assert.ok(
      Math.abs(loggedIn - voiceLoggedIn / 1000) < 1e-6,
      `logged in at ${interval.startMinute}: ${loggedIn}`,
    );
    for (const simulated of interval.csqs) {
      const counted = rows.csq.find((row) => row.csqId === simulated.csqId)?.counts;
      if (!counted) {
        assert.equal(simulated.offered + simulated.shortAbandoned + simulated.handleCount, 0);
        continue;
      }
      const where = `${simulated.csqId} at minute ${interval.startMinute}`;
      for (const field of CONTACT_COUNT_FIELDS)
        assert.equal(simulated[field], counted[field], `${where}: ${field}`);
      const metrics = contactMetrics(counted, report.serviceLevelRule);
      assert.equal(simulated.serviceLevel, metrics.serviceLevel, `${where}: service level`);
      assert.equal(simulated.asaSeconds, metrics.asaSeconds, `${where}: ASA`);
      assert.equal(simulated.ahtSeconds, metrics.ahtSeconds, `${where}: AHT`);
      assert.equal(simulated.abandonRate, metrics.abandonRate, `${where}: abandon rate`);
      compared++;
    }
  }
  assert.ok(compared >= 16, `compared ${compared} CSQ intervals`);
  const day = report.day.csqs.reduce((sum, csq) => sum + csq.offered + csq.shortAbandoned, 0);
  assert.equal(day, legs.length, 'every leg counted once over the day');
});
