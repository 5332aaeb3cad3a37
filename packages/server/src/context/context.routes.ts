import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { addNote, contactNotes } from './contact-notes.ts';
import { ContactSummary, HistoryQuery, NewNoteBody, Note } from './context.schema.ts';
import { customerHistory, recentContacts } from './customer-history.ts';

const tags = ['customer context'];

/** Customer context at the agent desktop (spec C5): recent contacts, the customer's history, notes. */
export function contextRoutes(app: App, { db, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/me/recent-contacts',
    permission: ['contact.handle', 'contact.read'],
    tags,
    summary: 'The contacts you accepted or joined last, newest first, with their notes',
    query: HistoryQuery,
    response: { 200: Type.Array(ContactSummary) },
    handler: (request) =>
      recentContacts(db, principalOf(request), request.query.limit ?? LIMITS.contactHistory.default),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/customer-history',
    permission: ['contact.read', 'contact.handle'],
    tags,
    summary: "The same customer's other contacts, newest first, with their notes",
    description:
      'Matched by the email the customer gave a chat (any case) or by attributes.customerId from the channel. Agents: only while the contact is theirs.',
    params: IdParams,
    query: HistoryQuery,
    response: { 200: Type.Array(ContactSummary) },
    handler: (request) =>
      customerHistory(
        db,
        principalOf(request),
        request.params.id,
        request.query.limit ?? LIMITS.contactHistory.default,
      ),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/notes',
    permission: ['contact.read', 'contact.handle'],
    tags,
    summary: "A contact's notes, oldest first (agents: contacts they handle or handled)",
    params: IdParams,
    response: { 200: Type.Array(Note) },
    handler: (request) => contactNotes(db, principalOf(request), request.params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/notes',
    permission: 'contact.handle',
    refusal: () => 'Notes are written by the agent handling a contact.',
    tags,
    summary: 'Write a note on the contact you are handling, for the next agent and its history',
    description: `Plain text, at most ${LIMITS.contactNote.max} characters and ${LIMITS.contactNotesPerContact.max} notes per contact. Never sent to the customer.`,
    params: IdParams,
    body: NewNoteBody,
    response: { 201: Note },
    handler: async (request, reply) => {
      const note = await addNote({ db, clock }, principalOf(request), request.params.id, request.body.body);
      return reply.status(201).send(note);
    },
  });
}
