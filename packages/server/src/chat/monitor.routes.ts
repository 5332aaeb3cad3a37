import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, Uuid } from '../http/common.schema.ts';
import { agentChat } from './agent-chat.service.ts';
import { wireMessage } from './chat.routes.ts';
import { AgentChat, ChatText } from './chat.schema.ts';
import {
  bargeIn,
  leaveChatAsSupervisor,
  monitorChat,
  stopMonitoring,
  whisper,
  whispersOf,
} from './monitor.service.ts';

const tags = ['chat'];

const Whisper = Type.Object({
  id: Type.String(),
  from: Type.Object({ id: Uuid, name: Type.String() }),
  text: Type.String(),
  at: Type.String({ format: 'date-time' }),
});

const Monitored = Type.Object({
  ...AgentChat.properties,
  agentId: Type.String({ description: 'The agent who owns the chat.' }),
  barged: Type.Boolean({ description: 'Whether you are in the chat with the customer now.' }),
  whispers: Type.Array(Whisper),
});

const WhisperBody = Type.Object({ text: ChatText }, { additionalProperties: false });

const noContent = { 204: NoContent, ...errorResponses };

/** Coaching on web chats: silent monitoring, whispers to the agent, barging in and leaving. */
export function monitorRoutes(app: App, { chat }: AppContext): void {
  app.post(
    '/chats/:id/monitor',
    {
      schema: {
        tags,
        summary: "Silently monitor an agent's live chat: the chat so far; the rest comes on the event stream",
        description:
          "Neither the customer nor the agent is told. From now on your event stream carries the chat's chat.message, chat.typing and chat.whisper notices until you stop or the chat ends. Supervisors: agents of the teams they supervise (403 otherwise). Audited (monitor_start).",
        security: bearer,
        params: IdParams,
        response: { 200: Monitored, ...errorResponses },
      },
    },
    async (request) => {
      const found = await monitorChat(chat, principalOf(request), request.params.id);
      return { ...found, messages: found.messages.map(wireMessage) };
    },
  );

  app.delete(
    '/chats/:id/monitor',
    {
      schema: {
        tags,
        summary: 'Stop monitoring a chat (leaving it first if you barged in)',
        security: bearer,
        params: IdParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await stopMonitoring(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/chats/:id/whispers',
    {
      schema: {
        tags,
        summary: "A chat's whispers, oldest first (never shown to the customer)",
        security: bearer,
        params: IdParams,
        response: { 200: Type.Array(Whisper), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await agentChat(chat, principal, request.params.id);
      return whispersOf(chat, principal.tenantId, request.params.id);
    },
  );

  app.post(
    '/chats/:id/whispers',
    {
      schema: {
        tags,
        summary: 'Whisper to the agents of a chat you monitor: they alone see it, never the customer',
        security: bearer,
        params: IdParams,
        body: WhisperBody,
        response: { 201: Whisper, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await whisper(chat, principalOf(request), request.params.id, request.body.text)),
  );

  app.post(
    '/chats/:id/barge',
    {
      schema: {
        tags,
        summary: 'Barge into a live chat: the customer sees you join; write with POST /chats/{id}/messages',
        description:
          'You are not a routed participant: the chat keeps its group-chat room for agents. Audited (barge_start).',
        security: bearer,
        params: IdParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await bargeIn(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/chats/:id/barge',
    {
      schema: {
        tags,
        summary: 'Leave a chat you barged into and go on monitoring it',
        security: bearer,
        params: IdParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await leaveChatAsSupervisor(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
