import { createHmac, randomBytes } from 'node:crypto';
import {
  type AcdEvent,
  authorize,
  type ChatMessage,
  type ChatNotice,
  type Clock,
  type ContactView,
  CustomerView,
  chatTextProblem,
  formatTranscript,
  invalid,
  isReservedAttribute,
  notFound,
  type RateLimiter,
  SwitchboardError,
} from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import { createContact } from '../acd/contacts.service.ts';
import { csqsRepository } from '../acd/csqs.repository.ts';
import type { Principal } from '../auth/principal.ts';
import { sameHash, sha256 } from '../auth/secrets.ts';
import type { Db } from '../db/database.ts';
import type { ChatSessionRow } from '../db/schema.ts';
import type { NoticePublisher } from '../events/event-writer.ts';
import { chatRepository } from './chat.repository.ts';
import type { ChatHub } from './chat-hub.ts';
import type { LiveMonitors } from './live-monitors.ts';

export interface ChatDeps {
  db: Db;
  acd: AcdRuntime;
  hub: ChatHub;
  /** Supervisors monitoring or barged into chats: they hear its messages as its agents do. */
  monitors: LiveMonitors;
  notices: NoticePublisher;
  clock: Clock;
  /** Per chat: how fast its customer may send. */
  customerRate: RateLimiter;
  /** Per address: how fast chats may be started through widgets. */
  startRate: RateLimiter;
  /** The server's key from which a start's `clientId` makes the chat's secret (the same for every retry). */
  chatTokenKey: Uint8Array;
}

export interface Customer {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface StartChatInput {
  csqId: string;
  callType: string;
  widgetId: string | null;
  problemStatement: string | null;
  customer: Customer;
  customFields: Record<string, string>;
  /** The customer side's own id for this start, kept as secret as the token: a retry answers the same chat. */
  clientId?: string | undefined;
}

const unauthenticated = (message: string) => new SwitchboardError('unauthenticated', message);

/** The customer's proof that a chat is theirs: `Chat <token>`. */
export interface CustomerCredentials {
  chatId: string;
  token: string | undefined;
}

/** The details an agent sees of the customer, as contact attributes (the desktop's contact panel shows them). */
function customerAttributes(input: StartChatInput): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (input.customer.name) attributes.Name = input.customer.name;
  if (input.customer.email) attributes.Email = input.customer.email;
  if (input.customer.phone) attributes.Phone = input.customer.phone;
  if (input.problemStatement) attributes.Problem = input.problemStatement;
  // A widget's field never writes what an authenticated channel alone may set (customerId: the history trusts
  // it); a start by a channel adapter's key (no widget) may.
  for (const [label, value] of Object.entries(input.customFields))
    if (input.widgetId === null || !isReservedAttribute(label)) attributes[label] ??= value;
  return attributes;
}

/**
 * A start with a `clientId` names its chat by a keyed hash of it (never the id itself, which would open the
 * chat to whoever reads the contact) and gets a secret derived from it: a retry whose answer was lost gets
 * the same chat and the same secret, and cannot take over a chat whose first answer did arrive.
 */
function retryableStart(deps: ChatDeps, tenantId: string, widgetId: string | null, clientId: string) {
  const widget = widgetId ?? 'api';
  const mac = (purpose: string) =>
    createHmac('sha256', deps.chatTokenKey)
      .update(`${purpose}|${tenantId}|${widget}|${clientId}`)
      .digest('base64url');
  return { token: mac('token'), externalId: `chat:${widget}:${mac('contact')}` };
}

/**
 * Starts a web chat: the session is stored first, then its contact is queued in the CSQ, so a queued chat
 * always has a session. Answers the chat id and the secret the customer's widget keeps for it.
 */
