import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { DtmfKey } from '@switchboard/core';
import { silentFrame, toneSource } from '../audio.ts';
import { framesSource } from '../speech.ts';
import { WebPhone } from '../testing/web-phone.ts';
import { EmbeddedMedia } from './embedded-media.ts';

const media = new EmbeddedMedia();
after(() => media.close());

async function connected() {
  const phone = new WebPhone();
  const { legId, answerSdp } = await media.answerWebRtc(await phone.offer());
  await phone.connect(answerSdp);
  return { phone, legId };
}

test('keys pressed on the phone reach the leg once each, in order, as RFC 4733 telephone events', async (t) => {
  const { phone, legId } = await connected();
  t.after(() => phone.hangUp());
  const heard: DtmfKey[] = [];
  const all = new Promise<void>((resolve) => {
    media.keys(legId, (key) => {
      heard.push(key);
      if (heard.length === 5) resolve();
    });
  });
  phone.speak(toneSource(440));
  phone.press('12#*9');
  await all;
  assert.deepEqual(heard, ['1', '2', '#', '*', '9']);
});

test('a source that runs out says so; one stopped or replaced does not', async (t) => {
  const { phone, legId } = await connected();
  t.after(() => phone.hangUp());
  const calls: string[] = [];
  const stopped = media.play(legId, framesSource([silentFrame()]), () => calls.push('stopped'));
  stopped.stop();
  media.play(legId, framesSource([silentFrame()]), () => calls.push('replaced'));
  await new Promise<void>((resolve) =>
    media.play(legId, framesSource(Array.from({ length: 5 }, silentFrame)), () => {
      calls.push('finished');
      resolve();
    }),
  );
  assert.deepEqual(calls, ['finished']);
});
