import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DesktopPresence } from './desktop-presence.ts';

describe('DesktopPresence', () => {
  it('starts the grace when the last tab closes and reports the agent once after it', () => {
    const presence = new DesktopPresence();
    presence.opened('a');
    presence.opened('a');
    presence.closed('a', 1000);
    assert.deepEqual(presence.takeGone(1_000_000, 60_000), [], 'one tab is still open');
    presence.closed('a', 2000);
    assert.deepEqual(presence.takeGone(61_999, 60_000), []);
    assert.deepEqual(presence.takeGone(62_000, 60_000), ['a']);
    assert.deepEqual(presence.takeGone(200_000, 60_000), [], 'reported once');
  });

  it('cancels the grace when a tab opens again', () => {
    const presence = new DesktopPresence();
    presence.opened('a');
    presence.closed('a', 0);
    presence.opened('a');
    assert.deepEqual(presence.takeGone(1_000_000, 10_000), []);
    assert.equal(presence.waiting, false);
  });

  it('reports an agent exactly when every stream they opened is closed and the grace has passed', () => {
    const step = fc.record({ open: fc.boolean(), agent: fc.constantFrom('a', 'b') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const presence = new DesktopPresence();
        const open = new Map<string, number>();
        const everOpened = new Set<string>();
        for (const { open: opening, agent } of steps) {
          const count = open.get(agent) ?? 0;
          if (opening) {
            presence.opened(agent);
            everOpened.add(agent);
            open.set(agent, count + 1);
          } else if (count > 0) {
            presence.closed(agent, 0);
            open.set(agent, count - 1);
          }
        }
        const expected = [...everOpened].filter((agent) => (open.get(agent) ?? 0) === 0).sort();
        assert.deepEqual(presence.takeGone(10_000, 10_000).sort(), expected);
      }),
    );
  });
});
