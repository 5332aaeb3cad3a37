/**
 * Real audio for browser tests of calls: each browser's microphone is a WAV file of its own tone, and each side
 * listens to what it receives with the Web Audio analyser until the other's tone is the loudest frequency.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Customer, launchBrowser } from '@switchboard/testing';
import type { Browser, Page } from 'playwright-core';
import wavefile from 'wavefile';

const { WaveFile } = wavefile;

/** Ten seconds of a sine tone as a 16-bit mono WAV at 48 kHz (Chromium loops a fake capture file). */
export function toneWav(frequency: number): Buffer {
  const rate = 48_000;
  const samples = Int16Array.from({ length: rate * 10 }, (_, i) =>
    Math.round(12_000 * Math.sin((2 * Math.PI * frequency * i) / rate)),
  );
  const file = new WaveFile();
  file.fromScratch(1, rate, '16', samples);
  return Buffer.from(file.toBuffer());
}

export const fakeMicrophone = (file: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${file}`,
  '--autoplay-policy=no-user-gesture-required',
];

/** Keeps every stream a peer connection of the page receives in `window.__received`, for the analyser. */
export const KEEP_RECEIVED_STREAMS = `{
  window.__received = [];
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('track', (event) => window.__received.push(new MediaStream([event.track])));
    }
  };
}`;

/** Resolves once the loudest frequency the page receives is within 40 Hz of `frequency` (any: `null`). */
export async function hears(page: Page, frequency: number | null): Promise<void> {
  await page.waitForFunction(
    (target) => {
      const w = window as unknown as {
        __received?: MediaStream[];
        __analyser?: { node: AnalyserNode; rate: number };
      };
      const stream = w.__received?.[0];
      if (!stream) return false;
      if (!w.__analyser) {
        const context = new AudioContext();
        const node = context.createAnalyser();
        node.fftSize = 4096;
        context.createMediaStreamSource(stream).connect(node);
        w.__analyser = { node, rate: context.sampleRate };
      }
      const { node, rate } = w.__analyser;
      const bins = new Float32Array(node.frequencyBinCount);
      node.getFloatFrequencyData(bins);
      let loudest = 0;
      for (let i = 1; i < bins.length; i++)
        if ((bins[i] ?? -Infinity) > (bins[loudest] ?? -Infinity)) loudest = i;
      const heard = (bins[loudest] ?? -Infinity) > -70;
      return heard && (target === null || Math.abs((loudest * rate) / node.fftSize - target) < 40);
    },
    frequency,
    { polling: 100, timeout: 30_000 },
  );
}

/** A browser whose microphone plays a tone of `frequency`; closing it removes the tone's file too. */
export async function browserWithTone(
  frequency: number,
): Promise<{ browser: Browser; close(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'switchboard-call-'));
  const file = join(folder, `${frequency}.wav`);
  await writeFile(file, toneWav(frequency));
  const browser = await launchBrowser(fakeMicrophone(file));
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** The caller on `siteUrl` presses the widget's call button; resolves once the call is on. */
export async function callFromWidget(browser: Browser, siteUrl: string, widgetId: string): Promise<Customer> {
  const caller = await Customer.visit(browser, siteUrl, widgetId);
  await caller.context.addInitScript(KEEP_RECEIVED_STREAMS);
  await caller.page.reload();
  await caller.launcher.click();
  await caller.widget.getByRole('button', { name: 'Call us' }).click();
  await caller.widget.getByText('You are on the line').waitFor();
  return caller;
}
