import { DAYS } from './model.ts';
import { type Problem, restConflict, type ShiftOption } from './prepare.ts';
import { Staffing } from './staffing.ts';

const NONE = -1;

/** A shift as placed: its option and the start interval of each of its template's breaks. */
export interface Placement {
  cost: number;
  breakStarts: number[];
}

/**
 * Who works which option on which day, with break starts, kept consistent with the contracts: `canTake` is the
 * only gate and checks one shift a day, rest to the neighbouring days' shifts, the number of shifts and the
 * maximum paid minutes. Once `staffing` is attached, placing and removing shifts with breaks updates it.
 */
export class Roster {
  readonly problem: Problem;
  /** option[a * DAYS + d]: the option agent a works on day d, or -1. */
  readonly option: Int32Array;
  /** breakStarts[(a * DAYS + d) * maxBreaks + k], -1 while not placed. */
  readonly breakStarts: Int32Array;
  readonly minutes: Float64Array;
  readonly shifts: Int32Array;
  readonly maxBreaks: number;
  staffing: Staffing | null = null;

  constructor(problem: Problem) {
    this.problem = problem;
    const agents = problem.agents.length;
    this.maxBreaks = Math.max(1, ...problem.templates.map((t) => t.breaks.length));
    this.option = new Int32Array(agents * DAYS).fill(NONE);
    this.breakStarts = new Int32Array(agents * DAYS * this.maxBreaks).fill(NONE);
    this.minutes = new Float64Array(agents);
    this.shifts = new Int32Array(agents);
  }

  optionOn(a: number, d: number): ShiftOption | undefined {
    const o = this.option[a * DAYS + d] ?? NONE;
    return o === NONE ? undefined : this.problem.options[o];
  }

  /** The agent may take option o without breaking a contract or rest rule (o must be one of theirs). */
  canTake(a: number, o: number): boolean {
    const agent = this.problem.agents[a];
    const option = this.problem.options[o];
    if (agent === undefined || option === undefined) return false;
    if (this.option[a * DAYS + option.day] !== NONE) return false;
    if ((this.shifts[a] ?? 0) >= agent.maxShifts) return false;
    if ((this.minutes[a] ?? 0) + option.paidMinutes > agent.maxMinutes) return false;
    const before = option.day > 0 ? this.optionOn(a, option.day - 1) : undefined;
    if (before !== undefined && restConflict(before.end, option.start, this.problem.minRestMinutes))
      return false;
    const after = option.day + 1 < DAYS ? this.optionOn(a, option.day + 1) : undefined;
    return after === undefined || !restConflict(option.end, after.start, this.problem.minRestMinutes);
  }

  isShort(a: number): boolean {
    return (this.minutes[a] ?? 0) < (this.problem.agents[a]?.minMinutes ?? 0);
  }

  /** Places the option; with breaks, and staffing attached, the agent counts as on duty. */
  place(a: number, o: number, breakStarts?: readonly number[]): void {
    const option = this.problem.options[o] as ShiftOption;
    this.option[a * DAYS + option.day] = o;
    this.minutes[a] = (this.minutes[a] ?? 0) + option.paidMinutes;
    this.shifts[a] = (this.shifts[a] ?? 0) + 1;
    if (breakStarts !== undefined) this.setBreaks(a, option.day, breakStarts);
  }

  setBreaks(a: number, d: number, breakStarts: readonly number[]): void {
    const base = (a * DAYS + d) * this.maxBreaks;
    breakStarts.forEach((start, k) => {
      this.breakStarts[base + k] = start;
    });
    this.updateStaffing(a, d, 1);
  }

  remove(a: number, d: number): void {
    const option = this.optionOn(a, d);
    if (option === undefined) return;
    if (this.hasBreaks(a, d)) this.updateStaffing(a, d, -1);
    this.breakStarts.fill(NONE, (a * DAYS + d) * this.maxBreaks, (a * DAYS + d + 1) * this.maxBreaks);
    this.option[a * DAYS + d] = NONE;
    this.minutes[a] = (this.minutes[a] ?? 0) - option.paidMinutes;
    this.shifts[a] = (this.shifts[a] ?? 0) - 1;
  }

