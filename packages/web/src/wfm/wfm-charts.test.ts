import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intervalLabel, type PlanPoint, staffingChart, volumeChart } from './wfm-charts.ts';

const point = (start: string, patch: Partial<PlanPoint> = {}): PlanPoint => ({
  start,
  actualVolume: null,
  actualAhtSeconds: null,
  forecastVolume: null,
  forecastAhtSeconds: null,
  adjustedVolume: null,
  requiredAgents: null,
  requiredStaff: null,
  loggedInAgents: null,
  ...patch,
});

test('labels are on the tenant’s wall clock, across a change of the clocks', () => {
  assert.equal(intervalLabel('2026-03-29T00:45:00Z', 'Europe/Berlin'), '2026-03-29 01:45');
  assert.equal(intervalLabel('2026-03-29T01:00:00Z', 'Europe/Berlin'), '2026-03-29 03:00');
});

test('the volume chart shows adjusted and draft lines only when there is something to show', () => {
  const points = [
    point('2026-11-16T09:00:00Z', { actualVolume: 10, forecastVolume: 12.04, adjustedVolume: 12.04 }),
    point('2026-11-16T09:15:00Z', { forecastVolume: 14, adjustedVolume: 14 }),
  ];
  assert.deepEqual(
    volumeChart(points, 'UTC').series.map((s) => s.label),
    ['Actual', 'Forecast'],
  );
  const adjusted = volumeChart(
    [points[0] as PlanPoint, { ...(points[1] as PlanPoint), adjustedVolume: 21 }],
    'UTC',
    new Map([['2026-11-16T09:15:00Z', 15]]),
  );
  assert.deepEqual(adjusted.series, [
    { label: 'Actual', values: [10, null] },
    { label: 'Forecast', values: [12, 14] },
    { label: 'Adjusted', values: [12, 21] },
    { label: 'Draft', values: [null, 15] },
  ]);
  assert.deepEqual(adjusted.labels, ['2026-11-16 09:00', '2026-11-16 09:15']);
});

test('the staffing chart puts the requirement beside the agents logged in', () => {
  const chart = staffingChart(
    [point('2026-11-16T09:00:00Z', { requiredAgents: 9, requiredStaff: 12, loggedInAgents: 10.46 })],
    'UTC',
  );
  assert.deepEqual(
    chart.series.map((s) => s.values[0]),
    [9, 12, 10.5],
  );
});
