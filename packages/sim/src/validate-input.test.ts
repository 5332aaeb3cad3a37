import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SwitchboardError } from '@switchboard/core';
import type { SimulationInput } from './input.ts';
import { simulateDay } from './simulation.ts';
import { buildAgent, buildCsq, buildInput } from './testing/builders.ts';

/** Each broken input, and the message it must be refused with (naming the field). */
const cases: [string, (input: SimulationInput) => void, RegExp][] = [
  ['seed', (i) => Object.assign(i, { seed: 1.5 }), /^seed must be a whole number/],
  [
    'report interval',
    (i) => Object.assign(i, { reportIntervalMinutes: 20 }),
    /^reportIntervalMinutes must be one of 5, 15, 30, 60/,
  ],
  ['rule', (i) => Object.assign(i, { serviceLevelRule: 'lenient' }), /^serviceLevelRule must be one of/],
  ['no CSQ', (i) => Object.assign(i, { csqs: [] }), /^csqs must be a non-empty array/],
  [
    'channel',
    (i) => Object.assign(i.csqs[0] ?? {}, { channel: 'fax' }),
    /^csqs\[0\]\.channel must be one of voice, chat, email/,
  ],
  [
    'digital criterion',
    (i) => Object.assign(i.csqs[0] ?? {}, { channel: 'chat', criterion: 'linear' }),
    /^csqs\[0\]\.criterion: linear is for voice queues only/,
  ],
  [
    'competence',
    (i) => i.csqs[0]?.skills.push({ skillId: 'x', minCompetence: 11 }),
    /^csqs\[0\]\.skills\[1\]\.minCompetence must be a whole number from 1 to 10/,
  ],
  [
    'volume',
    (i) => Object.assign(i.csqs[0] ?? {}, { arrivals: { intervalMinutes: 30, volumes: [3, -1] } }),
    /^csqs\[0\]\.arrivals\.volumes\[1\] must be a number at least 0/,
  ],
  [
    'handle time',
    (i) => Object.assign(i.csqs[0] ?? {}, { handleTime: { kind: 'exponential', meanSeconds: 0 } }),
    /^csqs\[0\]\.handleTime\.meanSeconds must be a number above 0/,
  ],
  [
    'lognormal cv',
    (i) => Object.assign(i.csqs[0] ?? {}, { wrapUp: { kind: 'lognormal', meanSeconds: 5, cv: -1 } }),
    /^csqs\[0\]\.wrapUp\.cv must be a number above 0/,
  ],
  [
    'duration kind',
    (i) => Object.assign(i.csqs[0] ?? {}, { patience: { kind: 'weibull' } }),
    /^csqs\[0\]\.patience\.kind must be one of fixed, exponential, lognormal, empirical/,
  ],
  [
    'empirical not ending at 1',
    (i) =>
      Object.assign(i.csqs[0] ?? {}, {
        patience: { kind: 'empirical', points: [{ seconds: 5, cumulative: 0.5 }] },
      }),
    /^csqs\[0\]\.patience\.points: the last point's cumulative must be 1/,
  ],
  [
    'empirical going down',
    (i) =>
      Object.assign(i.csqs[0] ?? {}, {
        patience: {
          kind: 'empirical',
          points: [
            { seconds: 5, cumulative: 0.5 },
            { seconds: 4, cumulative: 1 },
          ],
        },
      }),
    /^csqs\[0\]\.patience\.points\[1\]\.seconds must be a number at least 5/,
  ],
  ['duplicate CSQ', (i) => i.csqs.push(buildCsq()), /^csqs\[1\]\.id: sales is used twice/],
  [
    'agent skill',
    (i) => Object.assign(i.agents[0] ?? {}, { skills: { s: 0 } }),
    /^agents\[0\]\.skills\.s must be a whole number from 1 to 10/,
  ],
  [
    'capacity',
    (i) => Object.assign(i.agents[0] ?? {}, { capacity: { chat: 6, email: 1 } }),
    /^agents\[0\]\.capacity\.chat must be a whole number from 1 to 5/,
  ],
  [
    'shift',
    (i) => Object.assign(i.agents[0] ?? {}, { shifts: [{ startMinute: 60, endMinute: 60 }] }),
    /^agents\[0\]\.shifts\[0\]\.endMinute must be a number above 60/,
  ],
  [
    'overlapping shifts',
    (i) =>
      Object.assign(i.agents[0] ?? {}, {
        shifts: [
          { startMinute: 0, endMinute: 60 },
          { startMinute: 30, endMinute: 90 },
        ],
      }),
    /^agents\[0\]\.shifts\[1\]\.startMinute must be a number at least 60/,
  ],
  [
    'break outside the shift',
    (i) =>
      Object.assign(i.agents[0] ?? {}, {
        shifts: [
          { startMinute: 0, endMinute: 60, breaks: [{ startMinute: 50, endMinute: 70, reasonCode: 1 }] },
        ],
      }),
    /^agents\[0\]\.shifts\[0\]\.breaks\[0\]\.endMinute must be a number above 50 and at most 60/,
  ],
  [
    'reason code',
    (i) =>
      Object.assign(i.agents[0] ?? {}, {
        shifts: [
          { startMinute: 0, endMinute: 60, breaks: [{ startMinute: 10, endMinute: 20, reasonCode: 0 }] },
        ],
      }),
    /^agents\[0\]\.shifts\[0\]\.breaks\[0\]\.reasonCode must be a whole number from 1 to 65535/,
  ],
  [
    'duplicate agent',
    (i) => i.agents.push(buildAgent('agent-1')),
    /^agents\[14\]\.id: agent-1 is used twice/,
  ],
  [
    'answer delay',
    (i) => Object.assign(i, { answerDelaySeconds: 15 }),
    /^answerDelaySeconds must be shorter than the voice no-answer timeout \(15 s\)/,
  ],
  [
    'channel params',
    (i) =>
      Object.assign(i, { channelParams: { noAnswerTimeoutMs: { voice: 1, chat: 30_000, email: 30_000 } } }),
    /^channelParams\.noAnswerTimeoutMs\.voice must be a whole number from 5000 to 600000/,
  ],
];

for (const [name, breakIt, message] of cases) {
  test(`refuses a bad input (${name}) with a message naming the field`, () => {
    const input = buildInput();
    breakIt(input);
    assert.throws(
      () => simulateDay(input),
      (error: unknown) =>
        error instanceof SwitchboardError &&
        error.code === 'validation_failed' &&
        message.test(error.message),
    );
  });
}

test('a valid input with every option passes', () => {
  const input = buildInput({
    serviceLevelRule: 'ignored',
    shortAbandonSeconds: 5,
    answerDelaySeconds: 14.9,
  });
  assert.doesNotThrow(() => simulateDay(input));
});
