import {
  API_KEY_USER_RULE,
  authorize,
  authorizeRole,
  forbidden,
  invalid,
  isAllowed,
  type Role,
  SwitchboardError,
} from '@switchboard/core';
import type { RouterChanges } from '../acd/router-changes.ts';
import { recordChange } from '../audit/audit.service.ts';
import { auditedChange, found } from '../audit/audited-change.ts';
import { hashPassword } from '../auth/password.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import {
  type AgentSkill,
  apiKeysRepository,
  sessionsRepository,
  teamsRepository,
  type UserFilter,
  usersRepository,
} from '../db/repositories/index.ts';
import { presentUser } from './presenters.ts';

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  password?: string | undefined;
  alias?: string | null | undefined;
  extension?: string | null | undefined;
  teamId?: string | null | undefined;
  skills?: AgentSkill[] | undefined;
}

export interface UserChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  alias?: string | null | undefined;
  extension?: string | null | undefined;
  teamId?: string | null | undefined;
  active?: boolean | undefined;
}

/** Roles that take contacts and so may carry an alias, extension, team and skills. */
const AGENT_ROLES: ReadonlySet<Role> = new Set(['agent', 'supervisor']);

const loadUser = (tenantId: string, id: string) => async (db: Db) => {
  const row = await usersRepository.findById(db, tenantId, id);
  if (!row) return undefined;
  const skills = await usersRepository.skillsOf(db, tenantId, [id]);
  return presentUser(row, skills.get(id));
};

const target = (id: string) => ({ entity: 'user', entityType: 'user', entityId: id });

export async function listUsers(db: Db, principal: Principal, filter: UserFilter) {
  authorize(principal, 'user.read');
  const rows = await usersRepository.list(db, principal.tenantId, filter);
  const skills = await usersRepository.skillsOf(
    db,
    principal.tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentUser(row, skills.get(row.id)));
}

export function getUser(db: Db, principal: Principal, id: string) {
  if (id !== principal.userId) authorize(principal, 'user.read');
  return found('User', loadUser(principal.tenantId, id)(db));
}

export async function createUser(db: Db, principal: Principal, input: NewUserInput, router?: RouterChanges) {
  authorize(principal, 'user.manage');
  authorizeRole(principal, input.role);
  if (input.role === 'administrator') authorize(principal, 'user.administer');
  checkAgentFields(input.role, input);
  if (input.role === 'service' && input.password !== undefined) {
    throw invalid('Service users sign in with API keys, not passwords: leave password out.');
  }
  // Setting a password is administering; a key creates people without one, who cannot sign in until an
  // administrator sets it.
  const maySetPassword = isAllowed(principal, 'user.administer');
  if (input.password !== undefined && !maySetPassword) throw forbidden(API_KEY_USER_RULE);
  if (input.role !== 'service' && input.password === undefined && maySetPassword) {
    throw invalid('A password is required for this role.', { field: 'password' });
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const id = crypto.randomUUID();
  const user = await found(
    'User',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadUser(principal.tenantId, id),
      apply: async (trx) => {
        await usersRepository.insert(trx, {
          id,
          tenant_id: principal.tenantId,
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          password_hash: passwordHash,
          alias: input.alias ?? null,
          extension: input.extension ?? null,
          team_id: input.teamId ?? null,
        });
        if (input.skills)
          await usersRepository.replaceSkills(trx, principal.tenantId, id, uniqueSkills(input.skills));
      },
    }),
  );
  await router?.agentChanged(principal.tenantId, user.id);
  return user;
}

export async function updateUser(
  db: Db,
  principal: Principal,
  id: string,
  change: UserChange,
  router?: RouterChanges,
) {
  authorize(principal, 'user.manage');
  const user = await found(
    'User',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadUser(principal.tenantId, id),
      apply: async (trx, before) => {
        if (!before) return;
        const role = change.role ?? before.role;
        authorizeRole(principal, before.role);
        authorizeRole(principal, role);
        if (before.role === 'administrator' || role === 'administrator')
          authorize(principal, 'user.administer');
        if ((role === 'service') !== (before.role === 'service')) {
          throw invalid(
            'A service user cannot become a person, nor a person a service user: create a new user.',
          );
        }
        checkAgentFields(role, {
          alias: change.alias === undefined ? before.alias : change.alias,
          extension: change.extension === undefined ? before.extension : change.extension,
          teamId: change.teamId === undefined ? before.teamId : change.teamId,
          skills: role === before.role ? [] : before.skills,
        });
        const losesAdmin =
          before.role === 'administrator' && (role !== 'administrator' || change.active === false);
        if (losesAdmin) await keepOneAdministrator(trx, principal.tenantId, id);
        await usersRepository.update(trx, principal.tenantId, id, {
          display_name: change.displayName,
          role: change.role,
          alias: change.alias,
          extension: change.extension,
          team_id: change.teamId,
          active: change.active,
        });
        if (change.active === false) {
          const now = new Date();
          await sessionsRepository.revokeAllOfUser(trx, principal.tenantId, id, now);
          await apiKeysRepository.revokeAllOfUser(trx, principal.tenantId, id, now);
        }
      },
    }),
  );
  await router?.agentChanged(principal.tenantId, user.id);
  return user;
}

