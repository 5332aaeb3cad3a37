/** Whether a voice CSQ's calls are recorded: every answered call, only when the agent or an API starts it, or not. */
export const RECORDING_POLICIES = ['off', 'always', 'on_demand'] as const;
export type RecordingPolicy = (typeof RECORDING_POLICIES)[number];

/** Recordings are G.711 μ-law at 8 kHz: a sample a byte, 8 per millisecond. */
const SAMPLES_PER_MS = 8;
/** μ-law for a zero sample. */
export const MULAW_SILENCE = 0xff;
/**
 * A frame arriving within this of where the last one ended is laid right after it (network jitter bunches and
 * spreads frames); a longer gap (silence suppression, a pause) is left silent and the frame laid where it arrived.
 */
const JITTER_SAMPLES = 60 * SAMPLES_PER_MS;
/**
 * Frames carry their RTP timestamp: each is laid where its timestamp says, relative to the side's frame before,
 * so a stall of the process or the network (frames late, then in a burst) leaves no gap. A timestamp further
 * than this from the arrival time (a new stream, a jump) starts over from the arrival time.
 */
const RESYNC_SAMPLES = 1_000 * SAMPLES_PER_MS;

/** The two sides of a call in a stereo recording: the customer on the left, the agent on the right. */
export type RecordingChannel = 'customer' | 'agent';
const CHANNEL_INDEX: Record<RecordingChannel, 0 | 1> = { customer: 0, agent: 1 };

/** A span during which nothing was recorded, in milliseconds from the recording's start. */
export interface RecordingPause {
  fromMs: number;
  toMs: number;
}

export interface RecordedAudio {
  /** Interleaved stereo μ-law: left (customer), right (agent), sample by sample. */
  samples: Uint8Array;
  durationMs: number;
  pauses: RecordingPause[];
  /** Whether audio past the length limit was left out. */
  truncated: boolean;
}

/** One side's samples, grown as frames arrive. */
class Track {
  data = new Uint8Array(16_000).fill(MULAW_SILENCE);
  /** Where the audio written so far ends. */
  next = 0;
  /** Nothing is written before this (the end of the last pause). */
  floor = 0;
  /** The RTP timestamp of the last frame and where it was laid. */
  last: { timestamp: number; position: number } | null = null;

  write(at: number, payload: Uint8Array): void {
    const end = at + payload.length;
    if (end > this.data.length) {
      const grown = new Uint8Array(Math.max(end, this.data.length * 2)).fill(MULAW_SILENCE);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(payload, at);
    this.next = Math.max(this.next, end);
  }
}

/**
 * A call's recording as its audio arrives (pure: the caller says when each frame arrived). Each side's frames
 * are laid at their arrival time on one timeline, so the two channels stay in step and a side that sends
 * nothing is silent there. While paused, frames are dropped and the span is kept as a marker.
 */
export class RecordingTimeline {
  readonly startedAt: number;
  readonly #limitSamples: number;
  readonly #tracks = [new Track(), new Track()] as const;
  readonly #pauses: RecordingPause[] = [];
  /** Where the silence of the pause in progress starts (in samples): after all audio written before it. */
  #pausedFrom: number | null = null;
  #truncated = false;

  constructor(startedAt: number, limitMs: number) {
    this.startedAt = startedAt;
    this.#limitSamples = limitMs * SAMPLES_PER_MS;
  }

  get paused(): boolean {
    return this.#pausedFrom !== null;
  }

