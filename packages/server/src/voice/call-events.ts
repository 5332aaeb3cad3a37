import type { AcdEvent } from '@switchboard/core';
import { type Call, playOrBridge } from './carried-call.ts';
import type { MediaEngine } from './media/media-engine.ts';
import type { DeskPhoneRinger } from './sip/desk-phone-lines.ts';

/** What the call controller does to a call as the router's events about its contact come in. */
export interface CallEventActions {
  media: MediaEngine;
  /** The agent's leg ends (kept on the call no more): transferred, or the offer withdrawn. */
  dropAgent(call: Call): void;
  /** Both legs end and the call is forgotten. */
  release(call: Call): void;
  /** The call is offered to `agentId`: their desk phone rings, if they have one. */
  ring(call: Call, agentId: string): void;
}

/** Keeps a carried call's legs in step with its contact in the router (docs/voice.md, "A call, step by step"). */
export function applyRouterEvent(event: AcdEvent, call: Call, actions: CallEventActions): void {
  const { media } = actions;
  switch (event.type) {
    case 'contact.offered':
      call.offers++;
      actions.ring(call, event.agentId);
      return;
    case 'contact.held':
    case 'contact.resumed':
      call.held = event.type === 'contact.held';
      playOrBridge(call, media);
      return;
    case 'contact.transferred':
    case 'contact.offer_withdrawn':
      call.offers++;
      actions.dropAgent(call);
      playOrBridge(call, media);
      return;
    case 'contact.wrap_up_started':
      if (call.flow?.hasAfterCall && !call.callerGone && call.agentLeg) {
        // The agent hung up first: the caller goes on to the flow's after-call steps (a survey).
        call.afterCall = true;
        actions.dropAgent(call);
        call.audio?.stop();
        call.audio = null;
        call.flow.agentHungUp();
        return;
      }
      actions.release(call);
      return;
    case 'contact.ended':
      if (!call.afterCall) actions.release(call);
      return;
  }
}

/** Whether the offer made now is still the call's when asked later (not withdrawn, the call still carried). */
export function stillOffered(call: Call, carried: () => boolean): () => boolean {
  const offer = call.offers;
  return () => carried() && call.offers === offer;
}

/** Rings the agent's desk phone for the call offered to them, if they sit at one; a failure is logged. */
export function ringDeskPhone(
  phones: DeskPhoneRinger,
  call: Call,
  agentId: string,
  current: () => boolean,
  log: { error(details: object, message: string): void } | undefined,
): void {
  const caller = call.attributes.ANI ?? 'anonymous';
  phones
    .ring({ tenantId: call.tenantId, contactId: call.contactId, agentId, caller, current })
    .catch((error) => log?.error({ err: error }, 'ringing a desk phone failed'));
}
