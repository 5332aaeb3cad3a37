import assert from 'node:assert/strict';
import { call, type Session, type TestApp } from '../../testing/test-app.ts';
import type { WebPhone } from './web-phone.ts';

/** The agent answers a call offered to them from `desk`: the phone connected, the answer's body returned. */
export async function answerFromDesk(server: TestApp, agent: Session, contactId: string, desk: WebPhone) {
  const answered = await call(server, agent, 'POST', `/contacts/${contactId}/voice/answer`, {
    sdp: await desk.offer(),
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  await desk.connect(answered.body.sdp);
  return answered.body;
}
