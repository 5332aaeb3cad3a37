import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ABANDON_RULES, DIGITAL_CRITERIA, SELECTION_CRITERIA } from '@switchboard/core';
import fc from 'fast-check';
import type { Duration } from './durations.ts';
import {
  SIMULATION_INTERVAL_MINUTES,
  type SimulatedAgent,
  type SimulatedCsq,
  type SimulationInput,
} from './input.ts';
import type { AgentStatistics, CsqStatistics } from './report.ts';
import { simulateDay } from './simulation.ts';
import { traceChecks } from './testing/trace-checks.ts';

const SKILLS = ['a', 'b', 'c'] as const;

const duration = (maxSeconds: number): fc.Arbitrary<Duration> =>
  fc.oneof(
    fc.record({ kind: fc.constant('fixed' as const), seconds: fc.integer({ min: 0, max: maxSeconds }) }),
    fc.record({
      kind: fc.constant('exponential' as const),
      meanSeconds: fc.integer({ min: 1, max: maxSeconds }),
    }),
    fc.record({
      kind: fc.constant('lognormal' as const),
      meanSeconds: fc.integer({ min: 1, max: maxSeconds }),
      cv: fc.double({ min: 0.1, max: 2, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('empirical' as const),
      points: fc.constant([
        { seconds: 0, cumulative: 0.1 },
        { seconds: maxSeconds, cumulative: 1 },
      ]),
    }),
  );

const csq = (id: string): fc.Arbitrary<SimulatedCsq> =>
  fc
    .record({
      channel: fc.constantFrom('voice' as const, 'chat' as const, 'email' as const),
      skills: fc.subarray([...SKILLS], { minLength: 1 }),
      minCompetence: fc.integer({ min: 1, max: 5 }),
      criterionIndex: fc.nat(),
      intervalMinutes: fc.constantFrom(...SIMULATION_INTERVAL_MINUTES),
      volumes: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
      handleTime: duration(600),
      wrapUp: fc.option(duration(60), { nil: undefined }),
      patience: fc.option(duration(120), { nil: undefined }),
      serviceLevelSeconds: fc.integer({ min: 0, max: 60 }),
      priority: fc.integer({ min: 1, max: 10 }),
    })
    .map((r) => {
      const criteria = r.channel === 'voice' ? SELECTION_CRITERIA : DIGITAL_CRITERIA;
      return {
        id,
        channel: r.channel,
        skills: r.skills.map((skillId) => ({ skillId, minCompetence: r.minCompetence })),
        criterion: criteria[r.criterionIndex % criteria.length] ?? 'longest_available',
        arrivals: { intervalMinutes: r.intervalMinutes, volumes: r.volumes },
        handleTime: r.handleTime,
        serviceLevelSeconds: r.serviceLevelSeconds,
        priority: r.priority,
        ...(r.wrapUp ? { wrapUp: r.wrapUp } : {}),
        ...(r.patience ? { patience: r.patience } : {}),
      };
    });

const agent = (id: string): fc.Arbitrary<SimulatedAgent> =>
  fc
    .record({
      competences: fc.tuple(...SKILLS.map(() => fc.integer({ min: 0, max: 10 }))),
      chat: fc.integer({ min: 1, max: 5 }),
      email: fc.integer({ min: 1, max: 5 }),
      blend: fc.boolean(),
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.integer({ min: 10, max: 180 }),
      pause: fc.option(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 15 })), {
        nil: undefined,
      }),
      second: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    })
    .map((r) => {
      const end = r.start + r.length;
      // Breaks may start with the shift and end with it; fractional minutes exercise sub-minute changes.
      const breaks = r.pause
        ? [
            {
              startMinute: r.start + r.pause[0],
              endMinute: Math.min(end, r.start + r.pause[0] + r.pause[1] * 0.6),
              reasonCode: 4,
            },
          ]
        : [];
      const shifts = [{ startMinute: r.start, endMinute: end, breaks }];
      if (r.second !== undefined)
        shifts.push({ startMinute: end + r.second, endMinute: end + r.second + 30, breaks: [] });
      const skills: Record<string, number> = {};
      for (const [i, skill] of SKILLS.entries()) {
        const competence = r.competences[i] ?? 0;
        if (competence > 0) skills[skill] = competence;
      }
      return {
        id,
        skills,
        capacity: { chat: r.chat, email: r.email },
        offerChatWhileOnVoice: r.blend,
        offerVoiceWhileOnChat: r.blend,
        shifts,
      };
    });

const center: fc.Arbitrary<SimulationInput> = fc
  .record({
    seed: fc.integer(),
    reportIntervalMinutes: fc.constantFrom(...SIMULATION_INTERVAL_MINUTES),
    csqs: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => csq(`q${i}`)))),
    agents: fc
      .integer({ min: 0, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agent(`a${i}`)))),
    serviceLevelRule: fc.constantFrom(...ABANDON_RULES),
    shortAbandonSeconds: fc.integer({ min: 0, max: 5 }),
    answerDelaySeconds: fc.integer({ min: 0, max: 4 }),
  })
  .map((r) => ({ ...r, csqs: [...r.csqs], agents: [...r.agents] }));

const unitOrNull = (value: number | null) => value === null || (value >= 0 && value <= 1 + 1e-12);

function checkRow(row: CsqStatistics): void {
  assert.equal(row.offered, row.handled + row.abandoned + row.open, `${row.csqId}: conservation`);
  assert.ok(row.answered >= row.handled && row.answeredWithinThreshold <= row.answered);
  assert.ok(row.abandonedWithinThreshold <= row.abandoned);
  assert.ok(unitOrNull(row.serviceLevel) && unitOrNull(row.abandonRate) && unitOrNull(row.waitProbability));
}

function checkAgents(time: AgentStatistics): void {
  const parts = time.notReadySeconds + time.availableSeconds + time.busySeconds;
  assert.ok(Math.abs(time.loggedInSeconds - parts) < 1e-6);
  assert.ok(unitOrNull(time.occupancy));
}

test('any center: conservation, capacity, skills and schedules respected, totals add up, deterministic', () => {
  fc.assert(
    fc.property(center, (input) => {
      const { observe, violations } = traceChecks(input);
      const report = simulateDay(input, { onEngineEvents: observe });
      assert.deepEqual(violations, []);
      for (const interval of report.intervals) {
        interval.csqs.forEach(checkRow);
        checkAgents(interval.agents);
      }
      report.day.csqs.forEach(checkRow);
      checkAgents(report.day.agents);
      report.agents.forEach(checkAgents);
      for (const [c, total] of report.day.csqs.entries()) {
        const sum = (pick: (row: CsqStatistics) => number) =>
          report.intervals.reduce((s, i) => s + pick(i.csqs[c] as CsqStatistics), 0);
        assert.equal(
          total.offered,
          sum((r) => r.offered),
        );
        assert.equal(
          total.handled,
          sum((r) => r.handled),
        );
        assert.equal(total.handleCount, total.handled);
      }
      assert.equal(
        report.arrivals,
        report.day.csqs.reduce((s, r) => s + r.offered + r.shortAbandoned, 0),
      );
      for (const [a, time] of report.agents.entries()) {
        const scheduled = (input.agents[a]?.shifts ?? []).reduce(
          (s, x) => s + (x.endMinute - x.startMinute) * 60,
          0,
        );
        assert.ok(time.loggedInSeconds >= scheduled - 1e-6, `${time.agentId} logged in for the whole shift`);
      }
      assert.deepEqual(simulateDay(input), report);
    }),
    { numRuns: 60, seed: 20260105 },
  );
});
