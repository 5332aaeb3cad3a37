import { isIP } from 'node:net';
import { parse, write } from 'sdp-transform';
import { PCMU_PAYLOAD_TYPE } from '../audio.ts';

/** What a plain RTP offer (a SIP phone's or trunk's) asks for: where to send its audio, and its key events. */
export interface PlainRtpOffer {
  address: string;
  port: number;
  /** The payload type of RFC 4733 telephone events it offers, if any. */
  telephoneEvents: number | null;
}

/**
 * Reads an SDP offer of plain RTP (`RTP/AVP`): its first audio stream must offer PCMU (G.711 μ-law) and name an
 * IP address. Throws an Error saying what is wrong otherwise.
 */
export function readPlainRtpOffer(sdp: string): PlainRtpOffer {
  const parsed = parse(sdp);
  if (!parsed.media?.length) throw new Error('it is not an SDP offer');
  const audio = parsed.media.find((media) => media.type === 'audio' && media.port !== 0);
  if (!audio) throw new Error('it offers no audio');
  if (audio.protocol !== 'RTP/AVP')
    throw new Error(`its audio is ${audio.protocol}, not plain RTP (RTP/AVP)`);
  const payloads = String(audio.payloads ?? '')
    .split(' ')
    .map(Number);
  const named = (codec: string) =>
    (audio.rtp ?? []).find((rtp) => rtp.codec.toLowerCase() === codec && rtp.rate === 8000)?.payload;
  // PCMU is the static payload type 0: an offer need not name it in an rtpmap.
  if (!payloads.includes(PCMU_PAYLOAD_TYPE)) throw new Error('its audio does not offer PCMU (G.711 μ-law)');
  const address = audio.connection?.ip ?? parsed.connection?.ip ?? '';
  if (isIP(address) === 0) throw new Error('it names no IP address for its audio');
  if (!Number.isInteger(audio.port) || audio.port < 1 || audio.port > 65535)
    throw new Error('it names no port for its audio');
  const events = named('telephone-event');
  return {
    address,
    port: audio.port,
    telephoneEvents: events !== undefined && payloads.includes(events) ? events : null,
  };
}

/** The SDP answer for a plain RTP leg taking audio at `local`: PCMU in 20 ms frames, and key events if offered. */
export function plainRtpAnswer(
  local: { address: string; port: number },
  telephoneEvents: number | null,
): string {
  const version = isIP(local.address) === 6 ? 6 : 4;
  const session = Date.now();
  return write({
    version: 0,
    origin: {
      username: '-',
      sessionId: session,
      sessionVersion: 1,
      netType: 'IN',
      ipVer: version,
      address: local.address,
    },
    name: 'Switchboard',
    timing: { start: 0, stop: 0 },
    connection: { version, ip: local.address },
    media: [
      {
        type: 'audio',
        port: local.port,
        protocol: 'RTP/AVP',
        payloads:
          telephoneEvents === null ? `${PCMU_PAYLOAD_TYPE}` : `${PCMU_PAYLOAD_TYPE} ${telephoneEvents}`,
        rtp: [
          { payload: PCMU_PAYLOAD_TYPE, codec: 'PCMU', rate: 8000 },
          ...(telephoneEvents === null
            ? []
            : [{ payload: telephoneEvents, codec: 'telephone-event', rate: 8000 }]),
        ],
        fmtp: telephoneEvents === null ? [] : [{ payload: telephoneEvents, config: '0-15' }],
        ptime: 20,
        direction: 'sendrecv',
      },
    ],
  });
}
