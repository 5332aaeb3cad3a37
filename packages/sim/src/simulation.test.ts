import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CsqStatistics, SimulationReport } from './report.ts';
import { simulateDay } from './simulation.ts';
import { buildAgent, buildAgents, buildCsq, buildInput } from './testing/builders.ts';
import { traceChecks } from './testing/trace-checks.ts';

const day = (report: SimulationReport): CsqStatistics => report.day.csqs[0] as CsqStatistics;
const interval = (report: SimulationReport, index: number): CsqStatistics =>
  report.intervals[index]?.csqs[0] as CsqStatistics;

describe('simulateDay', () => {
  test('the same seed gives the same report; another seed another one', () => {
    const input = buildInput({ csqs: [buildCsq({ patience: { kind: 'exponential', meanSeconds: 60 } })] });
    assert.deepEqual(simulateDay(input), simulateDay(structuredClone(input)));
    assert.notDeepEqual(day(simulateDay({ ...input, seed: 2 })), day(simulateDay(input)));
  });

  test('every contact offered is handled, abandoned or still in the system at the end', () => {
    const input = buildInput({
      csqs: [buildCsq({ arrivals: { intervalMinutes: 30, volumes: [150, 150] } })],
      agents: buildAgents(12, {}, 50),
    });
    const report = simulateDay(input);
    for (const row of [...report.intervals.flatMap((i) => i.csqs), day(report)])
      assert.equal(row.offered, row.handled + row.abandoned + row.open);
    // Agents leave at minute 50 with calls still waiting and nobody gives up: they stay unfinished.
    assert.ok(day(report).open > 0);
    assert.equal(report.arrivals, day(report).offered);
  });

  test('a break lowers the contacts handled in its interval (same customers, same samples)', () => {
    const base = buildInput({
      csqs: [
        buildCsq({
          arrivals: { intervalMinutes: 30, volumes: [90, 90, 90, 90] },
          patience: { kind: 'exponential', meanSeconds: 60 },
        }),
      ],
      agents: buildAgents(10, {}, 120),
    });
    const withBreak = structuredClone(base);
    for (const agent of withBreak.agents.slice(0, 3))
      agent.shifts = [
        { startMinute: 0, endMinute: 120, breaks: [{ startMinute: 60, endMinute: 90, reasonCode: 7 }] },
      ];
    const without = simulateDay(base);
    const during = simulateDay(withBreak);
    assert.equal(interval(during, 2).offered, interval(without, 2).offered);
    assert.ok(interval(during, 2).handled < interval(without, 2).handled);
    assert.ok(interval(during, 2).abandoned > interval(without, 2).abandoned);
    assert.ok((interval(during, 2).serviceLevel ?? 1) < (interval(without, 2).serviceLevel ?? 0));
    // Three agents Not Ready for (up to) half an hour each, minus what they spent finishing a call.
    const notReady = during.intervals[2]?.agents.notReadySeconds ?? 0;
    assert.ok(notReady > 3 * 1800 - 3 * 900 && notReady <= 3 * 1800, `not ready ${notReady}`);
    assert.equal(without.intervals[2]?.agents.notReadySeconds, 0);
  });

  test('with a patience of 0, everything that waits abandons', () => {
    const report = simulateDay(
      buildInput({
        csqs: [
          buildCsq({
            patience: { kind: 'fixed', seconds: 0 },
            arrivals: { intervalMinutes: 30, volumes: [200] },
          }),
        ],
        agents: buildAgents(8),
      }),
    );
    const row = day(report);
    assert.ok(row.abandoned > 0);
    assert.equal(row.asaSeconds, 0);
    assert.equal(row.offered - row.answered, row.abandoned);
    assert.equal(row.handled + row.abandoned, row.offered);
    assert.equal(row.waitProbability, row.abandonRate);
  });

  test('nobody logged in: every contact waits to the end, or abandons after its patience', () => {
    const stuck = day(simulateDay(buildInput({ agents: [] })));
    assert.equal(stuck.open, stuck.offered);
    assert.equal(stuck.serviceLevel, 0);
    assert.equal(stuck.asaSeconds, null);
    const impatient = simulateDay(
      buildInput({ agents: [], csqs: [buildCsq({ patience: { kind: 'fixed', seconds: 30 } })] }),
    );
    assert.equal(day(impatient).abandoned, day(impatient).offered);
    assert.equal(day(impatient).longestWaitSeconds, 30);
    assert.equal(day(impatient).abandonedWithinThreshold, 0);
  });

  test('AHT is talk plus wrap-up; the answer delay counts as waiting', () => {
    const report = simulateDay(
      buildInput({
        answerDelaySeconds: 3,
        csqs: [
          buildCsq({
            handleTime: { kind: 'fixed', seconds: 100 },
            wrapUp: { kind: 'fixed', seconds: 20 },
            serviceLevelSeconds: 2,
          }),
        ],
        agents: buildAgents(30),
      }),
    );
    const row = day(report);
    assert.equal(row.ahtSeconds, 120);
    assert.equal(row.asaSeconds, 3);
    assert.equal(row.waitProbability, 1);
    assert.equal(row.serviceLevel, 0);
  });

  test('AHT is reported where wrap-up ends, the contact where it arrived', () => {
    const report = simulateDay(
      buildInput({
        csqs: [
          buildCsq({
            arrivals: { intervalMinutes: 30, volumes: [50] },
            handleTime: { kind: 'fixed', seconds: 1500 },
          }),
        ],
        agents: buildAgents(60),
      }),
    );
    assert.equal(interval(report, 0).handled, interval(report, 0).offered);
    assert.equal(interval(report, 1).offered, 0);
    assert.equal(
      interval(report, 0).handleCount + interval(report, 1).handleCount,
      interval(report, 0).handled,
    );
    assert.ok(interval(report, 1).handleCount > 0);
    assert.equal(interval(report, 1).ahtSeconds, 1500);
  });

  test('short abandons are neither offered nor abandoned', () => {
    const report = simulateDay(
      buildInput({
        shortAbandonSeconds: 5,
        agents: [],
        csqs: [buildCsq({ patience: { kind: 'fixed', seconds: 4 } })],
      }),
    );
    assert.equal(day(report).offered, 0);
    assert.equal(day(report).abandoned, 0);
    assert.equal(day(report).shortAbandoned, report.arrivals);
    assert.equal(day(report).serviceLevel, null);
  });

  test('the three service level rules count abandons as METRICS.md says', () => {
    const input = buildInput({
      csqs: [
        buildCsq({
          patience: { kind: 'exponential', meanSeconds: 30 },
          arrivals: { intervalMinutes: 30, volumes: [150] },
        }),
      ],
      agents: buildAgents(13),
    });
    const against = day(simulateDay({ ...input, serviceLevelRule: 'counted_against' }));
    const ignored = day(simulateDay({ ...input, serviceLevelRule: 'ignored' }));
    const countFor = day(simulateDay({ ...input, serviceLevelRule: 'counted_for' }));
    assert.ok(against.abandonedWithinThreshold > 0);
    assert.equal(against.serviceLevel, against.answeredWithinThreshold / against.offered);
    assert.equal(
      ignored.serviceLevel,
      against.answeredWithinThreshold / (against.offered - against.abandoned),
    );
    assert.equal(
      countFor.serviceLevel,
      (against.answeredWithinThreshold + against.abandonedWithinThreshold) / against.offered,
    );
    // An input file may still say a rule by its former name: it is read as core's rule, and reported so.
    const former = simulateDay({ ...input, serviceLevelRule: 'abandons_ignored' as 'ignored' });
    assert.equal(former.serviceLevelRule, 'ignored');
    assert.equal(day(former).serviceLevel, ignored.serviceLevel);
  });

  test('agent time: logged in from shift start to end, breaks Not Ready, occupancy busy ÷ (logged in − not ready)', () => {
    const report = simulateDay(
      buildInput({
        csqs: [buildCsq({ arrivals: { intervalMinutes: 60, volumes: [0, 0] } })],
        agents: [
          buildAgent('ana', {
            shifts: [
              {
                startMinute: 15,
                endMinute: 105,
                breaks: [{ startMinute: 30, endMinute: 45, reasonCode: 3 }],
              },
            ],
          }),
        ],
      }),
    );
    assert.deepEqual(report.agents[0], {
      agentId: 'ana',
      loggedInSeconds: 5400,
      notReadySeconds: 900,
      availableSeconds: 4500,
      busySeconds: 0,
      occupancy: 0,
    });
    assert.equal(report.intervals[0]?.agents.notReadySeconds, 0);
    assert.equal(report.intervals[1]?.agents.notReadySeconds, 900);
    assert.equal(report.intervals[3]?.agents.loggedInSeconds, 900);
  });

  test('an agent finishes the call in hand at the end of the shift, then logs out', () => {
    const report = simulateDay(
      buildInput({
        csqs: [
          buildCsq({
            arrivals: { intervalMinutes: 5, volumes: [1] },
            handleTime: { kind: 'fixed', seconds: 600 },
          }),
        ],
        agents: [buildAgent('ana', {}, 5)],
        reportIntervalMinutes: 5,
      }),
    );
    assert.equal(day(report).handled, 1);
    const ana = report.agents[0];
    assert.equal(ana?.busySeconds, 600);
    assert.ok((ana?.loggedInSeconds ?? 0) > 600);
  });
});

