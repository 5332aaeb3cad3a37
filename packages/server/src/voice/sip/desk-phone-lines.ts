import sip, { type NameAddr, type SipMessage, type SipStack } from 'sip';
import type { Db } from '../../db/database.ts';
import { deskPhonesRepository } from '../desk-phones.repository.ts';
import type { MediaEngine } from '../media/media-engine.ts';
import type { Registrar } from './registrar.ts';

/** What happens to a call when the agent's desk phone picks up, refuses, or hangs up. */
export interface DeskPhoneOutcomes {
  /** The phone picked up: the agent answers the call on `legId` (throws when the offer is gone). */
  answered(call: RungCall, legId: string): Promise<void>;
  /** The phone refused the call (busy, declined) or could not be reached. */
  refused(call: RungCall): Promise<void>;
  /** The agent hung up on the phone. */
  hungUp(call: RungCall): Promise<void>;
}

/** Rings agents' desk phones: false when the agent has none that is reachable (the desktop answers). */
export interface DeskPhoneRinger {
  ring(call: RungCall): Promise<boolean>;
  stopRinging(contactId: string): void;
  /** Whether the tenant's phone of `extension` is registered now. */
  registered(tenantId: string, extension: string): boolean;
}

export interface RungCall {
  tenantId: string;
  contactId: string;
  agentId: string;
  /** Who calls, as the phone's display shows it. */
  caller: string;
  /** Whether the offer the phone rings for is still the call's (not withdrawn, the call not over). */
  current(): boolean;
}

export interface DeskPhoneLinesDeps {
  db: Db;
  media: MediaEngine;
  registrar: Registrar;
  /** The SIP stack the requests go out on. */
  stack: () => SipStack;
  /** Switchboard's own Contact URI. */
  contact: string;
}

interface Line {
  call: RungCall;
  legId: string;
  invite: SipMessage;
  /** The phone's side of the dialog once it answered. */
  phone: NameAddr | null;
  target: string;
  cseq: number;
  over: boolean;
}

/**
 * Calls to agents' desk phones (docs/voice.md, "Desk phones"): a call offered to an agent signed in with a desk
 * phone's extension rings that phone, if it is registered: an INVITE with the media engine's plain RTP offer. The
 * phone's answer is the agent's; its refusal declines the offer; its BYE is the agent's hang-up. When the leg ends
 * here (the call ended, was transferred, or the offer withdrawn), the phone gets a CANCEL or a BYE.
 */
export class DeskPhoneLines implements DeskPhoneRinger {
  readonly #deps: DeskPhoneLinesDeps;
  readonly #byContact = new Map<string, Line>();
  readonly #byLeg = new Map<string, Line>();
  readonly #byCallId = new Map<string, Line>();
  #outcomes: DeskPhoneOutcomes | null = null;

