import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent } from '../http/common.schema.ts';
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
  app.get(
    '/chat-widgets',
    {
      schema: {
        tags,
        summary: 'List chat widgets',
        security: bearer,
        response: { 200: Type.Array(ChatWidget), ...errorResponses },
      },
    },
    (request) => listChatWidgets(db, principalOf(request)),
  );
  app.post(
    '/chat-widgets',
    {
      schema: {
        tags,
        summary: 'Create a chat widget: branding, form, problem statements, messages, service hours, rating',
        security: bearer,
        body: ChatWidgetBody,
        response: { 201: ChatWidget, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createChatWidget(db, principalOf(request), request.body)),
  );
  app.get(
    '/chat-widgets/:id',
    {
      schema: {
        tags,
        summary: 'Get a chat widget',
        security: bearer,
        params: IdParams,
        response: { 200: ChatWidget, ...errorResponses },
      },
    },
    (request) => getChatWidget(db, principalOf(request), request.params.id),
  );
  app.put(
    '/chat-widgets/:id',
    {
      schema: {
        tags,
        summary: 'Replace a chat widget (settings left out go back to their defaults)',
        security: bearer,
        params: IdParams,
        body: ChatWidgetBody,
        response: { 200: ChatWidget, ...errorResponses },
      },
    },
    (request) => replaceChatWidget(db, principalOf(request), request.params.id, request.body),
  );
  app.delete(
    '/chat-widgets/:id',
    {
      schema: {
        tags,
        summary: 'Delete a chat widget (websites that embed it show nothing any more)',
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteChatWidget(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/public/widgets/:id',
    {
      config: { public: true },
      schema: {
        tags: ['chat widgets (public)'],
        summary: 'What the embedded widget renders, with whether it is open now (no sign-in; any origin)',
        params: IdParams,
        response: { 200: PublicWidget, ...errorResponses },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-cache');
      return publicWidget(db, request.params.id, clock.now());
    },
  );
}
