import { SwitchboardError } from '@switchboard/core';
import type { AcdRuntime } from '../../acd/acd-runtime.ts';
import { agentAction } from '../../acd/contacts.service.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/database.ts';
import type { VoiceCalls } from '../voice-calls.ts';
import type { DeskPhoneOutcomes, RungCall } from './desk-phone-lines.ts';

/**
 * What an agent's desk phone does is the agent's doing: picking up answers the call offered to them, refusing
 * it declines the offer (the router offers it elsewhere), hanging up ends the call and starts their wrap-up.
 */
export function deskPhoneOutcomes(deps: {
  db: Db;
  acd: AcdRuntime;
  calls: VoiceCalls;
  log?: { error(details: object, message: string): void } | undefined;
}): DeskPhoneOutcomes {
  const agent = (call: RungCall): Principal => ({
    tenantId: call.tenantId,
    userId: call.agentId,
    role: 'agent',
    name: call.agentId,
  });
  /** The router's refusal (the offer or the call is gone already) changes nothing; anything else is logged. */
  const act = async (call: RungCall, kind: 'reject' | 'complete') => {
    try {
      await agentAction(deps.db, deps.acd, agent(call), call.contactId, { kind });
    } catch (error) {
      if (error instanceof SwitchboardError) return;
      deps.log?.error({ err: error, contactId: call.contactId }, `a desk phone's ${kind} failed`);
    }
  };
  return {
    answered: async (call, legId) => {
      await deps.calls.takeCall(agent(call), call.contactId, legId);
    },
    refused: (call) => act(call, 'reject'),
    hungUp: (call) => act(call, 'complete'),
  };
}
