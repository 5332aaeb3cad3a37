import {
  conflict,
  type RecordingAction,
  type RecordingPolicy,
  RecordingTimeline,
  recordedUserLabel,
} from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Db } from '../db/database.ts';
import type { MasterKeyring } from '../secrets/master-keys.ts';
import type { MediaEngine, MediaHandle } from './media/media-engine.ts';
import { type RecordingMetadata, recordingsRepository } from './recordings.ts';

export interface CallRecorderDeps {
  db: Db;
  acd: AcdRuntime;
  media: MediaEngine;
  /** Seals recordings. */
  keyring: MasterKeyring;
  /** When things happen, for recordings' start and end (the router's clock). */
  now: () => number;
  /** A steady clock for laying recorded audio on its timeline (real time, whatever `now` says). */
  mediaNow?: () => number;
  /** Where a recording that could not be kept is told (no request waits for it). */
  log?: { error(details: object, message: string): void } | undefined;
}

/** What the recorder needs of a call: who is on it, its legs, its CSQ's policy and its recording in progress. */
export interface RecordedCall {
  tenantId: string;
  contactId: string;
  csqId: string;
  customerLeg: string;
  agentLeg: string | null;
  agentId: string | null;
  /** The CSQ's recording policy when the call came in. */
  recordingPolicy: RecordingPolicy;
  /** The recording of the agent's part of the call in progress, if any. */
  recording: LiveRecording | null;
  /** What the call carries: `ANI`, the caller's number, and `DNIS`, the number called, for a call over SIP. */
  attributes: Record<string, string>;
  /** Outbound: an agent placed it. Inbound unless told. */
  direction?: 'inbound' | 'outbound';
}

export interface LiveRecording {
  meta: Omit<RecordingMetadata, 'endedAt'>;
  timeline: RecordingTimeline;
  taps: MediaHandle[];
  /** Settles once the recorded agent's name and extension are in `meta`. */
  named: Promise<void>;
}

/** What a caller may do to a call's recording, and where it stands after. */
export const RECORDING_COMMANDS = ['start', 'pause', 'resume', 'stop'] as const;
export type RecordingCommand = (typeof RECORDING_COMMANDS)[number];
export interface RecordingStatus {
  recordingId: string | null;
  state: 'recording' | 'paused' | 'stopped';
}

/** Where a call's recording stands. */
export const recordingStatus = (call: RecordedCall, last: LiveRecording | null = null): RecordingStatus => {
  const current = call.recording;
  return {
    recordingId: current?.meta.id ?? last?.meta.id ?? null,
    state: !current ? 'stopped' : current.timeline.paused ? 'paused' : 'recording',
  };
};

/** The longest recording kept of one agent's part of a call (held in memory while it lasts: 16 KB a second). */
const RECORDING_LIMIT_MS = 4 * 3_600_000;

/**
 * Records the agent's part of a call (docs/voice.md): taps both legs in the media engine, lays their frames on
 * one timeline, and when the part ends seals the stereo file into `recordings`. Each step is a contact event.
 */
export class CallRecorder {
  readonly #deps: CallRecorderDeps;

  constructor(deps: CallRecorderDeps) {
    this.#deps = deps;
  }

  /**
   * Starts, pauses, resumes or stops the recording as the CSQ allows: one that records every call lets its
   * recordings be paused, never stopped; one that records none refuses all four.
   */
  async command(call: RecordedCall, command: RecordingCommand): Promise<RecordingStatus> {
    if (!call.agentLeg) throw conflict('No agent is on the call yet: there is nothing to record.');
    if (call.recordingPolicy === 'off')
      throw conflict("This call's CSQ does not record calls (its recording is off).");
    if (command === 'stop' && call.recordingPolicy === 'always')
      throw conflict("This call's CSQ records every call: pause the recording instead of stopping it.");
    const live = call.recording;
    const at = this.#mediaNow();
    if (command === 'start') {
      if (!live) await this.start(call);
    } else if (!live) {
      throw conflict('The call is not being recorded: start the recording first.');
    } else if (command === 'pause' && !live.timeline.paused) {
      live.timeline.pause(at);
      await this.#note(call, live, 'paused');
    } else if (command === 'resume' && live.timeline.paused) {
      live.timeline.resume(at);
      await this.#note(call, live, 'resumed');
    } else if (command === 'stop') {
      await this.stop(call);
    }
    return recordingStatus(call, live);
  }

