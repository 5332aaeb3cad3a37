import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { after, describe, test } from 'node:test';
import { freeUdpPort } from '../testing/free-port.ts';
import { EmbeddedMedia } from './embedded-media.ts';
import { bindInRange } from './port-range.ts';

/** A range of `size` ports that were free a moment ago. */
async function range(size: number) {
  const min = Math.min(await freeUdpPort(), 60_000);
  return { min, max: min + size - 1 };
}

describe('the UDP ports of calls’ audio', () => {
  const open: Socket[] = [];
  after(() => {
    for (const socket of open) socket.close();
  });

  test('legs opened at the same moment each take a port of their own within the range, until none is left', async () => {
    const ports = await range(6);
    // One port of the range is someone else's: it is passed over.
    const taken = createSocket('udp4');
    await new Promise<void>((resolve) => taken.bind(ports.min + 2, '127.0.0.1', resolve));
    open.push(taken);
    const sockets = await Promise.all(
      Array.from({ length: 5 }, () => bindInRange(() => createSocket('udp4'), '127.0.0.1', ports)),
    );
    open.push(...sockets);
    const bound = sockets.map((socket) => socket.address().port).sort();
    assert.equal(new Set(bound).size, 5);
    for (const port of bound) assert.ok(port >= ports.min && port <= ports.max && port !== ports.min + 2);
    await assert.rejects(
      bindInRange(() => createSocket('udp4'), '127.0.0.1', ports),
      /Every UDP port from \d+ to \d+ is in use/,
    );
  });

  test('the engine’s plain RTP legs offer and answer on ports of the range', async () => {
    const ports = await range(20);
    const media = new EmbeddedMedia({ rtpAddress: '127.0.0.1', ports });
    try {
      const { offerSdp } = await media.offerRtp();
      const port = Number(/m=audio (\d+)/.exec(offerSdp)?.[1]);
      assert.ok(port >= ports.min && port <= ports.max, `${port} in ${ports.min}–${ports.max}`);
    } finally {
      await media.close();
    }
  });
});
