import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type AcdEvent,
  authorize,
  CARRIED_CALL_PREFIX,
  forbidden,
  invalid,
  LIMITS,
  notFound,
  SwitchboardError,
} from '@switchboard/core';
import { agentAction, createContact, customerAction } from '../acd/contacts.service.ts';
import { csqsRepository } from '../acd/csqs.repository.ts';
import { type Principal, systemPrincipal } from '../auth/principal.ts';
import { holdMusic } from './audio.ts';
import {
  CallRecorder,
  type CallRecorderDeps,
  type RecordedCall,
  type RecordingCommand,
  type RecordingStatus,
  recordingStatus,
} from './call-recorder.ts';
import type { MediaHandle } from './media/media-engine.ts';

export interface VoiceCallsDeps extends CallRecorderDeps {
  /** Calls from web pages a tenant may have at once here (`LIMITS.webCallsPerTenant` unless told). */
  webCallsPerTenant?: number;
  /** Where failures of work no request waits for are told (a leg that ended, orphans after a restart). */
  log?: { error(details: object, message: string): void } | undefined;
}

/** A call this process carries: its contact in the router, its legs in the media engine, its recording. */
interface Call extends RecordedCall {
  /** What the customer hears now: music, or the bridge to the agent. */
  audio: MediaHandle | null;
  /** The SHA-256 of the secret the caller's page holds, which it shows to hang up. */
  tokenHash: Buffer;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

export interface NewWebCall {
  csqId: string;
  offerSdp: string;
  callType?: string | undefined;
  attributes?: Record<string, string> | undefined;
}

/**
 * The call controller (docs/voice.md): the router decides who takes a call, this keeps each call's legs in step
 * with it. The caller's leg is answered at once and hears music while the contact waits or rings; the agent's
 * desktop answers with a leg of its own, which is bridged to the caller's; hold plays music again; whoever hangs
 * up, both legs end. Calls live in this process: when the router of a tenant loads, calls of this controller that
 * have no legs here (left open by a process that stopped) are ended. Voice contacts that channel adapters report
 * through the contacts API are theirs, and left alone.
 */
export class VoiceCalls {
  readonly #deps: VoiceCallsDeps;
  readonly #calls = new Map<string, Call>();
  readonly #contactOfLeg = new Map<string, string>();
  readonly #following = new Set<string>();
  /** Web calls of each tenant being started now, counted against its limit with those carried already. */
  readonly #starting = new Map<string, number>();
  readonly #recorder: CallRecorder;

  constructor(deps: VoiceCallsDeps) {
    this.#deps = deps;
    this.#recorder = new CallRecorder(deps);
    deps.media.onLegEnded((legId) => this.#legEnded(legId));
    deps.acd.onLoad(async (tenantId) => {
      this.#follow(tenantId);
      // The router takes commands only once loaded: the orphans are ended right after.
      setImmediate(() => {
        this.#endOrphans(tenantId).catch((error) =>
          deps.log?.error({ err: error, tenantId }, 'ending voice contacts left without a call failed'),
        );
      });
    });
  }

  /**
   * A caller's browser calls into a voice CSQ: its leg answered, the contact queued, music playing. At most
   * `LIMITS.webCallsPerTenant` such calls of a tenant at once in this server (409 `limit_reached` beyond).
   */
  async startWebCall(
    tenantId: string,
    call: NewWebCall,
  ): Promise<{ contactId: string; answerSdp: string; token: string }> {
    // Taken before anything is awaited, so calls started at the same moment cannot pass the limit together.
    this.#reserveLine(tenantId);
    try {
      return await this.#startWebCall(tenantId, call);
    } finally {
      this.#starting.set(tenantId, (this.#starting.get(tenantId) ?? 1) - 1);
    }
  }

