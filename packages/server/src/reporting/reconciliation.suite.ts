import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AGENT_COUNT_FIELDS,
  type AgentCounts,
  addAgentCounts,
  detailRecordsOf,
  formatLocalDate,
  intervalAt,
  intervalsOfDay,
  localIso,
  noAgentCounts,
} from '@switchboard/core';
import type { Database } from '../db/database.ts';
import { startTestApp } from '../testing/test-app.ts';
import { captureTenant, recaptureDay } from './capture.ts';
import { detailRecordsRepository } from './detail-records.repository.ts';
import { buildCenter, type Center, INTERVAL_MS, PLAIN_CSQS } from './reconciliation-center.ts';
import { TrafficDay } from './reconciliation-day.ts';
import {
  agentCountsFromSegments,
  byAgentAndDomain,
  contactCountsFromLegs,
  nonZero,
  stateTimeFromTrace,
  storedDay,
  sumBy,
} from './reconciliation-expected.ts';
import { forget, rawCounts, snapshot } from './reconciliation-raw.ts';
import { assertFigures, expectedCsqRows, figuresOf, type Rows, report } from './reconciliation-reports.ts';

const SEED = 20_260_301;
const OFFER_FIELDS = AGENT_COUNT_FIELDS.filter(
  (field) => !field.endsWith('Ms') || /talk|hold|wrap/.test(field),
);
const offersOnly = (counts: AgentCounts) =>
  Object.fromEntries(OFFER_FIELDS.map((field) => [field, counts[field]])) as unknown as AgentCounts;

/**
 * A day of traffic through the real API, captured after every interval: every figure the interval tables and
 * the reports hold is checked against the detail records and the raw contacts, events and state trace.
 */
