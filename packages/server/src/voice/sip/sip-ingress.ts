import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import { RateLimiter, SwitchboardError } from '@switchboard/core';
import sip, { type Remote, type SipMessage, type SipStack } from 'sip';
import type { AcdRuntime } from '../../acd/acd-runtime.ts';
import type { Db } from '../../db/database.ts';
import type { SecretStore } from '../../secrets/secret-store.ts';
import { phoneNumbersRepository } from '../phone-numbers.repository.ts';
import type { VoiceCalls } from '../voice-calls.ts';
import { DeskPhoneLines } from './desk-phone-lines.ts';
import { deskPhoneOutcomes } from './desk-phone-outcomes.ts';
import { Registrar } from './registrar.ts';
import { callerOf, dialledNumber, sipStatusFor } from './sip-messages.ts';
import { type SipTrunk, TrunkCalls } from './trunk-calls.ts';
import { PlacedCalls } from './uac-calls.ts';

export interface SipIngressOptions {
  /** The address and UDP port SIP listens on. */
  address: string;
  port: number;
  /** New calls one source address may start: `burst` at once, then `perSecond`. */
  invites?: { burst: number; perSecond: number };
  /** Registrations one source address may send: `burst` at once, then `perSecond`. */
  registers?: { burst: number; perSecond: number };
  /**
   * Trunks to carriers or PBXs: agents' outbound calls go out through the first; when any is given, calls to the
   * numbers come in from their addresses only (403 for any other).
   */
  trunks?: SipTrunk[] | undefined;
}

export interface SipIngressDeps {
  db: Db;
  acd: AcdRuntime;
  /** Opens the desk phones' digest hashes. */
  secrets: SecretStore;
  calls: VoiceCalls;
  now: () => number;
  log?: { error(details: object, message: string): void };
}

const ALLOW = 'INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER';
/** RFC 3261 timers: a 2xx to an INVITE is sent again from T1, doubling up to T2, until its ACK or 64×T1. */
const T1_MS = 500;
const T2_MS = 4000;

/** A call that came in by SIP, from its INVITE to its end. */
interface Dialog {
  invite: SipMessage;
  localTag: string;
  tenantId: string | null;
  contactId: string | null;
  ok: SipMessage | null;
  acked: boolean;
  cancelled: boolean;
  /** Ended here, or by the caller: no BYE is sent (again). */
  over: boolean;
  /** Switchboard ended the call before its 2xx was acknowledged: the BYE waits for the ACK. */
  byeOnAck: boolean;
  cseq: number;
  retransmit: NodeJS.Timeout | null;
}

/**
 * Calls from SIP trunks and phones (docs/voice.md, "SIP"): a user agent server on the npm `sip` stack that
 * answers an INVITE to one of the tenants' numbers with the media engine's plain RTP leg, and hands the call to the
 * call controller (its flow, or its CSQ). Either side's BYE ends it. It parses no SIP itself; what the stack
 * cannot read it drops.
 */
export class SipIngress {
  readonly #deps: SipIngressDeps;
  readonly #stack: SipStack;
  readonly #dialogs = new Map<string, Dialog>();
  readonly #byContact = new Map<string, Dialog>();
  readonly #invites: RateLimiter;
  readonly #registers: RateLimiter;
  readonly #contact: string;
  readonly #placed: PlacedCalls;
  readonly #trunks: SipTrunk[];
  readonly registrar: Registrar;
  /** Where agents' outbound calls go out; null without trunks. */
  readonly trunk: TrunkCalls | null;
  readonly deskPhones: DeskPhoneLines;

