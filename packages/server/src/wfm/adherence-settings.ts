import { type AgentState, invalid } from '@switchboard/core';
import type { ActivityRule } from '@switchboard/wfm';
import type { Db } from '../db/database.ts';

export const AGENT_STATES: readonly AgentState[] = [
  'logged_out',
  'not_ready',
  'ready',
  'reserved',
  'active',
  'work',
];

export interface AdherenceSettings {
  thresholdSeconds: number;
  rules: ActivityRule[];
  workActivities: string[];
}

/** Until a tenant sets its own: every state of handling or waiting for contacts is work; 5 minutes' grace. */
export const DEFAULT_ADHERENCE: AdherenceSettings = {
  thresholdSeconds: 300,
  rules: [
    { state: 'ready', activity: 'work' },
    { state: 'reserved', activity: 'work' },
    { state: 'active', activity: 'work' },
    { state: 'work', activity: 'work' },
  ],
  workActivities: ['work'],
};

export async function adherenceSettings(db: Db, tenantId: string): Promise<AdherenceSettings> {
  const row = await db
    .selectFrom('wfm_adherence_settings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return DEFAULT_ADHERENCE;
  const rules = (typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules) as ActivityRule[];
  return { thresholdSeconds: row.threshold_seconds, rules, workActivities: row.work_activities };
}

/** Saves the tenant's rules after checking every reason code they name is one of the tenant's. */
export async function saveAdherenceSettings(db: Db, tenantId: string, settings: AdherenceSettings) {
  const codes = await db
    .selectFrom('reason_codes')
    .select(['kind', 'code'])
    .where('tenant_id', '=', tenantId)
    .execute();
  settings.rules.forEach((rule, index) => {
    if (rule.reasonCodes === undefined) return;
    const kind = rule.state === 'logged_out' ? 'logout' : 'not_ready';
    if (rule.state !== 'not_ready' && rule.state !== 'logged_out')
      throw invalid(
        `Rule ${index + 1}: reason codes narrow Not Ready and Logged Out only, not ${rule.state}.`,
      );
    const unknown = rule.reasonCodes.filter((code) => !codes.some((c) => c.kind === kind && c.code === code));
    if (unknown.length > 0)
      throw invalid(
        `Rule ${index + 1} names ${kind === 'logout' ? 'logout' : 'Not Ready'} reason code ${unknown.join(', ')}, which this tenant does not have: list them with GET /reason-codes.`,
        { rule: index + 1, unknown },
      );
  });
  // Activities compare as the planned-activity import stores them: in lower case.
  const values = {
    threshold_seconds: settings.thresholdSeconds,
    rules: JSON.stringify(
      settings.rules.map((rule) => ({ ...rule, activity: rule.activity.trim().toLowerCase() })),
    ),
    work_activities: [...new Set(settings.workActivities.map((activity) => activity.trim().toLowerCase()))],
  };
  await db
    .insertInto('wfm_adherence_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}
