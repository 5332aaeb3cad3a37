import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, Uuid } from '../http/common.schema.ts';
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
  app.get(
    '/chats/:id/invite-targets',
    {
      schema: {
        tags,
        summary: 'Chat CSQs to invite from, with how many of their agents could join now',
        security: bearer,
        params: IdParams,
        response: { 200: Type.Array(InviteTarget), ...errorResponses },
      },
    },
    (request) => inviteTargets(chat, principalOf(request), request.params.id),
  );

  app.post(
    '/chats/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite the best available agent of a chat CSQ into a chat you are in',
        description:
          'At most two agents with the customer: refused (409 group_chat_full) while two are in or an invitation waits; 409 no_agent_available when no agent of the CSQ can join now. An agent who declined is not invited again until another agent has joined.',
        security: bearer,
        params: IdParams,
        body: InviteBody,
        response: { 201: InviteSent, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteAgent(chat, principalOf(request), request.params.id, request.body)),
  );

  app.get(
    '/chats/:id/invitation',
    {
      schema: {
        tags,
        summary: 'The invitation waiting for you in a chat: who asks, their notes, the last 100 messages',
        security: bearer,
        params: IdParams,
        response: { 200: Invitation, ...errorResponses },
      },
    },
    async (request) => {
      const found = await invitation(chat, principalOf(request), request.params.id);
      return { ...found, messages: found.messages.map(wireMessage) };
    },
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/chats/:id/invitation/${answer}`,
      {
        schema: {
          tags,
          summary: answer === 'accept' ? 'Join the chat you are invited into' : 'Decline the invitation',
          security: bearer,
          params: IdParams,
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await answerInvitation(chat, principalOf(request), request.params.id, answer);
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/chats/:id/leave',
    {
      schema: {
        tags,
        summary: 'Leave a chat another agent is in (the last agent ends it instead)',
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await leaveChat(chat, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
