import { ApiClient } from '@switchboard/cli/api-client';
import { ADMIN_PASSWORD, startServer } from './server.ts';

/** Events a resuming socket is behind. */
export const REPLAY_EVENTS = 10_000;

export interface ReplayResult {
  events: number;
  /** A socket reconnecting with a cursor 10,000 events behind: events received per second until caught up. */
  events_replayed_per_s: number;
  /** The baseline: the same events read through the HTTP feed, 1,000 per page. */
  feed_events_per_s: number;
}

/** One request after another from `parallel` workers until `total` are done. */
async function inParallel(total: number, parallel: number, request: () => Promise<unknown>): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (started < total) {
        started++;
        await request();
      }
    }),
  );
}

/**
 * On a fresh embedded server: 5,000 contacts queue (10,000 events: created and queued) while no socket is open,
 * then a socket resumes from the cursor before them; the time until its last event arrives is the replay rate.
 */
export async function measureReplay(): Promise<ReplayResult> {
  const server = await startServer(null);
  try {
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const skill = await admin.request<{ id: string }>('POST', '/skills', { name: 'Replay' });
    const csq = await admin.request<{ id: string }>('POST', '/csqs', {
      name: 'Replay',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [{ skillId: skill.id, minCompetence: 1 }],
    });
    type Page = { events: { cursor: string }[]; cursor: string; more: boolean };
    const readAll = async (from: string) => {
      let count = 0;
      let after = from;
      for (let more = true; more; ) {
        const page = await admin.request<Page>('GET', `/events/feed?limit=1000&after=${after}`);
        count += page.events.length;
        ({ cursor: after, more } = page);
      }
      return count;
    };
    // Where the log ends before the contacts: the cursor the socket resumes from.
    let start = '';
    for (let more = true; more; ) {
      const page = await admin.request<Page>(
        'GET',
        `/events/feed?limit=1000${start ? `&after=${start}` : ''}`,
      );
      ({ cursor: start, more } = page);
    }
    await inParallel(REPLAY_EVENTS / 2, 16, () =>
      admin.request('POST', '/contacts', { channel: 'chat', csqId: csq.id }),
    );

    const socketStarted = performance.now();
    const received = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events?cursor=${start}`, {
        headers: { authorization: `Bearer ${admin.token}` },
      } as never);
      let count = 0;
      socket.addEventListener('message', (message) => {
        const frame = JSON.parse(String(message.data)) as { type: string; resync?: boolean };
        if (frame.type === 'hello' && frame.resync) reject(new Error('the socket was asked to resync'));
        if (frame.type === 'hello') return;
        if (++count === REPLAY_EVENTS) {
          socket.close();
          resolve(count);
        }
      });
      socket.addEventListener('close', () => reject(new Error(`closed after ${count} events`)));
    });
    const socketSeconds = (performance.now() - socketStarted) / 1000;
    const feedStarted = performance.now();
    const fed = await readAll(start);
    const feedSeconds = (performance.now() - feedStarted) / 1000;
    return {
      events: received,
      events_replayed_per_s: Math.round(received / socketSeconds),
      feed_events_per_s: Math.round(fed / feedSeconds),
    };
  } finally {
    await server.stop();
  }
}
