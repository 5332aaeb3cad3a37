import type { DtmfKey } from '@switchboard/core';
import type { AudioSource } from '../audio.ts';

/** Something playing into a leg, or two legs joined: stopped once, then gone. */
export interface MediaHandle {
  stop(): void;
}

/**
 * What the call controller asks of whatever carries the audio (docs/voice.md). Legs are named by the engine's
 * ids; the controller never handles packets.
 */
export interface MediaEngine {
  /** A leg for a WebRTC offer (ICE candidates gathered, no trickle), with the answer to send back. */
  answerWebRtc(offerSdp: string): Promise<{ legId: string; answerSdp: string }>;
  /** A leg for a plain RTP offer (a SIP phone or trunk: RTP/AVP, PCMU), with the answer to send back. */
  answerRtp(offerSdp: string): Promise<{ legId: string; answerSdp: string }>;
  /** A plain RTP leg that makes the offer, for a call Switchboard places (to an agent's desk phone). */
  offerRtp(): Promise<{ legId: string; offerSdp: string }>;
  /** The far end's answer to `offerRtp`'s offer: where the leg sends from now on. Throws for an unusable one. */
  acceptRtpAnswer(legId: string, answerSdp: string): Promise<void>;
  /**
   * Plays `source` into the leg until it runs out or is stopped (what the leg hears before replaces it);
   * `finished` is called when it runs out, not when it is stopped or replaced.
   */
  play(legId: string, source: AudioSource, finished?: () => void): MediaHandle;
  /** Each leg hears the other, until stopped (anything either was hearing stops). */
  bridge(a: string, b: string): MediaHandle;
  /**
   * Hands `listener` each frame of audio from the leg's far end (what its caller says) with its RTP timestamp,
   * until stopped.
   */
  listen(legId: string, listener: (payload: Uint8Array, timestamp: number) => void): MediaHandle;
  /** Hands `listener` each key the leg's far end presses (RFC 4733 telephone events), until stopped. */
  keys(legId: string, listener: (key: DtmfKey) => void): MediaHandle;
  /**
   * Sends keys to the leg's far end as RFC 4733 telephone events, one after another (an agent working a far
   * end's menu); false, and nothing sent, when the far end did not take telephone events.
   */
  pressKeys(legId: string, keys: readonly DtmfKey[]): boolean;
  /** Called once when a leg ends: hung up here, or its far end gone. */
  onLegEnded(listener: (legId: string) => void): void;
  /** Ends a leg (no-op when it has ended). */
  hangUp(legId: string): Promise<void>;
  /** Ends every leg. */
  close(): Promise<void>;
}
