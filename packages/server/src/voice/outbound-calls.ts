import {
  authorize,
  checkDialled,
  conflict,
  type DialResult,
  invalid,
  notFound,
  voiceSettingsOf,
} from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import { csqsRepository } from '../acd/csqs.repository.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { tenantsRepository } from '../db/repositories/index.ts';
import { answerLeg } from './agent-legs.ts';
import { type Call, newCall } from './carried-call.ts';
import type { MediaEngine } from './media/media-engine.ts';
import { phoneNumbersRepository } from './phone-numbers.repository.ts';
import type { OutboundTrunk } from './sip/trunk-calls.ts';

/** How long an outbound call rings at the far end before it is given up (the agent hears it ring). */
export const OUTBOUND_RING_MS = 60_000;

export interface PlaceCallRequest {
  /** The voice CSQ the call is for: its caller ID, recording policy and wrap-up. */
  csqId: string;
  /** As the agent typed it: spaces, dashes and brackets are left out. */
  number: string;
  /** The agent's WebRTC offer: their leg of the call. */
  offerSdp: string;
}

export interface OutboundDeps {
  db: Db;
  acd: AcdRuntime;
  media: MediaEngine;
  trunk: OutboundTrunk | null;
  log?: { error(details: object, message: string): void } | undefined;
}

/** What the call controller does with a placed call: carries it, and bridges it once the far end answers. */
export interface PlacedCallHost {
  carry(call: Call): void;
  /** The agent hears the far end before it answers (its ring tone, an announcement). */
  early(call: Call): void;
  answered(call: Call): Promise<void>;
  carries(call: Call): boolean;
}

/** What a SIP refusal means for the agent's call. */
export function dialResultOf(status: number): DialResult {
  if (status < 300) return 'answered';
  if (status === 486 || status === 600) return 'busy';
  if (status === 408 || status === 480 || status === 487) return 'no_answer';
  if (status === 603) return 'declined';
  if ([404, 410, 484, 485, 502, 503, 604].includes(status)) return 'unreachable';
  return 'failed';
}

/**
 * An agent places a call from the desktop (docs/voice.md, "Outbound calls"): the number checked against the
 * tenant's dial plan (emergency numbers always go), the CSQ's caller ID presented, the tenant's limit of calls in
 * progress kept by the router. The agent's leg hears ringing until the far end answers, or the far end's own early
 * audio (a 183 with SDP: the carrier's ring tone, an announcement); then they hear each other.
 * A refusal (busy, no answer) ends the call and the agent goes to wrap-up.
 */
export async function placeOutboundCall(
  deps: OutboundDeps,
  host: PlacedCallHost,
  principal: Principal,
  request: PlaceCallRequest,
) {
  authorize(principal, 'call.place');
  const { db, acd, media } = deps;
  const tenantId = principal.tenantId;
  const tenant = await tenantsRepository.findById(db, tenantId);
  const plan = voiceSettingsOf(tenant?.settings.voice).outbound;
  const verdict = checkDialled(request.number, plan);
  if (!verdict.allowed)
    throw invalid(verdict.message, { field: 'number', message: verdict.message, reason: verdict.reason });
  const csq = await csqsRepository.findById(db, tenantId, request.csqId);
  if (!csq) throw notFound('CSQ');
  if (csq.channel !== 'voice')
    throw invalid(`CSQ ${csq.name} takes ${csq.channel} contacts, not calls.`, { field: 'csqId' });
  const callerId = csq.callerId;
  if (!callerId || !(await phoneNumbersRepository.isTenants(db, tenantId, callerId)))
    throw conflict(
      `CSQ ${csq.name} has no caller ID: an administrator gives it one of the center's numbers.`,
    );
  const trunk = deps.trunk;
  if (!trunk)
    throw conflict(
      'Outbound calls go out through a SIP trunk, and this server has none (SWITCHBOARD_SIP_TRUNKS).',
    );

  const agent = await answerLeg(media, request.offerSdp, 'browser');
  const attributes = { ANI: callerId, DNIS: verdict.number };
  let far: { legId: string; offerSdp: string } | undefined;
  let call: Call;
  try {
    far = await media.offerRtp();
    // No one outside holds the secret of a call the agent placed: its token is never handed out.
    call = newCall(
      tenantId,
      far.legId,
      { offerSdp: far.offerSdp, callType: 'outbound', attributes },
      csq,
    ).entry;
    const { contactId, externalId } = call;
    await acd.run(
      tenantId,
      (engine) => ({
        events: engine.dialOut(principal.userId, {
          id: contactId,
          csqId: csq.id,
          callType: 'outbound',
          maxConcurrent: verdict.emergency ? Number.POSITIVE_INFINITY : plan.maxConcurrentCalls,
        }),
        result: undefined,
      }),
      (batch) => batch.created.set(contactId, { externalId, attributes }),
    );
  } catch (error) {
    await media.hangUp(agent.legId);
    if (far) await media.hangUp(far.legId);
    throw error;
  }
  Object.assign(call, {
    agentLeg: agent.legId,
    agentId: principal.userId,
    dialling: true,
    direction: 'outbound',
  });
  const { contactId } = call;
  host.carry(call);
  const note = (result: DialResult, status: number) =>
    acd
      .run(tenantId, (engine) =>
        engine.contact(contactId)
          ? { events: engine.noteDialResult(contactId, result, status), result: undefined }
          : { events: [], result: undefined },
      )
      .then(() => undefined)
      .catch((error) =>
        deps.log?.error({ err: error, contactId }, 'noting how a placed call was answered failed'),
      );
  trunk.place(
    { legId: far.legId, offerSdp: far.offerSdp, number: verdict.number, callerId, ringMs: OUTBOUND_RING_MS },
    {
      answered: async () => {
        if (!host.carries(call)) throw notFound('Call');
        call.dialling = false;
        // They hear each other at once; the answer is noted behind it (in the router's order, before any
        // recording starts), not waited for.
        void note('answered', 200);
        await host.answered(call);
      },
      earlyMedia: () => {
        if (!host.carries(call)) return;
        call.dialling = false;
        host.early(call);
      },
      // The far end's leg is hung up next: the call controller ends the call as if the customer hung up.
      refused: (status) => note(dialResultOf(status), status),
    },
  );
  return {
    contactId,
    answerSdp: agent.answerSdp,
    number: verdict.number,
    callerId,
    emergency: verdict.emergency,
    recordingPolicy: csq.recording,
  };
}
