import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from '@switchboard/core';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Repeat } from '../acd/repeat.ts';
import type { AssistDesk } from '../assist/assist-desk.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ChatDeps } from '../chat/chat.service.ts';
import type { Db } from '../db/database.ts';
import type { EventFeeds } from '../events/event-feeds.ts';
import type { AccessLog, NoticePublisher } from '../events/event-writer.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { MasterKeyring } from '../secrets/master-keys.ts';
import type { VoiceCalls } from '../voice/voice-calls.ts';

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What route modules need from the composition root. */
export interface AppContext {
  db: Db;
  clock: Clock;
  auth: AuthService;
  acd: AcdRuntime;
  /** Events that are not the router's (team messages, chat messages to agents …): logged for the people named. */
  notices: NoticePublisher;
  /** Logged after a change of who may see what, so open connections re-authorise their caller. */
  access: AccessLog;
  /** The tenants' event logs as this process follows them, for the event streams. */
  feeds: EventFeeds;
  /** Runs periodic work of open connections (heartbeats); a hand-fired one in tests. */
  repeat: Repeat;
  /** Web chat: sessions, messages and the customers' connections. */
  chat: ChatDeps;
  /** Requests for help: who is connected, escalation timers, their events. */
  assist: AssistDesk;
  /** Background jobs: define kinds before the server starts, enqueue from anywhere (handlers idempotent). */
  jobs: JobQueue;
  /** Calls: their legs in the media engine kept in step with the router. */
  voice: VoiceCalls;
  /** The operator's master keys: what opens sealed data kept in the database (call recordings). */
  masterKeys: MasterKeyring;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The signed-in caller; the authentication hook guarantees it on every non-public route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principal missing on an authenticated route');
  return request.principal;
}
