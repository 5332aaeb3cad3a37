import { LinearModel } from './linear-model.ts';
import { DAYS, HORIZON } from './model.ts';
import { type AgentType, type Problem, restConflict, type ShiftOption } from './prepare.ts';

/** Columns of one group's shifts of one option: the shift count and, per break, one count per offset. */
export interface GroupShiftColumns {
  group: number;
  option: number;
  count: number;
  /** breaks[k][j]: shifts whose break k starts `earliest + j` intervals after the shift start. */
  breaks: number[][];
}

/** The coverage MIP over agent types (see docs/wfm/scheduling.md, "Formulation"). */
export interface CoverageFormulation {
  model: LinearModel;
  /** typeColumns[τ][k]: how many agents of type τ work types[τ].options[k]. */
  typeColumns: number[][];
  groupShifts: GroupShiftColumns[];
}

interface Terms {
  columns: number[];
  values: number[];
}

const emptyTerms = (): Terms => ({ columns: [], values: [] });

/**
 * The contract rows of a type of n interchangeable agents, for columns counting how many of them work each of
 * its options: per day at most n, shifts at most n × maxShifts, paid minutes within n × [min, max], and rest.
 * With n = 1 they are exactly one agent's contract.
 */
export function addContractRows(
  model: LinearModel,
  problem: Problem,
  type: AgentType,
  columns: number[],
): void {
  const n = type.agents.length;
  const byDay: number[][] = Array.from({ length: DAYS }, () => []);
  type.options.forEach((o, k) => {
    byDay[problem.options[o]?.day ?? 0]?.push(k);
  });
  const all = type.options.map((_, k) => columns[k] ?? 0);
  const daysWithOptions = byDay.filter((ks) => ks.length > 0).length;
  for (const ks of byDay)
    if (ks.length > 0)
      model.addRow(
        0,
        n,
        ks.map((k) => columns[k] ?? 0),
        ks.map(() => 1),
      );
  if (type.maxShifts < daysWithOptions)
    model.addRow(
      0,
      n * type.maxShifts,
      all,
      all.map(() => 1),
    );
  const paid = type.options.map((o) => problem.options[o]?.paidMinutes ?? 0);
  model.addRow(n * type.minMinutes, n * type.maxMinutes, all, paid);
  for (let d = 0; d + 1 < DAYS; d++)
    addRestRows(model, problem, type, columns, byDay[d] ?? [], byDay[d + 1] ?? []);
}

/**
 * Rest between day d and d + 1 as the maximal cliques of the conflict graph: for a start time τ of day d + 1,
 * the options of day d that end too late for τ plus the options of day d + 1 starting by τ hold at most one
 * shift per agent. Together with the daily rows these describe exactly which day-pairs a group of identical
 * agents can work (the conflict graph of two days is a chain graph).
 */
function addRestRows(
  model: LinearModel,
  problem: Problem,
  type: AgentType,
  columns: number[],
  today: number[],
  tomorrow: number[],
): void {
  const option = (k: number) => problem.options[type.options[k] ?? 0] as ShiftOption;
  let previousLateCount = -1;
  const candidates: { late: number[]; early: number[] }[] = [];
  const starts = [...new Set(tomorrow.map((k) => option(k).start))].sort((a, b) => a - b);
  for (const start of starts) {
    const late = today.filter((k) => restConflict(option(k).end, start, problem.minRestMinutes));
    if (late.length === 0) break;
    const early = tomorrow.filter((k) => option(k).start <= start);
    // A later start with the same late set dominates the earlier one.
    if (late.length === previousLateCount) candidates.pop();
    candidates.push({ late, early });
    previousLateCount = late.length;
  }
  for (const { late, early } of candidates) {
    const ks = [...late, ...early];
    model.addRow(
      0,
      type.agents.length,
      ks.map((k) => columns[k] ?? 0),
      ks.map(() => 1),
    );
  }
}

