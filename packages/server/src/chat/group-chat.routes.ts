import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { wireMessage } from './chat.routes.ts';
import { ChatMessage } from './chat.schema.ts';
import { answerInvitation, invitation, inviteAgent, inviteTargets, leaveChat } from './group-chat.service.ts';

const tags = ['chat'];
const Timestamp = Type.String({ format: 'date-time' });

const InviteTarget = Type.Object({
  csqId: Uuid,
  csqName: Type.String(),
  available: Type.Integer({ description: 'Agents of the CSQ who could take the invitation now.' }),
});

const InviteBody = Type.Object(
  {
    csqId: Uuid,
    notes: Type.Optional(
      Type.String({
        maxLength: LIMITS.chatMessage.max,
        description: 'Shown to the invitee alone, never to the customer.',
      }),
    ),
  },
  { additionalProperties: false },
);

const InviteSent = Type.Object({
  agentId: Type.String({ description: 'The agent invited (the best available of the CSQ).' }),
  csqId: Uuid,
  deadline: Timestamp,
});

const Invitation = Type.Object({
  contactId: Uuid,
  inviter: Type.Object({ id: Uuid, name: Type.String() }),
  csqId: Uuid,
  csqName: Type.String(),
  notes: Type.Union([Type.String(), Type.Null()]),
  deadline: Timestamp,
  customer: Type.Object({ name: Type.Union([Type.String(), Type.Null()]) }),
  problemStatement: Type.Union([Type.String(), Type.Null()]),
  messages: Type.Array(ChatMessage, { description: 'The last 100 messages of the chat.' }),
});

/** Group chat: inviting a second agent into a chat, answering an invitation, leaving. */
export function groupChatRoutes(app: App, { chat }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/chats/:id/invite-targets',
    permission: 'contact.handle',
    tags,
    summary: 'Chat CSQs to invite from, with how many of their agents could join now',
    params: IdParams,
    response: { 200: Type.Array(InviteTarget) },
    handler: (request) => inviteTargets(chat, principalOf(request), request.params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/chats/:id/invitations',
    permission: 'contact.handle',
    tags,
    summary: 'Invite the best available agent of a chat CSQ into a chat you are in',
    description:
      'At most two agents with the customer: refused (409 group_chat_full) while two are in or an invitation waits; 409 no_agent_available when no agent of the CSQ can join now. An agent who declined is not invited again until another agent has joined.',
    params: IdParams,
    body: InviteBody,
    response: { 201: InviteSent },
    handler: async (request, reply) =>
      reply.status(201).send(await inviteAgent(chat, principalOf(request), request.params.id, request.body)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/chats/:id/invitation',
    permission: 'contact.handle',
    tags,
    summary: 'The invitation waiting for you in a chat: who asks, their notes, the last 100 messages',
    params: IdParams,
    response: { 200: Invitation },
    handler: async (request) => {
      const found = await invitation(chat, principalOf(request), request.params.id);
      return { ...found, messages: found.messages.map(wireMessage) };
    },
  });

  for (const answer of ['accept', 'decline'] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/chats/:id/invitation/${answer}`,
      permission: 'contact.handle',
      tags,
      summary: answer === 'accept' ? 'Join the chat you are invited into' : 'Decline the invitation',
      params: IdParams,
      response: { 204: NoContent },
      handler: async (request, reply) => {
        await answerInvitation(chat, principalOf(request), request.params.id, answer);
        return reply.status(204).send(null);
      },
    });
  }

  defineRoute(app, {
    method: 'POST',
    url: '/chats/:id/leave',
    permission: 'contact.handle',
    tags,
    summary: 'Leave a chat another agent is in (the last agent ends it instead)',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await leaveChat(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
