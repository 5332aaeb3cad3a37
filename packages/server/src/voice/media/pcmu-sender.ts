import { randomInt } from 'node:crypto';
import { type MediaStreamTrack, RtpHeader, RtpPacket } from 'werift';
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
    const header = new RtpHeader({
      payloadType: PCMU_PAYLOAD_TYPE,
      sequenceNumber: this.#sequence,
      timestamp: this.#timestamp,
      ssrc: this.#ssrc,
      marker: this.#first,
    });
    this.#track.writeRtp(new RtpPacket(header, payload));
    this.#first = false;
    this.#sequence = (this.#sequence + 1) & 0xffff;
    this.#timestamp = (this.#timestamp + FRAME_SAMPLES) >>> 0;
  }
}