/** Builds the coverage MIP; its LP relaxation and dual bound are valid lower bounds for the instance. */
export function buildCoverageFormulation(problem: Problem): CoverageFormulation {
  const model = new LinearModel();
  const typeColumns = problem.types.map((type) =>
    type.options.map(() => model.addColumn(0, 0, type.agents.length, true)),
  );
  problem.types.forEach((type, τ) => {
    addContractRows(model, problem, type, typeColumns[τ] ?? []);
  });

  // Group shift counts X[g, o] = Σ x[τ, o] over the group's types, with Aykin-style break counts.
  const linked = new Map<number, Terms>();
  problem.types.forEach((type, τ) => {
    type.options.forEach((o, k) => {
      const key = type.group * problem.options.length + o;
      const terms = linked.get(key) ?? emptyTerms();
      terms.columns.push(typeColumns[τ]?.[k] ?? 0);
      terms.values.push(-1);
      linked.set(key, terms);
    });
  });
  const onDuty: Terms[][] = problem.groups.map(() => Array.from({ length: HORIZON }, emptyTerms));
  const startsAt: Terms[][] = problem.groups.map(() => Array.from({ length: HORIZON + 1 }, emptyTerms));
  const groupShifts: GroupShiftColumns[] = [];
  for (const key of [...linked.keys()].sort((a, b) => a - b)) {
    const group = Math.floor(key / problem.options.length);
    const o = key % problem.options.length;
    const option = problem.options[o] as ShiftOption;
    const upper = linked.get(key)?.columns.reduce((sum, c) => sum + (model.upper[c] ?? 0), 0) ?? 0;
    const count = model.addColumn(0, 0, upper, false);
    const link = linked.get(key) ?? emptyTerms();
    model.addRow(0, 0, [count, ...link.columns], [1, ...link.values]);
    const duty = onDuty[group] ?? [];
    startsAt[group]?.[option.start]?.columns.push(count);
    startsAt[group]?.[option.start]?.values.push(1);
    startsAt[group]?.[option.end]?.columns.push(count);
    startsAt[group]?.[option.end]?.values.push(-1);
    const breaks = (problem.templates[option.template]?.breaks ?? []).map((rule) => {
      const offsets: number[] = [];
      for (let offset = rule.earliest; offset <= rule.latest; offset++) {
        const column = model.addColumn(0, 0, upper, false);
        offsets.push(column);
        for (let i = option.start + offset; i < option.start + offset + rule.duration; i++) {
          duty[i]?.columns.push(column);
          duty[i]?.values.push(-1);
        }
      }
      model.addRow(0, 0, [count, ...offsets], [-1, ...offsets.map(() => 1)]);
      return offsets;
    });
    groupShifts.push({ group, option: o, count, breaks });
  }
  startsAt.forEach((changes, g) => {
    addShiftsSpanning(model, changes, onDuty[g] ?? []);
  });
  addCoverageRows(model, problem, onDuty);
  return { model, typeColumns, groupShifts };
}

/**
 * Shifts of a group spanning each interval, as a running sum S[i] = S[i − 1] + (shifts starting at i) − (shifts
 * ending at i): two matrix entries per shift count instead of one per interval it spans, which keeps the LP
 * sparse. `changes[i]` holds +count for starts and −count for ends at i; S[i] joins the on-duty terms of i.
 */
function addShiftsSpanning(model: LinearModel, changes: Terms[], duty: Terms[]): void {
  let spanning = 0;
  let previous = -1;
  for (let i = 0; i < HORIZON; i++) {
    const change = changes[i] ?? emptyTerms();
    for (const value of change.values) spanning += value;
    if (change.columns.length === 0 && previous < 0) continue;
    const column = model.addColumn(0, 0, Number.POSITIVE_INFINITY, false);
    const columns = previous < 0 ? [column, ...change.columns] : [column, previous, ...change.columns];
    const values =
      previous < 0 ? [1, ...change.values.map((v) => -v)] : [1, -1, ...change.values.map((v) => -v)];
    model.addRow(0, 0, columns, values);
    duty[i]?.columns.push(column);
    duty[i]?.values.push(1);
    previous = spanning === 0 ? -1 : column;
  }
}

/**
 * Per workload and interval: staffed + under − over = required. Single-skill groups staff their workload
 * directly; a multi-skill group splits its agents on duty over its workloads (continuous split: for integer
 * counts on duty the best split is a max-flow, so its optimum is integral anyway).
 */
function addCoverageRows(model: LinearModel, problem: Problem, onDuty: Terms[][]): void {
  const staffing: Terms[][] = problem.workloadIds.map(() => Array.from({ length: HORIZON }, emptyTerms));
  problem.groups.forEach((workloads, g) => {
    for (let i = 0; i < HORIZON; i++) {
      const duty = onDuty[g]?.[i] ?? emptyTerms();
      if (duty.columns.length === 0) continue;
      if (workloads.length === 1) {
        const terms = staffing[workloads[0] ?? 0]?.[i];
        terms?.columns.push(...duty.columns);
        terms?.values.push(...duty.values);
        continue;
      }
      const split = workloads.map((w) => {
        const column = model.addColumn(0, 0, Number.POSITIVE_INFINITY, false);
        staffing[w]?.[i]?.columns.push(column);
        staffing[w]?.[i]?.values.push(1);
        return column;
      });
      model.addRow(0, 0, [...split, ...duty.columns], [...split.map(() => 1), ...duty.values.map((v) => -v)]);
    }
  });
  problem.workloadIds.forEach((_, w) => {
    for (let i = 0; i < HORIZON; i++) {
      const required = problem.required[w]?.[i] ?? 0;
      const terms = staffing[w]?.[i] ?? emptyTerms();
      const under = model.addColumn(problem.weights.under, 0, required, false);
      if (terms.columns.length === 0) {
        model.lower[under] = required;
        continue;
      }
      const over = model.addColumn(problem.weights.over, 0, Number.POSITIVE_INFINITY, false);
      model.addRow(required, required, [...terms.columns, under, over], [...terms.values, 1, -1]);
    }
  });
}
