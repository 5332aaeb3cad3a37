import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { KeyPresses } from './dtmf.ts';
import { DTMF_KEYS } from './flow.ts';

test('a press sent as updates and three end packets counts once; the same key pressed again counts again', () => {
  const keys = new KeyPresses();
  const press = (event: number, timestamp: number) =>
    [0, 1, 2, 3, 4, 5].map(() => keys.receive(event, timestamp)).filter((k) => k !== null);
  assert.deepEqual(press(1, 1000), ['1']);
  assert.deepEqual(press(1, 2600), ['1']);
  assert.deepEqual(press(11, 4000), ['#']);
  assert.deepEqual(press(10, 4000), ['*']);
});

test('events that are not keys (above 15) are not pressed keys', () => {
  const keys = new KeyPresses();
  assert.equal(keys.receive(16, 10), null);
  assert.equal(keys.receive(255, 20), null);
  assert.equal(keys.receive(15, 30), 'D');
});

test('any sequence of presses, each repeated any number of times, comes out as the keys pressed', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 8 })), { maxLength: 30 }),
      (presses) => {
        const keys = new KeyPresses();
        const heard: string[] = [];
        presses.forEach(([event, packets], i) => {
          for (let p = 0; p < packets; p++) {
            const key = keys.receive(event, 160 * 50 * (i + 1));
            if (key) heard.push(key);
          }
        });
        assert.deepEqual(
          heard,
          presses.map(([event]) => DTMF_KEYS[event]),
        );
      },
    ),
  );
});
