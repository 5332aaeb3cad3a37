import { randomUUID } from 'node:crypto';
import { mulberry32 } from '@switchboard/core';

/**
 * The simulated center: 500 agents, 20 CSQs (14 voice, 6 chat), their call types, and how much arrives when.
 * Everything is drawn from one seed, so two runs write the same history (but for the ids).
 */
export const AGENTS = 500;
export const VOICE_AGENTS = 350;
/** Legs per average day: 90 days make about 1.8 million. */
export const LEGS_PER_DAY = 20_000;
const TRANSFER_SHARE = 0.06;

export interface Csq {
  id: string;
  name: string;
  channel: 'voice' | 'chat';
  callTypes: string[];
  /** Share of the day's contacts. */
  weight: number;
  serviceLevelSeconds: number;
}

export interface Center {
  csqs: Csq[];
  voice: Csq[];
  chat: Csq[];
  agentIds: string[];
}

const TOPICS = ['Billing', 'Sales', 'Support', 'Orders', 'Claims', 'Accounts', 'Returns'];

export function center(): Center {
  const csqs: Csq[] = [];
  for (let i = 0; i < 20; i++) {
    const channel = i < 14 ? 'voice' : 'chat';
    const topic = TOPICS[i % TOPICS.length] as string;
    csqs.push({
      id: randomUUID(),
      name: `${channel === 'voice' ? 'Voice' : 'Chat'} ${topic} ${String(i + 1).padStart(2, '0')}`,
      channel,
      callTypes: [topic, `${topic} priority`],
      // Zipf-like: a few big queues and a long tail.
      weight: 1 / (1 + i * 0.35),
      serviceLevelSeconds: channel === 'voice' ? 20 : 60,
    });
  }
  const total = csqs.reduce((sum, csq) => sum + csq.weight, 0);
  for (const csq of csqs) csq.weight /= total;
  return {
    csqs,
    voice: csqs.filter((csq) => csq.channel === 'voice'),
    chat: csqs.filter((csq) => csq.channel === 'chat'),
    agentIds: Array.from({ length: AGENTS }, () => randomUUID()),
  };
}

/** Weekdays carry more than weekends; the week averages to 1. */
export function dayFactor(weekday: number): number {
  return weekday === 0 || weekday === 6 ? 0.7 : 1.12;
}

/** Contacts of a day, so that the legs (one more per transfer) average LEGS_PER_DAY. */
export function contactsOfDay(weekday: number, random: () => number): number {
  const noise = 0.92 + random() * 0.16;
  return Math.round(((LEGS_PER_DAY / (1 + TRANSFER_SHARE)) * dayFactor(weekday) * noise) | 0);
}

export { TRANSFER_SHARE };

/** The hours (UTC) the center takes contacts. */
export const OPEN_HOURS = { from: 7, to: 21 } as const;

/**
 * Intraday arrivals over the open hours, with a morning peak at 10:30 and an afternoon one at 14:30.
 * Returns the minute of the day, drawn by rejection from the shape.
 */
export function arrivalMinute(random: () => number): number {
  for (;;) {
    const minute = OPEN_HOURS.from * 60 + random() * (OPEN_HOURS.to - OPEN_HOURS.from) * 60;
    const hour = minute / 60;
    const shape = 0.25 + Math.exp(-((hour - 10.5) ** 2) / 2.2) + 0.85 * Math.exp(-((hour - 14.5) ** 2) / 3);
    if (random() * 1.3 < shape) return minute;
  }
}

export const seeded = (seed: number) => mulberry32(seed);
