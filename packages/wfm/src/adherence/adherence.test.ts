import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgentState } from '@switchboard/core';
import fc from 'fast-check';
import { type ActivityRule, computeAdherence, type StateChange } from './adherence.ts';

const MIN = 60_000;
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(2026, 10, 23, h, m);
};
const LUNCH_CODE = 12;
const BREAK_CODE = 13;
const RULES: ActivityRule[] = [
  { state: 'ready', activity: 'work' },
  { state: 'reserved', activity: 'work' },
  { state: 'active', activity: 'work' },
  { state: 'work', activity: 'work' },
  { state: 'not_ready', reasonCodes: [LUNCH_CODE], activity: 'lunch' },
  { state: 'not_ready', reasonCodes: [BREAK_CODE], activity: 'break' },
];
const digital = (time: string, state: AgentState, reasonCode: number | null = null): StateChange => ({
  at: at(time),
  domain: 'digital',
  state,
  reasonCode,
});
const day = { from: at('00:00'), to: at('23:59'), rules: RULES };

test('25 minutes out of adherence over 480 scheduled minutes is 94.8 % (the METRICS.md example)', () => {
  const result = computeAdherence(
    [{ activity: 'work', start: at('09:00'), end: at('17:00') }],
    [
      digital('08:58', 'ready'),
      digital('12:00', 'not_ready', 99),
      digital('12:25', 'ready'),
      digital('17:01', 'logged_out'),
    ],
    { ...day, thresholdSeconds: 60 },
  );
  assert.equal(result.scheduledMs, 480 * MIN);
  assert.equal(result.outOfAdherenceMs, 25 * MIN);
  assert.equal(result.adherencePct?.toFixed(1), '94.8');
  assert.deepEqual(result.spans, [{ start: at('12:00'), end: at('12:25'), scheduled: ['work'], actual: [] }]);
});

test('a lapse no longer than the threshold is forgiven; a longer one counts in full', () => {
  const schedule = [{ activity: 'work', start: at('09:00'), end: at('10:00') }];
  const lapse = (seconds: number) => [
    digital('09:00', 'ready'),
    { ...digital('09:30', 'not_ready', 99) },
    { ...digital('09:30', 'ready'), at: at('09:30') + seconds * 1000 },
  ];
  const forgiven = computeAdherence(schedule, lapse(60), { ...day, thresholdSeconds: 60 });
  assert.equal(forgiven.adherencePct, 100);
  assert.deepEqual(forgiven.spans, []);
  const counted = computeAdherence(schedule, lapse(61), { ...day, thresholdSeconds: 60 });
  assert.equal(counted.outOfAdherenceMs, 61_000);
});

test('a break taken late is out of adherence at both ends: working when due on break, on break when due at work', () => {
  const result = computeAdherence(
    [
      { activity: 'work', start: at('09:00'), end: at('10:00') },
      { activity: 'break', start: at('10:00'), end: at('10:15') },
      { activity: 'work', start: at('10:15'), end: at('11:00') },
    ],
    [
      digital('09:00', 'ready'),
      digital('10:05', 'not_ready', BREAK_CODE),
      digital('10:20', 'ready'),
      digital('11:00', 'logged_out'),
    ],
    { ...day, thresholdSeconds: 0 },
  );
  assert.deepEqual(result.spans, [
    { start: at('10:00'), end: at('10:05'), scheduled: ['break'], actual: ['work'] },
    { start: at('10:15'), end: at('10:20'), scheduled: ['work'], actual: ['break'] },
  ]);
  assert.equal(result.outOfAdherenceMs, 10 * MIN);
  // Conformance: scheduled work 105 min; worked 09:00–10:05 and 10:20–11:00 = 105 min.
  assert.equal(result.scheduledWorkMs, 105 * MIN);
  assert.equal(result.conformancePct, 100);
});

test('conformance counts work done outside the schedule too, so it can exceed 100 %', () => {
  const result = computeAdherence(
    [{ activity: 'work', start: at('09:00'), end: at('17:00') }],
    [digital('08:00', 'ready'), digital('17:00', 'logged_out')],
    { ...day, thresholdSeconds: 0 },
  );
  assert.equal(result.adherencePct, 100);
  assert.equal(result.conformancePct, 112.5);
});

test('an agent adheres when either domain does what is scheduled', () => {
  const result = computeAdherence(
    [{ activity: 'work', start: at('09:00'), end: at('10:00') }],
    [{ at: at('09:00'), domain: 'voice', state: 'logged_out', reasonCode: null }, digital('09:00', 'active')],
    { ...day, thresholdSeconds: 0 },
  );
  assert.equal(result.adherencePct, 100);
});

test('lunch taken by its reason code adheres to a scheduled lunch; another code does not', () => {
  const schedule = [{ activity: 'lunch', start: at('12:00'), end: at('12:30') }];
  const ok = computeAdherence(schedule, [digital('12:00', 'not_ready', LUNCH_CODE)], {
    ...day,
    thresholdSeconds: 0,
  });
  assert.equal(ok.adherencePct, 100);
  const wrong = computeAdherence(schedule, [digital('12:00', 'not_ready', BREAK_CODE)], {
    ...day,
    thresholdSeconds: 0,
  });
  assert.equal(wrong.adherencePct, 0);
});

