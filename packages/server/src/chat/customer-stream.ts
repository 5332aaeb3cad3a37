import type { WebSocket } from '@fastify/websocket';
import { type CustomerChatStatus, type CustomerFrame, CustomerView } from '@switchboard/core';
import type { ChatSessionRow } from '../db/schema.ts';
import { INT4_MAX } from '../http/common.schema.ts';
import { toSwitchboardError } from '../http/errors.ts';
import { chatRepository } from './chat.repository.ts';
import { type ChatDeps, customerTyping } from './chat.service.ts';
import type { ChatItem } from './chat-hub.ts';
import { queueUpdates } from './queue-updates.ts';

const HEARTBEAT_MS = 30_000;

const wire = (frame: CustomerFrame) =>
  JSON.stringify(frame.type === 'message' ? { ...frame, at: new Date(frame.at).toISOString() } : frame);

/**
 * One customer connection: `hello` with the chat's state, the stored messages numbered above `after`, then
 * live frames. What arrives while the backlog is read waits and is sent after it; a message is never sent
 * twice on one connection. While the chat waits, `queue` frames tell its place in line (throttled). The customer may send `{"type":"typing","typing":true|false}`.
 */
export async function serveCustomerStream(
  chat: ChatDeps,
  socket: WebSocket,
  /** The chat this connection opens, once its credentials are checked (or an error for the close frame). */
  openSession: () => Promise<ChatSessionRow>,
  after: number,
): Promise<void> {
  // Message numbers are `integer` columns: an `after` beyond them is no message the client saw.
  let lastSeq = Number.isInteger(after) && after > 0 && after <= INT4_MAX ? after : 0;
  let waiting: ChatItem[] | null = [];
  let view: CustomerView | null = null;
  let unsubscribe = () => {};
  let line: ReturnType<typeof queueUpdates> | null = null;
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) socket.terminate();
    alive = false;
    socket.ping();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  socket.on('pong', () => {
    alive = true;
  });
  socket.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    line?.stop();
  });

  const send = (frame: CustomerFrame) => {
    if (frame.type === 'message') {
      if (frame.seq <= lastSeq) return;
      lastSeq = frame.seq;
    }
    socket.send(wire(frame));
  };
  const handle = (item: ChatItem) => {
    if (item.kind === 'frame') send(item.frame);
    else if (item.kind === 'line') line?.changed();
    else if (view) for (const frame of view.apply(item.event)) send(frame);
  };

  try {
    const session = await openSession();
    const tenantId = session.tenant_id;
    const chatId = session.contact_id;
    unsubscribe = chat.hub.subscribe(tenantId, chatId, (item) =>
      waiting ? waiting.push(item) : handle(item),
    );
    socket.on('message', (data: Buffer) => {
      let frame: { type?: unknown; typing?: unknown };
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (frame?.type === 'typing' && typeof frame.typing === 'boolean')
        customerTyping(chat, session, frame.typing).catch(() => {});
    });
    const contact = (await chat.acd.router(tenantId)).engine.contact(chatId);
    const status: CustomerChatStatus =
      !contact || contact.status === 'wrap_up' ? 'ended' : contact.status === 'active' ? 'active' : 'queued';
    const agentId = status === 'active' ? (contact?.agentId ?? null) : null;
    if (agentId) await chat.hub.loadAlias(tenantId, agentId);
    view = new CustomerView(chatId, { status, agentId }, (id) => chat.hub.alias(tenantId, id));
    socket.send(wire(view.hello()));
    const current = view;
    line = queueUpdates(chat, tenantId, chatId, () => current.status === 'queued', send);
    line.changed();
    for (const message of await chatRepository.messages(chat.db, tenantId, chatId, { after: lastSeq }))
      send({ type: 'message', ...message });
    const held = waiting;
    waiting = null;
    for (const item of held) handle(item);
  } catch (error) {
    const typed = toSwitchboardError(error);
    socket.send(JSON.stringify({ type: 'error', error: { code: typed.code, message: typed.message } }));
    socket.close(4401, typed.code);
  }
}