  private constructor(deps: SipIngressDeps, options: SipIngressOptions) {
    this.#deps = deps;
    this.#invites = new RateLimiter(options.invites ?? { burst: 100, perSecond: 50 }, { now: deps.now });
    this.#registers = new RateLimiter(options.registers ?? { burst: 100, perSecond: 20 }, { now: deps.now });
    this.registrar = new Registrar(deps);
    const host = isIP(options.address) === 6 ? `[${options.address}]` : options.address;
    this.#contact = `sip:switchboard@${host}:${options.port}`;
    this.#stack = sip.create(
      {
        address: options.address,
        port: options.port,
        udp: true,
        tcp: false,
        logger: { error: (error) => deps.log?.error({ err: error }, 'SIP stack error') },
      },
      (request, remote) => this.#received(request, remote),
    );
    deps.calls.onCallEnded((_tenantId, contactId) => this.#ended(contactId));
    this.#placed = new PlacedCalls({
      media: deps.calls.media,
      stack: () => this.#stack,
      contact: this.#contact,
    });
    this.deskPhones = new DeskPhoneLines({
      db: deps.db,
      media: deps.calls.media,
      registrar: this.registrar,
      placed: this.#placed,
      contact: this.#contact,
    });
    this.deskPhones.handOutcomesTo(deskPhoneOutcomes(deps));
    deps.calls.deskPhones = this.deskPhones;
    this.#trunks = options.trunks ?? [];
    const [outbound] = this.#trunks;
    this.trunk = outbound ? new TrunkCalls(this.#placed, outbound, `${host}:${options.port}`) : null;
    deps.calls.trunk = this.trunk;
  }

  /** Listens on the address and port, refused at once if they are taken. */
  static async start(deps: SipIngressDeps, options: SipIngressOptions): Promise<SipIngress> {
    await checkFree(options.address, options.port);
    return new SipIngress(deps, options);
  }

  /** SIP calls in progress here. */
  get size(): number {
    return this.#dialogs.size;
  }

  close(): void {
    if (this.#deps.calls.deskPhones === this.deskPhones) this.#deps.calls.deskPhones = null;
    if (this.trunk && this.#deps.calls.trunk === this.trunk) this.#deps.calls.trunk = null;
    for (const dialog of this.#dialogs.values()) this.#forget(dialog);
    this.#stack.destroy();
  }

  #received(request: SipMessage, remote: Remote): void {
    this.#handle(request, remote).catch((error) => {
      this.#deps.log?.error({ err: error, method: request.method }, 'a SIP request failed');
      if (request.method !== 'ACK') this.#respond(request, 500, 'Server Internal Error');
    });
  }

  async #handle(request: SipMessage, remote: Remote): Promise<void> {
    if (this.#placed.received(request)) return;
    const dialog = this.#dialogs.get(keyOf(request));
    switch (request.method) {
      case 'INVITE':
        if (request.headers.to.params.tag === undefined) return this.#invite(request, remote);
        // A re-INVITE (a phone holding, a session refresh): the media stays as agreed.
        if (!dialog?.ok) return this.#respond(request, 481, 'Call/Transaction Does Not Exist');
        return this.#respond(request, 200, 'OK', {
          headers: { contact: [{ uri: this.#contact }], 'content-type': 'application/sdp' },
          content: dialog.ok.content ?? '',
        });
      case 'ACK':
        if (dialog) this.#acknowledged(dialog);
        return;
      case 'BYE':
        if (!dialog) return this.#respond(request, 481, 'Call/Transaction Does Not Exist');
        this.#respond(request, 200, 'OK');
        return this.#callerGone(dialog);
      case 'CANCEL':
        if (!dialog || dialog.ok) return this.#respond(request, 481, 'Call/Transaction Does Not Exist');
        this.#respond(request, 200, 'OK');
        dialog.cancelled = true;
        this.#respond(dialog.invite, 487, 'Request Terminated');
        return;
      case 'REGISTER':
        return this.#register(request, remote);
      case 'OPTIONS':
        return this.#respond(request, 200, 'OK', { headers: { allow: ALLOW, accept: 'application/sdp' } });
      default:
        return this.#respond(request, 405, 'Method Not Allowed', { headers: { allow: ALLOW } });
    }
  }

  async #register(request: SipMessage, remote: Remote): Promise<void> {
    if (this.#refused(request, remote, this.#registers)) return;
    const answer = await this.registrar.register(request, remote);
    this.#respond(
      request,
      answer.status,
      answer.reason,
      answer.headers ? { headers: answer.headers } : undefined,
    );
  }

  /** Answers 503 with `Retry-After` when the source address has used its allowance of `limiter`. */
  #refused(request: SipMessage, remote: Remote, limiter: RateLimiter): boolean {
    const verdict = limiter.take(remote.address);
    if (verdict.allowed) return false;
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    this.#respond(request, 503, 'Service Unavailable', { headers: { 'retry-after': String(seconds) } });
    return true;
  }

  async #invite(invite: SipMessage, remote: Remote): Promise<void> {
    if (this.#refused(invite, remote, this.#invites)) return;
    if (this.#trunks.length > 0 && !this.#trunks.some((trunk) => trunk.address === remote.address))
      return this.#respond(invite, 403, 'Forbidden');
    this.#respond(invite, 100, 'Trying');
    const dialog: Dialog = {
      invite,
      localTag: crypto.randomUUID().replaceAll('-', ''),
      tenantId: null,
      contactId: null,
      ok: null,
      acked: false,
      cancelled: false,
      over: false,
      byeOnAck: false,
      cseq: 1,
      retransmit: null,
    };
    this.#dialogs.set(keyOf(invite), dialog);
    try {
      await this.#answer(dialog);
    } catch (error) {
      this.#forget(dialog);
      const status = sipStatusFor(error);
      if (status.status >= 500 && !(error instanceof SwitchboardError))
        this.#deps.log?.error({ err: error }, 'answering a SIP call failed');
      if (!dialog.cancelled) this.#respond(invite, status.status, status.reason);
    }
  }

  async #answer(dialog: Dialog): Promise<void> {
    const { invite } = dialog;
    const number = dialledNumber(invite);
    const target = number ? await phoneNumbersRepository.findByNumber(this.#deps.db, number) : undefined;
    if (!number || !target) throw new SwitchboardError('not_found', 'No such number.');
    if (dialog.cancelled) return this.#forget(dialog);
    if (invite.headers['content-type']?.toLowerCase() !== 'application/sdp' || !invite.content)
      throw new SwitchboardError('validation_failed', 'The INVITE carries no SDP offer.', { field: 'sdp' });
    const caller = callerOf(invite);
    const started = await this.#deps.calls.startSipCall(target.tenantId, {
      flowId: target.flowId ?? undefined,
      csqId: target.csqId ?? undefined,
      offerSdp: invite.content,
      attributes: { ...(caller ? { ANI: caller } : {}), DNIS: target.number },
    });
    dialog.tenantId = target.tenantId;
    dialog.contactId = started.contactId;
    this.#byContact.set(started.contactId, dialog);
    if (dialog.cancelled) {
      // Cancelled while it was being answered: the caller is gone before the call began.
      await this.#deps.calls.callerHangUp(target.tenantId, started.contactId);
      return;
    }
    dialog.ok = sip.makeResponse(invite, 200, 'OK', {
      headers: {
        to: { ...invite.headers.to, params: { ...invite.headers.to.params, tag: dialog.localTag } },
        contact: [{ uri: this.#contact }],
        'record-route': invite.headers['record-route'],
        'content-type': 'application/sdp',
      },
      content: started.answerSdp,
    });
    this.#sendOk(dialog, T1_MS, 0);
  }

  /** Sends the 2xx, and again until it is acknowledged; unacknowledged after 64×T1, the call ends. */
  #sendOk(dialog: Dialog, wait: number, waited: number): void {
    if (!dialog.ok || dialog.acked || dialog.over) return;
    if (waited >= 64 * T1_MS) {
      void this.#callerGone(dialog);
      return;
    }
    this.#stack.send(dialog.ok);
    dialog.retransmit = setTimeout(
      () => this.#sendOk(dialog, Math.min(wait * 2, T2_MS), waited + wait),
      wait,
    );
    dialog.retransmit.unref();
  }

  #acknowledged(dialog: Dialog): void {
    dialog.acked = true;
    if (dialog.retransmit) clearTimeout(dialog.retransmit);
    dialog.retransmit = null;
    if (dialog.byeOnAck) this.#bye(dialog);
  }

  /** The caller hung up (or never acknowledged the answer): the call ends in Switchboard. */
  async #callerGone(dialog: Dialog): Promise<void> {
    this.#forget(dialog);
    if (dialog.tenantId && dialog.contactId)
      await this.#deps.calls.callerHangUp(dialog.tenantId, dialog.contactId);
  }

  /** Switchboard ended a call (its flow hung up, the agent did, or the server stops): the caller gets a BYE. */
  #ended(contactId: string): void {
    const dialog = this.#byContact.get(contactId);
    if (!dialog || dialog.over) return;
    if (!dialog.acked) {
      dialog.byeOnAck = true;
      return;
    }
    this.#bye(dialog);
  }

  #bye(dialog: Dialog): void {
    this.#forget(dialog);
    const { invite } = dialog;
    const routes = invite.headers['record-route'] ?? [];
    this.#stack.send({
      method: 'BYE',
      uri: invite.headers.contact?.[0]?.uri ?? invite.headers.from.uri,
      headers: {
        via: [],
        to: invite.headers.from,
        from: { ...invite.headers.to, params: { ...invite.headers.to.params, tag: dialog.localTag } },
        'call-id': invite.headers['call-id'],
        cseq: { method: 'BYE', seq: ++dialog.cseq },
        ...(routes.length > 0 ? { route: routes } : {}),
        'max-forwards': 70,
      },
    });
  }

  #forget(dialog: Dialog): void {
    if (dialog.retransmit) clearTimeout(dialog.retransmit);
    dialog.retransmit = null;
    dialog.over = true;
    this.#dialogs.delete(keyOf(dialog.invite));
    if (dialog.contactId) this.#byContact.delete(dialog.contactId);
  }

  #respond(
    request: SipMessage,
    status: number,
    reason: string,
    extension?: { headers?: Record<string, unknown>; content?: string },
  ): void {
    this.#stack.send(sip.makeResponse(request, status, reason, extension));
  }
}

/** A dialog's key on the caller's side: the Call-ID and the caller's tag. */
const keyOf = (message: SipMessage) =>
  `${message.headers['call-id']}\u0000${message.headers.from.params.tag ?? ''}`;

/** Refuses at once when the address and port are taken (the stack would only fail later, out of reach). */
async function checkFree(address: string, port: number): Promise<void> {
  const probe = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) =>
      reject(new Error(`SIP cannot listen on ${address}:${port}: ${(error as Error).message}`)),
    );
    probe.bind(port, address, () => probe.close(() => resolve()));
  });
}
