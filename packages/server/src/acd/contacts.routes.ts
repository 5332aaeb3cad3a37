import { conflict } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { Contact, ContactEvent, NewContactBody, TransferBody, WrapUpBody } from './contacts.schema.ts';
import {
  type AgentAction,
  agentAction,
  agentDesktopContacts,
  type CustomerAction,
  contactEvents,
  createContact,
  customerAction,
  getContact,
  listContacts,
} from './contacts.service.ts';

const tags = ['contacts'];

/** Agent actions without a body. */
const SIMPLE_AGENT_ACTIONS: Record<string, { summary: string; action: AgentAction }> = {
  accept: { summary: 'Accept a contact offered to you', action: { kind: 'accept' } },
  reject: {
    summary: 'Decline an offer: it returns to its place and you go Not Ready',
    action: { kind: 'reject' },
  },
  complete: { summary: 'End the conversation; you move to wrap-up', action: { kind: 'complete' } },
  hold: { summary: 'Put a call on hold', action: { kind: 'hold', held: true } },
  resume: { summary: 'Take a call off hold', action: { kind: 'hold', held: false } },
};

const CUSTOMER_ACTIONS: Record<string, { summary: string; action: CustomerAction }> = {
  end: {
    summary: 'The customer left (hung up, closed the chat): abandons it if unanswered',
    action: { kind: 'left' },
  },
  activity: {
    summary: 'The customer is active (typing, sent a message): restarts the inactivity timeout',
    action: { kind: 'activity' },
  },
  dequeue: {
    summary: 'Withdraw a waiting contact without an agent (e.g. handled elsewhere)',
    action: { kind: 'dequeue' },
  },
};

/** As agentAction words it: administrators and keys take no contacts. */
const handlersOnly = () => 'Only agents and supervisors handle contacts.';

export function contactRoutes(app: App, { db, acd, voice }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/contacts',
    permission: 'contact.create',
    tags,
    summary: 'Create a contact and queue it in a CSQ',
    description: 'Returns 201 for a new contact, 200 when the externalId names one that exists already.',
    body: NewContactBody,
    response: { 200: Contact, 201: Contact },
    handler: async (request, reply) => {
      const { created, contact } = await createContact(db, acd, principalOf(request), request.body);
      return reply.status(created ? 201 : 200).send(contact);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts',
    permission: ['contact.read', 'contact.handle'],
    tags,
    summary: 'Contacts, newest first (agents see their own)',
    query: Type.Object(
      {
        open: Type.Optional(Type.Boolean({ description: 'Only contacts not yet ended (default true).' })),
        csqId: Type.Optional(Uuid),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.Array(Contact) },
    handler: (request) =>
      listContacts(db, principalOf(request), {
        open: request.query.open ?? true,
        csqId: request.query.csqId,
        limit: request.query.limit ?? 100,
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id',
    permission: ['contact.read', 'contact.handle'],
    tags,
    summary: 'Get a contact',
    params: IdParams,
    response: { 200: Contact },
    handler: (request) => getContact(db, principalOf(request), request.params.id),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/agents/:id/contacts',
    permission: 'contact.read',
    orSelf: true,
    tags,
    summary:
      "The contacts on an agent's desktop: offered, in hand, in wrap-up, group chats joined or invited to",
    description:
      'Read at once from what the agent holds now: a contact that leaves the agent meanwhile is left out.',
    params: IdParams,
    response: { 200: Type.Array(Contact) },
    handler: (request) => agentDesktopContacts(db, acd, principalOf(request), request.params.id),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/events',
    permission: ['contact.read', 'contact.handle'],
    tags,
    summary: "A contact's events: queued, offered, accepted, transferred, wrap-up, ended …",
    params: IdParams,
    response: { 200: Type.Array(ContactEvent) },
    handler: (request) => contactEvents(db, principalOf(request), request.params.id),
  });

  for (const [path, { summary, action }] of Object.entries(SIMPLE_AGENT_ACTIONS)) {
    defineRoute(app, {
      method: 'POST',
      url: `/contacts/:id/${path}`,
      permission: 'contact.handle',
      refusal: handlersOnly,
      tags,
      summary,
      params: IdParams,
      response: { 200: Contact },
      handler: (request) => {
        const principal = principalOf(request);
        // A call this server carries needs the agent's audio: accepting it bare would leave the caller on music.
        if (action.kind === 'accept' && voice.carries(principal.tenantId, request.params.id))
          throw conflict(
            `This is a call: answer it with POST /contacts/${request.params.id}/voice/answer and your WebRTC offer.`,
          );
        return agentAction(db, acd, principal, request.params.id, action);
      },
    });
  }

  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/wrap-up',
    permission: 'contact.handle',
    refusal: handlersOnly,
    tags,
    summary: 'Finish wrap-up with up to 5 wrap-up reasons, optionally choosing Ready or Not Ready next',
    params: IdParams,
    body: WrapUpBody,
    response: { 200: Contact },
    handler: (request) =>
      agentAction(db, acd, principalOf(request), request.params.id, { kind: 'wrap_up', ...request.body }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/transfer',
    permission: 'contact.handle',
    refusal: handlersOnly,
    tags,
    summary: 'Transfer to a CSQ (queues as a new leg) or directly to an agent, with an optional note',
    description:
      'The note is stored with the contact.transferred event (GET /contacts/{id}/events) for the agent who receives the contact; the customer never sees it.',
    params: IdParams,
    body: TransferBody,
    response: { 200: Contact },
    handler: (request) => {
      const { note, ...target } = request.body;
      return agentAction(db, acd, principalOf(request), request.params.id, {
        kind: 'transfer',
        target,
        note: note ?? null,
      });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/requeue',
    permission: 'contact.handle',
    refusal: handlersOnly,
    tags,
    summary: 'Send to a chosen CSQ; it never comes back to you',
    params: IdParams,
    body: Type.Object({ csqId: Uuid }, { additionalProperties: false }),
    response: { 200: Contact },
    handler: (request) =>
      agentAction(db, acd, principalOf(request), request.params.id, {
        kind: 'requeue',
        csqId: request.body.csqId,
      }),
  });

  for (const [path, { summary, action }] of Object.entries(CUSTOMER_ACTIONS)) {
    defineRoute(app, {
      method: 'POST',
      url: `/contacts/:id/${path}`,
      permission: 'contact.create',
      tags,
      summary,
      params: IdParams,
      response: { 200: Contact },
      handler: (request) => customerAction(db, acd, principalOf(request), request.params.id, action),
    });
  }

  defineRoute(app, {
    method: 'PUT',
    url: '/contacts/:id/call-type',
    permission: 'contact.create',
    tags,
    summary: 'Change the call type (reporting category) during treatment',
    params: IdParams,
    body: Type.Object({ callType: name(60) }, { additionalProperties: false }),
    response: { 200: Contact },
    handler: (request) =>
      customerAction(db, acd, principalOf(request), request.params.id, {
        kind: 'call_type',
        callType: request.body.callType,
      }),
  });
}
