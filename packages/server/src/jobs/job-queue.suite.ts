import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SwitchboardError } from '@switchboard/core';
import { TestClock } from 'pg-boss';
import { Type } from 'typebox';
import type { Database } from '../db/database.ts';
import { BossJobQueue } from './boss-queue.ts';
import { FinalJobFailure, type JobDefinition, type JobScope, type JobState } from './job-queue.ts';

const TENANT_A = crypto.randomUUID();
const TENANT_B = crypto.randomUUID();
const A: JobScope = { tenantId: TENANT_A };
const B: JobScope = { tenantId: TENANT_B };
const Mailbox = Type.Object({ mailbox: Type.String({ minLength: 1 }) }, { additionalProperties: false });
const noRetry = { limit: 0, backoff: { delaySeconds: 1 } };
let names = 0;
const uniqueName = (base: string) => `${base}.${++names}`;

const refusedWith = (code: string) => (error: unknown) =>
  error instanceof SwitchboardError && error.code === code;

/** A promise and its resolver: handlers wait on these, tests release them. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * The job queue's contract, run on PGlite and PostgreSQL. Time is pg-boss's TestClock, moved by hand: a
 * test ticks it until what it waits for is true, so no test sleeps.
 */
export function jobQueueSuite(backend: string, open: () => Promise<Database>): void {
  describe(`jobs on ${backend}`, () => {
    let database: Database;
    const queues: BossJobQueue[] = [];
    before(async () => {
      database = await open();
    });
    after(async () => {
      for (const queue of queues) await queue.stop(0);
      await database.close();
    });

    async function startQueue(
      defs: Record<string, JobDefinition>,
      setup: (queue: BossJobQueue) => void = () => {},
      start = Date.parse('2026-03-28T12:00:00Z'),
    ) {
      const clock = new TestClock(start);
      const queue = new BossJobQueue({ database, clock, pollSeconds: 1, recurringCheckSeconds: 60 });
      for (const [name, def] of Object.entries(defs)) queue.define(name, def as JobDefinition);
      setup(queue);
      queues.push(queue);
      await queue.start();
      /** Moves time a second at a time until `done` holds (at most `limitSeconds`). */
      const until = async (done: () => boolean | Promise<boolean>, limitSeconds = 600) => {
        for (let s = 0; s < limitSeconds; s++) {
          if (await done()) return;
          await clock.tick(1000);
        }
        assert.fail(`not done after ${limitSeconds} s of job time`);
      };
      const stateOf = async (scope: JobScope, id: string) => (await queue.get(scope, id))?.state;
      const reaches = (scope: JobScope, id: string, state: JobState) => async () =>
        (await stateOf(scope, id)) === state;
      return { queue, clock, until, reaches };
    }

    test('a job runs with its payload and tenant, and only its tenant sees it', async () => {
      const seen: unknown[] = [];
      const name = uniqueName('mail.poll');
      const { queue, until, reaches } = await startQueue({
        [name]: {
          schema: Mailbox,
          retry: noRetry,
          handler: async (payload, run) => void seen.push([payload, run.tenantId]),
        },
      });
      const id = await queue.enqueue(TENANT_A, name, { mailbox: 'sales' });
      await until(reaches(A, id, 'completed'));
      assert.deepEqual(seen, [[{ mailbox: 'sales' }, TENANT_A]]);
      assert.ok((await queue.list(A, 'completed')).some((job) => job.id === id));
      assert.equal(await queue.get(B, id), undefined);
      assert.ok(!(await queue.list(B, 'completed')).some((job) => job.id === id));
      assert.ok((await queue.list('deployment', 'completed')).some((job) => job.id === id));
    });

    test('a payload that does not fit is refused when enqueued, with the reason', async () => {
      const name = uniqueName('mail.poll');
      const { queue } = await startQueue({
        [name]: { schema: Mailbox, retry: noRetry, handler: async () => {} },
      });
      await assert.rejects(queue.enqueue(TENANT_A, name, { mailbox: '' }), (error: unknown) => {
        assert.ok(refusedWith('validation_failed')(error));
        assert.match((error as Error).message, /mailbox/);
        return true;
      });
      assert.equal((await queue.list(A, 'queued')).filter((job) => job.name === name).length, 0);
    });

    test('a failing job is retried after a growing delay, then succeeds', async () => {
      const name = uniqueName('mail.send');
      const attempts: number[] = [];
      const { queue, clock, until } = await startQueue({
        [name]: {
          schema: Mailbox,
          retry: { limit: 3, backoff: { delaySeconds: 20 } },
          handler: async () => {
            attempts.push(clock.now());
            if (attempts.length < 3) throw new Error(`SMTP refused (attempt ${attempts.length})`);
          },
        },
      });
      const id = await queue.enqueue(TENANT_A, name, { mailbox: 'support' });
      await until(async () => attempts.length === 1 && (await queue.get(A, id))?.state === 'queued');
      const waiting = await queue.get(A, id);
      assert.equal(waiting?.state, 'queued');
      assert.equal(waiting?.error, 'SMTP refused (attempt 1)');
      await until(async () => (await queue.get(A, id))?.state === 'completed');
      assert.equal(attempts.length, 3);
      const [first = 0, second = 0, third = 0] = attempts;
      assert.ok(second - first >= 20_000, `waited ${second - first} ms before the first retry`);
      assert.ok(third - second >= 20_000, `waited ${third - second} ms before the second retry`);
    });

    test('a handler knows its last attempt, and a FinalJobFailure fails the job at once', async () => {
      const name = uniqueName('report.export');
      const seen: [number, boolean][] = [];
      const { queue, until, reaches } = await startQueue({
        [name]: {
          schema: Mailbox,
          retry: { limit: 2, backoff: { delaySeconds: 1 } },
          handler: async (payload, run) => {
            seen.push([run.retryCount, run.lastAttempt]);
            if ((payload as { mailbox: string }).mailbox === 'gone')
              throw new FinalJobFailure('the mailbox was deleted');
            throw new Error('the server is busy');
          },
        },
      });
      const busy = await queue.enqueue(TENANT_A, name, { mailbox: 'busy' });
      await until(reaches(A, busy, 'failed'));
      assert.deepEqual(seen, [
        [0, false],
        [1, false],
        [2, true],
      ]);
      seen.length = 0;
      const gone = await queue.enqueue(TENANT_A, name, { mailbox: 'gone' });
      await until(reaches(A, gone, 'failed'));
      assert.deepEqual(seen, [[0, false]]);
      assert.equal((await queue.get(A, gone))?.error, 'the mailbox was deleted');
    });

    test('a payload that no longer fits when it runs fails at once, never retried', async () => {
      const name = uniqueName('import.csv');
      // Enqueued under an older, looser schema; the new version of the kind needs a mailbox.
      const older = await startQueue({
        [name]: { schema: Type.Object({}), retry: noRetry, handler: async () => {} },
      });
      const id = await older.queue.enqueue(
        TENANT_A,
        name,
        { file: 'x.csv' },
        { runAt: new Date('2030-01-01') },
      );
      await older.queue.stop(0);
      let ran = 0;
      const { until, queue } = await startQueue(
        {
          [name]: {
            schema: Mailbox,
            retry: { limit: 5, backoff: { delaySeconds: 1 } },
            handler: async () => void ran++,
          },
        },
        () => {},
        Date.parse('2030-01-01T00:00:01Z'),
      );
      await until(async () => (await queue.get(A, id))?.state === 'failed');
      const failed = await queue.get(A, id);
      assert.equal(ran, 0);
      assert.equal(failed?.retryCount, 0);
      assert.match(failed?.error ?? '', /does not fit its schema/);
    });

    test('a singleton kind runs one job at a time per key', async () => {
      const name = uniqueName('schedule.optimise');
      const running = new Set<string>();
      let most = 0;
      const gates = new Map<string, ReturnType<typeof gate>>();
      const { queue, clock, until, reaches } = await startQueue({
        [name]: {
          schema: Mailbox,
          singleton: true,
          retry: noRetry,
          handler: async (payload) => {
            const { mailbox } = payload as { mailbox: string };
            running.add(mailbox);
            most = Math.max(most, running.size);
            await gates.get(mailbox)?.opened;
            running.delete(mailbox);
          },
        },
      });
      for (const m of ['a1', 'a2']) gates.set(m, gate());
      const first = await queue.enqueue(TENANT_A, name, { mailbox: 'a1' }, { key: 'team-1' });
      const second = await queue.enqueue(TENANT_A, name, { mailbox: 'a2' }, { key: 'team-1' });
      await until(() => running.size === 1);
      await clock.tick(10_000); // polls come and go: the second job must wait
      assert.equal(running.size, 1);
      const [waitingFor] = [...running];
      gates.get(waitingFor ?? '')?.open();
      await until(() => running.size === 1 && !running.has(waitingFor ?? ''));
      for (const g of gates.values()) g.open();
      await until(reaches(A, first, 'completed'));
      await until(reaches(A, second, 'completed'));
      assert.equal(most, 1);
    });

    test('a queued job can be cancelled; a finished one, or another tenant’s, cannot', async () => {
      const name = uniqueName('export.csv');
      let ran = 0;
      const { queue, until, reaches } = await startQueue({
        [name]: { schema: Mailbox, retry: noRetry, handler: async () => void ran++ },
      });
      const later = await queue.enqueue(
        TENANT_A,
        name,
        { mailbox: 'm' },
        { runAt: new Date('2026-03-29T00:00:00Z') },
      );
      await assert.rejects(queue.cancel(B, later), refusedWith('not_found'));
      assert.equal((await queue.cancel(A, later)).state, 'cancelled');
      assert.ok((await queue.list(A, 'cancelled')).some((job) => job.id === later));
      const now = await queue.enqueue(TENANT_A, name, { mailbox: 'm' });
      await until(reaches(A, now, 'completed'));
      await assert.rejects(queue.cancel(A, now), refusedWith('conflict'));
      await assert.rejects(queue.cancel(A, 'not-a-uuid'), refusedWith('not_found'));
      assert.equal(ran, 1);
    });

    test('a failed job is run again when retried', async () => {
      const name = uniqueName('mail.send');
      let mailServerUp = false;
      const { queue, until, reaches } = await startQueue({
        [name]: {
          schema: Mailbox,
          retry: noRetry,
          handler: async () => {
            if (!mailServerUp) throw new Error('connect ECONNREFUSED');
          },
        },
      });
      const id = await queue.enqueue(TENANT_A, name, { mailbox: 'm' });
      await until(reaches(A, id, 'failed'));
      const failed = await queue.list(A, 'failed');
      assert.equal(failed.find((job) => job.id === id)?.error, 'connect ECONNREFUSED');
      await assert.rejects(queue.retry(B, id), refusedWith('not_found'));
      mailServerUp = true;
      assert.equal((await queue.retry(A, id)).state, 'queued');
      await until(reaches(A, id, 'completed'));
      await assert.rejects(queue.retry(A, id), refusedWith('conflict'));
    });

    test('a job left running by a server that stopped is run again by the next one', async () => {
      const name = uniqueName('recapture');
      const def = (handler: () => Promise<void>): JobDefinition => ({
        schema: Mailbox,
        retry: { limit: 2, backoff: { delaySeconds: 1 } },
        timeoutMs: 60_000,
        handler,
      });
      const stuck = gate();
      let started = false;
      const first = await startQueue({
        [name]: def(async () => {
          started = true;
          await stuck.opened; // the process dies here: never resumed
        }),
      });
      const id = await first.queue.enqueue(TENANT_A, name, { mailbox: 'm' });
      await first.until(() => started);
      // The first server dies here: its clock never moves again, so it neither polls nor finishes.
      let reran = 0;
      const second = await startQueue({ [name]: def(async () => void reran++) }, () => {}, first.clock.now());
      await second.until(second.reaches(A, id, 'completed'), 300);
      assert.equal(reran, 1);
      stuck.open();
    });

    test('a nightly job is stored once per night across the change to summer time, by any number of servers', async () => {
      const name = uniqueName('retention.purge');
      const ran: number[] = [];
      const nightly = { kind: 'daily', hour: 2, minute: 30, timeZone: 'Europe/Paris' } as const;
      const start = Date.parse('2026-03-29T00:50:00Z'); // 01:50 in Paris, the night the clocks go forward
      const servers = [];
      for (let i = 0; i < 2; i++) {
        servers.push(
          await startQueue(
            { [name]: { schema: Type.Object({}), retry: noRetry, handler: async () => void ran.push(i) } },
            (queue) => queue.recur(name, nightly, {}),
            start,
          ),
        );
      }
      const [one] = servers;
      assert.ok(one);
      const runs = async () =>
        (await one.queue.list('deployment', 'completed')).filter((job) => job.name === name);
      // The run of the night before (01:30 UTC on the 28th) was due when the servers started: once.
      await one.until(async () => (await runs()).length === 1);
      // 02:30 does not exist that night: the run is at the change, 03:00 CEST = 01:00 UTC.
      for (const server of servers) await server.clock.setTime(Date.parse('2026-03-29T01:00:30Z'));
      await one.until(async () => (await runs()).length === 2, 120);
      const times = (await runs()).map((job) => job.runAt.toISOString()).sort();
      assert.deepEqual(times, ['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z']);
      assert.equal(ran.length, 2);
    });
  });
}