  /** Removes the breaks of a placed shift (it stops counting as on duty). */
  clearBreaks(a: number, d: number): void {
    if (!this.hasBreaks(a, d)) return;
    this.updateStaffing(a, d, -1);
    this.breakStarts.fill(NONE, (a * DAYS + d) * this.maxBreaks, (a * DAYS + d + 1) * this.maxBreaks);
  }

  hasBreaks(a: number, d: number): boolean {
    const option = this.optionOn(a, d);
    if (option === undefined) return false;
    const count = this.problem.templates[option.template]?.breaks.length ?? 0;
    return count === 0 || this.breakStarts[(a * DAYS + d) * this.maxBreaks] !== NONE;
  }

  breaksOf(a: number, d: number): number[] {
    const option = this.optionOn(a, d);
    const count = option === undefined ? 0 : (this.problem.templates[option.template]?.breaks.length ?? 0);
    const base = (a * DAYS + d) * this.maxBreaks;
    return Array.from(this.breakStarts.subarray(base, base + count));
  }

  /** Intervals of the shift on duty (span minus breaks), in order. */
  dutyIntervals(a: number, d: number): number[] {
    const option = this.optionOn(a, d);
    if (option === undefined) return [];
    const template = this.problem.templates[option.template];
    const off = new Set<number>();
    this.breaksOf(a, d).forEach((start, k) => {
      for (let i = start; i < start + (template?.breaks[k]?.duration ?? 0); i++) off.add(i);
    });
    const duty: number[] = [];
    for (let i = option.start; i < option.end; i++) if (!off.has(i)) duty.push(i);
    return duty;
  }

  private updateStaffing(a: number, d: number, sign: 1 | -1): void {
    const staffing = this.staffing;
    if (staffing === null) return;
    const g = this.problem.agents[a]?.group ?? 0;
    for (const i of this.dutyIntervals(a, d))
      if (sign > 0) staffing.add(g, i);
      else staffing.remove(g, i);
  }

  /** Builds the staffing of every shift whose breaks are placed; later changes keep it up to date. */
  attachStaffing(): Staffing {
    this.staffing = null;
    const staffing = new Staffing(this.problem);
    this.staffing = staffing;
    for (let a = 0; a < this.problem.agents.length; a++)
      for (let d = 0; d < DAYS; d++) if (this.hasBreaks(a, d)) this.updateStaffing(a, d, 1);
    return staffing;
  }

  /** Cost of adding option o for an agent of group g with breaks at `breakStarts` (staffing needed). */
  placementCost(g: number, o: number, breakStarts: readonly number[]): number {
    const staffing = this.staffing as Staffing;
    const option = this.problem.options[o] as ShiftOption;
    const rules = this.problem.templates[option.template]?.breaks ?? [];
    let cost = 0;
    for (let i = option.start; i < option.end; i++) {
      const onBreak = breakStarts.some((start, k) => i >= start && i < start + (rules[k]?.duration ?? 0));
      if (!onBreak) cost += staffing.addCost(g, i);
    }
    return cost;
  }

  /** Cost of adding option o for an agent of group g with each break where it hurts least (staffing needed). */
  bestPlacement(g: number, o: number): Placement {
    const staffing = this.staffing as Staffing;
    const option = this.problem.options[o] as ShiftOption;
    const template = this.problem.templates[option.template];
    const costs: number[] = [];
    let cost = 0;
    for (let i = option.start; i < option.end; i++) {
      const c = staffing.addCost(g, i);
      costs.push(c);
      cost += c;
    }
    const breakStarts = (template?.breaks ?? []).map((rule) => {
      let best = -Infinity;
      let bestStart = option.start + rule.earliest;
      for (let offset = rule.earliest; offset <= rule.latest; offset++) {
        let saved = 0;
        for (let j = offset; j < offset + rule.duration; j++) saved += costs[j] ?? 0;
        if (saved > best) {
          best = saved;
          bestStart = option.start + offset;
        }
      }
      cost -= best;
      return bestStart;
    });
    return { cost, breakStarts };
  }
}
