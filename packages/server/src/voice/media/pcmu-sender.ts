import { randomInt } from 'node:crypto';
import { type MediaStreamTrack, RtpHeader, RtpPacket, TelephoneEventRtpPayload } from 'werift';
import { FRAME_SAMPLES, PCMU_PAYLOAD_TYPE } from '../audio.ts';

/**
 * Sends PCMU frames on a track as one RTP stream: its own SSRC, sequence numbers and timestamps carried on from
 * frame to frame (random at the start), the first packet marked.
 */
export class PcmuSender {
  readonly #track: MediaStreamTrack;
  #sequence = randomInt(0, 0x10000);
  #timestamp = randomInt(0, 0x100000000);
  readonly #ssrc = randomInt(1, 0x100000000);
  #first = true;

  constructor(track: MediaStreamTrack) {
    this.#track = track;
  }

  send(payload: Buffer): void {
    this.#write(PCMU_PAYLOAD_TYPE, payload, this.#first);
    this.#first = false;
    this.#timestamp = (this.#timestamp + FRAME_SAMPLES) >>> 0;
  }

  /**
   * A key press as RFC 4733 telephone events, in the place of `frames` audio frames: the first packet marked,
   * updates with the growing duration, the end sent three times, all with the press's timestamp.
   */
  sendKey(event: number, payloadType: number, frames = 5): void {
    for (let n = 1; n <= frames + 2; n++) {
      const end = n >= frames;
      const duration = Math.min(n, frames) * FRAME_SAMPLES;
      const payload = new TelephoneEventRtpPayload({ event, end, volume: 10, duration }).serialize();
      this.#write(payloadType, payload, n === 1);
    }
    this.#timestamp = (this.#timestamp + frames * FRAME_SAMPLES) >>> 0;
  }

  #write(payloadType: number, payload: Buffer, marker: boolean): void {
    const header = new RtpHeader({
      payloadType,
      sequenceNumber: this.#sequence,
      timestamp: this.#timestamp,
      ssrc: this.#ssrc,
      marker,
    });
    this.#track.writeRtp(new RtpPacket(header, payload));
    this.#sequence = (this.#sequence + 1) & 0xffff;
  }
}
