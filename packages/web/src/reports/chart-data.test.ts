import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agentStateChart, chartsFor, serviceLevelChart, volumeChart } from './chart-data.ts';
import type { Report, ReportRow } from './report-types.ts';

const report = (rows: ReportRow[], patch: Partial<Report> = {}): Report => ({
  template: 'csq-activity',
  timeZone: 'UTC',
  from: '2026-03-29',
  to: '2026-03-29',
  rowMinutes: 15,
  summarize: false,
  columns: [],
  rows,
  next: null,
  ...patch,
});

const csqRows: ReportRow[] = [
  { intervalLabel: '09:00', csqName: 'Billing', offered: 4, answered: 3, serviceLevel: 0.75 },
  { intervalLabel: '09:00', csqName: 'Sales', offered: 2, answered: 2, serviceLevel: 1 },
  { intervalLabel: '09:15', csqName: 'Billing', offered: 1, answered: 0, serviceLevel: null },
];

describe('chart data', () => {
  test('service level: one line per CSQ, a gap where an interval measured nothing', () => {
    const chart = serviceLevelChart(report(csqRows));
    assert.deepEqual(chart.labels, ['09:00', '09:15']);
    assert.deepEqual(chart.series, [
      { label: 'Billing', values: [75, null] },
      { label: 'Sales', values: [100, null] },
    ]);
  });

  test('volumes add up the CSQs of each interval', () => {
    const chart = volumeChart(report(csqRows));
    assert.deepEqual(chart.series, [
      { label: 'Offered', values: [6, 1] },
      { label: 'Answered', values: [5, 0] },
    ]);
  });

  test("agent states stack each agent's intervals; the state report stacks Not Ready reasons", () => {
    const rows: ReportRow[] = [
      { agentName: 'Ava', readySeconds: 60, activeSeconds: 30, reasonLabel: 'Break', notReadySeconds: 10 },
      { agentName: 'Ava', readySeconds: 40, reasonLabel: 'Lunch', notReadySeconds: 5 },
      { agentName: 'Bo', workSeconds: 20, reasonLabel: 'Break', notReadySeconds: 7 },
    ];
    const summary = agentStateChart(report(rows, { template: 'agent-summary' }));
    assert.deepEqual(summary.labels, ['Ava', 'Bo']);
    assert.deepEqual(summary.series[0], { label: 'Ready', values: [100, 0] });
    assert.deepEqual(summary.series[4], { label: 'Wrap-up', values: [0, 20] });
    const reasons = agentStateChart(report(rows, { template: 'agent-state' }));
    assert.deepEqual(reasons.series, [
      { label: 'Break', values: [10, 7] },
      { label: 'Lunch', values: [5, 0] },
    ]);
  });

  test('reports without rows, or without a chart, have none', () => {
    assert.deepEqual(chartsFor(report([])), []);
    assert.deepEqual(chartsFor(report(csqRows, { template: 'abandoned' })), []);
    assert.equal(chartsFor(report(csqRows)).length, 2);
  });
});
