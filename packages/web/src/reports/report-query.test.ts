import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  defaultQuery,
  PRESETS,
  presetRange,
  querySearch,
  readQuery,
  reportPath,
  shiftDate,
} from './report-query.ts';

const CSQ = '0b6f4c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const TEAM = '1c7a5d2f-3e4b-4c6d-9e0f-1a2b3c4d5e6f';

describe('report queries', () => {
  test('presets cover the dates they name, across month and year ends', () => {
    assert.deepEqual(presetRange('today', '2026-03-01'), { from: '2026-03-01', to: '2026-03-01' });
    assert.deepEqual(presetRange('yesterday', '2026-03-01'), { from: '2026-02-28', to: '2026-02-28' });
    assert.deepEqual(presetRange('last7', '2026-01-03'), { from: '2025-12-28', to: '2026-01-03' });
    assert.deepEqual(presetRange('thisMonth', '2026-03-29'), { from: '2026-03-01', to: '2026-03-29' });
  });

  test('every preset ends no later than today and starts no later than it ends', () => {
    const day = fc
      .integer({ min: 0, max: 20_000 })
      .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...PRESETS), (today, preset) => {
        const { from, to } = presetRange(preset, today);
        assert.ok(from <= to && to <= today);
        assert.equal(shiftDate(shiftDate(today, -40), 40), today);
      }),
    );
  });

  test('a query read back from its own link is the same query', () => {
    const query = {
      ...defaultQuery('2026-03-29'),
      template: 'agent-summary' as const,
      from: '2026-03-23',
      rows: 'day' as const,
      summarize: true,
      csqIds: [CSQ],
      teamIds: [TEAM],
      channel: 'chat' as const,
    };
    assert.deepEqual(readQuery(new URLSearchParams(querySearch(query)), '2026-04-01'), query);
  });

  test('unreadable parameters fall back to their defaults rather than breaking the link', () => {
    const params = new URLSearchParams(`template=nope&from=yesterday&rows=7&channel=fax&csqIds=x,${CSQ}`);
    const query = readQuery(params, '2026-03-29');
    assert.equal(query.template, 'csq-activity');
    assert.equal(query.from, '2026-03-29');
    assert.equal(query.rows, '');
    assert.equal(query.channel, '');
    assert.deepEqual(query.csqIds, [CSQ]);
  });

  test('the API path names the template and leaves defaults out', () => {
    assert.equal(
      reportPath(defaultQuery('2026-03-29'), { format: 'csv' }),
      '/reports/csq-activity?from=2026-03-29&to=2026-03-29&format=csv',
    );
  });
});
