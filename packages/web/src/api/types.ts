import type { components, paths } from './openapi.ts';

/**
 * Shapes of the REST API that the desktop reads, derived from the types generated from the server's
 * OpenAPI document (./openapi.ts, `npm run api:types`), so a change of a route's schema breaks the build
 * of the screens that read it instead of drifting. Paths are written without the `/api/v1` prefix, as the
 * client takes them.
 */
type Api = paths;
type Path = keyof Api extends `/api/v1${infer P}` ? P : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends Path, M extends Method> = NonNullable<Api[`/api/v1${P}`][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends Path, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;

/** The body of a route's success (200, else 201). */
export type ResponseOf<P extends Path, M extends Method> =
  Responses<P, M> extends { 200: infer R }
    ? JsonOf<R>
    : Responses<P, M> extends { 201: infer R }
      ? JsonOf<R>
      : never;

/** The JSON body a route accepts. */
export type BodyOf<P extends Path, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** One element of a route's list response. */
export type ItemOf<P extends Path, M extends Method = 'get'> =
  ResponseOf<P, M> extends (infer I)[] ? I : never;

export type ApiErrorBody = components['schemas']['ErrorResponse'];

export type User = ResponseOf<'/users/{id}', 'get'>;
export type Role = User['role'];
export type Team = ResponseOf<'/teams/{id}', 'get'>;
export type Skill = ResponseOf<'/skills/{id}', 'get'>;
export type Csq = ResponseOf<'/csqs/{id}', 'get'>;
export type Channel = Csq['channel'];
export type Criterion = Csq['criterion'];
/** When the queue view warns about a CSQ; null: never. */
export type QueueThresholds = Csq['thresholds'];
export type ReasonCode = ItemOf<'/reason-codes'>;
export type CallRecording = ItemOf<'/contacts/{id}/recordings'>;
export type CallFlow = ItemOf<'/call-flows'>;
export type PhoneNumber = ItemOf<'/phone-numbers'>;
export type DeskPhone = ItemOf<'/desk-phones'>;
export type DeskPhoneCredentials = ResponseOf<'/desk-phones/{id}/password', 'post'>;

export type AgentLive = ResponseOf<'/agents/{id}', 'get'>;
export type DomainState = AgentLive['voice'];
export type AgentStateName = DomainState['state'];
export type Domain = BodyOf<'/agents/{id}/state', 'put'>['domain'];

export type Contact = ResponseOf<'/contacts/{id}', 'get'>;
export type ContactStatus = Contact['status'];

export type AgentChat = ResponseOf<'/chats/{id}', 'get'>;
/** One message of a web chat, numbered in its chat. */
export type ChatLine = AgentChat['messages'][number];
/** A chat a supervisor monitors. */
export type MonitoredChat = ResponseOf<'/chats/{id}/monitor', 'post'>;
/** A supervisor's note to a chat's agents alone. */
export type Whisper = MonitoredChat['whispers'][number];

export type PredefinedResponse = ResponseOf<'/predefined-responses/{id}', 'get'>;
export type WrapUpCategory = ResponseOf<'/wrap-up-categories/{id}', 'get'>;

/**
 * Client-side: what the event stream (`/api/v1/events`, a WebSocket) says is not in the OpenAPI
 * document, so its frames stay declared here by hand.
 */
export interface LiveEvent {
  type: string;
  at: string;
  /** Where the event sits in the tenant's event log: reconnecting with it replays what was missed. */
  cursor?: string;
  contactId?: string;
  agentId?: string;
  csqId?: string;
  deadline?: number | null;
  domain?: Domain;
  state?: AgentStateName;
  [key: string]: unknown;
}
