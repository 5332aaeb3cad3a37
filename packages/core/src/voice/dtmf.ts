import { DTMF_KEYS, type DtmfKey } from './flow.ts';

/**
 * Keys pressed on a call, from its RFC 4733 telephone events (each decoded by the media library). One press
 * arrives as several packets with the same RTP timestamp (updates while the key is held, the end packet sent
 * three times): the key counts once, on the first packet of the press. Events above 15 (tones that are not
 * keys) are not keys.
 */
export class KeyPresses {
  private lastTimestamp: number | null = null;
  private lastEvent: number | null = null;

  /** The key this packet starts, or null when it continues a press already counted. */
  receive(event: number, rtpTimestamp: number): DtmfKey | null {
    const key = DTMF_KEYS[event];
    if (key === undefined || !Number.isInteger(event)) return null;
    if (rtpTimestamp === this.lastTimestamp && event === this.lastEvent) return null;
    this.lastTimestamp = rtpTimestamp;
    this.lastEvent = event;
    return key;
  }
}
