import { authorize, notFound } from '@switchboard/core';
import { Type } from 'typebox';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import type { AcdRuntime } from './acd-runtime.ts';
import { csqsRepository } from './csqs.repository.ts';

const TransferTargets = Type.Object({
  csqs: Type.Array(
    Type.Object({
      csqId: Uuid,
      name: Type.String(),
      available: Type.Integer({ description: 'Agents of the CSQ who could be offered the contact now.' }),
    }),
  ),
  agents: Type.Array(
    Type.Object({
      agentId: Uuid,
      name: Type.String(),
      state: Type.String({ description: "The agent's state in the contact's domain (voice or digital)." }),
      available: Type.Boolean({ description: 'A direct transfer would be offered to them now.' }),
    }),
  ),
});

/** Where the agent who has a contact can transfer it: CSQs of its channel and signed-in agents, by name. */
export async function transferTargets(db: Db, acd: AcdRuntime, principal: Principal, contactId: string) {
  authorize(principal, 'contact.handle');
  const { engine } = await acd.router(principal.tenantId);
  if (engine.contact(contactId)?.agentId !== principal.userId) throw notFound('Contact in your hands');
  const targets = engine.transferTargets(principal.userId, contactId);
  const csqNames = new Map(
    (await csqsRepository.list(db, principal.tenantId)).map((q) => [q.id, q.name] as const),
  );
  const ids = targets.agents.map((a) => a.agentId);
  const users =
    ids.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'display_name', 'alias'])
          .where('tenant_id', '=', principal.tenantId)
          .where('id', 'in', ids)
          .execute();
  const userNames = new Map(users.map((u) => [u.id, u.display_name || u.alias || 'Agent'] as const));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    csqs: targets.csqs.map((q) => ({ ...q, name: csqNames.get(q.csqId) ?? q.csqId })).sort(byName),
    agents: targets.agents.map((a) => ({ ...a, name: userNames.get(a.agentId) ?? 'Agent' })).sort(byName),
  };
}

export function transferTargetRoutes(app: App, { db, acd }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/transfer-targets',
    permission: 'contact.handle',
    tags: ['contacts'],
    summary: 'Where you can transfer a contact you have: CSQs of its channel and agents, who can take it now',
    params: IdParams,
    response: { 200: TransferTargets },
    handler: (request) => transferTargets(db, acd, principalOf(request), request.params.id),
  });
}