  async #startWebCall(
    tenantId: string,
    call: NewWebCall,
  ): Promise<{ contactId: string; answerSdp: string; token: string }> {
    const { db, acd, media } = this.#deps;
    const csq = await csqsRepository.findById(db, tenantId, call.csqId);
    if (!csq) throw notFound('CSQ');
    if (csq.channel !== 'voice')
      throw invalid(`CSQ ${csq.name} takes ${csq.channel} contacts, not calls.`, { field: 'csqId' });
    const { legId, answerSdp } = await this.#answer(call.offerSdp);
    this.#follow(tenantId);
    const token = randomBytes(32).toString('base64url');
    const entry: Call = {
      tenantId,
      contactId: '',
      customerLeg: legId,
      agentLeg: null,
      agentId: null,
      audio: media.play(legId, holdMusic()),
      tokenHash: sha256(token),
      csqId: csq.id,
      recordingPolicy: csq.recording,
      recording: null,
    };
    try {
      const { contact } = await createContact(db, acd, systemPrincipal(tenantId), {
        channel: 'voice',
        csqId: call.csqId,
        callType: call.callType,
        attributes: call.attributes,
        externalId: `${CARRIED_CALL_PREFIX}${crypto.randomUUID()}`,
        // Known before the contact is queued, so the router's first events about it find the call.
        beforeQueue: async (id) => {
          entry.contactId = id;
          this.#calls.set(id, entry);
          this.#contactOfLeg.set(legId, id);
        },
      });
      return { contactId: contact.id, answerSdp, token };
    } catch (error) {
      await this.#release(entry);
      await media.hangUp(legId);
      throw error;
    }
  }

  /** The agent the call is offered to answers from their desktop: their leg joined to the caller's. */
  async answer(principal: Principal, contactId: string, offerSdp: string) {
    const call = this.#callOf(principal.tenantId, contactId);
    const { legId, answerSdp } = await this.#answer(offerSdp);
    let contact: Awaited<ReturnType<typeof agentAction>>;
    try {
      contact = await agentAction(this.#deps.db, this.#deps.acd, principal, contactId, { kind: 'accept' });
    } catch (error) {
      await this.#deps.media.hangUp(legId);
      throw error;
    }
    if (this.#calls.get(contactId) !== call) {
      // The caller hung up while the agent answered.
      await this.#deps.media.hangUp(legId);
      throw notFound('Call');
    }
    call.agentLeg = legId;
    call.agentId = principal.userId;
    this.#contactOfLeg.set(legId, contactId);
    this.#connect(call);
    if (call.recordingPolicy === 'always') await this.#recorder.start(call);
    return { answerSdp, contact, recording: { policy: call.recordingPolicy, ...recordingStatus(call) } };
  }

  /**
   * Starts, pauses, resumes or stops the recording of the agent's part of a call (see `CallRecorder`): by the
   * agent on it, or by a write-scoped API key (a payment system pausing it while a card number is taken).
   */
  async recording(
    principal: Principal,
    contactId: string,
    command: RecordingCommand,
  ): Promise<RecordingStatus> {
    authorize(principal, 'recording.control');
    const call = this.#callOf(principal.tenantId, contactId);
    if (principal.role !== 'service' && call.agentId !== principal.userId)
      throw forbidden('Only the agent on the call controls its recording.');
    return this.#recorder.command(call, command);
  }

  /**
   * The caller's page hangs up, showing the call's token: not found unless this server carries the call and the
   * token is its own (compared in constant time).
   */
  async callerHangUpWithToken(contactId: string, token: string): Promise<void> {
    const call = this.#calls.get(contactId);
    const given = sha256(token);
    if (!call || !timingSafeEqual(given, call.tokenHash)) throw notFound('Call');
    await this.callerHangUp(call.tenantId, contactId);
  }

  /** The caller hangs up: abandoned while waiting or ringing, ended if talking. */
  async callerHangUp(tenantId: string, contactId: string): Promise<void> {
    const call = this.#calls.get(contactId);
    if (!call || call.tenantId !== tenantId) return;
    await customerAction(this.#deps.db, this.#deps.acd, systemPrincipal(tenantId), contactId, {
      kind: 'left',
    });
  }

  /** Whether this process carries the call of this contact (its audio runs here). */
  carries(tenantId: string, contactId: string): boolean {
    return this.#calls.get(contactId)?.tenantId === tenantId;
  }

  /** Calls carried by this process now. */
  get size(): number {
    return this.#calls.size;
  }

