import type { CoverageFormulation } from './formulation.ts';
import { DAYS } from './model.ts';
import type { AgentType, Problem, ShiftOption } from './prepare.ts';
import { Roster } from './roster.ts';

/** What the coverage MIP decided: shift counts per agent type, and break starts per group and option. */
export interface CoveragePlan {
  /** typeCounts[τ][k]: agents of type τ working types[τ].options[k]. */
  typeCounts: number[][];
  /** Key group × options + option → per break of the template, the planned starts (one per shift). */
  breakStarts: Map<number, number[][]>;
}

/**
 * Whole break counts summing to `total` from the MIP's (possibly fractional: break counts are continuous in
 * the MIP) values, by largest remainder; the final break polish moves any that rounding put badly.
 */
function roundCounts(values: number[], total: number): number[] {
  const counts = values.map((v) => Math.floor(Math.max(0, v) + 1e-6));
  const order = values
    .map((v, j) => ({ j, rest: Math.max(0, v) - (counts[j] ?? 0) }))
    .sort((a, b) => b.rest - a.rest || a.j - b.j);
  let missing = total - counts.reduce((sum, c) => sum + c, 0);
  for (let k = 0; missing > 0 && values.length > 0; k = (k + 1) % values.length, missing--) {
    const j = order[k]?.j ?? 0;
    counts[j] = (counts[j] ?? 0) + 1;
  }
  return counts;
}

export function readPlan(
  problem: Problem,
  formulation: CoverageFormulation,
  values: Float64Array,
): CoveragePlan {
  const count = (column: number) => Math.max(0, Math.round(values[column] ?? 0));
  const typeCounts = formulation.typeColumns.map((columns) => columns.map(count));
  const breakStarts = new Map<number, number[][]>();
  for (const shift of formulation.groupShifts) {
    const option = problem.options[shift.option] as ShiftOption;
    const rules = problem.templates[option.template]?.breaks ?? [];
    const total = count(shift.count);
    const starts = shift.breaks.map((columns, k) =>
      roundCounts(
        columns.map((column) => values[column] ?? 0),
        total,
      ).flatMap((n, j) => Array<number>(n).fill(option.start + (rules[k]?.earliest ?? 0) + j)),
    );
    breakStarts.set(shift.group * problem.options.length + shift.option, starts);
  }
  return { typeCounts, breakStarts };
}

/**
 * Priority of an agent for one of today's shifts: first by how many minutes they would miss if they skipped
 * today (what later days could still bring counted in), then by minutes still missing. Handing shifts to the
 * agents who lack the most keeps weeks balanced (as in building a graph from its degree sequence).
 */
function priority(
  roster: Roster,
  type: AgentType,
  a: number,
  laterCapacity: (shiftsLeft: number) => number,
): number {
  const need = type.minMinutes - (roster.minutes[a] ?? 0);
  const missedIfSkipped = Math.max(0, need - laterCapacity(type.maxShifts - (roster.shifts[a] ?? 0)));
  return missedIfSkipped * 1e6 + need;
}

/**
 * Gives a type's planned shifts to its agents day by day, earliest start first, each to the agent who needs it
 * most among those allowed to take it. Agents of a type are interchangeable, so this only has to honour each
 * agent's week (days, hours, rest). Returns the planned options no agent could take.
 */
function assignType(roster: Roster, type: AgentType, counts: number[]): number[] {
  const { options } = roster.problem;
  const dropped: number[] = [];
  const bestPaidByDay = new Array<number>(DAYS).fill(0);
  for (const o of type.options) {
    const option = options[o] as ShiftOption;
    bestPaidByDay[option.day] = Math.max(bestPaidByDay[option.day] ?? 0, option.paidMinutes);
  }
  for (let d = 0; d < DAYS; d++) {
    const later = bestPaidByDay.slice(d + 1).sort((x, y) => y - x);
    const laterCapacity = (shiftsLeft: number) =>
      later.slice(0, Math.max(0, shiftsLeft)).reduce((sum, minutes) => sum + minutes, 0);
    const today: number[] = [];
    type.options.forEach((o, k) => {
      if (options[o]?.day === d) for (let c = 0; c < (counts[k] ?? 0); c++) today.push(o);
    });
    for (const o of today) {
      let best = -1;
      let bestPriority = -Infinity;
      for (const a of type.agents) {
        if (!roster.canTake(a, o)) continue;
        const p = priority(roster, type, a, laterCapacity);
        if (p > bestPriority) {
          best = a;
          bestPriority = p;
        }
      }
      if (best >= 0) roster.place(best, o);
      else dropped.push(o);
    }
  }
  return dropped;
}

