import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApiKey, buildChat, buildCsq } from '../testing/builders.ts';
import { createTestTenant, startTestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect } from '../testing/websocket.ts';

test('a stream asked for messages after a number no column holds serves the chat from its start', {
  timeout: 30_000,
}, async () => {
  const server = await startTestApp();
  try {
    const base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const { admin } = await createTestTenant(server, 'streams');
    const csq = await buildCsq(server, admin, { channel: 'chat' });
    const chat = await buildChat(server, (await buildApiKey(server, admin, 'write')).session, csq.id);
    for (const after of ['1e20', '1e400', String(2 ** 53 + 1)]) {
      const url = await chatStreamUrl(server, base, { chatId: chat.id, token: chat.token });
      const stream = connect(url.replace(/after=0$/, `after=${after}`));
      await stream.next((m) => m.type === 'hello');
      const sent = await server.app.inject({
        method: 'POST',
        url: `/api/v1/public/chats/${chat.id}/messages`,
        headers: { authorization: `Chat ${chat.token}` },
        payload: { clientId: crypto.randomUUID(), text: `after ${after}` },
      });
      assert.equal(sent.statusCode, 201, sent.body);
      const outcome = await Promise.race([
        stream.next((m) => m.type === 'message' && m.text === `after ${after}`),
        stream.next((m) => m.type === 'error'),
      ]);
      assert.equal(outcome.type, 'message', `after=${after}: ${JSON.stringify(outcome)}`);
      stream.close();
      await stream.closed;
    }
  } finally {
    await server.close();
  }
});
