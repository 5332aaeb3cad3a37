import type { Db } from '../db/database.ts';
import { apiKeysRepository, sessionsRepository, usersRepository } from '../db/repositories/index.ts';
import type { Principal } from './principal.ts';
import { parseApiKey } from './secrets.ts';

/** What a long-lived connection was opened with, so that it can ask again later whether it still holds. */
export type Grant =
  | { kind: 'session'; tenantId: string; userId: string; sessionId: string }
  | { kind: 'api_key'; tenantId: string; userId: string; apiKeyId: string };

/** The grant behind an authenticated caller: their session, or the API key in their Authorization header. */
export function grantOf(principal: Principal, header: string | undefined): Grant {
  const { tenantId, userId } = principal;
  if (principal.sessionId) return { kind: 'session', tenantId, userId, sessionId: principal.sessionId };
  const key = parseApiKey(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
  if (!key) throw new Error('an authenticated caller has neither a session nor an API key');
  return { kind: 'api_key', tenantId, userId, apiKeyId: key.id };
}

/**
 * The caller a grant stands for now, read from the database: the session unrevoked and unexpired, its user active with
 * their current role, or the API key unrevoked and its service user active. Undefined once that has ended.
 */
export async function livePrincipal(db: Db, grant: Grant, now: Date): Promise<Principal | undefined> {
  if (grant.kind === 'session') {
    const live = await sessionsRepository.findLive(db, grant.tenantId, grant.sessionId, grant.userId, now);
    return (
      live && {
        tenantId: grant.tenantId,
        userId: live.user_id,
        role: live.role,
        name: live.username,
        sessionId: live.id,
      }
    );
  }
  const key = await apiKeysRepository.findById(db, grant.tenantId, grant.apiKeyId);
  if (!key || key.revoked_at || key.user_id !== grant.userId) return undefined;
  const user = await usersRepository.findById(db, grant.tenantId, key.user_id);
  if (!user?.active || user.role !== 'service') return undefined;
  return {
    tenantId: grant.tenantId,
    userId: user.id,
    role: 'service',
    scope: key.scope,
    name: user.username,
  };
}
