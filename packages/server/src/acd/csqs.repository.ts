import type { CsqConfig, QueueThresholds, RecordingPolicy, SkillRequirement } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import type { CsqRow } from '../db/schema.ts';

export interface CsqFields {
  name: string;
  channel: CsqConfig['channel'];
  criterion: CsqConfig['criterion'];
  skills: SkillRequirement[];
  agentOrder: string[];
  /** Service-level threshold in seconds. */
  serviceLevelSeconds: number;
  /** When the queue view warns; each null turns one off. */
  thresholds: QueueThresholds;
  /** Whether calls are recorded: every answered call, on demand, or never (voice CSQs only). */
  recording: RecordingPolicy;
  /** The number its agents' outbound calls present: one of the tenant's numbers (voice CSQs only). */
  callerId: string | null;
}

export interface StoredCsq extends CsqFields {
  id: string;
  createdAt: Date;
}

export const csqsRepository = {
  async insert(db: Db, tenantId: string, id: string, csq: CsqFields): Promise<void> {
    await db
      .insertInto('csqs')
      .values({
        id,
        tenant_id: tenantId,
        name: csq.name,
        channel: csq.channel,
        criterion: csq.criterion,
        agent_order: JSON.stringify(csq.agentOrder),
        service_level_seconds: csq.serviceLevelSeconds,
        recording: csq.recording,
        caller_id: csq.callerId,
        ...thresholdColumns(csq.thresholds),
      })
      .execute();
    await replaceSkills(db, tenantId, id, csq.skills);
  },

  async update(db: Db, tenantId: string, id: string, csq: CsqFields): Promise<void> {
    await db
      .updateTable('csqs')
      .set({
        name: csq.name,
        channel: csq.channel,
        criterion: csq.criterion,
        agent_order: JSON.stringify(csq.agentOrder),
        service_level_seconds: csq.serviceLevelSeconds,
        recording: csq.recording,
        caller_id: csq.callerId,
        ...thresholdColumns(csq.thresholds),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    await replaceSkills(db, tenantId, id, csq.skills);
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('csqs').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },

  async findById(db: Db, tenantId: string, id: string): Promise<StoredCsq | undefined> {
    const row = await db
      .selectFrom('csqs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return (await withSkills(db, tenantId, [row]))[0];
  },

  async list(db: Db, tenantId: string): Promise<StoredCsq[]> {
    const rows = await db
      .selectFrom('csqs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('name')
      .execute();
    return withSkills(db, tenantId, rows);
  },

  async openContacts(db: Db, tenantId: string, csqId: string): Promise<number> {
    const row = await db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('csq_id', '=', csqId)
      .where('status', '<>', 'ended')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async usingSkill(db: Db, tenantId: string, skillId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('csq_skills')
      .innerJoin('csqs', (join) =>
        join.onRef('csqs.id', '=', 'csq_skills.csq_id').onRef('csqs.tenant_id', '=', 'csq_skills.tenant_id'),
      )
      .select('csqs.name')
      .where('csq_skills.tenant_id', '=', tenantId)
      .where('csq_skills.skill_id', '=', skillId)
      .execute();
    return rows.map((r) => r.name);
  },
};

const thresholdColumns = (t: QueueThresholds) => ({
  alert_service_level_below_percent: t.serviceLevelBelowPercent,
  alert_longest_wait_above_seconds: t.longestWaitAboveSeconds,
  alert_waiting_above: t.waitingAbove,
});

async function replaceSkills(
  db: Db,
  tenantId: string,
  csqId: string,
  skills: SkillRequirement[],
): Promise<void> {
  await db.deleteFrom('csq_skills').where('tenant_id', '=', tenantId).where('csq_id', '=', csqId).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('csq_skills')
    .values(
      skills.map((s) => ({
        tenant_id: tenantId,
        csq_id: csqId,
        skill_id: s.skillId,
        min_competence: s.minCompetence,
      })),
    )
    .execute();
}

async function withSkills(db: Db, tenantId: string, rows: CsqRow[]): Promise<StoredCsq[]> {
  if (rows.length === 0) return [];
  const skills = await db
    .selectFrom('csq_skills')
    .select(['csq_id', 'skill_id', 'min_competence'])
    .where('tenant_id', '=', tenantId)
    .where(
      'csq_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('skill_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    channel: row.channel,
    criterion: row.criterion,
    agentOrder: row.agent_order,
    serviceLevelSeconds: row.service_level_seconds,
    recording: row.recording,
    callerId: row.caller_id,
    thresholds: {
      serviceLevelBelowPercent: row.alert_service_level_below_percent,
      longestWaitAboveSeconds: row.alert_longest_wait_above_seconds,
      waitingAbove: row.alert_waiting_above,
    },
    createdAt: row.created_at,
    skills: skills
      .filter((s) => s.csq_id === row.id)
      .map((s) => ({ skillId: s.skill_id, minCompetence: s.min_competence })),
  }));
}
