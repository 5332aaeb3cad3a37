import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type AcdEvent,
  authorize,
  CARRIED_CALL_PREFIX,
  expectedWaitMs,
  type Flow,
  type FlowStepDone,
  forbidden,
  invalid,
  LIMITS,
  noteAnswer,
  notFound,
  openState,
  type QueueStep,
  SwitchboardError,
} from '@switchboard/core';
import { agentAction, contactIdFor, createContact, customerAction } from '../acd/contacts.service.ts';
import { csqsRepository } from '../acd/csqs.repository.ts';
import { type Principal, systemPrincipal } from '../auth/principal.ts';
import { holdMusic } from './audio.ts';
import { callFlowsRepository } from './call-flows.repository.ts';
import {
  CallRecorder,
  type CallRecorderDeps,
  type RecordedCall,
  type RecordingCommand,
  type RecordingStatus,
  recordingStatus,
} from './call-recorder.ts';
import { FlowCall } from './flow-call.ts';
import type { MediaHandle } from './media/media-engine.ts';
import { EspeakSpeech, type SpeechSynthesiser } from './speech.ts';

export interface VoiceCallsDeps extends CallRecorderDeps {
  /** Calls from web pages a tenant may have at once here (`LIMITS.webCallsPerTenant` unless told). */
  webCallsPerTenant?: number;
  /** Where failures of work no request waits for are told (a leg that ended, orphans after a restart). */
  log?: { error(details: object, message: string): void } | undefined;
  /** Speaks the call flows' text prompts (eSpeak NG unless told). */
  speech?: SpeechSynthesiser;
}

/** A call this process carries: its contact in the router, its legs in the media engine, its recording. */
interface Call extends RecordedCall {
  /** What the customer hears now: music, or the bridge to the agent. */
  audio: MediaHandle | null;
  /** The SHA-256 of the secret the caller's page holds, which it shows to hang up. */
  tokenHash: Buffer;
  /** The call flow the caller is in, or came through; null for a call straight into a CSQ. */
  flow: FlowCall | null;
  /** The caller hung up (the router's events that follow are theirs, not the agent's). */
  callerGone: boolean;
  /** The agent hung up first and the caller is in the flow's after-call steps. */
  afterCall: boolean;
  /** The external id the contact is (or will be) created with. */
  externalId: string;
  callType: string | undefined;
  attributes: Record<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** A call from a web page: into a voice CSQ, or through a call flow (exactly one of the two). */
export interface NewWebCall {
  csqId?: string | undefined;
  flowId?: string | undefined;
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
  readonly #speech: SpeechSynthesiser;
  /** Each followed tenant's recent answers per CSQ, for the expected wait told to callers. */
  readonly #answers = new Map<string, Map<string, number[]>>();
  readonly #endedListeners = new Set<(tenantId: string, contactId: string) => void>();

  constructor(deps: VoiceCallsDeps) {
    this.#deps = deps;
    this.#recorder = new CallRecorder(deps);
    this.#speech = deps.speech ?? new EspeakSpeech();
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
    const { db } = this.#deps;
    const flow = call.flowId ? await callFlowsRepository.findById(db, tenantId, call.flowId) : undefined;
    if (call.flowId && !flow) throw notFound('Call flow');
    const csq = call.csqId ? await csqsRepository.findById(db, tenantId, call.csqId) : undefined;
    if (!flow) {
      if (!csq) throw notFound('CSQ');
      if (csq.channel !== 'voice')
        throw invalid(`CSQ ${csq.name} takes ${csq.channel} contacts, not calls.`, { field: 'csqId' });
    }
    const { legId, answerSdp } = await this.#answer(call.offerSdp);
    this.#follow(tenantId);
    const token = randomBytes(32).toString('base64url');
    const externalId = `${CARRIED_CALL_PREFIX}${crypto.randomUUID()}`;
    const entry: Call = {
      tenantId,
      contactId: contactIdFor(tenantId, externalId),
      customerLeg: legId,
      agentLeg: null,
      agentId: null,
      audio: null,
      tokenHash: sha256(token),
      csqId: csq?.id ?? '',
      recordingPolicy: csq?.recording ?? 'off',
      recording: null,
      flow: null,
      callerGone: false,
      afterCall: false,
      externalId,
      callType: call.callType,
      attributes: call.attributes ?? {},
    };
    this.#calls.set(entry.contactId, entry);
    this.#contactOfLeg.set(legId, entry.contactId);
    try {
      if (flow) this.#startFlow(entry, flow.id, flow.version, flow.definition);
      else await this.#queue(entry, entry.csqId);
      return { contactId: entry.contactId, answerSdp, token };
    } catch (error) {
      await this.#release(entry);
      throw error;
    }
  }

  /** Creates the call's contact in the CSQ (queued: music, or the flow's waiting audio, until an agent answers). */
  async #queue(
    call: Call,
    csqId: string,
    flow?: { flowId: string; flowVersion: number; steps: FlowStepDone[] },
  ) {
    const { db, acd } = this.#deps;
    if (!call.flow) call.audio = this.#deps.media.play(call.customerLeg, holdMusic());
    else call.flow.wait();
    await createContact(db, acd, systemPrincipal(call.tenantId), {
      channel: 'voice',
      csqId,
      callType: call.callType,
      attributes: call.attributes,
      externalId: call.externalId,
      flow,
    });
  }

