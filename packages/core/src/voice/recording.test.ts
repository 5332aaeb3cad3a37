import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  MULAW_SILENCE,
  qmCallFields,
  RecordingTimeline,
  recordedUserLabel,
  recordingIdLabel,
} from './recording.ts';

const FRAME = 160;
const frameOf = (value: number) => new Uint8Array(FRAME).fill(value);
const channelOf = (samples: Uint8Array, side: 0 | 1) => samples.filter((_, i) => i % 2 === side);

test('each side lands on its own channel at the time it arrived, the other side silent there', () => {
  const timeline = new RecordingTimeline(1_000, 60_000);
  timeline.frame('customer', frameOf(1), 1_000);
  timeline.frame('agent', frameOf(2), 1_100);
  const audio = timeline.finish(1_200);
  const left = channelOf(audio.samples, 0);
  const right = channelOf(audio.samples, 1);
  assert.equal(audio.durationMs, 200);
  assert.equal(left.length, 1_600);
  assert.deepEqual([...new Set(left.subarray(0, FRAME))], [1]);
  assert.deepEqual([...new Set(left.subarray(FRAME))], [MULAW_SILENCE]);
  assert.deepEqual([...new Set(right.subarray(0, 800))], [MULAW_SILENCE]);
  assert.deepEqual([...new Set(right.subarray(800, 800 + FRAME))], [2]);
});

test('frames sent every 20 ms arrive with jitter under 60 ms: all kept, in order; a paused span is silent', () => {
  const value = (n: number) => 1 + (n % 200);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 10, maxLength: 200 }),
      fc.integer({ min: 0, max: 4_000 }),
      fc.integer({ min: 1, max: 2_000 }),
      (delays, pauseAt, pauseFor) => {
        const timeline = new RecordingTimeline(0, 3_600_000);
        const kept: number[] = [];
        let paused = false;
        // Jitter delays frames but never reorders them (as a jitter buffer hands them on).
        let last = 0;
        for (const [n, delay] of delays.entries()) {
          const at = Math.max(last, n * 20 + delay);
          last = at;
          if (!paused && at >= pauseAt && at < pauseAt + pauseFor) {
            timeline.pause(pauseAt);
            paused = true;
          }
          if (paused && at >= pauseAt + pauseFor) {
            timeline.resume(pauseAt + pauseFor);
            paused = false;
          }
          timeline.frame('customer', frameOf(value(n)), at);
          if (!paused) kept.push(value(n));
        }
        const audio = timeline.finish(last + 20);
        const left = channelOf(audio.samples, 0);
        const heard: number[] = [];
        for (let i = 0; i < left.length; i += FRAME)
          if (left[i] !== MULAW_SILENCE) heard.push(left[i] as number);
        assert.deepEqual(heard, kept);
        assert.deepEqual([...new Set(channelOf(audio.samples, 1))], [MULAW_SILENCE]);
        for (const pause of audio.pauses) {
          const inside = left.subarray(pause.fromMs * 8, pause.toMs * 8);
          assert.ok(
            inside.every((sample) => sample === MULAW_SILENCE),
            'a paused span holds no audio',
          );
        }
      },
    ),
  );
});

test('with RTP timestamps, frames late after a stall and then in a burst are laid where they belong: no gap', () => {
  const timeline = new RecordingTimeline(0, 60_000);
  const base = 0xffff_ff00; // wraps around during the call
  const arrivals = [0, 20, 40, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 320];
  arrivals.forEach((at, n) => {
    timeline.frame('agent', frameOf(10 + n), at, (base + n * FRAME) >>> 0);
  });
  const right = channelOf(timeline.finish(320).samples, 1);
  for (let n = 0; n < arrivals.length; n++)
    assert.deepEqual(
      [...new Set(right.subarray(n * FRAME, (n + 1) * FRAME))],
      [10 + n],
      `frame ${n} in place`,
    );
});

test('a pause still open when the call ends is closed at the end; audio past the limit is left out', () => {
  const timeline = new RecordingTimeline(0, 100);
  timeline.frame('agent', frameOf(3), 0);
  timeline.pause(40);
  timeline.frame('agent', frameOf(4), 60);
  const audio = timeline.finish(90);
  assert.deepEqual(audio.pauses, [{ fromMs: 40, toMs: 90 }]);
  assert.equal(audio.truncated, false);
  const long = new RecordingTimeline(0, 100);
  for (let at = 0; at < 200; at += 20) long.frame('customer', frameOf(5), at);
  const cut = long.finish(200);
  assert.equal(cut.durationMs, 100);
  assert.equal(cut.truncated, true);
});

test('the recorded user and the recording ID read as the QM import expects', () => {
  const user = recordedUserLabel('Phil Jones', '2001');
  assert.equal(user, 'Phil Jones(2001)');
  assert.equal(recordingIdLabel('4f1c', user), '4f1c~Phil Jones(2001)');
});

test('the QM fields follow the glossary: the extension from the last parentheses, the far party by direction', () => {
  const user = recordedUserLabel('Ann (Sales)', '2001');
  const incoming = qmCallFields({ direction: 'inbound', ani: '+4930123', dnis: '2001', recordedUser: user });
  assert.equal(incoming.callDirection, 'Incoming');
  assert.equal(incoming.extension, '2001');
  assert.equal(incoming.recordedPartyName, 'Ann (Sales)');
  assert.equal(incoming.otherPartyNumber, '+4930123');
  assert.equal(incoming.callingParty, '+4930123');
  assert.equal(incoming.receivingParty, user);
  const outgoing = qmCallFields({ direction: 'outbound', ani: '2001', dnis: '+4930999', recordedUser: user });
  assert.equal(outgoing.callDirection, 'Outgoing');
  assert.equal(outgoing.otherPartyNumber, '+4930999');
  assert.equal(outgoing.callingParty, user);
  assert.equal(outgoing.receivingParty, '+4930999');
});