test('nothing scheduled gives no percentage rather than a division by zero', () => {
  const result = computeAdherence([], [digital('09:00', 'ready')], { ...day, thresholdSeconds: 0 });
  assert.equal(result.adherencePct, null);
  assert.equal(result.conformancePct, null);
});

test('bad input is refused with the field named', () => {
  const overlap = [
    { activity: 'work', start: at('09:00'), end: at('10:00') },
    { activity: 'break', start: at('09:45'), end: at('10:15') },
  ];
  assert.throws(() => computeAdherence(overlap, [], { ...day, thresholdSeconds: 0 }), /overlap/);
  assert.throws(() => computeAdherence([], [], { ...day, thresholdSeconds: 4000 }), /thresholdSeconds/);
  assert.throws(() => computeAdherence([], [], { ...day, from: day.to, thresholdSeconds: 0 }), /from/);
});

const STATES: AgentState[] = ['logged_out', 'not_ready', 'ready', 'reserved', 'active', 'work'];
const traceArb = fc.array(
  fc.record({
    minute: fc.integer({ min: 0, max: 600 }),
    domain: fc.constantFrom('voice' as const, 'digital' as const),
    state: fc.constantFrom(...STATES),
    reasonCode: fc.constantFrom(null, LUNCH_CODE, BREAK_CODE, 99),
  }),
  { maxLength: 40 },
);
const scheduleArb = fc
  .array(
    fc.record({
      length: fc.integer({ min: 1, max: 90 }),
      gap: fc.integer({ min: 0, max: 30 }),
      activity: fc.constantFrom('work', 'break', 'lunch'),
    }),
    { maxLength: 10 },
  )
  .map((blocks) => {
    let t = at('00:00') + 30 * MIN;
    return blocks.map((b) => {
      const start = t + b.gap * MIN;
      t = start + b.length * MIN;
      return { activity: b.activity, start, end: t };
    });
  });

test('adherence stays within 0–100 %, and a longer threshold never lowers it (property)', () => {
  fc.assert(
    fc.property(scheduleArb, traceArb, fc.integer({ min: 0, max: 3600 }), (schedule, raw, threshold) => {
      const trace = raw.map((c) => ({ ...c, at: at('00:00') + c.minute * MIN }));
      const options = { from: at('00:00'), to: at('00:00') + 1440 * MIN, rules: RULES };
      const strict = computeAdherence(schedule, trace, { ...options, thresholdSeconds: 0 });
      const lenient = computeAdherence(schedule, trace, { ...options, thresholdSeconds: threshold });
      for (const r of [strict, lenient]) {
        assert.ok(r.outOfAdherenceMs >= 0 && r.outOfAdherenceMs <= r.scheduledMs);
        if (r.adherencePct !== null) assert.ok(r.adherencePct >= 0 && r.adherencePct <= 100);
        for (const s of r.spans) assert.ok(s.end - s.start > 0);
      }
      assert.ok((lenient.adherencePct ?? 100) >= (strict.adherencePct ?? 100));
      assert.equal(
        strict.scheduledMs,
        schedule.reduce((sum, b) => sum + b.end - b.start, 0),
      );
    }),
  );
});

const voice = (time: string, state: AgentState, reasonCode: number | null = null): StateChange => ({
  ...digital(time, state, reasonCode),
  domain: 'voice',
});

test('an activity is judged on the states of the channels it covers', () => {
  // Ready for chat all morning, but Not Ready (code 99) on the phone from 09:00.
  const trace = [digital('08:00', 'ready'), voice('08:00', 'ready'), voice('09:00', 'not_ready', 99)];
  const options = { ...day, to: at('10:00'), thresholdSeconds: 0 };
  const block = (channels: 'voice' | 'digital' | 'any') => [
    { activity: 'work', start: at('09:00'), end: at('10:00'), channels },
  ];
  assert.equal(computeAdherence(block('voice'), trace, options).outOfAdherenceMs, 60 * MIN);
  assert.equal(computeAdherence(block('digital'), trace, options).outOfAdherenceMs, 0);
  assert.equal(computeAdherence(block('any'), trace, options).outOfAdherenceMs, 0);
});

test('an excused span counts as adhering; the live run reaching the end is reported however short', () => {
  const schedule = [{ activity: 'work', start: at('09:00'), end: at('12:00') }];
  const trace = [digital('09:00', 'ready'), digital('10:00', 'not_ready', 99), digital('10:30', 'ready')];
  const excused = computeAdherence(schedule, trace, {
    ...day,
    to: at('12:00'),
    thresholdSeconds: 60,
    excused: [{ start: at('10:00'), end: at('10:20') }],
  });
  assert.equal(excused.outOfAdherenceMs, 10 * MIN);
  // At 10:02 the agent has been out for two minutes: past a 60 s threshold, on the board; not yet at 10:00:30.
  const live = computeAdherence(schedule, trace, { ...day, to: at('10:02'), thresholdSeconds: 60 });
  assert.deepEqual(live.current, { start: at('10:00'), end: at('10:02'), scheduled: ['work'], actual: [] });
  const adhering = computeAdherence(schedule, trace, { ...day, to: at('09:30'), thresholdSeconds: 60 });
  assert.equal(adhering.current, null);
});
