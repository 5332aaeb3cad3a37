import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ZONES } from '../calendar/testing/arbitraries.ts';
import { type IntervalRow, readIntervalTable } from './interval-file.ts';
import { intervalTable } from './interval-file-write.ts';
import {
  formatInstantInZone,
  isAlignedStart,
  readSeconds,
  readServiceLevel,
  readStart,
} from './interval-values.ts';

const value = <T>(read: { ok: true; value: T } | { ok: false; problem: string }): T | string =>
  read.ok ? read.value : read.problem;

describe('interval values', () => {
  test('durations: seconds, mm:ss, hh:mm:ss', () => {
    assert.equal(value(readSeconds('75')), 75);
    assert.equal(value(readSeconds('1:15')), 75);
    assert.equal(value(readSeconds('75:00')), 4500);
    assert.equal(value(readSeconds('01:01:15')), 3675);
    assert.match(String(value(readSeconds('1:75'))), /not a duration/);
    assert.match(String(value(readSeconds('-3'))), /negative/);
  });

  test('service level: 85%, 85 and 0.85 are the same', () => {
    for (const text of ['85%', '85', '0.85', ' 85 % ']) assert.equal(value(readServiceLevel(text)), 0.85);
    assert.match(String(value(readServiceLevel('-5'))), /negative/);
    assert.match(String(value(readServiceLevel('high'))), /write 85%, 85 or 0.85/);
  });

  test('a start with an offset names its instant whatever the zone', () => {
    const start = readStart('2026-07-01T10:00:00+02:00', 'America/New_York');
    assert.deepEqual(start, {
      ok: true,
      value: { ms: Date.parse('2026-07-01T08:00:00Z'), ambiguous: false },
    });
    assert.equal(
      value(readStart('2026-02-30 10:00', 'UTC')),
      'is not a valid date and time ("2026-02-30 10:00")',
    );
  });

  test('property: an aligned instant written with its offset reads back as itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1) / 900_000, max: Date.UTC(2030, 0, 1) / 900_000 }),
        (zone, quarter) => {
          const ms = quarter * 900_000;
          const read = readStart(formatInstantInZone(zone, ms), zone);
          assert.ok(read.ok);
          assert.equal(read.value.ms, ms);
        },
      ),
    );
  });

  test('property: rows written to the default columns read back unchanged', () => {
    const row: fc.Arbitrary<Omit<IntervalRow, 'intervalStart' | 'queue'>> = fc
      .record({
        offered: fc.integer({ min: 0, max: 10_000 }),
        answeredShare: fc.double({ min: 0, max: 1, noNaN: true }),
        abandonedShare: fc.double({ min: 0, max: 1, noNaN: true }),
        ahtCents: fc.integer({ min: 0, max: 1_000_000 }),
        asaSeconds: fc.option(fc.integer({ min: 0, max: 3600 })),
        serviceLevel: fc.option(fc.integer({ min: 0, max: 10_000 }).map((basis) => basis / 10_000)),
      })
      .map(({ offered, answeredShare, abandonedShare, ahtCents, asaSeconds, serviceLevel }) => ({
        offered,
        answered: Math.floor(offered * answeredShare),
        abandoned: Math.floor(offered * abandonedShare),
        ahtSeconds: ahtCents / 100,
        asaSeconds,
        serviceLevel,
      }));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: Date.UTC(2024, 0, 1) / 3_600_000, max: Date.UTC(2028, 0, 1) / 3_600_000 }),
        fc.array(fc.tuple(fc.constantFrom('Sales', 'Billing, east', '=cmd'), row), { maxLength: 20 }),
        (zone, minutes, firstHour, drawn) => {
          const rows: IntervalRow[] = drawn.map(([queue, fields], at) => ({
            ...fields,
            queue,
            intervalStart: firstHour * 3_600_000 + at * minutes * 60_000,
          }));
          const aligned = rows.filter((r) => isAlignedStart(zone, r.intervalStart, minutes));
          const table = intervalTable(aligned, {
            timeZone: zone,
            queue: true,
            asa: true,
            serviceLevel: true,
          });
          const cells = [table.header, ...table.records.map((record) => record.map(String))];
          const reading = readIntervalTable(cells, { timeZone: zone, minutes });
          if (aligned.length === 0) return;
          assert.deepEqual(reading.errors, []);
          assert.deepEqual(reading.rows, aligned);
        },
      ),
    );
  });
});
