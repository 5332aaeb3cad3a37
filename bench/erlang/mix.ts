import type { AbandonRule } from '@switchboard/core';
/**
 * The benchmark's request: a week of 15-minute intervals (672) for 100 workloads, deterministic from SEED.
 *
 * Each workload has a peak volume per interval (log-uniform), an AHT, and a daily curve (two humps, quiet
 * nights, lighter weekends) with ±10 % noise. The mix: 56 voice workloads on Erlang C and 16 on Erlang A
 * (patience 30–300 s, all three service level rules), 18 chat workloads (2–4 concurrent chats, a quarter of
 * them Erlang A) and 10 email workloads (response within 1–24 h). Targets: service level 80/20, 90/15, 70/30
 * or an ASA of 15–60 s; maximum occupancy 85–95 %; shrinkage 25–35 %.
 */

import type {
  StaffingRequest,
  StaffingTarget,
  StaffingWorkload,
} from '../../packages/wfm/src/staffing/index.ts';

export const SEED = 20260715;
export const INTERVAL_MINUTES = 15;
export const INTERVALS = 7 * 96;
export const MIX = { voiceErlangC: 56, voiceErlangA: 16, chat: 18, email: 10 } as const;

/** splitmix32: a small deterministic generator, uniform in [0, 1). */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const uniform = (random: Random, min: number, max: number): number => min + random() * (max - min);
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const logUniform = (random: Random, min: number, max: number): number =>
  Math.exp(uniform(random, Math.log(min), Math.log(max)));

/** Share of the peak volume at an interval of the week: humps at 10:30 and 15:00, nights near zero. */
function dailyCurve(interval: number): number {
  const day = Math.floor(interval / 96);
  const hour = ((interval % 96) + 0.5) / 4;
  const hump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  const weekday = day >= 5 ? 0.45 : 1;
  return weekday * Math.max(0.02, 0.95 * hump(10.5, 2.2) + 0.8 * hump(15, 2.5));
}

function demandFor(random: Random, peakVolume: number, ahtSeconds: number) {
  return Array.from({ length: INTERVALS }, (_, i) => {
    const volume = Math.round(peakVolume * dailyCurve(i) * uniform(random, 0.9, 1.1));
    return { volume, ahtSeconds: Math.round(ahtSeconds * uniform(random, 0.95, 1.05)) };
  });
}

function targetFor(random: Random): StaffingTarget {
  if (random() < 0.2) return { kind: 'asa', seconds: Math.round(uniform(random, 15, 60)) };
  const [fraction, withinSeconds] = pick(random, [
    [0.8, 20],
    [0.9, 15],
    [0.7, 30],
  ] as const);
  return { kind: 'service_level', fraction, withinSeconds };
}

const RULES: readonly AbandonRule[] = ['counted_against', 'ignored', 'counted_for'];

export function buildRequest(seed = SEED): StaffingRequest {
  const random = randomSource(seed);
  const workloads: StaffingWorkload[] = [];
  const common = () => ({
    target: targetFor(random),
    maxOccupancy: Math.round(uniform(random, 0.85, 0.95) * 100) / 100,
    shrinkage: Math.round(uniform(random, 0.25, 0.35) * 100) / 100,
  });
  const patience = () => ({
    patienceSeconds: Math.round(uniform(random, 30, 300)),
    serviceLevelRule: pick(random, RULES),
  });
  for (let w = 0; w < MIX.voiceErlangC; w++) {
    const intervals = demandFor(random, logUniform(random, 5, 400), uniform(random, 120, 600));
    workloads.push({ id: `voice-c-${w}`, channel: 'voice', intervals, ...common() });
  }
  for (let w = 0; w < MIX.voiceErlangA; w++) {
    const intervals = demandFor(random, logUniform(random, 5, 400), uniform(random, 120, 600));
    workloads.push({ id: `voice-a-${w}`, channel: 'voice', intervals, ...common(), ...patience() });
  }
  for (let w = 0; w < MIX.chat; w++) {
    const intervals = demandFor(random, logUniform(random, 5, 200), uniform(random, 300, 900));
    const chat = {
      maxConcurrentChats: 2 + Math.floor(random() * 3),
      concurrencyAhtFactor: Math.round(uniform(random, 1, 1.3) * 100) / 100,
    };
    const abandonment = w % 4 === 0 ? patience() : {};
    workloads.push({ id: `chat-${w}`, channel: 'chat', intervals, ...common(), ...chat, ...abandonment });
  }
  for (let w = 0; w < MIX.email; w++) {
    const intervals = demandFor(random, logUniform(random, 5, 100), uniform(random, 180, 600));
    const responseSeconds = pick(random, [1, 2, 4, 8, 24]) * 3600;
    workloads.push({
      id: `email-${w}`,
      channel: 'email',
      intervals,
      responseSeconds,
      maxOccupancy: 0.9,
      shrinkage: 0.3,
    });
  }
  return { intervalMinutes: INTERVAL_MINUTES, workloads };
}
