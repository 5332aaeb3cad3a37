import { invalid } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import { type Call, playOrBridge, stopWaitingForAgent } from './carried-call.ts';
import type { MediaEngine } from './media/media-engine.ts';

/** How long a call whose agent's leg dropped waits, with music, for them to rejoin. */
export const AGENT_REJOIN_MS = 30_000;

/** A leg for an offer from a browser (WebRTC) or from SIP (plain RTP); a bad offer is a 400 naming `sdp`. */
export async function answerLeg(media: MediaEngine, offerSdp: string, from: 'browser' | 'sip') {
  try {
    return await (from === 'sip' ? media.answerRtp(offerSdp) : media.answerWebRtc(offerSdp));
  } catch (error) {
    const what = from === 'sip' ? 'SDP' : 'WebRTC';
    throw invalid(`The ${what} offer cannot be answered: ${(error as Error).message}`, { field: 'sdp' });
  }
}

/**
 * The agent's leg is gone but they are still on the call: the caller hears music while the agent may rejoin;
 * after `ms` without a leg the call is completed, as if the agent had hung up (they go to wrap-up).
 */
export function waitForAgent(
  call: Call,
  deps: {
    media: MediaEngine;
    acd: AcdRuntime;
    ms: number;
    log?: { error(details: object, message: string): void };
  },
): void {
  const agentId = call.agentId;
  if (!agentId) return;
  playOrBridge(call, deps.media);
  stopWaitingForAgent(call);
  call.rejoinTimer = setTimeout(() => {
    call.rejoinTimer = null;
    deps.acd
      .run(call.tenantId, (engine) => {
        const contact = engine.contact(call.contactId);
        const away = contact?.status === 'active' && contact.agentId === agentId && call.agentLeg === null;
        return { events: away ? engine.complete(agentId, call.contactId) : [], result: undefined };
      })
      .catch((error) => deps.log?.error({ err: error }, 'ending a call its agent left failed'));
  }, deps.ms);
  call.rejoinTimer.unref();
}
