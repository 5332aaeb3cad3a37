import { FRAME_MS, toneSource } from '../audio.ts';
import type { SpeechSynthesiser } from '../speech.ts';

/**
 * A speech synthesiser for tests of call flows: it "speaks" each text as a tone of its own, so a test can tell
 * from what a caller hears which prompt is playing (speech from espeak-ng cannot be recognised here; its own
 * test checks the real synthesiser). Texts not given a tone are spoken at `otherHz`.
 */
export class ToneSpeech implements SpeechSynthesiser {
  readonly #tones: ReadonlyMap<string, number>;
  readonly spoken: string[] = [];
  static readonly otherHz = 3800;
  static readonly ms = 500;

  constructor(tones: Record<string, number>) {
    this.#tones = new Map(Object.entries(tones));
  }

  async available(): Promise<boolean> {
    return true;
  }

  async speak(text: string): Promise<Buffer[]> {
    this.spoken.push(text);
    const source = toneSource(this.#tones.get(text) ?? ToneSpeech.otherHz);
    return Array.from({ length: ToneSpeech.ms / FRAME_MS }, () => source.next() as Buffer);
  }
}
