import { forbidden } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
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

const noContent = { 204: NoContent };

/** Coaching on web chats: silent monitoring, whispers to the agent, barging in and leaving. */
export function monitorRoutes(app: App, { chat }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/chats/:id/monitor',
    permission: 'contact.monitor',
    tags,
    summary: "Silently monitor an agent's live chat: the chat so far; the rest comes on the event stream",
    description:
      "Neither the customer nor the agent is told. From now on your event stream carries the chat's chat.message, chat.typing and chat.whisper notices until you stop, the chat ends, is transferred or queued again, it leaves your scope, or your last event stream closes. Supervisors: agents of the teams they supervise (403 otherwise). Audited (monitor_start).",
    params: IdParams,
    response: { 200: Monitored },
    handler: async (request) => {
      const found = await monitorChat(chat, principalOf(request), request.params.id);
      return { ...found, messages: found.messages.map(wireMessage) };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/chats/:id/monitor',
    permission: 'contact.monitor',
    tags,
    summary: 'Stop monitoring a chat (leaving it first if you barged in)',
    params: IdParams,
    response: noContent,
    handler: async (request, reply) => {
      await stopMonitoring(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chats/:id/whispers',
    permission: ['contact.read', 'contact.handle'],
    tags,
    summary: "A chat's whispers, oldest first (never shown to the customer)",
    params: IdParams,
    response: { 200: Type.Array(Whisper) },
    handler: async (request) => {
      const principal = principalOf(request);
      await agentChat(chat, principal, request.params.id);
      return whispersOf(chat, principal.tenantId, request.params.id);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/chats/:id/whispers',
    permission: 'contact.monitor',
    tags,
    summary: 'Whisper to the agents of a chat you monitor: they alone see it, never the customer',
    params: IdParams,
    body: WhisperBody,
    response: { 201: Whisper },
    handler: async (request, reply) =>
      reply.status(201).send(await whisper(chat, principalOf(request), request.params.id, request.body.text)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/chats/:id/barge',
    permission: 'contact.barge',
    tags,
    summary: 'Barge into a live chat: the customer sees you join; write with POST /chats/{id}/messages',
    description:
      'You are not a routed participant: the chat keeps its group-chat room for agents. Audited (barge_start).',
    params: IdParams,
    response: noContent,
    handler: async (request, reply) => {
      await bargeIn(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/chats/:id/barge',
    permission: 'contact.barge',
    refusal: () => forbidden().message,
    tags,
    summary: 'Leave a chat you barged into and go on monitoring it',
    params: IdParams,
    response: noContent,
    handler: async (request, reply) => {
      await leaveChatAsSupervisor(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
