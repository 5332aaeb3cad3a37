import { conflict, LIMITS, notFound, SwitchboardError } from '@switchboard/core';
import { Type } from 'typebox';
import { authorizeAgentChange } from '../acd/agent-states.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantsRepository, usersRepository } from '../db/repositories/index.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { deskPhonesRepository } from './desk-phones.repository.ts';
import { refuseExtensionOutside } from './desk-phones.service.ts';
import type { VoiceCalls } from './voice-calls.ts';

const AgentDeskPhone = Type.Object({
  extension: Type.Union([Type.String(), Type.Null()], {
    description: "The extension of the desk phone the agent's calls ring; null: they ring in the desktop.",
  }),
  registered: Type.Boolean({ description: 'The phone is registered now (its calls can ring it).' }),
});

const AgentDeskPhoneBody = Type.Object(
  {
    extension: Type.Union(
      [
        Type.String({ minLength: 1, maxLength: LIMITS.extension.max, pattern: LIMITS.extension.pattern }),
        Type.Null(),
      ],
      { description: "A desk phone's extension (hot-desking), or null to take calls in the desktop again." },
    ),
  },
  { additionalProperties: false },
);

async function agentOf(db: Db, principal: Principal, agentId: string) {
  await authorizeAgentChange(db, principal, agentId);
  const agent = await usersRepository.findById(db, principal.tenantId, agentId);
  if (!agent) throw notFound('Agent');
}

const present = (voice: VoiceCalls, tenantId: string, extension: string | null) => ({
  extension,
  registered: extension !== null && (voice.deskPhones?.registered(tenantId, extension) ?? false),
});

/**
 * An agent signs in with the extension of the desk phone they sit at (docs/voice.md, "Desk phones"): their calls
 * ring it rather than the desktop. The extension must fit the tenant's extension pattern and be a desk phone's
 * that no other agent is signed in with (409 conflict, also when two take it at once: one wins).
 */
export function agentDeskPhoneRoutes(app: App, { db, voice }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/agents/:id/desk-phone',
    permission: 'agentState.manage',
    orSelf: true,
    tags: ['agents'],
    summary: "The desk phone an agent's calls ring, and whether it is registered",
    params: IdParams,
    response: { 200: AgentDeskPhone },
    handler: async (request) => {
      const principal = principalOf(request);
      await agentOf(db, principal, request.params.id);
      const phone = await deskPhonesRepository.findByAgent(db, principal.tenantId, request.params.id);
      return present(voice, principal.tenantId, phone?.extension ?? null);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/agents/:id/desk-phone',
    permission: 'agentState.manage',
    orSelf: true,
    tags: ['agents'],
    summary:
      "Sign an agent in with a desk phone's extension, so their calls ring it (null: the desktop again); 404 for an extension no desk phone has, 409 when another agent is signed in with it",
    params: IdParams,
    body: AgentDeskPhoneBody,
    response: { 200: AgentDeskPhone },
    handler: async (request) => {
      const principal = principalOf(request);
      const { tenantId } = principal;
      const agentId = request.params.id;
      await agentOf(db, principal, agentId);
      const { extension } = request.body;
      if (extension === null) {
        await deskPhonesRepository.release(db, tenantId, agentId);
        return present(voice, tenantId, null);
      }
      refuseExtensionOutside((await tenantsRepository.findById(db, tenantId))?.settings.voice, extension);
      const claimed = await db.transaction().execute(async (trx) => {
        const phone = await deskPhonesRepository.findByExtension(trx, tenantId, extension);
        if (!phone) throw new SwitchboardError('not_found', `No desk phone has extension ${extension}.`);
        const taken = await deskPhonesRepository.claim(trx, tenantId, agentId, extension);
        if (!taken) throw conflict(`Another agent is signed in with extension ${extension}.`);
        return taken;
      });
      return present(voice, tenantId, claimed.extension);
    },
  });
}
