import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drillOf, formatValue, rowSpan } from './report-format.ts';
import type { Report, ReportColumn } from './report-types.ts';

const col = (name: string, type: ReportColumn['type'], unit: 's' | null = null): ReportColumn => ({
  name,
  label: name,
  type,
  unit,
});

const report = (patch: Partial<Report> = {}): Report => ({
  template: 'csq-activity',
  timeZone: 'Europe/Berlin',
  from: '2026-03-29',
  to: '2026-03-29',
  rowMinutes: 15,
  summarize: false,
  columns: [],
  rows: [],
  next: null,
  ...patch,
});

describe('report values', () => {
  test('durations read m:ss, ratios as per cent, nothing as a dash', () => {
    assert.equal(formatValue(col('asaSeconds', 'number', 's'), 75.4, 'UTC'), '1:15');
    assert.equal(formatValue(col('serviceLevel', 'ratio'), 0.8571, 'UTC'), '85.7 %');
    assert.equal(formatValue(col('serviceLevel', 'ratio'), null, 'UTC'), '—');
    assert.equal(formatValue(col('offered', 'integer'), 12, 'UTC'), '12');
  });

  test('instants read in the tenant zone', () => {
    const at = col('offeredAt', 'datetime');
    assert.equal(formatValue(at, '2026-03-29T01:30:00Z', 'Europe/Berlin'), '2026-03-29 03:30:00');
  });

  test('a CSQ count opens its contacts; a zero, a ratio or another template does not', () => {
    const row = { csqId: 'q', offered: 3, answered: 0, serviceLevel: 0.5 };
    assert.equal(drillOf(report(), col('offered', 'integer'), row), 'offered');
    assert.equal(drillOf(report(), col('answered', 'integer'), row), null);
    assert.equal(drillOf(report(), col('serviceLevel', 'ratio'), row), null);
    assert.equal(drillOf(report({ template: 'call-type' }), col('offered', 'integer'), row), null);
  });

  test('a row spans its interval, its local day, or the whole range', () => {
    const row = { intervalStart: '2026-03-29T01:45:00+01:00' };
    assert.deepEqual(rowSpan(report(), row), {
      start: '2026-03-29T00:45:00.000Z',
      end: '2026-03-29T01:00:00.000Z',
    });
    // The day the clocks go forward has 23 hours.
    assert.deepEqual(rowSpan(report({ rowMinutes: 'day' }), { intervalStart: '2026-03-29T00:00:00+01:00' }), {
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
    assert.deepEqual(rowSpan(report({ summarize: true, from: '2026-03-28' }), {}), {
      start: '2026-03-27T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
  });
});
