import assert from 'node:assert/strict';
import { test } from 'node:test';
import wavefile from 'wavefile';
import { decodeFrame, FRAME_SAMPLES, SAMPLE_RATE } from './audio.ts';
import { EspeakSpeech, framesOf, wavToSamples } from './speech.ts';
import { loudness } from './testing/web-phone.ts';

const { WaveFile } = wavefile;
const speech = new EspeakSpeech();
const available = await speech.available();
const missing = 'espeak-ng is not installed: install Debian’s espeak-ng to test the spoken prompts';
if (!available && process.env.SWITCHBOARD_CI === '1') throw new Error(`SWITCHBOARD_CI=1 but ${missing}`);

test('text is spoken by eSpeak NG as whole μ-law frames at 8 kHz: sound, about as long as the words take', {
  skip: available ? false : missing,
}, async () => {
  const short = await speech.speak('Press one.');
  const long = await speech.speak(
    'Thank you for calling. All our agents are busy at the moment; please hold.',
  );
  for (const frames of [short, long]) {
    assert.ok(frames.every((frame) => frame.length === FRAME_SAMPLES));
    const loudest = Math.max(...frames.map((frame) => loudness(decodeFrame(frame))));
    assert.ok(loudest > 1000, `speech is heard (${loudest})`);
  }
  const seconds = (frames: Buffer[]) => (frames.length * FRAME_SAMPLES) / SAMPLE_RATE;
  assert.ok(seconds(short) > 0.3 && seconds(short) < 3, `${seconds(short)} s`);
  assert.ok(seconds(long) > 2 * seconds(short), `${seconds(long)} s against ${seconds(short)} s`);
  assert.equal(await speech.speak('Press one.'), short, 'a prompt spoken before is not made again');
});

test('text that reads like an option is spoken, not taken as one', {
  skip: available ? false : missing,
}, async () => {
  const frames = await speech.speak('--version');
  assert.ok(frames.length > 5);
});

test('a WAV file of another rate, size and channel count is mixed to mono and resampled to 8 kHz', () => {
  const rate = 44_100;
  const left = Int16Array.from({ length: rate / 10 }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)),
  );
  const file = new WaveFile();
  file.fromScratch(2, rate, '16', [left, left]);
  const samples = wavToSamples(file.toBuffer());
  assert.ok(Math.abs(samples.length - SAMPLE_RATE / 10) <= 2, `${samples.length} samples`);
  assert.ok(loudness(samples) > 4000);
  const frames = framesOf(samples);
  assert.equal(frames.length, Math.ceil(samples.length / FRAME_SAMPLES));
});
