import { SwitchboardError } from '@switchboard/core';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { issueTicket, redeemChatTicket, StreamTicket, tokenInUrl } from '../auth/stream-tickets.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { errorResponses, IdParams, NoContent } from '../http/common.schema.ts';
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
const chatSecret = [{ chatSecret: [] }];

/** The chat secret from `Authorization: Chat <token>`. */
function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header ? /^Chat\s+(\S+)$/i.exec(header)?.[1] : undefined;
}

const sessionOf = (chat: ChatDeps, request: FastifyRequest) =>
  customerSession(chat, { chatId: (request.params as { id: string }).id, token: tokenOf(request) });

/**
 * What the customer's chat widget calls, with no account: each call carries the chat's secret from when it
 * started. The stream sends the chat's state, the messages after `after`, then live frames (docs/chat.md).
 */
export function publicChatRoutes(app: App, { chat }: AppContext): void {
  const config = { public: true };

  app.post(
    '/public/widgets/:id/chats',
    {
      config,
      schema: {
        tags,
        summary:
          "A customer starts a chat from a widget's form (409 widget_closed outside its service hours)",
        params: IdParams,
        body: WidgetChatBody,
        response: { 201: StartedChat, ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = await startWidgetChat(chat, request.params.id, request.ip, request.body);
      return reply.status(201).send(started);
    },
  );

  app.post(
    '/public/chats/:id/messages',
    {
      config,
      schema: {
        tags,
        summary: 'The customer writes (idempotent per clientId; at most 20 at once, then 1 a second)',
        security: chatSecret,
        params: IdParams,
        body: SendMessageBody,
        response: { 201: ChatMessage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const message = await postCustomerMessage(chat, await sessionOf(chat, request), request.body);
      return reply.status(201).send(wireMessage(message));
    },
  );

  app.get(
    '/public/chats/:id/messages',
    {
      config,
      schema: {
        tags,
        summary: "The chat's messages numbered above `after` (to catch up without the stream)",
        security: chatSecret,
        params: IdParams,
        querystring: AfterQuery,
        response: { 200: ChatMessages, ...errorResponses },
      },
    },
    async (request) => {
      const session = await sessionOf(chat, request);
      const messages = await chatRepository.messages(chat.db, session.tenant_id, session.contact_id, {
        after: request.query.after ?? 0,
      });
      return messages.map(wireMessage);
    },
  );

  app.post(
    '/public/chats/:id/typing',
    {
      config,
      schema: {
        tags,
        summary: 'The customer is typing, or stopped',
        security: chatSecret,
        params: IdParams,
        body: TypingBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await customerTyping(chat, await sessionOf(chat, request), request.body.typing);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/public/chats/:id/end',
    {
      config,
      schema: {
        tags,
        summary: 'The customer ends the chat (abandoned if no agent had joined yet)',
        security: chatSecret,
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await customerEnd(chat, await sessionOf(chat, request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/public/chats/:id/transcript',
    {
      config,
      schema: {
        tags,
        summary: 'The transcript as a plain-text download',
        security: chatSecret,
        params: IdParams,
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const text = await transcript(chat, await sessionOf(chat, request));
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="chat-${request.params.id}.txt"`)
        .send(text);
    },
  );

  app.post(
    '/public/chats/:id/rating',
    {
      config,
      schema: {
        tags,
        summary: 'The customer rates the chat after it has ended (1–5; a second rating replaces the first)',
        security: chatSecret,
        params: IdParams,
        body: RatingBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await rateChat(chat, await sessionOf(chat, request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/public/chats/:id/stream-tickets',
    {
      config,
      schema: {
        tags,
        summary:
          "A one-use ticket to open the chat's stream (WebSocket …/stream?ticket=…&after=N) within 30 s",
        security: chatSecret,
        params: IdParams,
        response: { 201: StreamTicket, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await sessionOf(chat, request);
      const target = { kind: 'chat' as const, tenantId: session.tenant_id, chatId: session.contact_id };
      return reply.status(201).send(await issueTicket(chat.db, chat.clock, target));
    },
  );

  app.route({
    method: 'GET',
    url: '/public/chats/:id/stream',
    config,
    schema: { hide: true },
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