  /** Starts recording the agent's part (taken at once, so two requests at the same moment start one). */
  async start(call: RecordedCall): Promise<void> {
    const { db, media, now } = this.#deps;
    const { agentLeg, agentId } = call;
    if (!agentLeg || !agentId || call.recording) return;
    const timeline = new RecordingTimeline(this.#mediaNow(), RECORDING_LIMIT_MS);
    const tap = (leg: string, side: 'customer' | 'agent') =>
      media.listen(leg, (payload, timestamp) => timeline.frame(side, payload, this.#mediaNow(), timestamp));
    const live: LiveRecording = {
      meta: {
        id: crypto.randomUUID(),
        tenantId: call.tenantId,
        contactId: call.contactId,
        csqId: call.csqId,
        agentId,
        recordedUser: '',
        direction: call.direction ?? 'inbound',
        ani: call.attributes.ANI ?? 'anonymous',
        // The agent's side is the recorded extension: the called party inbound, the caller outbound.
        dnis: call.direction === 'outbound' ? (call.attributes.DNIS ?? '') : '',
        startedAt: new Date(now()),
      },
      timeline,
      taps: [tap(call.customerLeg, 'customer'), tap(agentLeg, 'agent')],
      // An agent at a desk phone is known by its extension; one on the web desktop by their username.
      named: db
        .selectFrom('users')
        .leftJoin('desk_phones', (join) =>
          join
            .onRef('desk_phones.agent_id', '=', 'users.id')
            .onRef('desk_phones.tenant_id', '=', 'users.tenant_id'),
        )
        .select(['users.username', 'users.display_name', 'desk_phones.extension'])
        .where('users.tenant_id', '=', call.tenantId)
        .where('users.id', '=', agentId)
        .executeTakeFirst()
        .then((agent) => {
          const extension = agent?.extension ?? agent?.username ?? agentId;
          live.meta.recordedUser = recordedUserLabel(agent?.display_name ?? extension, extension);
          if (live.meta.direction === 'outbound') live.meta.ani = extension;
          else live.meta.dnis = extension;
        }),
    };
    call.recording = live;
    await live.named;
    await this.#note(call, live, 'started');
  }

  /** Ends the recording in progress, if any, and keeps it. */
  async stop(call: RecordedCall): Promise<void> {
    const live = call.recording;
    if (!live) return;
    call.recording = null;
    for (const tap of live.taps) tap.stop();
    const audio = live.timeline.finish(this.#mediaNow());
    const { db, keyring, now, log } = this.#deps;
    try {
      await live.named;
      await recordingsRepository.insert(db, keyring, { ...live.meta, endedAt: new Date(now()) }, audio);
      await this.#note(call, live, 'stopped');
    } catch (error) {
      log?.error({ err: error, contactId: call.contactId }, 'keeping a call recording failed');
    }
  }

  /** The step in the contact's history (the contact may have ended meanwhile: then there is none to add to). */
  async #note(call: RecordedCall, live: LiveRecording, action: RecordingAction): Promise<void> {
    await this.#deps.acd.run(call.tenantId, (engine) => ({
      events: engine.contact(call.contactId)
        ? engine.noteRecording(call.contactId, live.meta.id, action)
        : [],
      result: undefined,
    }));
  }

  #mediaNow(): number {
    return (this.#deps.mediaNow ?? performance.now.bind(performance))();
  }
}
