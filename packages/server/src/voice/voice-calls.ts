import {
  type AcdEvent,
  authorize,
  type DtmfKey,
  type Flow,
  invalid,
  LIMITS,
  notFound,
  SwitchboardError,
} from '@switchboard/core';
import { agentAction, customerAction } from '../acd/contacts.service.ts';
import { csqsRepository } from '../acd/csqs.repository.ts';
import { type Principal, systemPrincipal } from '../auth/principal.ts';
import { controlRecording, pressKeysOnCall } from './agent-call-actions.ts';
import { AGENT_REJOIN_MS, answerLeg, waitForAgent } from './agent-legs.ts';
import { untilCallEnded } from './call-end-wait.ts';
import { applyRouterEvent, ringDeskPhone, stillOffered } from './call-events.ts';
import { callFlowsRepository } from './call-flows.repository.ts';
import { queueCall, queueFromFlow } from './call-queueing.ts';
import {
  CallRecorder,
  type CallRecorderDeps,
  type RecordingCommand,
  recordingStatus,
} from './call-recorder.ts';
import { type Call, type NewWebCall, newCall, playOrBridge, stopWaitingForAgent } from './carried-call.ts';
import { CarriedCalls } from './carried-calls.ts';
import { flowCallFor } from './flow-wiring.ts';
import type { MediaEngine } from './media/media-engine.ts';
import { endOrphanCalls } from './orphan-calls.ts';
import { type PlaceCallRequest, type PlacedCallHost, placeOutboundCall } from './outbound-calls.ts';
import { QueueStandings } from './queue-standings.ts';
import type { DeskPhoneRinger } from './sip/desk-phone-lines.ts';
import type { OutboundTrunk } from './sip/trunk-calls.ts';
import { EspeakSpeech, type SpeechSynthesiser } from './speech.ts';
import { WebCallLines } from './web-call-lines.ts';

export interface VoiceCallsDeps extends CallRecorderDeps {
  /** Calls from web pages a tenant may have at once here (`LIMITS.webCallsPerTenant` unless told). */
  webCallsPerTenant?: number;
  /** Where failures of work no request waits for are told (a leg that ended, orphans after a restart). */
  log?: { error(details: object, message: string): void } | undefined;
  /** Speaks the call flows' text prompts (eSpeak NG unless told). */
  speech?: SpeechSynthesiser;
  /** How long a call waits for its agent to rejoin after their leg dropped (`AGENT_REJOIN_MS` unless told). */
  agentRejoinMs?: number;
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
  readonly #calls = new CarriedCalls();
  readonly #following = new Set<string>();
  readonly #lines: WebCallLines;
  readonly #recorder: CallRecorder;
  readonly #speech: SpeechSynthesiser;
  readonly #standings: QueueStandings;
  readonly #endedListeners = new Set<(tenantId: string, contactId: string) => void>();
  /** Rings agents' desk phones, when SIP is on (see DeskPhoneLines). */
  deskPhones: DeskPhoneRinger | null = null;
  /** Where agents' outbound calls go out, when SIP has a trunk. */
  trunk: OutboundTrunk | null = null;

