import { expectedWaitMs } from '@switchboard/core';
import type { ChatDeps } from './chat.service.ts';

/** A waiting customer hears of their place at most this often; changes in between are sent together after. */
export const QUEUE_UPDATE_MS = 2_000;

type QueueFrame = { type: 'queue'; position: number; expectedWaitSeconds: number | null };

/**
 * Tells one waiting customer their place in line and expected wait: on every change of either, but never
 * more than once per QUEUE_UPDATE_MS (a busy queue moves many times a second).
 */
export function queueUpdates(
  chat: ChatDeps,
  tenantId: string,
  chatId: string,
  waiting: () => boolean,
  send: (frame: QueueFrame) => void,
) {
  let last = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;

  async function update(): Promise<void> {
    timer = null;
    if (!waiting()) return;
    const engine = (await chat.acd.router(tenantId)).engine;
    const contact = engine.contact(chatId);
    // Being offered to an agent, the customer is next: the offer may still ring out and put them back in line.
    const position = contact?.status === 'offered' ? 1 : engine.queuePosition(chatId);
    if (position === null || !contact || !waiting()) return;
    const estimate = expectedWaitMs(position, chat.hub.answeredAt(tenantId, contact.csqId), chat.clock.now());
    const frame: QueueFrame = {
      type: 'queue',
      position,
      expectedWaitSeconds: estimate === null ? null : Math.ceil(estimate / 1000),
    };
    const key = JSON.stringify(frame);
    if (key === last) return;
    last = key;
    lastAt = Date.now();
    send(frame);
  }

  return {
    /** Something moved in the tenant's queues. */
    changed(): void {
      if (timer) return;
      const wait = Math.max(0, lastAt + QUEUE_UPDATE_MS - Date.now());
      timer = setTimeout(() => void update().catch(() => {}), wait);
      timer.unref();
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
