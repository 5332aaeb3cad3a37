import { authorize, invalid } from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { type TeamFields, teamsRepository, usersRepository } from '../db/repositories/index.ts';
import { presentTeam } from './presenters.ts';

const loadTeam = (tenantId: string, id: string) => async (db: Db) => {
  const row = await teamsRepository.findById(db, tenantId, id);
  return row && presentTeam(row);
};

const target = (id: string) => ({ entity: 'team', entityType: 'team', entityId: id });

export async function listTeams(db: Db, principal: Principal) {
  authorize(principal, 'team.read');
  return (await teamsRepository.list(db, principal.tenantId)).map(presentTeam);
}

export function getTeam(db: Db, principal: Principal, id: string) {
  authorize(principal, 'team.read');
  return found('Team', loadTeam(principal.tenantId, id)(db));
}

export function createTeam(db: Db, principal: Principal, input: TeamFields) {
  authorize(principal, 'team.manage');
  const id = crypto.randomUUID();
  return found(
    'Team',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadTeam(principal.tenantId, id),
      apply: async (trx) => {
        await checkSupervisors(trx, principal.tenantId, input);
        await teamsRepository.insert(trx, principal.tenantId, id, input);
      },
    }),
  );
}

export function updateTeam(db: Db, principal: Principal, id: string, change: Partial<TeamFields>) {
  authorize(principal, 'team.manage');
  return found(
    'Team',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadTeam(principal.tenantId, id),
      apply: async (trx, before) => {
        const next: TeamFields = {
          name: change.name ?? before?.name ?? '',
          primarySupervisorId:
            change.primarySupervisorId === undefined
              ? (before?.primarySupervisorId ?? null)
              : change.primarySupervisorId,
          secondarySupervisorId:
            change.secondarySupervisorId === undefined
              ? (before?.secondarySupervisorId ?? null)
              : change.secondarySupervisorId,
        };
        await checkSupervisors(trx, principal.tenantId, next);
        await teamsRepository.update(trx, principal.tenantId, id, next);
      },
    }),
  );
}

export async function deleteTeam(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'team.manage');
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadTeam(principal.tenantId, id),
    apply: (trx) => teamsRepository.delete(trx, principal.tenantId, id),
  });
}

/** A team's supervisors must be two different active supervisors of the same tenant. */
async function checkSupervisors(db: Db, tenantId: string, team: TeamFields): Promise<void> {
  const { primarySupervisorId, secondarySupervisorId } = team;
  if (primarySupervisorId && primarySupervisorId === secondarySupervisorId) {
    throw invalid('The primary and secondary supervisor must be different people.');
  }
  for (const [field, userId] of [
    ['primarySupervisorId', primarySupervisorId],
    ['secondarySupervisorId', secondarySupervisorId],
  ] as const) {
    if (!userId) continue;
    const user = await usersRepository.findById(db, tenantId, userId);
    if (!user?.active || user.role !== 'supervisor') {
      throw invalid(`${field} must name an active user with the supervisor role.`, { field });
    }
  }
}
