import { randomInt } from 'node:crypto';
import { RtpHeader, RtpPacket, TelephoneEventRtpPayload } from 'werift';
import { FRAME_SAMPLES, PCMU_PAYLOAD_TYPE } from '../audio.ts';

/** Where a stream's packets go: a WebRTC track, or a UDP socket. */
export type RtpWriter = (packet: RtpPacket) => void;

/**
 * Sends PCMU frames as one RTP stream: its own SSRC, sequence numbers and timestamps carried on from frame to
 * frame (random at the start), the first packet marked.
 */
export class PcmuSender {
  readonly #write: RtpWriter;
  #sequence = randomInt(0, 0x10000);
  #timestamp = randomInt(0, 0x100000000);
  readonly #ssrc = randomInt(1, 0x100000000);
  #first = true;

  constructor(write: RtpWriter) {
    this.#write = write;
  }

  send(payload: Buffer): void {
    this.#packet(PCMU_PAYLOAD_TYPE, payload, this.#first);
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
      this.#packet(payloadType, payload, n === 1);
    }
    this.#timestamp = (this.#timestamp + frames * FRAME_SAMPLES) >>> 0;
  }

  #packet(payloadType: number, payload: Buffer, marker: boolean): void {
    const header = new RtpHeader({
      payloadType,
      sequenceNumber: this.#sequence,
      timestamp: this.#timestamp,
      ssrc: this.#ssrc,
      marker,
    });
    this.#write(new RtpPacket(header, payload));
    this.#sequence = (this.#sequence + 1) & 0xffff;
  }
}