  /** Ends every call's legs and the media engine (the server is stopping). */
  async close(): Promise<void> {
    for (const call of [...this.#calls.values()]) await this.#release(call);
    await this.#deps.media.close();
  }

  #reserveLine(tenantId: string): void {
    const max = this.#deps.webCallsPerTenant ?? LIMITS.webCallsPerTenant.max;
    let carried = 0;
    for (const call of this.#calls.values()) if (call.tenantId === tenantId) carried++;
    const starting = this.#starting.get(tenantId) ?? 0;
    if (carried + starting >= max)
      throw new SwitchboardError(
        'limit_reached',
        `All ${max} lines for calls from web pages are busy: try again in a moment.`,
        { limit: max, what: 'webCallsPerTenant' },
      );
    this.#starting.set(tenantId, starting + 1);
  }

  #callOf(tenantId: string, contactId: string): Call {
    const call = this.#calls.get(contactId);
    if (!call || call.tenantId !== tenantId) throw notFound('Call');
    return call;
  }

  async #answer(offerSdp: string) {
    try {
      return await this.#deps.media.answerWebRtc(offerSdp);
    } catch (error) {
      throw invalid(`The WebRTC offer cannot be answered: ${(error as Error).message}`, { field: 'sdp' });
    }
  }

  /** Each hears the other, or the caller hears music while the agent holds or before one has answered. */
  #connect(call: Call): void {
    call.audio?.stop();
    call.audio = call.agentLeg
      ? this.#deps.media.bridge(call.customerLeg, call.agentLeg)
      : this.#deps.media.play(call.customerLeg, holdMusic());
  }

  #follow(tenantId: string): void {
    if (this.#following.has(tenantId)) return;
    this.#following.add(tenantId);
    this.#deps.acd.committed.subscribe(tenantId, (events) => {
      for (const event of events) this.#apply(event);
    });
  }

  #apply(event: AcdEvent): void {
    if (!('contactId' in event)) return;
    const call = this.#calls.get(event.contactId);
    if (!call) return;
    const { media } = this.#deps;
    switch (event.type) {
      case 'contact.held':
        call.audio?.stop();
        call.audio = media.play(call.customerLeg, holdMusic());
        return;
      case 'contact.resumed':
        this.#connect(call);
        return;
      case 'contact.transferred':
      case 'contact.offer_withdrawn':
        this.#dropAgent(call);
        this.#connect(call);
        return;
      case 'contact.wrap_up_started':
      case 'contact.ended':
        void this.#release(call);
        return;
    }
  }

  #dropAgent(call: Call): void {
    if (!call.agentLeg) return;
    void this.#recorder.stop(call);
    const leg = call.agentLeg;
    call.agentLeg = null;
    call.agentId = null;
    this.#contactOfLeg.delete(leg);
    void this.#deps.media.hangUp(leg);
  }

  async #release(call: Call): Promise<void> {
    if (this.#calls.get(call.contactId) !== call) return;
    this.#calls.delete(call.contactId);
    await this.#recorder.stop(call);
    call.audio?.stop();
    for (const leg of [call.customerLeg, call.agentLeg]) {
      if (!leg) continue;
      this.#contactOfLeg.delete(leg);
      await this.#deps.media.hangUp(leg);
    }
  }

  /** A leg ended at its far end (a closed tab, a lost connection): the call ends as if that side hung up. */
  #legEnded(legId: string): void {
    const contactId = this.#contactOfLeg.get(legId);
    if (!contactId) return;
    this.#contactOfLeg.delete(legId);
    const call = this.#calls.get(contactId);
    if (!call) return;
    const ended =
      legId === call.customerLeg ? this.callerHangUp(call.tenantId, contactId) : this.#agentGone(call, legId);
    ended.catch((error) =>
      this.#deps.log?.error({ err: error, contactId }, 'ending a call whose leg ended failed'),
    );
  }

  async #agentGone(call: Call, legId: string): Promise<void> {
    const agentId = call.agentId;
    if (call.agentLeg !== legId || !agentId) return;
    await this.#deps.acd.run(call.tenantId, (engine) => {
      const contact = engine.contact(call.contactId);
      if (contact?.status !== 'active' || contact.agentId !== agentId)
        return { events: [], result: undefined };
      return { events: engine.complete(agentId, call.contactId), result: undefined };
    });
  }

  async #endOrphans(tenantId: string): Promise<void> {
    const open = await this.#deps.db
      .selectFrom('contacts')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('channel', '=', 'voice')
      .where('status', '<>', 'ended')
      .where('external_id', 'like', `${CARRIED_CALL_PREFIX}%`)
      .execute();
    const orphans = open.map((row) => row.id).filter((id) => !this.#calls.has(id));
    if (orphans.length === 0) return;
    await this.#deps.acd.run(tenantId, (engine) => ({
      events: orphans.flatMap((id) => (engine.contact(id) ? engine.customerLeft(id) : [])),
      result: undefined,
    }));
  }
}