  /** A frame of one side, arrived at `at`, with its RTP timestamp when the engine knows it. */
  frame(channel: RecordingChannel, payload: Uint8Array, at: number, timestamp?: number): void {
    if (this.#pausedFrom !== null) return;
    const track = this.#tracks[CHANNEL_INDEX[channel]];
    const arrived = this.#sampleAt(at);
    let position = arrived - track.next > JITTER_SAMPLES ? arrived : track.next;
    if (timestamp !== undefined && track.last) {
      // The difference of two 32-bit timestamps, across a wrap-around too.
      const stepped = track.last.position + ((timestamp - track.last.timestamp) | 0);
      if (Math.abs(stepped - arrived) <= RESYNC_SAMPLES) position = stepped;
    }
    position = Math.max(position, track.floor);
    if (timestamp !== undefined) track.last = { timestamp, position };
    if (position + payload.length > this.#limitSamples) {
      this.#truncated = true;
      return;
    }
    track.write(position, payload);
  }

  /** Stops recording until `resume` (no-op when paused already). */
  pause(at: number): void {
    if (this.#pausedFrom !== null) return;
    const [left, right] = this.#tracks;
    this.#pausedFrom = Math.max(this.#sampleAt(at), left.next, right.next);
  }

  /** Records again; the paused span is kept as a marker and left silent (no-op unless paused). */
  resume(at: number): void {
    const from = this.#pausedFrom;
    if (from === null) return;
    this.#pausedFrom = null;
    const to = Math.min(Math.max(this.#sampleAt(at), from), this.#limitSamples);
    this.#pauses.push({ fromMs: Math.ceil(from / SAMPLES_PER_MS), toMs: Math.floor(to / SAMPLES_PER_MS) });
    // Frames that arrive now belong after the pause, never inside it.
    for (const track of this.#tracks) {
      track.next = Math.max(track.next, to);
      track.floor = to;
    }
  }

  #sampleAt(at: number): number {
    return Math.floor((at - this.startedAt) * SAMPLES_PER_MS);
  }

  /** The recording up to `at`: both channels interleaved, as long as the call was recorded. */
  finish(at: number): RecordedAudio {
    if (this.#pausedFrom !== null) this.resume(at);
    const [left, right] = this.#tracks;
    const length = Math.min(this.#limitSamples, Math.max(left.next, right.next, this.#sampleAt(at)));
    const samples = new Uint8Array(length * 2);
    for (let i = 0; i < length; i++) {
      samples[2 * i] = i < left.data.length ? (left.data[i] as number) : MULAW_SILENCE;
      samples[2 * i + 1] = i < right.data.length ? (right.data[i] as number) : MULAW_SILENCE;
    }
    return {
      samples,
      durationMs: Math.round(length / SAMPLES_PER_MS),
      pauses: [...this.#pauses],
      truncated: this.#truncated,
    };
  }
}

/**
 * How a recorded agent is named in a recording's metadata (the QM import format): `name(extension)`, the
 * extension being the agent's phone extension or, for an agent on the web desktop, their username.
 */
export const recordedUserLabel = (name: string, extension: string) => `${name}(${extension})`;

/** A recording's ID in that format: `<recording key>~<name(extension)>`. */
export const recordingIdLabel = (key: string, user: string) => `${key}~${user}`;

/** The fields of a call recording a QM import derives from its direction, numbers and recorded user. */
export interface QmCallFields {
  /** `Incoming` or `Outgoing` (blank is for internal calls, which are not recorded here). */
  callDirection: 'Incoming' | 'Outgoing';
  /** Every recorded call has a party outside: `External`. */
  callType: 'External';
  /** The number inside the last parentheses of the recorded user. */
  extension: string;
  recordedPartyName: string;
  recordedPartyNumber: string;
  /** The far party: the ANI of an incoming call, the DNIS of an outgoing one. */
  otherPartyNumber: string;
  callingParty: string;
  receivingParty: string;
}

/** The QM fields of a recorded call, by the rules of the recording import's glossary. */
export function qmCallFields(call: {
  direction: 'inbound' | 'outbound';
  ani: string;
  dnis: string;
  recordedUser: string;
}): QmCallFields {
  const open = call.recordedUser.lastIndexOf('(');
  const close = call.recordedUser.lastIndexOf(')');
  const labelled = open >= 0 && close > open;
  const extension = labelled ? call.recordedUser.slice(open + 1, close) : '';
  const name = labelled ? call.recordedUser.slice(0, open) : call.recordedUser;
  const incoming = call.direction === 'inbound';
  return {
    callDirection: incoming ? 'Incoming' : 'Outgoing',
    callType: 'External',
    extension,
    recordedPartyName: name,
    recordedPartyNumber: extension,
    otherPartyNumber: incoming ? call.ani : call.dnis,
    callingParty: incoming ? call.ani : call.recordedUser,
    receivingParty: incoming ? call.recordedUser : call.dnis,
  };
}
