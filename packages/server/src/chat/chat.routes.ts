import { Readable } from 'node:stream';
import { forbidden, type ChatMessage as Message } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { agentChat, agentTyping, postAgentMessage } from './agent-chat.service.ts';
import {
  AgentChat,
  AgentChatQuery,
  ChatMessage,
  ChatRecord,
  NewChatBody,
  SendMessageBody,
  StartedChat,
  TypingBody,
} from './chat.schema.ts';
import { startChat } from './chat.service.ts';
import { chatRecords, chatRecordsCsv } from './chat-records.ts';
import { chatRecordsCsvChunks } from './chat-records-export.ts';

const tags = ['chat'];

export const wireMessage = (message: Message) => ({ ...message, at: new Date(message.at).toISOString() });

/** The agent's side of web chats, and starting a chat for a channel adapter (a service user's key). */
export function chatRoutes(app: App, { chat, db }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/chats',
    permission: 'contact.create',
    tags,
    summary: 'Start a web chat for a customer and queue it in a chat CSQ',
    description:
      'For channel adapters and tests; the chat widget starts chats itself. The answer holds the secret the customer side uses on /public/chats.',
    body: NewChatBody,
    response: { 201: StartedChat },
    handler: async (request, reply) => {
      const body = request.body;
      const { chatId, token } = await startChat(chat, principalOf(request), {
        csqId: body.csqId,
        callType: body.callType ?? body.problemStatement ?? 'chat',
        widgetId: null,
        problemStatement: body.problemStatement ?? null,
        customer: body.customer,
        customFields: body.customFields ?? {},
        clientId: body.clientId,
      });
      return reply.status(201).send({ chatId, token });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chat-records',
    permission: 'contact.read',
    tags,
    summary: 'Web chats created in a period, for reporting (JSON, or CSV with format=csv)',
    description:
      'Newest first. Outcome counts a chat left while it was being offered as abandoned; chatType is "group chat" once a second agent joined.',
    query: Type.Object(
      {
        from: Type.String({ format: 'date-time' }),
        to: Type.String({ format: 'date-time' }),
        csqId: Type.Optional(Uuid),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        format: Type.Optional(Type.Enum(['json', 'csv'])),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.Union([Type.Array(ChatRecord), Type.String()]) },
    handler: async (request, reply) => {
      const { format, limit, ...period } = request.query;
      const records = await chatRecords(db, principalOf(request), { ...period, limit: limit ?? 1000 });
      if (format !== 'csv') return records;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="chat-records.csv"')
        .send(chatRecordsCsv(records));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chat-records/export',
    permission: 'contact.read',
    tags,
    summary: 'Every web chat created in a period as CSV, streamed (no row limit)',
    description:
      'Oldest first, the columns of /chat-records?format=csv. Read in pages of a few hundred rows, each its own short query, so a long export never holds up routing.',
    query: Type.Object(
      {
        from: Type.String({ format: 'date-time' }),
        to: Type.String({ format: 'date-time' }),
        csqId: Type.Optional(Uuid),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.String() },
    handler: async (request, reply) => {
      const chunks = chatRecordsCsvChunks(db, principalOf(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="chat-records.csv"')
        .send(Readable.from(chunks));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chats/:id',
    permission: ['contact.read', 'contact.handle'],
    tags,
    summary: "A chat's customer details and messages (agents: the chats they handle)",
    params: IdParams,
    query: AgentChatQuery,
    response: { 200: AgentChat },
    handler: async (request) => {
      const { after, via } = request.query;
      const found = await agentChat(chat, principalOf(request), request.params.id, after, via);
      return { ...found, messages: found.messages.map(wireMessage) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/chats/:id/messages',
    permission: 'contact.handle',
    refusal: () => 'Only agents and supervisors chat with customers.',
    tags,
    summary: 'Write to the customer of a chat you have accepted',
    params: IdParams,
    body: SendMessageBody,
    response: { 201: ChatMessage },
    handler: async (request, reply) => {
      const message = await postAgentMessage(chat, principalOf(request), request.params.id, request.body);
      return reply.status(201).send(wireMessage(message));
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/chats/:id/typing',
    permission: 'contact.handle',
    refusal: () => forbidden().message,
    tags,
    summary: 'Tell the customer you are typing, or stopped',
    params: IdParams,
    body: TypingBody,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await agentTyping(chat, principalOf(request), request.params.id, request.body.typing);
      return reply.status(204).send(null);
    },
  });
}

export const ChatMessages = Type.Array(ChatMessage);
