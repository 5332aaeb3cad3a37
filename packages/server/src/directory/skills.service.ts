import { authorize, conflict } from '@switchboard/core';
import { csqsRepository } from '../acd/csqs.repository.ts';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { skillsRepository } from '../db/repositories/index.ts';
import { presentSkill } from './presenters.ts';

const loadSkill = (tenantId: string, id: string) => async (db: Db) => {
  const row = await skillsRepository.findById(db, tenantId, id);
  return row && presentSkill(row);
};

const target = (id: string) => ({ entity: 'skill', entityType: 'skill', entityId: id });

export async function listSkills(db: Db, principal: Principal) {
  authorize(principal, 'skill.read');
  return (await skillsRepository.list(db, principal.tenantId)).map(presentSkill);
}

export function getSkill(db: Db, principal: Principal, id: string) {
  authorize(principal, 'skill.read');
  return found('Skill', loadSkill(principal.tenantId, id)(db));
}

export async function createSkill(db: Db, principal: Principal, input: { name: string }) {
  authorize(principal, 'skill.manage');
  const id = crypto.randomUUID();
  return found(
    'Skill',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadSkill(principal.tenantId, id),
      apply: (trx) => skillsRepository.insert(trx, principal.tenantId, id, input.name),
    }),
  );
}

export function renameSkill(db: Db, principal: Principal, id: string, input: { name: string }) {
  authorize(principal, 'skill.manage');
  return found(
    'Skill',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadSkill(principal.tenantId, id),
      apply: (trx) => skillsRepository.rename(trx, principal.tenantId, id, input.name),
    }),
  );
}

export async function deleteSkill(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'skill.manage');
  const usedBy = await csqsRepository.usingSkill(db, principal.tenantId, id);
  if (usedBy.length > 0)
    throw conflict(`The skill is required by CSQ ${usedBy.join(', ')}; remove it there first.`);
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadSkill(principal.tenantId, id),
    apply: (trx) => skillsRepository.delete(trx, principal.tenantId, id),
  });
}
