import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClient } from '@switchboard/cli/api-client';
import { freshPostgresDatabase, postgresForTests } from '@switchboard/server/testing';
import { ADMIN_PASSWORD, ServerProcess } from './harness.ts';

interface Frame {
  type: string;
  cursor?: string;
  resync?: boolean;
  error?: { code: string };
}

const position = (cursor: string | undefined) => Number(String(cursor).split('.')[1]);

/** A seeded generator, so a failing schedule of drops and kills can be run again (SEED=… in the message). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * An integrator's client of the event stream: it keeps the cursor of the last event it received and, after any
 * drop, reconnects with it. `received` is every event it ever got, across all its connections.
 */
class ResumingClient {
  readonly received: Frame[] = [];
  #cursor: string | undefined;
  #socket: WebSocket | null = null;
  #waiters: { position: number; resolve: () => void }[] = [];
  readonly #url: string;
  readonly #token: () => string;

  constructor(url: string, token: () => string) {
    this.#url = url.replace('http', 'ws');
    this.#token = token;
  }

  /** Connects (resuming from the last cursor); resolves on `hello`, which must not ask to reload. */
  connect(): Promise<void> {
    const resume = this.#cursor ? `?cursor=${encodeURIComponent(this.#cursor)}` : '';
    const socket = new WebSocket(`${this.#url}/api/v1/events${resume}`, {
      headers: { authorization: `Bearer ${this.#token()}` },
    } as never);
    this.#socket = socket;
    return new Promise((resolve, reject) => {
      socket.addEventListener('message', (message) => {
        const frame = JSON.parse(String(message.data)) as Frame;
        if (frame.type === 'hello') {
          if (this.#cursor !== undefined && frame.resync !== false) reject(new Error('asked to resync'));
          this.#cursor ??= frame.cursor;
          resolve();
        } else if (frame.type === 'error') reject(new Error(frame.error?.code));
        else {
          this.received.push(frame);
          this.#cursor = frame.cursor;
          for (const waiter of [...this.#waiters])
            if (position(frame.cursor) >= waiter.position) {
              this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
              waiter.resolve();
            }
        }
      });
      socket.addEventListener('close', () => reject(new Error('closed before hello')));
    });
  }

  drop(): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()));
    socket.close();
    return closed;
  }

  reached(target: number): Promise<void> {
    if (position(this.#cursor) >= target) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ position: target, resolve }));
  }
}

async function dropsAndKills(env: Record<string, string>): Promise<void> {
  const seed = Number(process.env.SEED ?? Date.now() % 100_000);
  const next = random(seed);
  const server = await ServerProcess.create(env);
  try {
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const skill = await admin.request<{ id: string }>('POST', '/skills', { name: 'Billing' });
    const csq = await admin.request<{ id: string }>('POST', '/csqs', {
      name: 'Billing',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [{ skillId: skill.id, minCompetence: 1 }],
    });
    const client = new ResumingClient(server.url, () => admin.token);
    await client.connect();

    // Each round: a burst of work (contacts queueing: router events; new skills: configuration events), and
    // at a random moment in it the connection drops or the server is killed and started again.
    let made = 0;
    for (let round = 0; round < 5; round++) {
      const work = Array.from({ length: 3 + Math.floor(next() * 8) }, () => {
        made++;
        return next() < 0.7
          ? admin.request('POST', '/contacts', { channel: 'chat', csqId: csq.id })
          : admin.request('POST', '/skills', { name: `Skill ${made}` });
      });
      const settled = work.map((request) => request.catch(() => 'refused'));
      await settled[Math.floor(next() * settled.length)];
      if (next() < 0.5) await client.drop();
      else {
        await server.kill();
        await server.start();
      }
      await Promise.all(settled);
      await client.connect();
    }

    // Everything the administrator may read of the log, page by page, from its start.
    const feed: Frame[] = [];
    let after: string | undefined;
    for (let more = true; more; ) {
      const page = await admin.request<{ events: Frame[]; cursor: string; more: boolean }>(
        'GET',
        `/events/feed?limit=1000${after ? `&after=${after}` : ''}`,
      );
      feed.push(...page.events);
      ({ cursor: after, more } = page);
    }
    await client.reached(position(feed.at(-1)?.cursor));
    const first = position(client.received[0]?.cursor);
    assert.ok(made >= 15 && feed.length > made, `seed ${seed}: the rounds made events`);
    assert.deepEqual(
      client.received.map((frame) => frame.cursor),
      feed.filter((frame) => position(frame.cursor) >= first).map((frame) => frame.cursor),
      `seed ${seed}: every event exactly once, in order`,
    );
    assert.deepEqual(
      client.received,
      feed.filter((frame) => position(frame.cursor) >= first),
      `seed ${seed}`,
    );
    await client.drop();
  } finally {
    await server.destroy();
  }
}

const TITLE =
  'a client resuming by cursor across dropped connections and killed servers misses and repeats no event';

test(`${TITLE} (embedded database)`, () => dropsAndKills({}));

const postgres = postgresForTests();
test(`${TITLE} (PostgreSQL)`, { skip: postgres.available ? false : postgres.reason }, async () => {
  if (!postgres.available) return;
  const database = await freshPostgresDatabase(postgres.url);
  try {
    await dropsAndKills({ DATABASE_URL: database.url });
  } finally {
    await database.drop();
  }
});