export async function startChat(deps: ChatDeps, principal: Principal, input: StartChatInput) {
  authorize(principal, 'contact.create');
  const csq = await csqsRepository.findById(deps.db, principal.tenantId, input.csqId);
  if (csq?.channel !== 'chat') {
    const message = csq ? 'A web chat needs a chat CSQ.' : 'There is no such CSQ.';
    throw invalid(message, [{ path: 'body/csqId', message }]);
  }
  const { token, externalId } = input.clientId
    ? retryableStart(deps, principal.tenantId, input.widgetId, input.clientId)
    : { token: randomBytes(32).toString('base64url'), externalId: undefined };
  const { contact } = await createContact(deps.db, deps.acd, principal, {
    channel: 'chat',
    csqId: input.csqId,
    callType: input.callType,
    attributes: customerAttributes(input),
    externalId,
    beforeQueue: async (id: string) => {
      await chatRepository.insertSession(deps.db, principal.tenantId, {
        contactId: id,
        widgetId: input.widgetId,
        tokenHash: sha256(token),
        customer: input.customer,
        customFields: input.customFields,
        problemStatement: input.problemStatement,
        createdAt: new Date(deps.clock.now()),
      });
    },
  });
  return { chatId: contact.id, token, contact };
}

/** The session the customer's credentials open; wrong or missing secrets look like a missing chat. */
export async function customerSession(deps: ChatDeps, credentials: CustomerCredentials) {
  if (!credentials.token) throw unauthenticated('Send the chat secret: Authorization: Chat <token>.');
  const session = await customerSessionById(deps, credentials.chatId);
  if (!sameHash(session.token_hash, sha256(credentials.token))) throw notFound('Chat');
  return session;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session of a chat whose customer proved themselves another way (a stream ticket). */
export async function customerSessionById(deps: ChatDeps, chatId: string) {
  // The stream's path is not validated like a route's: an id that is no UUID is simply no chat.
  if (!UUID.test(chatId)) throw notFound('Chat');
  const session = await chatRepository.findForCustomer(deps.db, chatId);
  if (!session) throw notFound('Chat');
  return session;
}

/** The chat's contact as the router holds it now; undefined once it has ended. */
export async function openContact(deps: ChatDeps, tenantId: string, contactId: string) {
  const router = await deps.acd.router(tenantId);
  return router.engine.contact(contactId);
}

/** Every agent in a chat now: its owner and any guest of a group chat. */
export function agentsIn(contact: ContactView | undefined): string[] {
  if (!contact?.agentId) return [];
  return [contact.agentId, ...contact.guests.map((g) => g.agentId)];
}

export function checkText(text: string): void {
  const problem = chatTextProblem(text);
  if (problem) throw invalid(problem, [{ path: 'body/text', message: problem }]);
}

/**
 * Every agent in the chat and every supervisor monitoring it who may still: who hears what is said in it.
 * A monitor's scope is checked again first (cached until an access change); one out of scope stops watching.
 */
export async function listenersOf(deps: ChatDeps, tenantId: string, contactId: string, agentIds: string[]) {
  return new Set([...agentIds, ...(await deps.monitors.of(tenantId).watchers(contactId))]);
}

/** Tells the chat's agents (if one is with the customer), its monitors and the customer's connections. */
export async function deliver(
  deps: ChatDeps,
  tenantId: string,
  contactId: string,
  agentIds: string[],
  message: ChatMessage,
): Promise<void> {
  const at = new Date(message.at).toISOString();
  deps.hub.send(tenantId, contactId, { type: 'message', ...message });
  const userIds = await listenersOf(deps, tenantId, contactId, agentIds);
  if (userIds.size > 0)
    await deps.notices.publish(tenantId, [
      { userIds, message: { type: 'chat.message', contactId, ...message, at } },
    ]);
}

export async function postCustomerMessage(
  deps: ChatDeps,
  session: ChatSessionRow,
  input: { clientId: string; text: string },
): Promise<ChatMessage> {
  checkText(input.text);
  const tenantId = session.tenant_id;
  const contactId = session.contact_id;
  const verdict = deps.customerRate.take(contactId);
  if (!verdict.allowed) {
    const retryAfterSeconds = Math.ceil(verdict.retryAfterMs / 1000);
    throw new SwitchboardError(
      'chat_rate_limited',
      `Too many messages at once: wait ${retryAfterSeconds} s before sending again.`,
      { retryAfterSeconds },
    );
  }
  // A retry of a message stored already (even just before the chat ended) gets its number back.
  const earlier = await chatRepository.byClientId(deps.db, tenantId, contactId, input.clientId);
  if (earlier) return earlier;
  const contact = await openContact(deps, tenantId, contactId);
  if (!contact || contact.status === 'wrap_up')
    throw new SwitchboardError('chat_ended', 'This chat has ended: start a new one to write again.');
  const { message, created } = await chatRepository.append(deps.db, tenantId, contactId, {
    sender: 'customer',
    agentId: null,
    alias: null,
    body: input.text,
    clientId: input.clientId,
    at: new Date(deps.clock.now()),
  });
  if (!created) return message;
  if (contact.status === 'active')
    await deps.acd.run(tenantId, (engine) => ({
      events: engine.contact(contactId) ? engine.customerActivity(contactId) : [],
      result: undefined,
    }));
  await deliver(deps, tenantId, contactId, contact.status === 'active' ? agentsIn(contact) : [], message);
  return message;
}

export async function customerTyping(
  deps: ChatDeps,
  session: ChatSessionRow,
  typing: boolean,
): Promise<void> {
  const contact = await openContact(deps, session.tenant_id, session.contact_id);
  if (contact?.status !== 'active' || !contact.agentId) return;
  const userIds = await listenersOf(deps, session.tenant_id, session.contact_id, agentsIn(contact));
  await deps.notices.publish(session.tenant_id, [
    {
      userIds,
      message: {
        type: 'chat.typing',
        at: new Date(deps.clock.now()).toISOString(),
        contactId: session.contact_id,
        from: 'customer',
        typing,
      },
    },
  ]);
}

/** The customer closed the chat: abandoned if no agent had it yet, else over for the agent too. */
export async function customerEnd(deps: ChatDeps, session: ChatSessionRow): Promise<void> {
  await deps.acd.run(session.tenant_id, (engine) => ({
    events: engine.customerLeft(session.contact_id),
    result: undefined,
  }));
}

/** What happened to the chat that no one typed, from its stored events (as the customer was told it). */
async function chatNotices(deps: ChatDeps, tenantId: string, contactId: string): Promise<ChatNotice[]> {
  const rows = await deps.db
    .selectFrom('contact_events')
    .select(['type', 'at', 'agent_id', 'data'])
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .orderBy('id')
    .execute();
  const aliases = new Map<string, string>();
  for (const row of rows) {
    if (row.agent_id && !aliases.has(row.agent_id))
      aliases.set(row.agent_id, await deps.hub.loadAlias(tenantId, row.agent_id));
  }
  const view = new CustomerView(
    contactId,
    { status: 'queued', agentId: null },
    (id) => aliases.get(id) ?? 'Agent',
  );
  const notices: ChatNotice[] = [];
  for (const row of rows) {
    const event = { ...(row.data as object), type: row.type, at: row.at.getTime(), contactId } as AcdEvent;
    for (const frame of view.apply(event)) {
      if (frame.type === 'agent_joined' || frame.type === 'agent_left')
        notices.push({ at: event.at, kind: frame.type, alias: frame.alias });
      else if (frame.type === 'ended') notices.push({ at: event.at, kind: 'ended', by: frame.by });
    }
  }
  return notices;
}

export async function transcript(deps: ChatDeps, session: ChatSessionRow): Promise<string> {
  const [messages, notices] = await Promise.all([
    chatRepository.messages(deps.db, session.tenant_id, session.contact_id),
    chatNotices(deps, session.tenant_id, session.contact_id),
  ]);
  return formatTranscript({
    title: `Chat transcript (${session.created_at.toISOString().slice(0, 10)})`,
    customerName: session.customer_name ?? 'You',
    messages,
    notices,
  });
}

export async function rateChat(
  deps: ChatDeps,
  session: ChatSessionRow,
  input: { rating: number; comment?: string | undefined },
): Promise<void> {
  if (await openContact(deps, session.tenant_id, session.contact_id).then((c) => c && c.status !== 'wrap_up'))
    throw new SwitchboardError('conflict', 'A chat can be rated once it has ended.');
  await chatRepository.rate(deps.db, session.tenant_id, session.contact_id, {
    rating: input.rating,
    comment: input.comment ?? null,
    at: new Date(deps.clock.now()),
  });
}
