import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { HORIZON } from './model.ts';
import type { Problem } from './prepare.ts';
import { Staffing } from './staffing.ts';

const weights = { under: 3, over: 1 };
const I = 5; // the interval the test works on

/** Best cost of one interval by trying every way to put each agent on one of their group's workloads. */
function bruteForce(groups: number[][], onDuty: number[], required: number[]): number {
  const staffed = required.map(() => 0);
  let best = Infinity;
  const place = (g: number, left: number): void => {
    if (g === groups.length) {
      const cost = required.reduce((sum, r, w) => {
        const gap = (staffed[w] ?? 0) - r;
        return sum + (gap < 0 ? -gap * weights.under : gap * weights.over);
      }, 0);
      best = Math.min(best, cost);
      return;
    }
    if (left === 0) {
      place(g + 1, onDuty[g + 1] ?? 0);
      return;
    }
    for (const w of groups[g] ?? []) {
      staffed[w] = (staffed[w] ?? 0) + 1;
      place(g, left - 1);
      staffed[w] = (staffed[w] ?? 0) - 1;
    }
  };
  place(0, onDuty[0] ?? 0);
  return best;
}

const skillSets = fc.uniqueArray(fc.subarray([0, 1, 2], { minLength: 1 }), {
  minLength: 1,
  maxLength: 4,
  selector: (s) => s.join(','),
});

test('the staffing flow always splits agents over workloads optimally, and its marginal costs are exact', () => {
  fc.assert(
    fc.property(
      skillSets,
      fc.array(fc.nat(3), { minLength: 3, maxLength: 3 }),
      fc.array(fc.tuple(fc.boolean(), fc.nat(3)), { maxLength: 14 }),
      (groups, required, operations) => {
        const problem = {
          workloadIds: ['w0', 'w1', 'w2'],
          required: required.map((r) => {
            const row = new Int32Array(HORIZON);
            row[I] = r;
            return row;
          }),
          groups,
          weights,
        } as unknown as Problem;
        const staffing = new Staffing(problem);
        const onDuty = groups.map(() => 0);
        const total = required.reduce((a, b) => a + b, 0);
        for (const [add, pick] of operations) {
          const g = pick % groups.length;
          if (add) {
            const before = staffing.objective().objective;
            const marginal = staffing.addCost(g, I);
            staffing.add(g, I);
            onDuty[g] = (onDuty[g] ?? 0) + 1;
            assert.equal(staffing.objective().objective - before, marginal);
          } else if ((onDuty[g] ?? 0) > 0) {
            staffing.remove(g, I);
            onDuty[g] = (onDuty[g] ?? 0) - 1;
          }
          // Intervals other than I have no requirement and no agents: they cost nothing.
          assert.equal(
            staffing.objective().objective,
            bruteForce(groups, onDuty, required),
            `total ${total}`,
          );
        }
      },
    ),
    { numRuns: 300 },
  );
});