/** Dynamic reskilling: replaces an agent's skills; supervisors may reskill agents of the teams they supervise. */
export async function setUserSkills(
  db: Db,
  principal: Principal,
  id: string,
  skills: AgentSkill[],
  router?: RouterChanges,
) {
  authorize(principal, 'agent.reskill');
  const user = await found(
    'User',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadUser(principal.tenantId, id),
      apply: async (trx, before) => {
        if (!before) return;
        authorizeRole(principal, before.role);
        if (principal.role === 'supervisor') {
          const teams = await teamsRepository.supervisedBy(trx, principal.tenantId, principal.userId);
          if (!before.teamId || !teams.includes(before.teamId)) {
            throw forbidden('Supervisors may reskill only agents of the teams they supervise.');
          }
        }
        checkAgentFields(before.role, { skills });
        await usersRepository.replaceSkills(trx, principal.tenantId, id, uniqueSkills(skills));
      },
    }),
  );
  await router?.agentChanged(principal.tenantId, user.id);
  return user;
}

export async function setUserPassword(
  db: Db,
  principal: Principal,
  id: string,
  password: string,
): Promise<void> {
  if (principal.role === 'service') throw forbidden(API_KEY_USER_RULE);
  authorize(principal, 'user.administer');
  const passwordHash = await hashPassword(password);
  await auditedChange(db, principal, {
    ...target(id),
    action: 'update',
    // The audit log records that the password changed, never the hash.
    load: async (trx) => {
      const user = await loadUser(principal.tenantId, id)(trx);
      return user && { ...user, passwordChangedBy: principal.name };
    },
    apply: async (trx, before) => {
      if (before?.role === 'service') throw invalid('Service users have no password; they use API keys.');
      await usersRepository.update(trx, principal.tenantId, id, { password_hash: passwordHash });
      // Whoever was signed in with the old password is signed out.
      await sessionsRepository.revokeAllOfUser(trx, principal.tenantId, id, new Date());
    },
  });
}

/**
 * Stores a new password for the signed-in user, whose current one (`verifiedHash`) the caller has checked:
 * every other session of theirs ends (whoever else was signed in with the old password is out), this one
 * stays. If the password changed in the meantime (an administrator reset it), nothing is stored.
 */
export async function changeOwnPassword(
  db: Db,
  principal: Principal,
  next: string,
  verifiedHash: string,
): Promise<void> {
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    const { tenantId, userId } = principal;
    if (!(await usersRepository.replacePasswordHash(trx, tenantId, userId, verifiedHash, passwordHash))) {
      throw new SwitchboardError(
        'conflict',
        'Your password or account changed while this request ran; sign in again and retry.',
      );
    }
    await sessionsRepository.revokeAllOfUser(trx, tenantId, userId, new Date(), principal.sessionId);
    await recordChange(trx, principal, {
      action: 'password_change',
      entityType: 'user',
      entityId: userId,
      before: null,
      after: { otherSessionsEnded: true },
    });
  });
}

function checkAgentFields(
  role: Role,
  fields: { alias?: unknown; extension?: unknown; teamId?: unknown; skills?: unknown[] | undefined },
): void {
  if (AGENT_ROLES.has(role)) return;
  const given = [
    ...(['alias', 'extension', 'teamId'] as const).filter(
      (f) => fields[f] !== undefined && fields[f] !== null,
    ),
    ...(fields.skills && fields.skills.length > 0 ? ['skills'] : []),
  ];
  if (given.length > 0) {
    throw invalid(`Only agents and supervisors have ${given.join(', ')}; the ${role} role does not.`, {
      fields: given,
    });
  }
}

function uniqueSkills(skills: AgentSkill[]): AgentSkill[] {
  const ids = new Set(skills.map((s) => s.skillId));
  if (ids.size !== skills.length) throw invalid('Each skill may be listed only once.');
  return skills;
}

async function keepOneAdministrator(db: Db, tenantId: string, leavingId: string): Promise<void> {
  if ((await usersRepository.countActiveAdministrators(db, tenantId, leavingId)) === 0) {
    throw new SwitchboardError(
      'conflict',
      'This is the last active administrator of the tenant; keep at least one.',
    );
  }
}