  constructor(deps: VoiceCallsDeps) {
    this.#deps = deps;
    this.#recorder = new CallRecorder(deps);
    this.#lines = new WebCallLines(deps.webCallsPerTenant ?? LIMITS.webCallsPerTenant.max);
    this.#speech = deps.speech ?? new EspeakSpeech();
    this.#standings = new QueueStandings(deps.acd, deps.now);
    deps.media.onLegEnded((legId) => this.#legEnded(legId));
    deps.acd.onLoad(async (tenantId) => {
      this.#follow(tenantId);
      setImmediate(() => {
        endOrphanCalls(deps, tenantId, (contactId) => this.#calls.get(contactId) !== undefined).catch(
          (error) =>
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
    this.#lines.reserve(tenantId, this.#calls.countOf(tenantId));
    try {
      return await this.#startCall(tenantId, call, (sdp) => answerLeg(this.#deps.media, sdp, 'browser'));
    } finally {
      this.#lines.started(tenantId);
    }
  }

  /** A call from a SIP trunk or phone to a number: its leg answered over plain RTP, then as a web call. */
  async startSipCall(tenantId: string, call: NewWebCall): Promise<{ contactId: string; answerSdp: string }> {
    const { contactId, answerSdp } = await this.#startCall(tenantId, call, (sdp) =>
      answerLeg(this.#deps.media, sdp, 'sip'),
    );
    return { contactId, answerSdp };
  }

  async #startCall(
    tenantId: string,
    call: NewWebCall,
    answer: (offerSdp: string) => Promise<{ legId: string; answerSdp: string }>,
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
    const { legId, answerSdp } = await answer(call.offerSdp);
    const { entry, token } = newCall(tenantId, legId, call, csq);
    this.#carry(entry);
    try {
      if (flow) this.#startFlow(entry, flow);
      else await queueCall(this.#deps, entry, entry.csqId);
      return { contactId: entry.contactId, answerSdp, token };
    } catch (error) {
      await this.#release(entry);
      throw error;
    }
  }

  /**
   * The agent places a call (see `placeOutboundCall`): it rings out through the trunk while they hear it ring,
   * and is a call like any other once answered.
   */
  placeCall(principal: Principal, request: PlaceCallRequest) {
    return placeOutboundCall({ ...this.#deps, trunk: this.trunk }, this.#placedCalls, principal, request);
  }

  readonly #placedCalls: PlacedCallHost = {
    carry: (call) => playOrBridge(this.#carry(call), this.#deps.media),
    carries: (call) => this.#calls.carries(call),
    early: (call) => playOrBridge(call, this.#deps.media),
    answered: (call) => this.#connect(call),
  };

  /** The agent's leg joined to the call: they hear each other (music if held), recorded under `always`. */
  async #connect(call: Call): Promise<void> {
    playOrBridge(call, this.#deps.media);
    if (call.recordingPolicy === 'always') await this.#recorder.start(call);
  }

  #carry(call: Call): Call {
    this.#follow(call.tenantId);
    this.#calls.add(call);
    return call;
  }

  #startFlow(call: Call, flow: { id: string; version: number; definition: Flow }): void {
    call.flow = flowCallFor({ ...this.#deps, speech: this.#speech }, call, flow, {
      queue: (step, variables, taken) => queueFromFlow(this.#deps, call, step, variables, taken),
      standing: () => this.#standings.of(call.tenantId, call.contactId),
      end: () => void this.#endCall(call),
    });
    call.flow.start();
  }

  /** The agent the call is offered to answers from their desktop: their leg joined to the caller's. */
  async answer(principal: Principal, contactId: string, offerSdp: string) {
    const call = this.#calls.of(principal.tenantId, contactId);
    const { legId, answerSdp } = await answerLeg(this.#deps.media, offerSdp, 'browser');
    const contact = await this.takeCall(principal, contactId, legId);
    this.deskPhones?.stopRinging(contactId);
    return { answerSdp, contact, recording: { policy: call.recordingPolicy, ...recordingStatus(call) } };
  }

  /** The engine the calls' legs are on. */
  get media(): MediaEngine {
    return this.#deps.media;
  }

  /**
   * The agent accepts the call offered to them with `legId` as their leg (the leg is hung up if they cannot): the
   * desktop's answer, or their desk phone's.
   */
  async takeCall(principal: Principal, contactId: string, legId: string) {
    const call = this.#calls.of(principal.tenantId, contactId);
    let contact: Awaited<ReturnType<typeof agentAction>>;
    try {
      contact = await agentAction(this.#deps.db, this.#deps.acd, principal, call.contactId, {
        kind: 'accept',
      });
    } catch (error) {
      await this.#deps.media.hangUp(legId);
      throw error;
    }
    if (!this.#calls.carries(call)) {
      // The caller hung up while the agent answered.
      await this.#deps.media.hangUp(legId);
      throw notFound('Call');
    }
    call.agentLeg = legId;
    call.agentId = principal.userId;
    this.#calls.addLeg(call, legId);
    await this.#connect(call);
    return contact;
  }

  /**
   * The agent on a call whose leg dropped (a lost connection, a reloaded desktop) joins it again from a new leg,
   * or moves it to another tab: the old leg, if any, is closed, and they hear each other again (music if held).
   */
  async rejoin(principal: Principal, contactId: string, offerSdp: string) {
    const call = this.#calls.of(principal.tenantId, contactId);
    if (call.agentId !== principal.userId) throw notFound('Call');
    const { legId, answerSdp } = await answerLeg(this.#deps.media, offerSdp, 'browser');
    if (!this.#calls.carries(call) || call.agentId !== principal.userId) {
      await this.#deps.media.hangUp(legId);
      throw notFound('Call');
    }
    stopWaitingForAgent(call);
    const old = call.agentLeg;
    if (old) {
      this.#calls.forgetLeg(old);
      await this.#recorder.stop(call);
      void this.#deps.media.hangUp(old);
    }
    call.agentLeg = legId;
    this.#calls.addLeg(call, legId);
    await this.#connect(call);
    return { answerSdp, recording: { policy: call.recordingPolicy, ...recordingStatus(call) } };
  }

  /** Keys to the far end of a call the agent placed (see `pressKeysOnCall`). */
  pressKeys(principal: Principal, contactId: string, keys: readonly DtmfKey[]): void {
    pressKeysOnCall(this.#calls.of(principal.tenantId, contactId), principal, this.#deps.media, keys);
  }

  /** The recording of the agent's part of a call, controlled or asked about (see `controlRecording`). */
  recording(principal: Principal, contactId: string, command: RecordingCommand | 'status') {
    authorize(principal, 'recording.control');
    const call = this.#calls.of(principal.tenantId, contactId);
    return controlRecording(call, principal, this.#recorder, command);
  }

  /**
   * The caller's page hangs up, showing the call's token: not found unless this server carries the call and the
   * token is its own (compared in constant time).
   */
  async callerHangUpWithToken(contactId: string, token: string): Promise<void> {
    const call = this.#calls.withToken(contactId, token);
    await this.callerHangUp(call.tenantId, contactId);
  }

  /** The caller's page, showing the call's token, waits to learn at once that the call ended (see untilCallEnded). */
  untilEnded(contactId: string, token: string, ms: number, signal: AbortSignal): Promise<boolean> {
    this.#calls.withToken(contactId, token);
    return untilCallEnded((listener) => this.onCallEnded(listener), contactId, ms, signal);
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
    for (const call of this.#calls.all()) await this.#release(call);
    await this.#deps.media.close();
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
    this.#standings.note(tenantId, event);
    if (!('contactId' in event)) return;
    const call = this.#calls.get(event.contactId);
    if (!call) return;
    applyRouterEvent(event, call, {
      media: this.#deps.media,
      dropAgent: (of) => this.#dropAgent(of),
      release: (of) => void this.#release(of),
      ring: (of, agentId) => {
        if (!this.deskPhones) return;
        const current = stillOffered(of, () => this.#calls.carries(of));
        ringDeskPhone(this.deskPhones, of, agentId, current, this.#deps.log);
      },
    });
  }

  #dropAgent(call: Call): void {
    stopWaitingForAgent(call);
    this.deskPhones?.stopRinging(call.contactId);
    call.held = false;
    if (!call.agentLeg) {
      call.agentId = null;
      return;
    }
    void this.#recorder.stop(call);
    const leg = call.agentLeg;
    call.agentLeg = null;
    call.agentId = null;
    this.#calls.forgetLeg(leg);
    void this.#deps.media.hangUp(leg);
  }

  async #release(call: Call): Promise<void> {
    if (!this.#calls.remove(call)) return;
    stopWaitingForAgent(call);
    this.deskPhones?.stopRinging(call.contactId);
    for (const listener of this.#endedListeners) listener(call.tenantId, call.contactId);
    call.flow?.stop();
    await this.#recorder.stop(call);
    call.audio?.stop();
    for (const leg of [call.customerLeg, call.agentLeg]) if (leg) await this.#deps.media.hangUp(leg);
  }

  /** A leg ended at its far end (a closed tab, a lost connection): the call ends as if that side hung up. */
  #legEnded(legId: string): void {
    const call = this.#calls.takeLeg(legId);
    if (!call) return;
    const { tenantId, contactId } = call;
    const ended =
      legId === call.customerLeg ? this.callerHangUp(tenantId, contactId) : this.#agentGone(call, legId);
    ended.catch((error) =>
      this.#deps.log?.error({ err: error, contactId }, 'ending a call whose leg ended failed'),
    );
  }

  /** The agent's leg ended without a hang-up (their connection or tab is gone): the call waits for a rejoin. */
  async #agentGone(call: Call, legId: string): Promise<void> {
    if (call.agentLeg !== legId || !call.agentId) return;
    call.agentLeg = null;
    await this.#recorder.stop(call);
    waitForAgent(call, { ...this.#deps, ms: this.#deps.agentRejoinMs ?? AGENT_REJOIN_MS });
  }
}
