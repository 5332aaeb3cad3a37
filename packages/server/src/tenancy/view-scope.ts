import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { teamsRepository } from '../db/repositories/index.ts';
import { tenantReportingSettings } from './tenants.service.ts';

/**
 * The teams whose agents a caller's live views, reports and exports cover: a supervisor's own teams when the
 * tenant scopes supervisors to their teams (its `supervisorScope` setting), otherwise every team (null).
 */
export async function teamsInView(db: Db, principal: Principal): Promise<string[] | null> {
  if (principal.role !== 'supervisor') return null;
  const { supervisorScope } = await tenantReportingSettings(db, principal.tenantId);
  if (supervisorScope === 'tenant') return null;
  return teamsRepository.supervisedBy(db, principal.tenantId, principal.userId);
}
