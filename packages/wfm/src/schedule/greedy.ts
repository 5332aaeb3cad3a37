import { completeContracts } from './complete.ts';
import { evaluateSchedule } from './coverage.ts';
import type { Schedule, ScheduleCoverage, ScheduleInstance } from './model.ts';
import { type Problem, prepare } from './prepare.ts';
import { Roster } from './roster.ts';
import type { Solver } from './solver.ts';
import { toSchedule } from './to-schedule.ts';

interface Entry {
  cost: number;
  type: number;
  option: number;
}

/** A binary min-heap of entries by cost, ties by type then option (so the order is deterministic). */
class EntryHeap {
  private readonly items: Entry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Entry | undefined {
    return this.items[0];
  }

  private less(i: number, j: number): boolean {
    const a = this.items[i] as Entry;
    const b = this.items[j] as Entry;
    if (a.cost !== b.cost) return a.cost < b.cost;
    if (a.type !== b.type) return a.type < b.type;
    return a.option < b.option;
  }

  private swap(i: number, j: number): void {
    const t = this.items[i] as Entry;
    this.items[i] = this.items[j] as Entry;
    this.items[j] = t;
  }

  push(entry: Entry): void {
    this.items.push(entry);
    for (let i = this.items.length - 1; i > 0 && this.less(i, (i - 1) >> 1); i = (i - 1) >> 1)
      this.swap(i, (i - 1) >> 1);
  }

  pop(): Entry | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (this.items.length > 0 && last !== undefined) {
      this.items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.less(l, m)) m = l;
        if (r < this.items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** The eligible agent of the type who may take the option and lacks the most paid minutes (first on ties). */
function neediestAgent(
  roster: Roster,
  agents: readonly number[],
  option: number,
  eligible: (a: number) => boolean,
): number {
  let best = -1;
  let bestNeed = -Infinity;
  for (const a of agents) {
    if (!eligible(a) || !roster.canTake(a, option)) continue;
    const need = (roster.problem.agents[a]?.minMinutes ?? 0) - (roster.minutes[a] ?? 0);
    if (need > bestNeed) {
      best = a;
      bestNeed = need;
    }
  }
  return best;
}

/**
 * Repeatedly adds the cheapest single shift (agent type, template, start, breaks where they hurt least) for
 * the neediest eligible agent of that type who may take it, while the cheapest cost is accepted. Costs only
 * rise as shifts are added, so stale costs in the heap are lower bounds and only the top needs recomputing
 * ("lazy greedy").
 */
function addCheapestShifts(roster: Roster, eligible: (a: number) => boolean, maxCost: number): void {
  const { problem } = roster;
  const heap = new EntryHeap();
  const initial = new Map<number, number>();
  problem.types.forEach((type, τ) => {
    if (!type.agents.some(eligible)) return;
    for (const o of type.options) {
      const key = type.group * problem.options.length + o;
      if (!initial.has(key)) initial.set(key, roster.bestPlacement(type.group, o).cost);
      heap.push({ cost: initial.get(key) ?? 0, type: τ, option: o });
    }
  });
  for (let top = heap.pop(); top !== undefined && top.cost < maxCost; top = heap.pop()) {
    const type = problem.types[top.type];
    if (type === undefined) continue;
    const placement = roster.bestPlacement(type.group, top.option);
    const next = heap.peek();
    if (next !== undefined && placement.cost > next.cost) {
      heap.push({ ...top, cost: placement.cost });
      continue;
    }
    if (placement.cost >= maxCost) break;
    const a = neediestAgent(roster, type.agents, top.option, eligible);
    if (a < 0) continue;
    roster.place(a, top.option, placement.breakStarts);
    heap.push({ ...top, cost: placement.cost });
  }
}

/**
 * The greedy baseline. First the shifts contracts require: while some agent is short of their minimum hours,
 * the cheapest shift any such agent may take, whatever it costs. Then optional shifts: the cheapest shift any
 * agent may still take, while it lowers the objective. Agents the greedy leaves short are completed by
 * `completeContracts`.
 */
export function greedyRoster(problem: Problem): Roster {
  const roster = new Roster(problem);
  roster.attachStaffing();
  addCheapestShifts(roster, (a) => roster.isShort(a), Infinity);
  addCheapestShifts(roster, () => true, 0);
  return roster;
}

export interface GreedyScheduleResult {
  schedule: Schedule;
  coverage: ScheduleCoverage;
  objective: number;
}

/** The greedy baseline as a valid schedule (the solver is only used to rebuild a week the greedy left stuck). */
export function greedySchedule(
  instance: ScheduleInstance,
  options: { solver: Solver },
): GreedyScheduleResult {
  const problem = prepare(instance);
  const roster = greedyRoster(problem);
  completeContracts(roster, options.solver);
  const schedule = toSchedule(roster);
  const coverage = evaluateSchedule(instance, schedule);
  return { schedule, coverage, objective: coverage.objective };
}
