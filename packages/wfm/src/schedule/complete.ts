import { invalid } from '@switchboard/core';
import { addContractRows } from './formulation.ts';
import { LinearModel } from './linear-model.ts';
import { DAYS } from './model.ts';
import type { PreparedAgent, Problem } from './prepare.ts';
import type { Roster } from './roster.ts';
import { type Solver, solve } from './solver.ts';

/** Seconds allowed for one agent's own week, when it has to be found by HiGHS. */
const WEEK_TIME_LIMIT_SECONDS = 10;

/** Gives every placed shift that has none its best breaks, then attaches staffing if it was not. */
export function placeMissingBreaks(roster: Roster): void {
  if (roster.staffing === null) roster.attachStaffing();
  for (let a = 0; a < roster.problem.agents.length; a++)
    for (let d = 0; d < DAYS; d++) {
      const o = roster.option[a * DAYS + d] ?? -1;
      if (o < 0 || roster.hasBreaks(a, d)) continue;
      const placement = roster.bestPlacement(roster.problem.agents[a]?.group ?? 0, o);
      roster.setBreaks(a, d, placement.breakStarts);
    }
}

/** The cheapest option the agent may still take, or -1. */
function cheapestOption(roster: Roster, a: number, agent: PreparedAgent): number {
  let best = -1;
  let bestCost = Infinity;
  for (const o of agent.options) {
    if (!roster.canTake(a, o)) continue;
    const { cost } = roster.bestPlacement(agent.group, o);
    if (cost < bestCost) {
      best = o;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * The cheapest week that meets agent a's contract on its own, by a small MIP over the agent's options with
 * the given cost per option; null when no week meets it.
 */
export function cheapestWeek(
  problem: Problem,
  a: number,
  costOf: (o: number) => number,
  solver: Solver,
): number[] | null {
  const agent = problem.agents[a] as PreparedAgent;
  const model = new LinearModel();
  const columns = agent.options.map((o) => model.addColumn(costOf(o), 0, 1, true));
  addContractRows(model, problem, { ...agent, agents: [a] }, columns);
  const { values } = solve(solver, model, { timeLimitSeconds: WEEK_TIME_LIMIT_SECONDS, relativeGap: 0 });
  if (values === null) return null;
  return agent.options.filter((_, k) => (values[columns[k] ?? 0] ?? 0) > 0.5);
}

export const unmeetableContract = (problem: Problem, a: number) =>
  invalid(
    `agents[${a}] ("${problem.agents[a]?.id}"): no week meets the contract (hours, days off, start windows, ` +
      `availability and ${problem.minRestMinutes} minutes of rest between shifts).`,
    { field: `agents[${a}]` },
  );

/** Replaces the agent's week by the cheapest one that meets the contract, costed against everyone else. */
function replaceWeek(roster: Roster, a: number, solver: Solver): void {
  const { problem } = roster;
  const group = problem.agents[a]?.group ?? 0;
  for (let d = 0; d < DAYS; d++) roster.remove(a, d);
  const week = cheapestWeek(problem, a, (o) => roster.bestPlacement(group, o).cost, solver);
  if (week === null) throw unmeetableContract(problem, a);
  for (const o of week) roster.place(a, o, roster.bestPlacement(group, o).breakStarts);
}

/**
 * Makes every agent meet the minimum paid hours: first by adding the cheapest shifts the contract allows,
 * then, if the week is stuck (rest or days off in the way), by rebuilding the agent's week with HiGHS.
 */
export function completeContracts(roster: Roster, solver: Solver): void {
  roster.problem.agents.forEach((agent, a) => {
    while (roster.isShort(a)) {
      const o = cheapestOption(roster, a, agent);
      if (o < 0) break;
      roster.place(a, o, roster.bestPlacement(agent.group, o).breakStarts);
    }
    if (roster.isShort(a)) replaceWeek(roster, a, solver);
  });
}

/**
 * Moves each shift's breaks to their best starts given everyone else, until a pass changes nothing (or three
 * passes). Each move is optimal for its shift, so the objective never rises.
 */
export function polishBreaks(roster: Roster): void {
  const { problem } = roster;
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (let a = 0; a < problem.agents.length; a++)
      for (let d = 0; d < DAYS; d++) {
        const o = roster.option[a * DAYS + d] ?? -1;
        if (o < 0 || (problem.templates[problem.options[o]?.template ?? 0]?.breaks.length ?? 0) === 0)
          continue;
        const group = problem.agents[a]?.group ?? 0;
        const before = roster.breaksOf(a, d);
        roster.clearBreaks(a, d);
        const best = roster.bestPlacement(group, o);
        const better = best.cost < roster.placementCost(group, o, before) - 1e-9;
        roster.setBreaks(a, d, better ? best.breakStarts : before);
        changed ||= better;
      }
    if (!changed) return;
  }
}
