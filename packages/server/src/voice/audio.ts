import alawmulaw from 'alawmulaw';

/** Every leg carries G.711 μ-law at 8 kHz in 20 ms frames: one RTP packet of 160 bytes each. */
export const SAMPLE_RATE = 8000;
export const FRAME_MS = 20;
export const FRAME_SAMPLES = (SAMPLE_RATE * FRAME_MS) / 1000;
/** The RTP payload type of PCMU (RFC 3551). */
export const PCMU_PAYLOAD_TYPE = 0;

const { mulaw } = alawmulaw;

/** One frame of 16-bit samples as μ-law bytes. */
export const encodeFrame = (samples: Int16Array): Buffer => Buffer.from(mulaw.encode(samples));

/** μ-law bytes as 16-bit samples. */
export const decodeFrame = (payload: Uint8Array): Int16Array => mulaw.decode(payload);

/** What a leg hears, a frame at a time: `null` once it has nothing more to play. */
export interface AudioSource {
  next(): Buffer | null;
}

const SILENT_FRAME = encodeFrame(new Int16Array(FRAME_SAMPLES));

/** One frame of silence. */
export const silentFrame = (): Buffer => SILENT_FRAME;

/** A steady sine tone (the audio check, and tests that listen for it). */
export function toneSource(frequencyHz: number, amplitude = 8000): AudioSource {
  let sample = 0;
  return {
    next() {
      const frame = new Int16Array(FRAME_SAMPLES);
      for (let i = 0; i < FRAME_SAMPLES; i++, sample++)
        frame[i] = Math.round(amplitude * Math.sin((2 * Math.PI * frequencyHz * sample) / SAMPLE_RATE));
      return encodeFrame(frame);
    },
  };
}

/** Notes of the hold music (Hz) and how long each lasts (ms): a slow, calm arpeggio in C major, looped. */
const HOLD_MELODY: readonly (readonly [number, number])[] = [
  [261.63, 400],
  [329.63, 400],
  [392.0, 400],
  [523.25, 800],
  [392.0, 400],
  [329.63, 400],
  [349.23, 400],
  [440.0, 400],
  [523.25, 400],
  [440.0, 800],
  [349.23, 400],
  [293.66, 400],
  [246.94, 400],
  [293.66, 400],
  [392.0, 1200],
];

/**
 * Music on hold, made here rather than shipped as a file: each note a soft sine with its octave, rising and
 * fading so notes do not click. Loops for as long as it is played; every frame is made once.
 */
export function holdMusic(): AudioSource {
  return looped(holdMusicFrames());
}

/** Frames made once, played in a loop. */
function looped(frames: readonly Buffer[]): AudioSource {
  let index = 0;
  return {
    next() {
      const frame = frames[index % frames.length] as Buffer;
      index++;
      return frame;
    },
  };
}

let holdFrames: Buffer[] | null = null;

function holdMusicFrames(): Buffer[] {
  if (holdFrames) return holdFrames;
  const samples: number[] = [];
  for (const [frequency, ms] of HOLD_MELODY) {
    const count = (SAMPLE_RATE * ms) / 1000;
    for (let i = 0; i < count; i++) {
      const t = i / SAMPLE_RATE;
      const envelope = Math.min(1, i / 400) * Math.min(1, (count - i) / 800);
      const wave = Math.sin(2 * Math.PI * frequency * t) + 0.3 * Math.sin(4 * Math.PI * frequency * t);
      samples.push(Math.round(3500 * envelope * wave));
    }
  }
  const frames: Buffer[] = [];
  for (let at = 0; at + FRAME_SAMPLES <= samples.length; at += FRAME_SAMPLES)
    frames.push(encodeFrame(Int16Array.from(samples.slice(at, at + FRAME_SAMPLES))));
  holdFrames = frames;
  return frames;
}

/** The ring tone a caller hears while the far end rings (ETSI: 425 Hz, 1 s on, 4 s off), looped. */
export function ringback(): AudioSource {
  return looped(ringbackFrames());
}

let ringFrames: Buffer[] | null = null;

/** One cadence, made once: a second of 425 Hz is a whole number of cycles, so it loops without a click. */
function ringbackFrames(): Buffer[] {
  if (ringFrames) return ringFrames;
  const tone = toneSource(425, 4000);
  const [onFrames, cycleFrames] = [1000 / FRAME_MS, 5000 / FRAME_MS];
  ringFrames = Array.from({ length: cycleFrames }, (_, i) =>
    i < onFrames ? (tone.next() as Buffer) : SILENT_FRAME,
  );
  return ringFrames;
}
