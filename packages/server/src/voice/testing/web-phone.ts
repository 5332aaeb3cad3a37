import { DTMF_KEYS, type DtmfKey } from '@switchboard/core';
import { MediaStreamTrack, RTCPeerConnection, usePCMU } from 'werift';
import { PCMU_PAYLOAD_TYPE } from '../audio.ts';
import { telephoneEventCodec } from '../media/embedded-media.ts';
import { PhoneAudio } from './phone-audio.ts';

export { loudness, toneShare } from './phone-audio.ts';

/** A browser's side of a call in tests: a WebRTC peer offering PCMU audio (see PhoneAudio). */
export class WebPhone extends PhoneAudio {
  readonly connection = new RTCPeerConnection({
    codecs: { audio: [usePCMU(), telephoneEventCodec()], video: [] },
  });
  readonly #out: MediaStreamTrack;

  constructor() {
    const out = new MediaStreamTrack({ kind: 'audio' });
    super((packet) => out.writeRtp(packet));
    this.#out = out;
    this.connection.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((packet) => {
        if (packet.header.payloadType === PCMU_PAYLOAD_TYPE) this.heard(packet.payload);
      });
    });
  }

  /** The offer to send, once its ICE candidates are gathered. */
  async offer(): Promise<string> {
    this.connection.addTransceiver(this.#out, { direction: 'sendrecv' });
    await this.connection.setLocalDescription(await this.connection.createOffer());
    if (this.connection.iceGatheringState !== 'complete')
      await new Promise<void>((resolve) => {
        const { unSubscribe } = this.connection.iceGatheringStateChange.subscribe((state) => {
          if (state !== 'complete') return;
          unSubscribe();
          resolve();
        });
      });
    return this.connection.localDescription?.sdp ?? '';
  }

  /** Applies the answer and waits until the call's media is connected. */
  async connect(answerSdp: string): Promise<void> {
    await this.connection.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    if (this.connection.connectionState === 'connected') return;
    await new Promise<void>((resolve, reject) => {
      const { unSubscribe } = this.connection.connectionStateChange.subscribe((state) => {
        if (state === 'connected') {
          unSubscribe();
          resolve();
        } else if (state === 'failed' || state === 'closed') {
          unSubscribe();
          reject(new Error(`the call's media ${state}`));
        }
      });
    });
  }

  /** Presses keys on the keypad: each sent as RFC 4733 telephone events, one after the other. */
  press(keys: string): void {
    const transceiver = this.connection.getTransceivers()[0];
    const codec = transceiver?.codecs.find((c) => c.mimeType.toLowerCase() === 'audio/telephone-event');
    if (!transceiver || !codec) throw new Error('the call did not agree on telephone events');
    // werift has no DTMF sender and stamps every packet with the sending codec: the events go out under the
    // telephone-event codec, swapped in while they are written (synchronously, so no audio frame slips in).
    const { sender } = transceiver;
    const track = this.#out as MediaStreamTrack & { codec?: typeof codec };
    const [audio, trackAudio] = [sender.codec, track.codec];
    sender.codec = codec;
    track.codec = codec;
    try {
      for (const key of keys) this.sender.sendKey(DTMF_KEYS.indexOf(key as DtmfKey), codec.payloadType);
    } finally {
      sender.codec = audio;
      track.codec = trackAudio;
    }
  }

  async hangUp(): Promise<void> {
    this.quiet();
    await this.connection.close();
  }
}