  constructor(deps: DeskPhoneLinesDeps) {
    this.#deps = deps;
    deps.media.onLegEnded((legId) => this.#legEnded(legId));
  }

  /** Who is told what the phones do with their calls (the call controller). */
  handOutcomesTo(outcomes: DeskPhoneOutcomes): void {
    this.#outcomes = outcomes;
  }

  /** Rings the agent's desk phone; false when they have none, or it is not registered (the desktop answers). */
  async ring(call: RungCall): Promise<boolean> {
    const { db, registrar, media } = this.#deps;
    const phone = await deskPhonesRepository.findByAgent(db, call.tenantId, call.agentId);
    const binding = phone && registrar.bindingOf(call.tenantId, phone.extension);
    if (!binding || binding.phoneId !== phone.id || binding.secretId !== phone.secretId) return false;
    const { legId, offerSdp } = await media.offerRtp();
    if (!call.current()) {
      // The offer went elsewhere while the phone was looked up: nothing rings.
      await media.hangUp(legId);
      return true;
    }
    const host = this.#deps.contact.replace(/^sip:[^@]*@/, '');
    const invite: SipMessage = {
      method: 'INVITE',
      uri: binding.uri,
      headers: {
        via: [],
        to: { uri: `sip:${binding.sipUsername}@${host}`, params: {} },
        from: { name: `"${call.caller}"`, uri: `sip:${call.caller}@${host}`, params: { tag: newTag() } },
        'call-id': crypto.randomUUID(),
        cseq: { method: 'INVITE', seq: 1 },
        contact: [{ uri: this.#deps.contact, params: {} }],
        'content-type': 'application/sdp',
        'max-forwards': 70,
      },
      content: offerSdp,
    };
    const line: Line = { call, legId, invite, phone: null, target: binding.uri, cseq: 1, over: false };
    this.#byContact.set(call.contactId, line);
    this.#byLeg.set(legId, line);
    this.#byCallId.set(invite.headers['call-id'], line);
    this.#deps.stack().send(invite, (response) => void this.#responded(line, response));
    return true;
  }

  registered(tenantId: string, extension: string): boolean {
    return this.#deps.registrar.bindingOf(tenantId, extension) !== undefined;
  }

  /**
   * Stops a phone ringing for this call (answered in the desktop, the offer withdrawn): at once, so that the next
   * offer of the call may ring another phone.
   */
  stopRinging(contactId: string): void {
    const line = this.#byContact.get(contactId);
    if (!line || line.phone) return;
    this.#cancel(line);
    void this.#deps.media.hangUp(line.legId);
  }

  /** A request inside one of these calls (the phone's BYE); false when it is not one of them. */
  received(request: SipMessage): boolean {
    const line = this.#byCallId.get(request.headers['call-id']);
    if (!line) return false;
    const respond = (status: number, reason: string) =>
      this.#deps.stack().send(sip.makeResponse(request, status, reason));
    if (request.method === 'BYE') {
      respond(200, 'OK');
      if (!line.over) {
        this.#forget(line);
        void this.#deps.media.hangUp(line.legId);
        void this.#outcomes?.hungUp(line.call);
      }
    } else if (request.method !== 'ACK') respond(request.method === 'INVITE' ? 488 : 405, 'Not Here');
    return true;
  }

  async #responded(line: Line, response: SipMessage): Promise<void> {
    const status = response.status ?? 0;
    if (status < 200) return;
    if (status >= 300) {
      if (line.over) return;
      this.#forget(line);
      await this.#deps.media.hangUp(line.legId);
      await this.#outcomes?.refused(line.call);
      return;
    }
    const again = line.phone !== null;
    line.phone = response.headers.to;
    line.target = response.headers.contact?.[0]?.uri ?? line.target;
    this.#send('ACK', line, line.invite.headers.cseq.seq);
    // A 2xx sent again (the ACK was lost) is acknowledged again, and nothing more.
    if (again) return;
    if (line.over) return this.#bye(line);
    try {
      await this.#deps.media.acceptRtpAnswer(line.legId, response.content ?? '');
      await this.#outcomes?.answered(line.call, line.legId);
    } catch {
      // The offer was gone by the time the phone answered, or its answer has no usable audio.
      await this.#deps.media.hangUp(line.legId);
    }
  }

  /** The leg ended here: the phone is told (CANCEL while it rings, BYE once answered). */
  #legEnded(legId: string): void {
    const line = this.#byLeg.get(legId);
    if (!line || line.over) return;
    if (line.phone) this.#bye(line);
    else this.#cancel(line);
  }

  #cancel(line: Line): void {
    this.#forget(line);
    const { invite } = line;
    this.#deps.stack().send({
      method: 'CANCEL',
      uri: invite.uri,
      headers: {
        via: invite.headers.via.slice(0, 1),
        to: invite.headers.to,
        from: invite.headers.from,
        'call-id': invite.headers['call-id'],
        cseq: { method: 'CANCEL', seq: invite.headers.cseq.seq },
        'max-forwards': 70,
      },
    });
  }

  #bye(line: Line): void {
    this.#forget(line);
    this.#send('BYE', line, ++line.cseq);
    void this.#deps.media.hangUp(line.legId);
  }

  #send(method: 'ACK' | 'BYE', line: Line, seq: number): void {
    const { invite } = line;
    this.#deps.stack().send({
      method,
      uri: line.target,
      headers: {
        via: [],
        to: line.phone ?? invite.headers.to,
        from: invite.headers.from,
        'call-id': invite.headers['call-id'],
        cseq: { method, seq },
        'max-forwards': 70,
      },
    });
  }

  #forget(line: Line): void {
    line.over = true;
    // The call's next offer may ring another phone before this line is forgotten: only this one goes.
    if (this.#byContact.get(line.call.contactId) === line) this.#byContact.delete(line.call.contactId);
    this.#byLeg.delete(line.legId);
    // Kept by its Call-ID a while longer: the phone's retransmitted responses and late requests still find it.
    setTimeout(() => this.#byCallId.delete(line.invite.headers['call-id']), 32_000).unref();
  }
}

const newTag = () => crypto.randomUUID().replaceAll('-', '').slice(0, 16);
