import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LIMITS } from '../limits.ts';
import { type IntervalFileOptions, IntervalFileReader, readIntervalTable } from './interval-file.ts';

const DEFAULT_HEADER = [
  'Minutes',
  'Calls Presented',
  'Calls Answered',
  'Calls Abandoned',
  'Avg Call Duration',
];
const utc: IntervalFileOptions = { timeZone: 'UTC', minutes: 15, queue: 'Sales' };

const read = (table: string[][], options: Partial<IntervalFileOptions> = {}) =>
  readIntervalTable(table, { ...utc, ...options });
const messages = (table: string[][], options: Partial<IntervalFileOptions> = {}) =>
  read(table, options).errors.map((error) => error.message);

describe('reading interval files', () => {
  test('the report-API columns, with the queue the user chose', () => {
    const reading = read([DEFAULT_HEADER, ['2026-03-02T08:15:00Z', '12', '10', '2', '185.5']]);
    assert.deepEqual(reading.errors, []);
    assert.deepEqual(reading.rows, [
      {
        queue: 'Sales',
        intervalStart: Date.parse('2026-03-02T08:15:00Z'),
        offered: 12,
        answered: 10,
        abandoned: 2,
        ahtSeconds: 185.5,
        asaSeconds: null,
        serviceLevel: null,
      },
    ]);
    assert.deepEqual(
      reading.columns.map((column) => column.field),
      ['intervalStart', 'offered', 'answered', 'abandoned', 'ahtSeconds'],
    );
  });

  test('the field variants: Date and Interval, any case and spacing, durations and service levels', () => {
    const header = [
      'date',
      'INTERVAL',
      'Queue',
      'calls offered',
      'Answered',
      'Abandoned',
      'Average Handle Time',
      'ASA',
      'SLA',
    ];
    const reading = read(
      [
        header,
        ['2026-03-02', '08:00 - 08:15', 'Billing', '10', '9', '1', '3:05', '0:20', '85%'],
        ['2026-03-02', '08:15', 'Billing', '10', '9', '1', '1:00:00', '12', '85'],
        ['2026-03-02', '08:30', 'Billing', '10', '9', '1', '90', '', '0.85'],
      ],
      { queue: undefined, timeZone: 'Europe/Berlin' },
    );
    assert.deepEqual(reading.errors, []);
    assert.deepEqual(
      reading.rows.map((row) => [
        new Date(row.intervalStart).toISOString(),
        row.queue,
        row.ahtSeconds,
        row.asaSeconds,
        row.serviceLevel,
      ]),
      [
        ['2026-03-02T07:00:00.000Z', 'Billing', 185, 20, 0.85],
        ['2026-03-02T07:15:00.000Z', 'Billing', 3600, 12, 0.85],
        ['2026-03-02T07:30:00.000Z', 'Billing', 90, null, 0.85],
      ],
    );
  });

  test('the service level rule: above 1 is a percentage, up to 1 a fraction', () => {
    const rows = read([
      [...DEFAULT_HEADER, 'Service Level'],
      ['2026-03-02 08:00', '1', '1', '0', '10', '1'],
      ['2026-03-02 08:15', '1', '1', '0', '10', '1%'],
      ['2026-03-02 08:30', '1', '1', '0', '10', '100'],
    ]).rows;
    assert.deepEqual(
      rows.map((row) => row.serviceLevel),
      [1, 0.01, 1],
    );
    assert.match(
      messages([
        [...DEFAULT_HEADER, 'SLA'],
        ['2026-03-02 08:00', '1', '1', '0', '10', '120'],
      ])[0] ?? '',
      /SLA is above 100%/,
    );
  });

  test("a user's mapping overrides the default names, and ignore leaves a column out", () => {
    const reading = read(
      [
        ['Start time', 'Calls Presented', 'Handled', 'Calls Abandoned', 'Talk', 'Minutes'],
        ['2026-03-02 08:00', '5', '4', '1', '100', 'not a time'],
      ],
      {
        mapping: {
          'start TIME': 'intervalStart',
          Handled: 'answered',
          Talk: 'ahtSeconds',
          Minutes: 'ignore',
        },
      },
    );
    assert.deepEqual(reading.errors, []);
    assert.equal(reading.rows[0]?.answered, 4);
    assert.deepEqual(reading.columns.at(-1), { name: 'Minutes', field: null });
  });

  test('missing columns name the field and the columns that could be mapped', () => {
    const errors = read(
      [['Minutes', 'Calls Presented', 'Handled', 'Calls Abandoned', 'Avg Call Duration'], ['x']],
      {
        queue: undefined,
      },
    ).errors;
    assert.deepEqual(
      errors.map((error) => error.message),
      [
        'line 1: no column for Calls Answered; map one of: Handled',
        'line 1: no column for Queue; map one of: Handled, or choose the queue the whole file is about',
      ],
    );
  });

  test('mapping mistakes: an unknown field, a column the file lacks, two columns on one field', () => {
    assert.deepEqual(
      messages([DEFAULT_HEADER, []], {
        mapping: {
          Minutes: 'start',
          Foo: 'queue',
          'Calls Answered': 'offered',
          'calls presented': 'offered',
        },
      }),
      [
        'line 1: the mapping gives column "Minutes" the field "start", which is not one of: intervalStart, intervalDate, intervalTime, queue, offered, answered, abandoned, ahtSeconds, asaSeconds, serviceLevel, ignore',
        'line 1: the mapping names column "Foo", which the file does not have; its columns are: Minutes, Calls Presented, Calls Answered, Calls Abandoned, Avg Call Duration',
        'line 1: columns "Calls Presented" and "Calls Answered" are both mapped to offered; map only one',
        'line 1: no column for Calls Answered; the file has no other column to map',
      ],
    );
  });

  test('row errors: line number and a sentence for each kind', () => {
    const errors = messages([
      DEFAULT_HEADER,
      ['2026-03-02 08:00', '10', '11', '0', '60'],
      ['2026-03-02 08:15', '10', '0', '12', '60'],
      ['2026-03-02 08:30', 'ten', '-1', '', 'soon'],
      ['2026-03-02 08:40', '1', '1', '0', '60'],
      ['2026-03-02 08:45', '1', '1', '0', '60'],
      ['2026-03-02 08:45', '1', '1', '0', '60'],
      ['March 2nd', '1', '1', '0', '60'],
    ]);
    assert.deepEqual(errors, [
      'line 2: Calls Answered is greater than Calls Presented',
      'line 3: Calls Abandoned is greater than Calls Presented',
      'line 4: Calls Presented is not a whole number ("ten")',
      'line 4: Calls Answered is negative (-1)',
      'line 4: Calls Abandoned is empty; write 0 for none',
      'line 4: Avg Call Duration is not a duration ("soon"); write seconds, mm:ss or hh:mm:ss',
      'line 5: Minutes does not start a 15-minute interval in UTC (it must fall on :00, :15…)',
      'line 7: the interval of Sales at this start is already on line 6',
      'line 8: Minutes is not a date and time ("March 2nd"); write 2026-03-02 08:15, 2026-03-02T08:15 or 2026-03-02T08:15:00+01:00',
    ]);
  });

  test('alignment is to the wall clock of the zone, for the row size the user states', () => {
    const row = (start: string) => [start, '1', '1', '0', '60'];
    assert.deepEqual(
      messages([DEFAULT_HEADER, row('2026-03-02T08:00:00Z')], { timeZone: 'Asia/Kolkata', minutes: 60 }),
      ['line 2: Minutes does not start a 60-minute interval in Asia/Kolkata (it must fall on :00…)'],
    );
    assert.deepEqual(
      messages([DEFAULT_HEADER, row('2026-03-02T08:30:00Z')], { timeZone: 'Asia/Kolkata', minutes: 60 }),
      [],
    );
    assert.equal(messages([DEFAULT_HEADER, row('2026-03-02 08:30')], { minutes: 60 }).length, 1);
    assert.deepEqual(messages([DEFAULT_HEADER, row('2026-03-02 08:30')], { minutes: 30 }), []);
  });

  test('a local time in the spring-forward gap is a row error', () => {
    const errors = messages([DEFAULT_HEADER, ['2026-03-29 02:15', '1', '1', '0', '60']], {
      timeZone: 'Europe/Berlin',
    });
    assert.deepEqual(errors, [
      'line 2: Minutes 2026-03-29 02:15 does not exist in Europe/Berlin (the clocks go forward then); leave the row out or give the time with its offset',
    ]);
  });

  test('a repeated local time takes the first occurrence; the second needs its offset', () => {
    const zone = { timeZone: 'America/New_York' };
    const row = (start: string) => [start, '1', '1', '0', '60'];
    const first = read([DEFAULT_HEADER, row('2026-11-01 01:30')], zone).rows[0];
    assert.equal(first?.intervalStart, Date.parse('2026-11-01T01:30:00-04:00'));
    const both = read([DEFAULT_HEADER, row('2026-11-01 01:30'), row('2026-11-01T01:30-05:00')], zone);
    assert.deepEqual(both.errors, []);
    assert.equal(both.rows[1]?.intervalStart, Date.parse('2026-11-01T01:30:00-05:00'));
    const [error] = messages([DEFAULT_HEADER, row('2026-11-01 01:30'), row('2026-11-01 01:30')], zone);
    assert.match(
      error ?? '',
      /^line 3: .* already on line 2; that local time happens twice in America\/New_York/,
    );
  });

  test('blank rows are skipped; a blank handle time is 0 when nothing was answered', () => {
    const reading = read([DEFAULT_HEADER, ['', '', '', '', ''], ['2026-03-02 08:00', '3', '0', '3', '']]);
    assert.deepEqual(reading.errors, []);
    assert.equal(reading.rows[0]?.ahtSeconds, 0);
  });

  test('an empty file, and a header without rows', () => {
    assert.deepEqual(messages([]), ['the file is empty; it needs a header row and one row per interval']);
    assert.deepEqual(messages([DEFAULT_HEADER]), ['the file has a header but no rows']);
  });

  test('collects at most 100 errors, then stops reading', () => {
    const table = [DEFAULT_HEADER, ...Array.from({ length: 150 }, () => ['x', '1', '1', '0', '1'])];
    const reading = read(table);
    assert.equal(reading.errors.length, LIMITS.intervalImport.errorsReported);
    assert.equal(reading.errorsTruncated, true);
    assert.deepEqual(reading.rows, []);
  });

  test('streams row by row and says when it has stopped', () => {
    const reader = new IntervalFileReader({ ...utc, mapping: { Nope: 'queue' } });
    reader.header(DEFAULT_HEADER);
    assert.equal(reader.stopped, true);
    assert.equal(reader.finish().errors.length, 1);
  });

  test('a queue name longer than the limit is refused', () => {
    const long = 'q'.repeat(LIMITS.intervalQueueName.max + 1);
    assert.match(
      messages([DEFAULT_HEADER, ['2026-03-02 08:00', '1', '1', '0', '1']], { queue: long })[0] ?? '',
      /longer than 100/,
    );
  });
});
