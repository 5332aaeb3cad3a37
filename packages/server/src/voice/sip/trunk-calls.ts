import {
  type DigestCredentials,
  newTag,
  type PlacedCallEvents,
  type PlacedCalls,
  type PlacedLine,
} from './uac-calls.ts';

/** A SIP trunk (to a carrier or a PBX) the server's operator configured: calls go out through it, and come in from it. */
export interface SipTrunk {
  name: string;
  address: string;
  port: number;
  /** What a digest challenge from the trunk (401, 407) is answered with; without them it is a refusal. */
  credentials?: DigestCredentials;
}

/** An agent's call to a number, out through a trunk. */
export interface TrunkCall {
  legId: string;
  offerSdp: string;
  /** What is dialled, as the dial plan let it through (`+442079460000`). */
  number: string;
  /** The CSQ's caller ID the call presents. */
  callerId: string;
  /** Given up when not answered within this (the agent hears ringing until then). */
  ringMs: number;
}

/** Places agents' outbound calls (see `TrunkCalls`); each ends when its leg does. */
export interface OutboundTrunk {
  place(call: TrunkCall, events: PlacedCallEvents): PlacedLine;
}

/** The user part of a SIP URI: `#` is escaped there (RFC 3261 19.1.2); digits, `+` and `*` stand as they are. */
const userPart = (number: string) => number.replaceAll('#', '%23');

/**
 * Outbound calls through a trunk: an INVITE to `sip:<number>@<trunk>` presenting the CSQ's number as the caller,
 * in `From` and in `P-Asserted-Identity` (RFC 3325), which trunks to carriers and PBXs read the caller ID from.
 */
export class TrunkCalls implements OutboundTrunk {
  readonly #placed: PlacedCalls;
  readonly #trunk: SipTrunk;
  /** This server's SIP host (`192.0.2.10:5060`), the caller's side of the URIs. */
  readonly #ownHost: string;

  constructor(placed: PlacedCalls, trunk: SipTrunk, ownHost: string) {
    this.#placed = placed;
    this.#trunk = trunk;
    this.#ownHost = ownHost;
  }

  place(call: TrunkCall, events: PlacedCallEvents): PlacedLine {
    const uri = `sip:${userPart(call.number)}@${this.#trunk.address}:${this.#trunk.port}`;
    const caller = `sip:${call.callerId}@${this.#ownHost}`;
    return this.#placed.place(
      {
        legId: call.legId,
        offerSdp: call.offerSdp,
        uri,
        to: { uri, params: {} },
        from: { uri: caller, params: { tag: newTag() } },
        headers: { 'p-asserted-identity': `<${caller}>` },
        ringMs: call.ringMs,
        ...(this.#trunk.credentials ? { credentials: this.#trunk.credentials } : {}),
      },
      events,
    );
  }
}
