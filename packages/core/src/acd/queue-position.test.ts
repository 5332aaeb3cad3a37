import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../clock.ts';
import { AcdEngine } from './engine.ts';
import { expectedWaitMs, positionInLine } from './queue-position.ts';

const keys = fc.record({
  priority: fc.integer({ min: 0, max: 3 }),
  queuedAt: fc.integer({ min: 0, max: 5 }),
  seq: fc.nat(),
});

describe('queue position', () => {
  it('is the place in the line sorted by priority (higher first), then age, then arrival', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keys, { selector: (k) => k.seq, minLength: 1, maxLength: 30 }), (line) => {
        const sorted = [...line].sort(
          (a, b) => b.priority - a.priority || a.queuedAt - b.queuedAt || a.seq - b.seq,
        );
        for (const contact of line) assert.equal(positionInLine(line, contact), sorted.indexOf(contact) + 1);
      }),
    );
  });

  it('follows the engine: a higher priority goes ahead, the first answered leaves the line', () => {
    const clock = new ManualClock();
    const engine = new AcdEngine(clock);
    engine.configureCsq({
      id: 'q',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
      agentOrder: [],
    });
    engine.createContact({ id: 'a', channel: 'chat', csqId: 'q', callType: 'x', priority: 1 });
    clock.advance(1000);
    engine.createContact({ id: 'b', channel: 'chat', csqId: 'q', callType: 'x', priority: 1 });
    engine.createContact({ id: 'c', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    assert.deepEqual(
      ['c', 'a', 'b'].map((id) => engine.queuePosition(id)),
      [1, 2, 3],
    );
    engine.dequeue('c');
    assert.deepEqual(
      ['a', 'b', 'c'].map((id) => engine.queuePosition(id)),
      [1, 2, null],
    );
  });
});

describe('expected wait', () => {
  it('is none without history, and position times the recent time per answer', () => {
    assert.equal(expectedWaitMs(1, [], 0), null);
    assert.equal(expectedWaitMs(1, [1000, 2000], 3000), null);
    // Three answers in the last 90 s: 30 s per answer.
    assert.equal(expectedWaitMs(2, [10_000, 40_000, 70_000], 100_000), 60_000);
    assert.equal(expectedWaitMs(1, [0, 1, 2], 2 * 60 * 60_000), null, 'older than an hour');
  });

  it('never falls as the position grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (answers, position) => {
          const now = 3_600_000;
          const here = expectedWaitMs(position, answers, now);
          const behind = expectedWaitMs(position + 1, answers, now);
          if (here === null) assert.equal(behind, null);
          else assert.ok(behind !== null && behind >= here);
        },
      ),
    );
  });
});
