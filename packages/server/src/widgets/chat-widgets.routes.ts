import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { ChatWidget, ChatWidgetBody, PublicWidget } from './chat-widgets.schema.ts';
import {
  createChatWidget,
  deleteChatWidget,
  getChatWidget,
  listChatWidgets,
  publicWidget,
  replaceChatWidget,
} from './chat-widgets.service.ts';

const tags = ['chat widgets'];

export function chatWidgetRoutes(app: App, { db, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/chat-widgets',
    permission: 'widget.read',
    tags,
    summary: 'List chat widgets',
    response: { 200: Type.Array(ChatWidget) },
    handler: (request) => listChatWidgets(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/chat-widgets',
    permission: 'widget.manage',
    tags,
    summary: 'Create a chat widget: branding, form, problem statements, messages, service hours, rating',
    body: ChatWidgetBody,
    response: { 201: ChatWidget },
    handler: async (request, reply) =>
      reply.status(201).send(await createChatWidget(db, principalOf(request), request.body)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/chat-widgets/:id',
    permission: 'widget.read',
    tags,
    summary: 'Get a chat widget',
    params: IdParams,
    response: { 200: ChatWidget },
    handler: (request) => getChatWidget(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/chat-widgets/:id',
    permission: 'widget.manage',
    tags,
    summary: 'Replace a chat widget (settings left out go back to their defaults)',
    params: IdParams,
    body: ChatWidgetBody,
    response: { 200: ChatWidget },
    handler: (request) => replaceChatWidget(db, principalOf(request), request.params.id, request.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/chat-widgets/:id',
    permission: 'widget.manage',
    tags,
    summary: 'Delete a chat widget (websites that embed it show nothing any more)',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteChatWidget(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/public/widgets/:id',
    permission: 'public',
    tags: ['chat widgets (public)'],
    summary: 'What the embedded widget renders, with whether it is open now (no sign-in; any origin)',
    params: IdParams,
    response: { 200: PublicWidget },
    handler: async (request, reply) => {
      void reply.header('cache-control', 'no-cache');
      return publicWidget(db, request.params.id, clock.now());
    },
  });
}
