import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SwitchboardError } from '../errors.ts';
import {
  changeRetention,
  DEFAULT_RETENTION,
  RETENTION_DAYS,
  RETENTION_KINDS,
  retentionCutoffs,
} from './retention.ts';
import { changeReportingSettings, DEFAULT_REPORTING_SETTINGS, type ReportingSettings } from './settings.ts';

describe('retention settings', () => {
  test('accepts every whole number of days inside the bounds and refuses every other (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RETENTION_KINDS), fc.integer({ min: -10, max: 4000 }), (kind, days) => {
        const inside = days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max;
        try {
          const next = changeRetention(DEFAULT_RETENTION, { [kind]: days });
          assert.ok(inside, `${kind}=${days} should have been refused`);
          assert.deepEqual(next, { ...DEFAULT_RETENTION, [kind]: days });
        } catch (error) {
          assert.ok(!inside, `${kind}=${days} should have been accepted`);
          assert.ok(error instanceof SwitchboardError && error.code === 'validation_failed');
          assert.deepEqual((error.details as { field: string }).field, `retention.${kind}`);
        }
      }),
    );
  });

  test('refuses fractions of a day', () => {
    assert.throws(() => changeRetention(DEFAULT_RETENTION, { intervalDays: 30.5 }), /whole number of days/);
  });

  test('a reporting settings change keeps the retention days it does not name, and the other settings', () => {
    const current = changeReportingSettings(DEFAULT_REPORTING_SETTINGS, {
      retention: { intervalDays: 2000 },
    });
    const next = changeReportingSettings(current, {
      retention: { transcriptsDays: 30 },
      shortAbandonSeconds: 5,
    });
    assert.deepEqual(next.retention, { ...DEFAULT_RETENTION, intervalDays: 2000, transcriptsDays: 30 });
    assert.equal(next.shortAbandonSeconds, 5);
  });

  test('settings stored before retention existed get the default days', () => {
    const { retention: _, ...older } = DEFAULT_REPORTING_SETTINGS;
    const next = changeReportingSettings(older as ReportingSettings, { captureDelayMinutes: 3 });
    assert.deepEqual(next.retention, DEFAULT_RETENTION);
  });

  test('each cutoff lies exactly its days before now (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          contactEventsDays: fc.integer(RETENTION_DAYS),
          detailRecordsDays: fc.integer(RETENTION_DAYS),
          intervalDays: fc.integer(RETENTION_DAYS),
          transcriptsDays: fc.integer(RETENTION_DAYS),
        }),
        fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 }),
        (retention, now) => {
          const cutoffs = retentionCutoffs(retention, now);
          for (const kind of RETENTION_KINDS)
            assert.equal(now - cutoffs[kind].getTime(), retention[kind] * 86_400_000);
        },
      ),
    );
  });
});
