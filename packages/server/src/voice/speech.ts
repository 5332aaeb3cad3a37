import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import wavefile from 'wavefile';
import { type AudioSource, encodeFrame, FRAME_SAMPLES, SAMPLE_RATE } from './audio.ts';

const { WaveFile } = wavefile;
const run = promisify(execFile);

/** Spoken prompts as the legs carry them: μ-law at 8 kHz, whole 20 ms frames. */
export interface SpeechSynthesiser {
  /** Whether text can be spoken here (the program is installed). */
  available(): Promise<boolean>;
  /** The text spoken, as frames. */
  speak(text: string): Promise<Buffer[]>;
}

/** Plays frames once, then ends. */
export function framesSource(frames: readonly Buffer[]): AudioSource {
  let index = 0;
  return { next: () => frames[index++] ?? null };
}

/** 16-bit samples at 8 kHz as whole frames, the last one padded with silence. */
export function framesOf(samples: Int16Array): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at < samples.length; at += FRAME_SAMPLES) {
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(samples.subarray(at, at + FRAME_SAMPLES));
    frames.push(encodeFrame(frame));
  }
  return frames;
}

/** A WAV file of any rate and sample size, mixed down to mono and resampled to 8 kHz, as 16-bit samples. */
export function wavToSamples(file: Uint8Array): Int16Array {
  const wav = new WaveFile(file);
  wav.toBitDepth('16');
  wav.toSampleRate(SAMPLE_RATE);
  const channels = wav.getSamples(false, Int16Array) as unknown as Int16Array[] | Int16Array;
  if (!Array.isArray(channels)) return channels;
  const mixed = new Int16Array(channels[0]?.length ?? 0);
  for (let i = 0; i < mixed.length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i] ?? 0;
    mixed[i] = Math.round(sum / channels.length);
  }
  return mixed;
}

/**
 * Speech from eSpeak NG (Debian `espeak-ng`), run as a program: its WAV output is resampled to the legs' rate.
 * What was spoken is kept, so a prompt heard by every caller is made once per process.
 */
export class EspeakSpeech implements SpeechSynthesiser {
  readonly #voice: string;
  readonly #cache = new Map<string, Promise<Buffer[]>>();
  #available: Promise<boolean> | null = null;
  static readonly CACHE_ENTRIES = 500;

  constructor(voice = 'en') {
    this.#voice = voice;
  }

  available(): Promise<boolean> {
    this.#available ??= run('espeak-ng', ['--version']).then(
      () => true,
      () => false,
    );
    return this.#available;
  }

  speak(text: string): Promise<Buffer[]> {
    const cached = this.#cache.get(text);
    if (cached) return cached;
    const made = this.#synthesise(text);
    made.catch(() => this.#cache.delete(text));
    if (this.#cache.size >= EspeakSpeech.CACHE_ENTRIES) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(text, made);
    return made;
  }

  async #synthesise(text: string): Promise<Buffer[]> {
    const folder = await mkdtemp(join(tmpdir(), 'switchboard-speech-'));
    try {
      const file = join(folder, 'speech.wav');
      // The text is one argument, never parsed by a shell; `--` keeps a leading dash from reading as an option.
      await run('espeak-ng', ['-v', this.#voice, '-s', '150', '-w', file, '--', text], { timeout: 10_000 });
      return framesOf(wavToSamples(await readFile(file)));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
