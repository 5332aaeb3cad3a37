import { HORIZON } from './model.ts';
import type { Problem } from './prepare.ts';

/**
 * Agents on duty per skill group and interval, with the best split of them over the workloads kept as a maximum
 * flow (groups → workloads they cover → requirement). For on-duty counts N and requirement R an interval costs
 * under × (R − flow) + over × (N − flow), so a maximum flow is an optimal split, and one more agent of a group
 * costs −under if the flow can grow by one and +over if not. Adding and removing agents updates the flow with
 * augmenting paths in a graph of a few nodes, so every marginal cost is exact.
 */
export class Staffing {
  readonly problem: Problem;
  /** onDuty[g * HORIZON + i] */
  readonly onDuty: Int32Array;
  /** flow[(g * W + w) * HORIZON + i]: agents of group g covering workload w at i. */
  readonly flow: Int32Array;
  /** served[w * HORIZON + i] = Σ_g flow. */
  readonly served: Int32Array;
  private readonly workloadCount: number;

  constructor(problem: Problem) {
    this.problem = problem;
    this.workloadCount = problem.workloadIds.length;
    this.onDuty = new Int32Array(problem.groups.length * HORIZON);
    this.flow = new Int32Array(problem.groups.length * this.workloadCount * HORIZON);
    this.served = new Int32Array(this.workloadCount * HORIZON);
  }

  private flowAt(g: number, w: number, i: number): number {
    return this.flow[(g * this.workloadCount + w) * HORIZON + i] ?? 0;
  }

  private addFlow(g: number, w: number, i: number, delta: number): void {
    this.flow[(g * this.workloadCount + w) * HORIZON + i] = this.flowAt(g, w, i) + delta;
    this.served[w * HORIZON + i] = (this.served[w * HORIZON + i] ?? 0) + delta;
  }

  surplus(g: number, i: number): number {
    let used = 0;
    for (const w of this.problem.groups[g] ?? []) used += this.flowAt(g, w, i);
    return (this.onDuty[g * HORIZON + i] ?? 0) - used;
  }

  /**
   * Breadth-first search for an augmenting path from group `from` to a workload short of its requirement,
   * alternating group → workload (always open) and workload → group (where that group sends flow). Returns
   * whether one exists, and applies it when `apply`.
   */
  private augment(from: number, i: number, apply: boolean): boolean {
    const groups = this.problem.groups;
    const cameFromGroup = new Int32Array(this.workloadCount).fill(-1);
    const cameFromWorkload = new Int32Array(groups.length).fill(-1);
    cameFromWorkload[from] = -2;
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const g = queue[head] ?? 0;
      for (const w of groups[g] ?? []) {
        if (cameFromGroup[w] !== -1) continue;
        cameFromGroup[w] = g;
        if ((this.served[w * HORIZON + i] ?? 0) < (this.problem.required[w]?.[i] ?? 0)) {
          if (apply) this.applyPath(w, i, cameFromGroup, cameFromWorkload);
          return true;
        }
        for (let h = 0; h < groups.length; h++)
          if (cameFromWorkload[h] === -1 && this.flowAt(h, w, i) > 0) {
            cameFromWorkload[h] = w;
            queue.push(h);
          }
      }
    }
    return false;
  }

  private applyPath(end: number, i: number, cameFromGroup: Int32Array, cameFromWorkload: Int32Array): void {
    let w = end;
    for (;;) {
      const g = cameFromGroup[w] ?? 0;
      this.addFlow(g, w, i, 1);
      const previous = cameFromWorkload[g] ?? -2;
      if (previous === -2) return;
      this.addFlow(g, previous, i, -1);
      w = previous;
    }
  }

  add(g: number, i: number): void {
    this.onDuty[g * HORIZON + i] = (this.onDuty[g * HORIZON + i] ?? 0) + 1;
    this.augment(g, i, true);
  }

  remove(g: number, i: number): void {
    if (this.surplus(g, i) === 0) {
      const w = (this.problem.groups[g] ?? []).find((x) => this.flowAt(g, x, i) > 0) ?? 0;
      this.addFlow(g, w, i, -1);
    }
    this.onDuty[g * HORIZON + i] = (this.onDuty[g * HORIZON + i] ?? 0) - 1;
    // The freed requirement may now be reachable from an agent who was surplus.
    for (let h = 0; h < this.problem.groups.length; h++) if (this.surplus(h, i) > 0) this.augment(h, i, true);
  }

  /** Change of the objective if one more agent of group g were on duty at i. */
  addCost(g: number, i: number): number {
    return this.augment(g, i, false) ? -this.problem.weights.under : this.problem.weights.over;
  }

  objective(): { under: number; over: number; objective: number } {
    let under = 0;
    let over = 0;
    for (let i = 0; i < HORIZON; i++) {
      let onDuty = 0;
      for (let g = 0; g < this.problem.groups.length; g++) onDuty += this.onDuty[g * HORIZON + i] ?? 0;
      let served = 0;
      let required = 0;
      for (let w = 0; w < this.workloadCount; w++) {
        served += this.served[w * HORIZON + i] ?? 0;
        required += this.problem.required[w]?.[i] ?? 0;
      }
      under += required - served;
      over += onDuty - served;
    }
    const { weights } = this.problem;
    return { under, over, objective: weights.under * under + weights.over * over };
  }
}