export function reconciliationSuite(backend: string, openDatabase?: () => Promise<Database>): void {
  describe(`a day of traffic reconciles on ${backend}`, () => {
    let center: Center;
    let day: TrafficDay;
    let stored: Awaited<ReturnType<typeof storedDay>>;
    const thresholdOf = (csqId: string) =>
      Object.values(center.csqs).find((csq) => csq.id === csqId)?.serviceLevelSeconds ?? 20;

    before(async () => {
      const server = await startTestApp({}, undefined, openDatabase);
      // The checks capture by hand: no background capture runs between them.
      await server.jobs.stop();
      center = await buildCenter(server);
      day = new TrafficDay(center, SEED);
      await day.run();
      stored = await storedDay(server.database.db, center.tenantId);
    });
    after(() => center?.server.close());

    test('the day is varied: every kind of contact and agent event happened, over several intervals', (t) => {
      const legs = stored.legs;
      const count = (filter: (leg: (typeof legs)[number]) => boolean) => legs.filter(filter).length;
      const figures = {
        quarterHoursInTheDay: intervalsOfDay('Europe/Berlin', center.date, 15).length,
        contactsInTheRepeatedHour: count((leg) =>
          localIso('Europe/Berlin', intervalAt('Europe/Berlin', 60, leg.enteredAt).start).endsWith(
            'T02:00:00+01:00',
          ),
        ),
        contacts: day.contacts,
        legs: legs.length,
        captures: day.captures,
        abandonedInQueue: count((leg) => leg.outcome === 'abandoned'),
        abandonedWhileOffered: count(
          (leg) => leg.outcome === 'abandoned_while_offered' && (leg.endedAt ?? 0) - leg.enteredAt >= 5000,
        ),
        dequeued: count((leg) => leg.outcome === 'dequeued'),
        transferredOrRequeued: count((leg) => leg.outcome === 'transferred' || leg.outcome === 'requeued'),
        shortAbandons: count(
          (leg) =>
            leg.answeredAt === null &&
            leg.outcome?.startsWith('abandoned') === true &&
            (leg.endedAt ?? 0) - leg.enteredAt < 5000,
        ),
        ringNoAnswer: legs.reduce((sum, leg) => sum + leg.noAnswers, 0),
        held: count((leg) => leg.holdMs > 0),
        groupChats: count((leg) => leg.chatType === 'group'),
        transfersToAgents:
          stored.segments.filter((s) => s.outcome === 'transferred').length -
          count((leg) => leg.outcome === 'transferred'),
        endedAfterTheirIntervalClosed: count(
          (leg) => leg.endedAt !== null && leg.endedAt >= intervalAt('Europe/Berlin', 15, leg.enteredAt).end,
        ),
        notReadyWithReason: stored.trace.filter(
          (entry) => entry.state === 'not_ready' && entry.reasonCode !== null,
        ).length,
      };
      t.diagnostic(`${formatLocalDate(center.date)}: ${JSON.stringify(figures)}`);
      assert.equal(figures.quarterHoursInTheDay, 100, 'the day the clocks go back');
      assert.ok(figures.contacts >= 250, `several hundred contacts: ${figures.contacts}`);
      for (const [name, value] of Object.entries(figures)) assert.ok(value > 0, `${name} happened`);
      assert.ok(day.captures >= 8, 'captured after each of several intervals');
    });

    test('the detail records are the fold of the raw events', async () => {
      const { db } = center.server.database;
      const ids = [...new Set(stored.legs.map((leg) => leg.contactId))];
      const refolded = detailRecordsOf(await detailRecordsRepository.eventsOf(db, center.tenantId, ids));
      const order = <T extends { contactId: string }>(list: T[], n: (x: T) => number) =>
        [...list].sort((a, b) => a.contactId.localeCompare(b.contactId) || n(a) - n(b));
      assert.deepEqual(
        order(stored.legs, (leg) => leg.leg),
        order(refolded.legs, (leg) => leg.leg),
      );
      const bySeq = (s: (typeof stored.segments)[number]) => s.offeredAt * 10 + s.seq;
      assert.deepEqual(order(stored.segments, bySeq), order(refolded.segments, bySeq));
    });

    test('every interval row is the sum of its detail records, field by field', () => {
      for (const table of [stored.csq, stored.callType, stored.agent, stored.agentCsq])
        assert.ok(table.size > 20, 'rows in every interval table');
      assert.deepEqual(
        nonZero(stored.csq),
        nonZero(contactCountsFromLegs(stored.legs, thresholdOf, (leg) => leg.csqId)),
      );
      assert.deepEqual(
        nonZero(stored.callType),
        nonZero(contactCountsFromLegs(stored.legs, thresholdOf, (leg) => leg.callType)),
      );
      assert.deepEqual(
        nonZero(stored.agentCsq),
        nonZero(agentCountsFromSegments(stored.segments, (s) => `${s.agentId} ${s.csqId}`)),
      );
      const agentOffers = new Map([...stored.agent].map(([key, counts]) => [key, offersOnly(counts)]));
      const fromSegments = new Map(
        [...agentCountsFromSegments(stored.segments, byAgentAndDomain)].map(([key, counts]) => [
          key,
          offersOnly(counts),
        ]),
      );
      assert.deepEqual(nonZero(agentOffers), nonZero(fromSegments));
    });

    for (const rows of ['quarter', 'hour', 'day', 'summary'] as Rows[])
      test(`csq-activity by ${rows} is the sum of the interval rows, its rates recomputed from the sums`, async () => {
        const expected = expectedCsqRows(center, rows, stored.csq);
        const got = await report(center, 'csq-activity', rows);
        assert.equal(got.length, expected.size);
        for (const row of got) {
          const start = rows === 'summary' ? null : Date.parse(String(row.intervalStart));
          const key = [...expected.keys()].find(
            (k) => k.endsWith(`|${row.csqId}`) && (start === null || Number(k.split('|')[0]) === start),
          );
          assert.ok(key, `an expected row for ${row.intervalStart} ${row.csqId}`);
          assertFigures(row, figuresOf(expected.get(key) as never), key);
        }
      });

    test('wfm-interval says what csq-activity says, row by row', async () => {
      for (const rows of ['quarter', 'summary'] as Rows[]) {
        const activity = await report(center, 'csq-activity', rows);
        const wfm = await report(center, 'wfm-interval', rows);
        assert.equal(wfm.length, activity.length);
        const byKey = new Map(
          wfm.map((row) => [`${rows === 'summary' ? '' : row.Minutes}|${row.Queue}`, row]),
        );
        for (const row of activity) {
          const w = byKey.get(`${rows === 'summary' ? '' : row.intervalStart}|${row.csqName}`);
          assert.ok(w, `wfm row for ${row.intervalStart} ${row.csqName}`);
          assert.equal(w['Calls Presented'], row.offered);
          assert.equal(w['Calls Answered'], row.answered);
          assert.equal(w['Calls Abandoned'], row.abandoned);
          const aht = row.ahtSeconds as number | null;
          assert.equal(w['Avg Call Duration'], aht === null ? 0 : Math.round(aht * 10) / 10);
        }
      }
    });

    test('the contacts drill-down of every non-zero total lists exactly that many contacts', async () => {
      const kinds = {
        offered: 'offered',
        answered: 'answered',
        handled: 'handled',
        abandoned: 'abandoned',
        dequeued: 'dequeued',
        withinThreshold: 'answeredWithinThreshold',
      } as const;
      let drilled = 0;
      for (const [key, counts] of stored.csq) {
        const [start, csqId] = key.split('|') as [string, string];
        const interval = `&csqId=${csqId}&start=${new Date(Number(start)).toISOString()}&end=${new Date(Number(start) + INTERVAL_MS).toISOString()}`;
        for (const [kind, field] of Object.entries(kinds)) {
          if (counts[field] === 0) continue;
          const rows = await report(center, 'contacts', 'quarter', `${interval}&kind=${kind}`);
          assert.equal(
            rows.length,
            counts[field],
            `${kind} at ${localIso('Europe/Berlin', Number(start))} in ${csqId}`,
          );
          drilled++;
        }
      }
      assert.ok(drilled > 50, `drilled into ${drilled} totals`);
    });

    test('CSQs without transfers: the raw contacts and events give the report’s day totals', async (t) => {
      const summary = await report(center, 'csq-activity', 'summary');
      for (const row of summary)
        t.diagnostic(
          `${row.csqName}: offered ${row.offered}, answered ${row.answered}, handled ${row.handled}, abandoned ${row.abandoned} (${row.abandonedWhileOffered} while offered), short ${row.shortAbandoned}, dequeued ${row.dequeued}, SL ${row.serviceLevel}, ASA ${row.asaSeconds}, AHT ${row.ahtSeconds}, RONA ${row.noAnswers}, transfers out ${row.transfersOut}`,
        );
      for (const name of PLAIN_CSQS) {
        const csq = center.csqs[name];
        const raw = await rawCounts(center, csq.id, csq.serviceLevelSeconds);
        const found = summary.find((r) => r.csqId === csq.id);
        assert.ok(found);
        const row = {
          offered: Number(found.offered),
          answered: Number(found.answered),
          handled: Number(found.handled),
          abandoned: Number(found.abandoned),
          abandonedWhileOffered: Number(found.abandonedWhileOffered),
          shortAbandoned: Number(found.shortAbandoned),
          dequeued: Number(found.dequeued),
          answeredWithinThreshold: Number(found.answeredWithinThreshold),
          noAnswers: Number(found.noAnswers),
          asaSeconds: found.asaSeconds === null ? null : Number(found.asaSeconds),
        };
        const where = `${name}: raw ${JSON.stringify(raw)}`;
        assert.equal(raw.created, row.offered + row.shortAbandoned, where);
        assert.equal(raw.endedAbandoned, row.abandoned + row.shortAbandoned, where);
        assert.equal(raw.abandonedWhileOffered, row.abandonedWhileOffered, where);
        assert.equal(raw.dequeued, row.dequeued, where);
        assert.equal(raw.accepted, row.answered, where);
        assert.equal(raw.acceptedWithin, row.answeredWithinThreshold, where);
        assert.ok(Math.abs(raw.answerWaitMs / 1000 - row.answered * (row.asaSeconds ?? 0)) < 1e-6, where);
        assert.equal(raw.endedHandled, row.handled, where);
        assert.equal(raw.wrapUpsEnded, row.handled, where);
        assert.equal(raw.ringOuts, row.noAnswers, where);
      }
    });

    test("each agent's time in each state over the day is the time the state trace shows", () => {
      const { time, open } = stateTimeFromTrace(stored.trace);
      assert.deepEqual(open, [], 'every agent logged out at the end of the day');
      const perAgent = sumBy(
        stored.agent,
        (key) => (key.split('|')[1] as string).split(' ')[0] as string,
        noAgentCounts,
        addAgentCounts,
      );
      for (const agent of center.agents) {
        const counts = perAgent.get(agent.id) ?? noAgentCounts();
        const traced = (state: string) => time.get(`${agent.id}|${state}`) ?? 0;
        assert.ok(counts.loggedInMs > 0);
        assert.equal(counts.loggedInMs, traced('loggedIn'), `logged in, ${agent.username}`);
        assert.equal(counts.readyMs, traced('ready'));
        assert.equal(counts.notReadyMs, traced('not_ready'));
        assert.equal(counts.reservedMs, traced('reserved'));
        assert.equal(counts.activeMs, traced('active'));
        assert.equal(counts.workMs, traced('work'));
      }
      const reasons = sumBy(
        stored.reasons,
        (key) => {
          const [agentId, , code] = (key.split('|')[1] as string).split(' ');
          return `${agentId}|reason ${code}`;
        },
        () => 0,
        (a, b) => a + b,
      );
      for (const [key, ms] of reasons) assert.equal(ms, time.get(key), key);
      const tracedReasons = [...time.keys()].filter((key) => key.includes('|reason '));
      assert.deepEqual(tracedReasons.sort(), [...reasons.keys()].sort());
    });

    test('captured interval by interval, the tables are those one recapture of the day rebuilds from nothing', async () => {
      const { db } = center.server.database;
      const now = center.server.clock.now();
      assert.equal((await captureTenant(db, center.tenantId, now)).intervals, 0, 'nothing left to capture');
      const stepwise = await snapshot(db, center.tenantId);
      await forget(db, center.tenantId);
      await recaptureDay(db, center.tenantId, center.date, now);
      const recaptured = await snapshot(db, center.tenantId);
      assert.ok(stepwise.csq_intervals.length > 0);
      assert.deepEqual(recaptured, stepwise);
    });
  });
}
