import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CARRIED_CALL_PREFIX, notFound, type RecordingPolicy } from '@switchboard/core';
import { contactIdFor } from '../acd/contacts.service.ts';
import { holdMusic, ringback } from './audio.ts';
import type { RecordedCall } from './call-recorder.ts';
import type { FlowCall } from './flow-call.ts';
import type { MediaEngine, MediaHandle } from './media/media-engine.ts';

/** A call this process carries: its contact in the router, its legs in the media engine, its recording. */
export interface Call extends RecordedCall {
  /** What the customer hears now: music, or the bridge to the agent. */
  audio: MediaHandle | null;
  /** The SHA-256 of the secret the caller's page holds, which it shows to hang up. */
  tokenHash: Buffer;
  /** The call flow the caller is in, or came through; null for a call straight into a CSQ. */
  flow: FlowCall | null;
  /** The caller hung up (the router's events that follow are theirs, not the agent's). */
  callerGone: boolean;
  /** The agent hung up first and the caller is in the flow's after-call steps. */
  afterCall: boolean;
  /** The external id the contact is (or will be) created with. */
  externalId: string;
  callType: string | undefined;
  attributes: Record<string, string>;
  /** The agent holds the call (the caller hears music). */
  held: boolean;
  /** The agent's leg dropped: the call waits for them to rejoin until this fires. */
  rejoinTimer: NodeJS.Timeout | null;
  /** Counts the offers made and withdrawn: a desk phone rung for an offer checks it is still the current one. */
  offers: number;
  /** An outbound call whose far end has not answered yet: the agent hears it ring. */
  dialling?: boolean;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** The call whose caller's page holds `token` (compared in constant time); not found for any other. */
export function withToken(calls: Map<string, Call>, contactId: string, token: string): Call {
  const call = calls.get(contactId);
  if (!call || !timingSafeEqual(sha256(token), call.tokenHash)) throw notFound('Call');
  return call;
}

/** A call from a web page or SIP: into a voice CSQ, or through a call flow (exactly one of the two). */
export interface NewWebCall {
  csqId?: string | undefined;
  flowId?: string | undefined;
  offerSdp: string;
  callType?: string | undefined;
  attributes?: Record<string, string> | undefined;
}

/**
 * A call just answered on `customerLeg`, and the secret its caller's page is given to hang up. Its contact id is
 * fixed now, before the contact is created (in its CSQ, or once its flow queues it).
 */
export function newCall(
  tenantId: string,
  customerLeg: string,
  call: NewWebCall,
  csq: { id: string; recording: RecordingPolicy } | undefined,
): { entry: Call; token: string } {
  const token = randomBytes(32).toString('base64url');
  const externalId = `${CARRIED_CALL_PREFIX}${crypto.randomUUID()}`;
  const entry: Call = {
    tenantId,
    contactId: contactIdFor(tenantId, externalId),
    customerLeg,
    agentLeg: null,
    agentId: null,
    audio: null,
    tokenHash: sha256(token),
    csqId: csq?.id ?? '',
    recordingPolicy: csq?.recording ?? 'off',
    recording: null,
    flow: null,
    callerGone: false,
    afterCall: false,
    externalId,
    callType: call.callType,
    attributes: call.attributes ?? {},
    held: false,
    rejoinTimer: null,
    offers: 0,
  };
  return { entry, token };
}

/**
 * Each hears the other, or the caller waits: music (with the flow's comfort messages) until an agent answers,
 * music while the agent holds or until a dropped agent rejoins.
 */
export function playOrBridge(call: Call, media: MediaEngine): void {
  call.audio?.stop();
  call.audio = null;
  if (call.dialling && call.agentLeg) call.audio = media.play(call.agentLeg, ringback());
  else if (call.agentLeg && !call.held) {
    call.flow?.answered();
    call.audio = media.bridge(call.customerLeg, call.agentLeg);
  } else if (call.flow && !call.agentId) call.flow.wait();
  else call.audio = media.play(call.customerLeg, holdMusic());
}

/** Stops waiting for a dropped agent to rejoin. */
export function stopWaitingForAgent(call: Call): void {
  if (call.rejoinTimer) clearTimeout(call.rejoinTimer);
  call.rejoinTimer = null;
}
