import { CARRIED_CALL_PREFIX } from '@switchboard/core';
import { gatheredOffer } from '@switchboard/widget/gathered-offer';
import { useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { Contact, ResponseOf } from '../api/types.ts';
import { openMicrophone } from './audio-devices.ts';

/** A call the server carries (docs/voice.md) is answered here, in the browser; other voice contacts ring elsewhere. */
export const isBrowserCall = (contact: Pick<Contact, 'channel' | 'externalId'>) =>
  contact.channel === 'voice' && (contact.externalId ?? '').startsWith(CARRIED_CALL_PREFIX);

interface Line {
  connection: RTCPeerConnection;
  microphone: MediaStream;
  /** What the caller says, for the page's audio element. */
  remote: MediaStream;
  muted: boolean;
  recording: LineRecording;
}

/** The call's recording as the desktop shows it: what the CSQ allows, and where it stands. */
export interface LineRecording {
  policy: 'off' | 'always' | 'on_demand';
  state: 'recording' | 'paused' | 'stopped';
}

const lines = new Map<string, Line>();
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};

/**
 * Answers a call offered to this agent: the microphone, a peer connection to the server, the offer sent with
 * the answer request, and the caller's audio kept for `useLine`. Anything that fails closes what it opened.
 */
export async function answerCall(api: ApiClient, contactId: string): Promise<Contact> {
  const answered = await openLine<{ contact: Contact }>(
    (sdp) => api.request('POST', `/contacts/${contactId}/voice/answer`, { sdp }),
    () => contactId,
  );
  return answered.contact;
}

/**
 * Joins again, from this browser, a call the agent is on whose line here dropped (a lost connection, a reloaded
 * desktop) or that another tab holds (it moves here). The caller hears music until then.
 */
export async function rejoinCall(api: ApiClient, contactId: string): Promise<void> {
  await openLine(
    (sdp) =>
      api.request<{ sdp: string; recording: LineRecording }>('POST', `/contacts/${contactId}/voice/rejoin`, {
        sdp,
      }),
    () => contactId,
  );
}

/** What the server answers when the agent places a call. */
export type PlacedCall = ResponseOf<'/calls', 'post'>;

/**
 * Places a call from this browser for one of the agent's voice CSQs: the agent hears it ring, then the customer.
 * The server checks the number against the center's dial plan and refuses with the reason.
 */
export async function placeCall(api: ApiClient, csqId: string, number: string): Promise<PlacedCall> {
  return openLine<PlacedCall>(
    (sdp) => api.request('POST', '/calls', { csqId, number, sdp }),
    (placed) => placed.contactId,
  );
}

/** Opens the microphone and a peer connection, sends its offer with `send`, and keeps the line by `contactIdOf`. */
async function openLine<T>(
  send: (sdp: string) => Promise<T & { sdp: string; recording: LineRecording }>,
  contactIdOf: (answer: T) => string,
): Promise<T> {
  let contactId: string | null = null;
  const microphone = await openMicrophone();
  const connection = new RTCPeerConnection();
  const remote = new MediaStream();
  connection.addEventListener('track', (event) => {
    remote.addTrack(event.track);
    changed();
  });
  connection.addEventListener('connectionstatechange', () => {
    const failed = connection.connectionState === 'failed' || connection.connectionState === 'closed';
    if (failed && contactId) endCall(contactId, connection);
  });
  for (const track of microphone.getAudioTracks()) connection.addTrack(track, microphone);
  try {
    const sdp = await gatheredOffer(connection);
    const answered = await send(sdp);
    contactId = contactIdOf(answered);
    await connection.setRemoteDescription({ type: 'answer', sdp: answered.sdp });
    const { policy, state } = answered.recording;
    lines.get(contactId)?.connection.close();
    lines.set(contactId, { connection, microphone, remote, muted: false, recording: { policy, state } });
    changed();
    return answered;
  } catch (error) {
    connection.close();
    for (const track of microphone.getTracks()) track.stop();
    throw error;
  }
}

/**
 * Closes this browser's side of a call (the server ends its legs itself when the contact ends); with `only`, just
 * when that connection is still the line's (a line replaced by a rejoin stays).
 */
export function endCall(contactId: string, only?: RTCPeerConnection): void {
  const line = lines.get(contactId);
  if (!line || (only && line.connection !== only)) return;
  lines.delete(contactId);
  line.connection.close();
  for (const track of line.microphone.getTracks()) track.stop();
  changed();
}

/** Mutes or unmutes the microphone on the call: the caller hears nothing while muted. */
export function setMuted(contactId: string, muted: boolean): void {
  const line = lines.get(contactId);
  if (!line) return;
  for (const track of line.microphone.getAudioTracks()) track.enabled = !muted;
  lines.set(contactId, { ...line, muted });
  changed();
}

/** Where the call's recording stands now (after the agent started, paused, resumed or stopped it). */
export function setRecordingState(contactId: string, state: LineRecording['state']): void {
  const line = lines.get(contactId);
  if (!line) return;
  lines.set(contactId, { ...line, recording: { ...line.recording, state } });
  changed();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** This browser's line of a call, live: null when it is not answered here. */
export function useLine(contactId: string): Line | null {
  return useSyncExternalStore(subscribe, () => lines.get(contactId) ?? null);
}
