/**
 * How many contacts per second the simulator gets through, against the router alone doing the same four
 * commands per contact (create, accept, complete, end wrap-up) with nothing simulated around it: the ratio is
 * the share of the router's own speed the simulation keeps. Shaped for `bench/run.ts`
 * (`run({ json })`; a `bench/sim.bench.ts` re-exporting it makes it `npm run bench -- sim`), or run directly:
 * `node packages/sim/src/testing/speed.ts [--json]`.
 */
import { AcdEngine, ManualClock } from '@switchboard/core';
import type { SimulationInput } from '../input.ts';
import { simulateDay } from '../simulation.ts';
import { steadyQueue } from './builders.ts';
import { centerDay } from './center-day.ts';

interface Scenario {
  name: string;
  input: SimulationInput;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'erlang_c',
    input: steadyQueue({ hours: 1000, callsPerHalfHour: 100, ahtSeconds: 180, agents: 14, seed: 1 }),
  },
  {
    name: 'erlang_a',
    input: steadyQueue({
      hours: 1000,
      callsPerHalfHour: 100,
      ahtSeconds: 180,
      agents: 11,
      patienceSeconds: 120,
      seed: 2,
    }),
  },
  { name: 'center_day_1500', input: centerDay(1500) },
  {
    name: 'large_queue_2000',
    input: steadyQueue({ hours: 10, callsPerHalfHour: 11_400, ahtSeconds: 300, agents: 2000, seed: 3 }),
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timeSimulation(input: SimulationInput, runs: number): { contacts: number; perSecond: number } {
  let contacts = 0;
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    contacts = simulateDay(input).arrivals;
    rates.push(contacts / ((performance.now() - started) / 1000));
  }
  return { contacts, perSecond: median(rates) };
}

/** The router alone: one voice queue, 14 agents, each contact created, accepted, completed, wrapped up. */
function timeEngineAlone(contacts: number, runs: number): number {
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const clock = new ManualClock(0);
    const engine = new AcdEngine(clock);
    engine.configureCsq({
      id: 'q',
      channel: 'voice',
      skills: [{ skillId: 's', minCompetence: 1 }],
      criterion: 'longest_available',
    });
    for (let i = 0; i < 14; i++) {
      const config = { id: `a${i}`, skills: { s: 5 }, capacity: { chat: 1, email: 1 } };
      engine.upsertAgent({ ...config, offerChatWhileOnVoice: false, offerVoiceWhileOnChat: false });
      engine.setAgentState(`a${i}`, 'voice', 'ready');
    }
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    for (let i = 0; i < contacts; i++) {
      clock.advance(10);
      const id = `c${i}`;
      const offer = engine
        .createContact({ id, channel: 'voice', csqId: 'q', callType: 'q', priority: 5 })
        .find((e) => e.type === 'contact.offered');
      const agentId = offer?.type === 'contact.offered' ? offer.agentId : '';
      engine.accept(agentId, id);
      clock.advance(10);
      engine.complete(agentId, id);
      engine.endWrapUp(agentId, id, { reasons: [] });
      engine.nextDeadline();
    }
    rates.push(contacts / ((performance.now() - started) / 1000));
  }
  return median(rates);
}

export function run({ json }: { json: boolean }) {
  simulateDay(steadyQueue({ hours: 100, callsPerHalfHour: 100, ahtSeconds: 180, agents: 14, seed: 9 })); // warm-up
  const results: Record<string, { contacts: number; contacts_per_s: number }> = {};
  for (const { name, input } of SCENARIOS) {
    const { contacts, perSecond } = timeSimulation(input, 3);
    results[name] = { contacts, contacts_per_s: Math.round(perSecond) };
  }
  const engineAlone = Math.round(timeEngineAlone(200_000, 3));
  const erlangC = results.erlang_c?.contacts_per_s ?? 0;
  const summary = {
    contacts_per_s_erlang_c: erlangC,
    contacts_per_s_erlang_a: results.erlang_a?.contacts_per_s ?? 0,
    contacts_per_s_center_day_1500: results.center_day_1500?.contacts_per_s ?? 0,
    contacts_per_s_large_queue_2000: results.large_queue_2000?.contacts_per_s ?? 0,
    engine_alone_contacts_per_s: engineAlone,
    share_of_engine_speed: Number((erlangC / engineAlone).toFixed(3)),
    met_200k_erlang_c: erlangC >= 200_000 ? 1 : 0,
  };
  for (const [name, r] of Object.entries(results))
    console.log(
      `${name.padEnd(18)} ${String(r.contacts).padStart(8)} contacts  ${String(r.contacts_per_s).padStart(8)} contacts/s`,
    );
  console.log(
    `${'engine alone'.padEnd(18)} ${'200000'.padStart(8)} contacts  ${String(engineAlone).padStart(8)} contacts/s`,
  );
  const report = {
    bench: 'sim',
    params: { runs: 3, statistic: 'median' },
    results,
    baseline: { engine_alone: { contacts: 200_000, contacts_per_s: engineAlone } },
    ratio: { erlang_c_vs_engine_alone: summary.share_of_engine_speed },
    summary,
  };
  if (json) console.log(JSON.stringify(report));
  return report;
}

if (import.meta.main) run({ json: process.argv.includes('--json') });
