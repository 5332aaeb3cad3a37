/**
 * The simulator against the WFM engine's queueing formulas. In steady state one voice queue with Poisson
 * arrivals, exponential handle times, no wrap-up and no answer delay is exactly the M/M/n queue of Erlang C
 * (or, with exponential patience, the M/M/n+M queue of Erlang A), so the simulated measures must converge to
 * the formulas'. Each case runs for hundreds of simulated hours; every hour is a batch, and the Erlang value
 * must lie within the 99 % batch-means confidence interval of the simulated one (testing/batch-means.ts).
 * The seeds are fixed, so the outcome is too; the intervals are also required to be narrow, so that passing
 * means something. Service level: answered within 20 s ÷ offered (abandons count against).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { erlangAMeasures, erlangCMeasures } from '@switchboard/wfm';
import type { SimulationReport } from './report.ts';
import { simulateDay } from './simulation.ts';
import { steadyQueue } from './testing/builders.ts';
import {
  compareWithErlang,
  describeComparison,
  type Measure,
  type MeasureComparison,
} from './testing/erlang-comparison.ts';

/** The widest 99 % half-width accepted for each measure: beyond it the run is too short to tell. */
const MAX_HALF_WIDTH: Record<Measure, (erlang: number) => number> = {
  serviceLevel: () => 0.015,
  asaSeconds: (asa) => 0.2 * asa,
  waitProbability: () => 0.02,
  abandonProbability: () => 0.01,
  occupancy: () => 0.01,
};

function assertConverges(rows: readonly MeasureComparison[]): void {
  for (const row of rows) {
    assert.ok(row.within, `${row.measure} outside the 99 % interval:\n${describeComparison(rows)}`);
    assert.ok(
      row.simulated.halfWidth <= MAX_HALF_WIDTH[row.measure](row.erlang),
      `${row.measure}: interval too wide to validate anything\n${describeComparison(rows)}`,
    );
    // Batches of an hour are long against the queue's memory; strong correlation would void the interval.
    assert.ok(Math.abs(row.simulated.lag1Correlation) < 0.3, `${row.measure}: batches correlated`);
  }
}

describe('the simulation converges to the Erlang formulas', () => {
  test('Erlang C: 100 calls / 30 min, AHT 180 s, 14 agents, callers never leave', (t) => {
    const report = simulateDay(
      steadyQueue({ hours: 1000, callsPerHalfHour: 100, ahtSeconds: 180, agents: 14, seed: 11 }),
    );
    const erlang = erlangCMeasures({ agents: 14, loadErlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 });
    const rows = compareWithErlang(report, erlang);
    t.diagnostic(`${report.arrivals} calls\n${describeComparison(rows)}`);
    assertConverges(rows);
  });

  test('Erlang A: 100 calls / 30 min, AHT 180 s, 11 agents, exponential patience of 120 s', (t) => {
    const report = simulateDay(
      steadyQueue({
        hours: 500,
        callsPerHalfHour: 100,
        ahtSeconds: 180,
        agents: 11,
        patienceSeconds: 120,
        seed: 12,
      }),
    );
    const erlang = erlangAMeasures({
      agents: 11,
      loadErlangs: 10,
      ahtSeconds: 180,
      patienceSeconds: 120,
      answerWithinSeconds: 20,
    });
    const rows = compareWithErlang(report, erlang);
    t.diagnostic(`${report.arrivals} calls\n${describeComparison(rows)}`);
    assertConverges(rows);
  });

  test('Erlang A, overloaded: 9 agents for 10 Erlangs, exponential patience of 60 s', (t) => {
    const report = simulateDay(
      steadyQueue({
        hours: 500,
        callsPerHalfHour: 100,
        ahtSeconds: 180,
        agents: 9,
        patienceSeconds: 60,
        seed: 13,
      }),
    );
    const erlang = erlangAMeasures({
      agents: 9,
      loadErlangs: 10,
      ahtSeconds: 180,
      patienceSeconds: 60,
      answerWithinSeconds: 20,
    });
    const rows = compareWithErlang(report, erlang);
    t.diagnostic(`${report.arrivals} calls\n${describeComparison(rows)}`);
    assertConverges(rows);
  });

  test('chat: 7 agents × 2 sessions answer exactly like 14 voice agents (any free session takes the next chat)', () => {
    const voice = steadyQueue({ hours: 50, callsPerHalfHour: 100, ahtSeconds: 180, agents: 14, seed: 14 });
    const chat = steadyQueue({ hours: 50, callsPerHalfHour: 100, ahtSeconds: 180, agents: 7, seed: 14 });
    chat.csqs = chat.csqs.map((csq) => ({ ...csq, channel: 'chat' }));
    chat.agents = chat.agents.map((agent) => ({ ...agent, capacity: { chat: 2, email: 1 } }));
    const waits = (report: SimulationReport) =>
      report.intervals.map(({ csqs: [row] }) => [
        row?.answered,
        row?.answeredWithinThreshold,
        row?.asaSeconds,
      ]);
    assert.deepEqual(waits(simulateDay(chat)), waits(simulateDay(voice)));
  });
});
