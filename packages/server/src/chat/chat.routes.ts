import type { ChatMessage as Message } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, Uuid } from '../http/common.schema.ts';
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

const tags = ['chat'];

export const wireMessage = (message: Message) => ({ ...message, at: new Date(message.at).toISOString() });

/** The agent's side of web chats, and starting a chat for a channel adapter (a service user's key). */
export function chatRoutes(app: App, { chat, db }: AppContext): void {
  app.post(
    '/chats',
    {
      schema: {
        tags,
        summary: 'Start a web chat for a customer and queue it in a chat CSQ',
        description:
          'For channel adapters and tests; the chat widget starts chats itself. The answer holds the secret the customer side uses on /public/chats.',
        security: bearer,
        body: NewChatBody,
        response: { 201: StartedChat, ...errorResponses },
      },
    },
    async (request, reply) => {
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
  );

  app.get(
    '/chat-records',
    {
      schema: {
        tags,
        summary: 'Web chats created in a period, for reporting (JSON, or CSV with format=csv)',
        description:
          'Newest first. Outcome counts a chat left while it was being offered as abandoned; chatType is "group chat" once a second agent joined.',
        security: bearer,
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date-time' }),
            to: Type.String({ format: 'date-time' }),
            csqId: Type.Optional(Uuid),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
            format: Type.Optional(Type.Enum(['json', 'csv'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Union([Type.Array(ChatRecord), Type.String()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, limit, ...period } = request.query;
      const records = await chatRecords(db, principalOf(request), { ...period, limit: limit ?? 1000 });
      if (format !== 'csv') return records;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="chat-records.csv"')
        .send(chatRecordsCsv(records));
    },
  );

  app.get(
    '/chats/:id',
    {
      schema: {
        tags,
        summary: "A chat's customer details and messages (agents: the chats they handle)",
        security: bearer,
        params: IdParams,
        querystring: AgentChatQuery,
        response: { 200: AgentChat, ...errorResponses },
      },
    },
    async (request) => {
      const { after, via } = request.query;
      const found = await agentChat(chat, principalOf(request), request.params.id, after, via);
      return { ...found, messages: found.messages.map(wireMessage) };
    },
  );

  app.post(
    '/chats/:id/messages',
    {
      schema: {
        tags,
        summary: 'Write to the customer of a chat you have accepted',
        security: bearer,
        params: IdParams,
        body: SendMessageBody,
        response: { 201: ChatMessage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const message = await postAgentMessage(chat, principalOf(request), request.params.id, request.body);
      return reply.status(201).send(wireMessage(message));
    },
  );

  app.post(
    '/chats/:id/typing',
    {
      schema: {
        tags,
        summary: 'Tell the customer you are typing, or stopped',
        security: bearer,
        params: IdParams,
        body: TypingBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await agentTyping(chat, principalOf(request), request.params.id, request.body.typing);
      return reply.status(204).send(null);
    },
  );
}

export const ChatMessages = Type.Array(ChatMessage);
