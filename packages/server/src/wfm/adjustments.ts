import { invalid, notFound } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import type { ForecastInterval } from './forecasts.service.ts';

/** A planner's change to a workload's forecast over a span: kept for the audit trail, never edited. */
export interface Adjustment {
  id: string;
  workloadId: string;
  from: string;
  to: string;
  volumeFactor: number | null;
  ahtFactor: number | null;
  note: string;
  createdBy: string | null;
  createdAt: string;
  removedBy: string | null;
  removedAt: string | null;
}

export const ADJUSTMENT_LIMITS = { factor: { min: 0, max: 10 }, spanDays: 62 } as const;

type Row = {
  id: string;
  workload_id: string;
  starts_at: Date;
  ends_at: Date;
  volume_factor: number | null;
  aht_factor: number | null;
  note: string;
  created_by: string | null;
  created_at: Date;
  removed_by: string | null;
  removed_at: Date | null;
};

const present = (row: Row): Adjustment => ({
  id: row.id,
  workloadId: row.workload_id,
  from: row.starts_at.toISOString(),
  to: row.ends_at.toISOString(),
  volumeFactor: row.volume_factor,
  ahtFactor: row.aht_factor,
  note: row.note,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  removedBy: row.removed_by,
  removedAt: row.removed_at?.toISOString() ?? null,
});

export const adjustmentsRepository = {
  /** Every adjustment of the workload touching [from, to), removed ones included, oldest first. */
  async list(
    db: Db,
    tenantId: string,
    workloadId: string,
    from?: number,
    to?: number,
  ): Promise<Adjustment[]> {
    let query = db
      .selectFrom('wfm_adjustments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('workload_id', '=', workloadId);
    if (from !== undefined) query = query.where('ends_at', '>', new Date(from));
    if (to !== undefined) query = query.where('starts_at', '<', new Date(to));
    return (await query.orderBy('created_at').orderBy('id').execute()).map(present);
  },

  async add(
    db: Db,
    tenantId: string,
    workloadId: string,
    input: { from: number; to: number; volumeFactor: number | null; ahtFactor: number | null; note: string },
    by: string | null,
  ): Promise<Adjustment> {
    if (!(input.to > input.from)) throw invalid('An adjustment ends after it starts.');
    if (input.to - input.from > ADJUSTMENT_LIMITS.spanDays * 86_400_000)
      throw invalid(`An adjustment spans at most ${ADJUSTMENT_LIMITS.spanDays} days.`);
    if (input.volumeFactor === null && input.ahtFactor === null)
      throw invalid('Give volumeFactor, ahtFactor or both: 1.1 adds 10 %, 0.5 halves.');
    const row = await db
      .insertInto('wfm_adjustments')
      .values({
        tenant_id: tenantId,
        id: crypto.randomUUID(),
        workload_id: workloadId,
        starts_at: new Date(input.from),
        ends_at: new Date(input.to),
        volume_factor: input.volumeFactor,
        aht_factor: input.ahtFactor,
        note: input.note.trim(),
        created_by: by,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return present(row);
  },

  /** Takes an adjustment out of the forecast; the row stays, with who removed it and when. */
  async remove(db: Db, tenantId: string, id: string, by: string | null, now: number): Promise<Adjustment> {
    const row = await db
      .updateTable('wfm_adjustments')
      .set({ removed_by: by, removed_at: new Date(now) })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (row) return present(row);
    const existing = await db
      .selectFrom('wfm_adjustments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!existing) throw notFound('Adjustment');
    return present(existing);
  },
};

/** The forecast with every adjustment in force applied, in the order they were made. */
export function applyAdjustments(
  intervals: readonly ForecastInterval[],
  adjustments: readonly Adjustment[],
): ForecastInterval[] {
  const active = adjustments
    .filter((adjustment) => adjustment.removedAt === null)
    .map((adjustment) => ({
      ...adjustment,
      fromMs: Date.parse(adjustment.from),
      toMs: Date.parse(adjustment.to),
    }));
  return intervals.map((interval) => {
    let { volume, ahtSeconds } = interval;
    for (const adjustment of active) {
      if (interval.start < adjustment.fromMs || interval.start >= adjustment.toMs) continue;
      if (adjustment.volumeFactor !== null) volume *= adjustment.volumeFactor;
      if (adjustment.ahtFactor !== null && ahtSeconds !== null) ahtSeconds *= adjustment.ahtFactor;
    }
    return { start: interval.start, volume, ahtSeconds };
  });
}