  #startFlow(call: Call, flowId: string, flowVersion: number, definition: Flow): void {
    const { db, media } = this.#deps;
    const ended = (error?: unknown) => {
      if (error) this.#deps.log?.error({ err: error, contactId: call.contactId }, 'a call flow failed');
      void this.#endCall(call);
    };
    call.flow = new FlowCall(
      {
        media,
        speech: this.#speech,
        now: () => this.#deps.now(),
        isOpen: async (calendarId) => {
          const row = await db
            .selectFrom('calendars')
            .select('calendar')
            .where('tenant_id', '=', call.tenantId)
            .where('id', '=', calendarId)
            .executeTakeFirst();
          // A calendar deleted from under the flow (it cannot be while the flow names it) counts as closed.
          return row ? openState(row.calendar, this.#deps.now()).open : false;
        },
        queue: (step: QueueStep, variables, steps) =>
          this.#queueFromFlow(call, step, variables, { flowId, flowVersion, steps }),
        standing: () => this.#standing(call),
        moreSteps: (steps) => {
          void this.#deps.acd
            .run(call.tenantId, (engine) => ({
              events: engine.noteFlow(call.contactId, { flowId, flowVersion, steps }),
              result: undefined,
            }))
            .catch((error) => this.#deps.log?.error({ err: error }, 'keeping call flow steps failed'));
        },
        hangUp: () => ended(),
        failed: (error) => ended(error),
      },
      definition,
      call.customerLeg,
    );
    call.flow.start();
  }

  async #queueFromFlow(
    call: Call,
    step: QueueStep,
    variables: Readonly<Record<string, string>>,
    flow: { flowId: string; flowVersion: number; steps: FlowStepDone[] },
  ): Promise<void> {
    const csq = await csqsRepository.findById(this.#deps.db, call.tenantId, step.csqId);
    if (csq?.channel !== 'voice') throw notFound('CSQ');
    call.csqId = csq.id;
    call.recordingPolicy = csq.recording;
    call.attributes = { ...call.attributes, ...variables };
    await this.#queue(call, csq.id, flow);
  }

  async #standing(call: Call) {
    const engine = (await this.#deps.acd.router(call.tenantId)).engine;
    const contact = engine.contact(call.contactId);
    if (!contact || (contact.status !== 'queued' && contact.status !== 'offered')) return null;
    const position = contact.status === 'offered' ? 1 : engine.queuePosition(call.contactId);
    if (position === null) return null;
    const answers = this.#answers.get(call.tenantId)?.get(contact.csqId) ?? [];
    const estimate = expectedWaitMs(position, answers, this.#deps.now());
    return { position, expectedWaitSeconds: estimate === null ? null : Math.ceil(estimate / 1000) };
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

  /**
   * The caller hangs up: abandoned while waiting or ringing, ended if talking. In the call flow before its queue
   * step, or after the agent hung up, there is no contact to end: the call is just over.
   */
  async callerHangUp(tenantId: string, contactId: string): Promise<void> {
    const call = this.#calls.get(contactId);
    if (!call || call.tenantId !== tenantId) return;
    if (call.afterCall || (call.flow && !call.flow.queued)) return this.#release(call);
    call.callerGone = true;
    try {
      await customerAction(this.#deps.db, this.#deps.acd, systemPrincipal(tenantId), contactId, {
        kind: 'left',
      });
    } catch (error) {
      // Hung up while its contact was being created: nothing to end in the router.
      if (!(error instanceof SwitchboardError && error.code === 'not_found')) throw error;
      await this.#release(call);
    }
  }

  /** Whether this process carries the call of this contact (its audio runs here). */
  carries(tenantId: string, contactId: string): boolean {
    return this.#calls.get(contactId)?.tenantId === tenantId;
  }

  /** Whether this server can speak the text prompts of call flows. */
  speaks(): Promise<boolean> {
    return this.#speech.available();
  }

  /** Tells `listener` of each call this process stops carrying (hung up, ended by its flow, or failed). */
  onCallEnded(listener: (tenantId: string, contactId: string) => void): () => void {
    this.#endedListeners.add(listener);
    return () => this.#endedListeners.delete(listener);
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

  /**
   * Each hears the other, or the caller waits: music (with the flow's comfort messages) until an agent answers,
   * music while the agent holds.
   */
  #connect(call: Call): void {
    call.audio?.stop();
    call.audio = null;
    if (call.agentLeg) {
      call.flow?.answered();
      call.audio = this.#deps.media.bridge(call.customerLeg, call.agentLeg);
    } else if (call.flow) call.flow.wait();
    else call.audio = this.#deps.media.play(call.customerLeg, holdMusic());
  }

  /** The flow ends the call (its hang-up step), or failed: whatever the router holds of it ends too. */
  async #endCall(call: Call): Promise<void> {
    try {
      if (call.flow?.queued && !call.afterCall && !call.callerGone)
        await this.callerHangUp(call.tenantId, call.contactId);
    } finally {
      await this.#release(call);
    }
  }

  #follow(tenantId: string): void {
    if (this.#following.has(tenantId)) return;
    this.#following.add(tenantId);
    this.#deps.acd.committed.subscribe(tenantId, (events) => {
      for (const event of events) this.#apply(tenantId, event);
    });
  }

  #apply(tenantId: string, event: AcdEvent): void {
    if (event.type === 'contact.accepted') {
      const answers = this.#answers.get(tenantId) ?? new Map<string, number[]>();
      noteAnswer(answers, event.csqId, event.at);
      this.#answers.set(tenantId, answers);
    }
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
        if (call.flow?.hasAfterCall && !call.callerGone && call.agentLeg) {
          // The agent hung up first: the caller goes on to the flow's after-call steps (a survey).
          call.afterCall = true;
          this.#dropAgent(call);
          call.audio?.stop();
          call.audio = null;
          call.flow.agentHungUp();
          return;
        }
        void this.#release(call);
        return;
      case 'contact.ended':
        if (!call.afterCall) void this.#release(call);
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
    for (const listener of this.#endedListeners) listener(call.tenantId, call.contactId);
    call.flow?.stop();
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
