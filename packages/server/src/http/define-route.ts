import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { WebsocketHandler } from '@fastify/websocket';
import { type Actor, authorize, forbidden, isAllowed, type Permission } from '@switchboard/core';
import type {
  ContextConfigDefault,
  FastifyRequest,
  HTTPMethods,
  preHandlerAsyncHookHandler,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { TSchema } from 'typebox';
import { type App, principalOf } from './app-types.ts';
import { bearer, errorResponses } from './common.schema.ts';

/**
 * Who may call a route, checked before its handler: a permission of core/policy.ts, a list of which the
 * caller needs any one, `'signedIn'` (any authenticated caller), `'public'` (no credentials: sign-in,
 * the widget's configuration, WebSocket streams that check their own one-use ticket) or `'chatCustomer'`
 * (a web chat's customer, by the chat's secret; the route's own guard checks it).
 */
export type RoutePermission = Permission | readonly Permission[] | 'signedIn' | 'public' | 'chatCustomer';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's declared permission (defineRoute); every /api/v1 route has one. */
    permission?: RoutePermission;
    /** The caller may also act on themselves: `:id` is their own user id. */
    orSelf?: boolean;
    /** The route's own wording of a refusal, when it has one for this caller. */
    refusal?: (actor: Actor) => string | undefined;
  }
}

const chatSecret = [{ chatSecret: [] }];

/** Routes that answer without a signed-in user: no bearer token is read for them. */
export const skipsSignIn = (
  permission: RoutePermission | undefined,
): permission is 'public' | 'chatCustomer' => permission === 'public' || permission === 'chatCustomer';

type Schema = TSchema | undefined;
type Responses = Record<number | string, TSchema>;
type SchemaOf<P, Q, B, R> = {
  params: P;
  querystring: Q;
  body: B;
  response: R & typeof errorResponses;
};

export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, R extends Responses> {
  method: HTTPMethods;
  url: string;
  permission: RoutePermission;
  /** Callers lacking the permission may still act on their own user (`:id` is theirs). */
  orSelf?: boolean;
  /** How to word a refusal for this caller, if not as `authorize` does. */
  refusal?: (actor: Actor) => string | undefined;
  summary: string;
  description?: string;
  tags?: string[];
  /** Left out of the OpenAPI document (WebSocket endpoints). */
  hide?: boolean;
  params?: P;
  query?: Q;
  /** Request headers the route reads, documented and validated (others pass). */
  headers?: TSchema;
  body?: B;
  /** The success responses; the error responses are added. */
  response?: R;
  /** The largest body this route accepts, in bytes, when not the server's 1 MiB (file uploads). */
  bodyLimit?: number;
  /** Runs after the permission check, before the handler (a route's own guard). */
  preHandler?: preHandlerAsyncHookHandler;
  handler: RouteHandlerMethod<
    RawServerDefault,
    IncomingMessage,
    ServerResponse,
    RouteGenericInterface,
    ContextConfigDefault,
    SchemaOf<P, Q, B, R>,
    TypeBoxTypeProvider
  >;
  wsHandler?: WebsocketHandler;
}

/**
 * Registers a route with its declared permission: the OpenAPI document gets its security, error responses
 * and `x-permission`; the scope's preHandler (`checkPermission`) refuses callers who lack it.
 */
export function defineRoute<P extends Schema, Q extends Schema, B extends Schema, R extends Responses>(
  app: App,
  spec: RouteSpec<P, Q, B, R>,
): void {
  const { permission, orSelf = false } = spec;
  if (permission === undefined) throw new Error(`${spec.method} ${spec.url} declares no permission`);
  const schema = {
    ...(spec.tags ? { tags: spec.tags } : {}),
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.hide ? { hide: true } : {}),
    ...(permission === 'public' ? {} : { security: permission === 'chatCustomer' ? chatSecret : bearer }),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    response: { ...spec.response, ...errorResponses },
    'x-permission': permission,
    ...(orSelf ? { 'x-permission-or-self': true } : {}),
  };
  app.route({
    method: spec.method,
    url: spec.url,
    config: { permission, orSelf, ...(spec.refusal ? { refusal: spec.refusal } : {}) },
    schema,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    ...(spec.preHandler ? { preHandler: spec.preHandler } : {}),
    handler: spec.handler as RouteHandlerMethod,
    ...(spec.wsHandler ? { wsHandler: spec.wsHandler } : {}),
  });
}

/**
 * Puts the gate on a scope: a route registered without a declared permission stops the server from
 * starting, and every request passes `checkPermission` (after authentication and validation).
 */
export function gateRoutes(api: App): void {
  api.addHook('onRoute', (route) => {
    if (route.config?.permission === undefined)
      throw new Error(`${route.method} ${route.url} declares no permission: register it with defineRoute`);
  });
  api.addHook('preHandler', checkPermission);
}

/** The gate before every handler: 403 `forbidden`, worded as `authorize` words it, unless the caller may. */
export async function checkPermission(request: FastifyRequest): Promise<void> {
  const { permission, orSelf, refusal } = request.routeOptions.config;
  if (permission === undefined) throw new Error(`${request.routeOptions.url} declares no permission`);
  if (skipsSignIn(permission)) return;
  const principal = principalOf(request);
  if (permission === 'signedIn') return;
  if (orSelf && (request.params as { id?: string }).id === principal.userId) return;
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (anyOf.some((p) => isAllowed(principal, p))) return;
  const message = refusal?.(principal);
  if (message) throw forbidden(message);
  authorize(principal, anyOf[0] as Permission);
}