describe('multi-skill routing through the engine', () => {
  test('contacts go only to agents with the skills, within capacity, on shift and not on break', () => {
    const input = buildInput({
      answerDelaySeconds: 2,
      csqs: [
        buildCsq({
          id: 'voice-fr',
          skills: [{ skillId: 'fr', minCompetence: 5 }],
          criterion: 'most_skilled',
        }),
        buildCsq({
          id: 'chat-en',
          channel: 'chat',
          skills: [{ skillId: 'en', minCompetence: 1 }],
          arrivals: { intervalMinutes: 30, volumes: [120, 120] },
          handleTime: { kind: 'lognormal', meanSeconds: 400, cv: 0.8 },
          patience: {
            kind: 'empirical',
            points: [
              { seconds: 10, cumulative: 0.2 },
              { seconds: 300, cumulative: 1 },
            ],
          },
        }),
        buildCsq({
          id: 'mail',
          channel: 'email',
          skills: [{ skillId: 'en', minCompetence: 3 }],
          wrapUp: { kind: 'fixed', seconds: 30 },
        }),
      ],
      agents: [
        ...buildAgents(6, { skills: { fr: 7, en: 2 } }),
        ...buildAgents(4, { skills: { en: 9 }, capacity: { chat: 3, email: 2 } }).map((a, i) => ({
          ...a,
          id: `en-${i}`,
        })),
        buildAgent('fr-weak', {
          skills: { fr: 4, en: 5 },
          shifts: [
            { startMinute: 10, endMinute: 80, breaks: [{ startMinute: 30, endMinute: 40, reasonCode: 2 }] },
          ],
        }),
      ],
    });
    const { observe, violations } = traceChecks(input);
    const report = simulateDay(input, { onEngineEvents: observe });
    assert.deepEqual(violations, []);
    for (const row of report.day.csqs) {
      assert.ok(row.handled > 0, row.csqId);
      assert.equal(row.offered, row.handled + row.abandoned + row.open, row.csqId);
    }
  });
});
