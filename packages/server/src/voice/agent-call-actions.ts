import { conflict, type DtmfKey, forbidden, notFound } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import { type CallRecorder, type RecordingCommand, recordingStatus } from './call-recorder.ts';
import type { Call } from './carried-call.ts';
import type { MediaEngine } from './media/media-engine.ts';

/**
 * The agent on the call sends keys to the customer's side: a far end's menu, on a call they placed. On a customer's
 * call, keys could work the features of the line they came in on (a PBX's transfer code): refused.
 */
export function pressKeysOnCall(
  call: Call,
  principal: Principal,
  media: MediaEngine,
  keys: readonly DtmfKey[],
) {
  if (call.agentId !== principal.userId) throw notFound('Call');
  if (call.direction !== 'outbound')
    throw conflict('Keys go to the far end of a call you placed, not to a customer who called.');
  if (!media.pressKeys(call.customerLeg, keys))
    throw conflict('The other side of this call takes no keypad tones (RFC 4733 telephone events).');
}

/**
 * Starts, pauses, resumes or stops the recording of the agent's part of a call (see `CallRecorder`), or tells
 * where it stands and what the CSQ allows: by the agent on it, or by a write-scoped API key (a payment system).
 * The caller holds `recording.control` (checked before the call is looked up, so a refusal says nothing of it).
 */
export async function controlRecording(
  call: Call,
  principal: Principal,
  recorder: CallRecorder,
  command: RecordingCommand | 'status',
) {
  if (principal.role !== 'service' && call.agentId !== principal.userId)
    throw forbidden('Only the agent on the call controls its recording.');
  const status = command === 'status' ? recordingStatus(call) : await recorder.command(call, command);
  return { ...status, policy: call.recordingPolicy };
}
