import { SwitchboardError } from '@switchboard/core';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { issueTicket, redeemChatTicket, StreamTicket, tokenInUrl } from '../auth/stream-tickets.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { IdParams, NoContent } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { sendError } from '../http/errors.ts';
import { chatRepository } from './chat.repository.ts';
import { ChatMessages, wireMessage } from './chat.routes.ts';
import {
  AfterQuery,
  ChatMessage,
  RatingBody,
  SendMessageBody,
  StartedChat,
  TypingBody,
  WidgetChatBody,
} from './chat.schema.ts';
import {
  type ChatDeps,
  customerEnd,
  customerSession,
  customerSessionById,
  customerTyping,
  postCustomerMessage,
  rateChat,
  transcript,
} from './chat.service.ts';
import { serveCustomerStream } from './customer-stream.ts';
import { startWidgetChat } from './widget-chat.ts';

const tags = ['chat (customer)'];

/** The chat secret from `Authorization: Chat <token>`. */
function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header ? /^Chat\s+(\S+)$/i.exec(header)?.[1] : undefined;
}

type CustomerSession = Awaited<ReturnType<typeof customerSession>>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The chat's session on customer routes, once `customerGuard` has checked the chat's secret. */
    chatSession: CustomerSession | null;
  }
}

const sessionOf = (chat: ChatDeps, request: FastifyRequest) =>
  customerSession(chat, { chatId: (request.params as { id: string }).id, token: tokenOf(request) });

/** The customer's session, checked once by the route's guard before its handler runs. */
function customerOf(request: FastifyRequest): CustomerSession {
  if (!request.chatSession) throw new Error('chat session missing on a customer route');
  return request.chatSession;
}

/**
 * What the customer's chat widget calls, with no account: each call carries the chat's secret from when it
 * started, which one guard checks before the handler. The stream sends the chat's state, the messages after
 * `after`, then live frames (docs/chat.md).
 */
export function publicChatRoutes(app: App, { chat }: AppContext): void {
  app.decorateRequest('chatSession', null);
  const customerGuard = async (request: FastifyRequest) => {
    request.chatSession = await sessionOf(chat, request);
  };
  const customer = { permission: 'chatCustomer', preHandler: customerGuard } as const;

  defineRoute(app, {
    method: 'POST',
    url: '/public/widgets/:id/chats',
    permission: 'public',
    tags,
    summary: "A customer starts a chat from a widget's form (409 widget_closed outside its service hours)",
    params: IdParams,
    body: WidgetChatBody,
    response: { 201: StartedChat },
    handler: async (request, reply) => {
      const started = await startWidgetChat(chat, request.params.id, request.ip, request.body);
      return reply.status(201).send(started);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/public/chats/:id/messages',
    ...customer,
    tags,
    summary: 'The customer writes (idempotent per clientId; at most 20 at once, then 1 a second)',
    params: IdParams,
    body: SendMessageBody,
    response: { 201: ChatMessage },
    handler: async (request, reply) => {
      const message = await postCustomerMessage(chat, customerOf(request), request.body);
      return reply.status(201).send(wireMessage(message));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/public/chats/:id/messages',
    ...customer,
    tags,
    summary: "The chat's messages numbered above `after` (to catch up without the stream)",
    params: IdParams,
    query: AfterQuery,
    response: { 200: ChatMessages },
    handler: async (request) => {
      const session = customerOf(request);
      const messages = await chatRepository.messages(chat.db, session.tenant_id, session.contact_id, {
        after: request.query.after ?? 0,
      });
      return messages.map(wireMessage);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/public/chats/:id/typing',
    ...customer,
    tags,
    summary: 'The customer is typing, or stopped',
    params: IdParams,
    body: TypingBody,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await customerTyping(chat, customerOf(request), request.body.typing);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/public/chats/:id/end',
    ...customer,
    tags,
    summary: 'The customer ends the chat (abandoned if no agent had joined yet)',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await customerEnd(chat, customerOf(request));
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/public/chats/:id/transcript',
    ...customer,
    tags,
    summary: 'The transcript as a plain-text download',
    params: IdParams,
    response: { 200: Type.String() },
    handler: async (request, reply) => {
      const text = await transcript(chat, customerOf(request));
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="chat-${request.params.id}.txt"`)
        .send(text);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/public/chats/:id/rating',
    ...customer,
    tags,
    summary: 'The customer rates the chat after it has ended (1–5; a second rating replaces the first)',
    params: IdParams,
    body: RatingBody,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await rateChat(chat, customerOf(request), request.body);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/public/chats/:id/stream-tickets',
    ...customer,
    tags,
    summary: "A one-use ticket to open the chat's stream (WebSocket …/stream?ticket=…&after=N) within 30 s",
    params: IdParams,
    response: { 201: StreamTicket },
    handler: async (request, reply) => {
      const session = customerOf(request);
      const target = { kind: 'chat' as const, tenantId: session.tenant_id, chatId: session.contact_id };
      return reply.status(201).send(await issueTicket(chat.db, chat.clock, target));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/public/chats/:id/stream',
    // The socket checks the customer itself: a one-use ticket, or the chat's secret in the header.
    permission: 'public',
    summary: "The chat's stream (WebSocket)",
    hide: true,
    handler: (request, reply) =>
      sendError(
        request,
        reply,
        new SwitchboardError(
          'upgrade_required',
          'This is a WebSocket endpoint: connect with an Upgrade request.',
        ),
      ),
    wsHandler: (socket, request) => {
      const { id } = request.params as { id: string };
      const query = request.query as { token?: string; ticket?: string; after?: string };
      const tickets = '/api/v1/public/chats/{id}/stream-tickets';
      const open = async () => {
        if (query.token !== undefined) throw tokenInUrl(tickets);
        if (request.headers.authorization) return sessionOf(chat, request);
        if (!query.ticket)
          throw new SwitchboardError(
            'unauthenticated',
            `Connect with ?ticket= from POST ${tickets}, or send Authorization: Chat <token>.`,
          );
        await redeemChatTicket(chat.db, chat.clock, query.ticket, id);
        return customerSessionById(chat, id);
      };
      serveCustomerStream(chat, socket, open, Number(query.after ?? 0));
    },
  });
}