/** Moves or swaps shifts between two agents of one type so that a short agent gains minutes (coverage unchanged). */
function rebalance(roster: Roster, type: AgentType, short: number): boolean {
  const { options, agents } = roster.problem;
  for (let d = 0; d < DAYS; d++) {
    const mine = roster.option[short * DAYS + d] ?? -1;
    for (const other of type.agents) {
      const theirs = roster.option[other * DAYS + d] ?? -1;
      if (other === short || theirs < 0 || mine === theirs) continue;
      const gain = (options[theirs]?.paidMinutes ?? 0) - (mine < 0 ? 0 : (options[mine]?.paidMinutes ?? 0));
      if (gain <= 0 || (roster.minutes[other] ?? 0) - gain < (agents[other]?.minMinutes ?? 0)) continue;
      roster.remove(other, d);
      if (mine >= 0) roster.remove(short, d);
      if (roster.canTake(short, theirs) && (mine < 0 || roster.canTake(other, mine))) {
        roster.place(short, theirs);
        if (mine >= 0) roster.place(other, mine);
        return true;
      }
      roster.place(other, theirs);
      if (mine >= 0) roster.place(short, mine);
    }
  }
  return false;
}

/**
 * Makes room for a planned shift no agent could take: some agent gives up one of their shifts to take it, and
 * another agent of the type takes the shift given up (an ejection chain of length one; coverage unchanged).
 */
function makeRoom(roster: Roster, type: AgentType, o: number): boolean {
  for (const a of type.agents) {
    if (roster.optionOn(a, roster.problem.options[o]?.day ?? 0) !== undefined) continue;
    for (let d = 0; d < DAYS; d++) {
      const given = roster.option[a * DAYS + d] ?? -1;
      if (given < 0) continue;
      roster.remove(a, d);
      if (roster.canTake(a, o)) {
        roster.place(a, o);
        const taker = roster.isShort(a)
          ? -1
          : type.agents.findIndex((b) => b !== a && roster.canTake(b, given));
        if (taker >= 0) {
          roster.place(type.agents[taker] ?? 0, given);
          return true;
        }
        roster.remove(a, roster.problem.options[o]?.day ?? 0);
      }
      roster.place(a, given);
    }
  }
  return false;
}

function realiseType(roster: Roster, type: AgentType, counts: number[]): void {
  const dropped = assignType(roster, type, counts);
  const giveDropped = (a: number) => {
    const k = dropped.findIndex((o) => roster.canTake(a, o));
    if (k < 0) return false;
    roster.place(a, dropped.splice(k, 1)[0] ?? 0);
    return true;
  };
  for (let progress = true; progress; ) {
    progress = false;
    for (const a of type.agents)
      while (roster.isShort(a) && (giveDropped(a) || rebalance(roster, type, a))) progress = true;
  }
  for (const a of type.agents) while (dropped.length > 0 && giveDropped(a));
  for (let k = dropped.length - 1; k >= 0; k--)
    if (makeRoom(roster, type, dropped[k] ?? 0)) dropped.splice(k, 1);
}

/**
 * Turns the plan into named agents' shifts. Within a type the plan's shifts are handed out (`assignType`) and
 * rebalanced between interchangeable agents; breaks take the plan's starts for their group and option. What
 * the plan could not give to a contract (rare) is left to `completeContracts`.
 */
export function realisePlan(problem: Problem, plan: CoveragePlan): Roster {
  const roster = new Roster(problem);
  problem.types.forEach((type, τ) => {
    realiseType(roster, type, plan.typeCounts[τ] ?? []);
  });
  const taken = new Map<number, number>();
  for (let a = 0; a < problem.agents.length; a++)
    for (let d = 0; d < DAYS; d++) {
      const o = roster.option[a * DAYS + d] ?? -1;
      if (o < 0) continue;
      const key = (problem.agents[a]?.group ?? 0) * problem.options.length + o;
      const index = taken.get(key) ?? 0;
      taken.set(key, index + 1);
      const planned = plan.breakStarts.get(key) ?? [];
      const starts = planned.map((list) => list[index] ?? -1);
      if (starts.every((start) => start >= 0)) roster.setBreaks(a, d, starts);
    }
  return roster;
}
