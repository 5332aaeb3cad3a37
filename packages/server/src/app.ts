import { randomBytes } from 'node:crypto';
import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import { type Clock, LIMITS, RateLimiter, SwitchboardError, systemClock } from '@switchboard/core';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { AcdRuntime } from './acd/acd-runtime.ts';
import { agentRoutes } from './acd/agents.routes.ts';
import { channelSettingsRoutes } from './acd/channel-settings.routes.ts';
import { contactRoutes } from './acd/contacts.routes.ts';
import { csqRoutes } from './acd/csqs.routes.ts';
import { DESKTOP_SWEEP_MS } from './acd/desktop-watch.ts';
import { eventRoutes } from './acd/events.routes.ts';
import { everyInterval, type Repeat } from './acd/repeat.ts';
import { transferTargetRoutes } from './acd/transfer-targets.routes.ts';
import { assistRoutes } from './assist/assist.routes.ts';
import { AssistDesk } from './assist/assist-desk.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { AccessTokens } from './auth/access-token.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { AuthService } from './auth/auth.service.ts';
import type { SignInLimits } from './auth/sign-in-guard.ts';
import { SigningKeys } from './auth/signing-keys.ts';
import { calendarRoutes } from './calendars/calendars.routes.ts';
import { chatRoutes } from './chat/chat.routes.ts';
import { ChatHub } from './chat/chat-hub.ts';
import { defineChatRecordExport } from './chat/chat-record-export.job.ts';
import { chatRecordExportRoutes } from './chat/chat-record-exports.routes.ts';
import { mayStillCoach } from './chat/coach-scope.ts';
import { groupChatRoutes } from './chat/group-chat.routes.ts';
import { LiveMonitors } from './chat/live-monitors.ts';
import { monitorRoutes } from './chat/monitor.routes.ts';
import { announceBargedOut } from './chat/monitor.service.ts';
import { publicChatRoutes } from './chat/public-chat.routes.ts';
import { contextRoutes } from './context/context.routes.ts';
import { customerErasureRoutes } from './customers/erasure.routes.ts';
import { type Db, isReady } from './db/database.ts';
import { apiKeyRoutes } from './directory/api-keys.routes.ts';
import { reasonCodeRoutes } from './directory/reason-codes.routes.ts';
import { skillRoutes } from './directory/skills.routes.ts';
import { teamRoutes } from './directory/teams.routes.ts';
import { userRoutes } from './directory/users.routes.ts';
import { EventFeeds } from './events/event-feeds.ts';
import { AccessLog, EventWriter, NoticeLog } from './events/event-writer.ts';
import { feedRoutes } from './events/feed.routes.ts';
import { sseRoutes } from './events/sse.routes.ts';
import type { App, AppContext } from './http/app-types.ts';
import {
  type ConnectionLimits,
  DEFAULT_CONNECTION_LIMITS,
  limitConnections,
  timeoutOptions,
} from './http/connection-limits.ts';
import { gateRoutes, skipsSignIn } from './http/define-route.ts';
import { sendError } from './http/errors.ts';
import { registerJsonBodyParser } from './http/json-body.ts';
import { DebugRequestLogs, redactingLogger } from './http/log-redaction.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { refuseNulCharacters } from './http/text-guard.ts';
import { validatorCompiler } from './http/validation.ts';
import { registerWebApp } from './http/web-app.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { jobRoutes } from './jobs/jobs.routes.ts';
import { defineRetention } from './jobs/retention.job.ts';
import { registerMetrics } from './observability/metrics.ts';
import { predefinedResponseRoutes } from './predefined-responses/predefined-responses.routes.ts';
import { realtimeRoutes } from './realtime/realtime.routes.ts';
import { defineCapture } from './reporting/capture.job.ts';
import { intervalHistoryRoutes } from './reporting/interval-history.routes.ts';
import { reportDefinitionRoutes } from './reporting/report-definitions.routes.ts';
import { reportRoutes } from './reporting/reports.routes.ts';
import { defineReportingRetention } from './reporting/retention.job.ts';
import type { MasterKeyring } from './secrets/master-keys.ts';
import { SecretStore } from './secrets/secret-store.ts';
import { teamMessageRoutes } from './team-messages/team-messages.routes.ts';
import { tenantRoutes } from './tenancy/tenant.routes.ts';
import { agentDeskPhoneRoutes } from './voice/agent-desk-phone.routes.ts';
import { callFlowRoutes } from './voice/call-flows.routes.ts';
import { deskPhoneRoutes } from './voice/desk-phones.routes.ts';
import { EmbeddedMedia } from './voice/media/embedded-media.ts';
import type { PortRange } from './voice/media/port-range.ts';
import { outboundRoutes } from './voice/outbound.routes.ts';
import { phoneNumberRoutes } from './voice/phone-numbers.routes.ts';
import { recordingRoutes } from './voice/recordings.routes.ts';
import { SipIngress, type SipIngressOptions } from './voice/sip/sip-ingress.ts';
import { voiceRoutes } from './voice/voice.routes.ts';
import { VoiceCalls } from './voice/voice-calls.ts';
import { adherenceRoutes } from './wfm/adherence.routes.ts';
import { defineForecastJob } from './wfm/forecast.job.ts';
import { forecastRoutes } from './wfm/forecasts.routes.ts';
import { intradayRoutes } from './wfm/intraday.routes.ts';
import { workloadRoutes } from './wfm/workloads.routes.ts';
import { chatWidgetRoutes } from './widgets/chat-widgets.routes.ts';
import { registerWidgetAssets } from './widgets/widget-assets.ts';
import { wrapUpRoutes } from './wrap-up/wrap-up.routes.ts';

export interface AppOptions {
  db: Db;
  /** The routers' lane to the same database (`Database.routerDb`), ahead of long work; default `db`. */
  routerDb?: Db;
  /** The operator's master keys, which seal the secrets kept in the database (token-signing keys …). */
  masterKeys: MasterKeyring;
  clock?: Clock;
  /** The routers; tests pass their own to reach the engines directly. */
  acd?: AcdRuntime;
  /** Requests for help; tests pass their own to fire escalations by a hand-moved clock. */
  assist?: AssistDesk;
  /** The calls; tests pass their own to start callers' calls directly. Default: on the embedded media engine. */
  voice?: VoiceCalls;
  /** Where calls from SIP trunks and phones come in (docs/voice.md, "SIP"); unset: none. */
  sip?: SipIngressOptions | undefined;
  /** The UDP ports calls' audio uses (`SWITCHBOARD_RTP_PORTS`); any free port unless told. */
  rtpPorts?: PortRange | undefined;
  logger?: FastifyServerOptions['logger'];
  /** The built desktop to serve at `/` (packages/web/dist); none: API only. */
  webRoot?: string;
  /** The built chat widget to serve at `/widget.js` (packages/widget/dist/widget.js). */
  widgetScript?: string;
  /** Serve `/demo/chat`, a sample website embedding the demo tenant's widget. */
  demoPage?: boolean;
  /**
   * Which proxies in front of the server to believe about the client's address (X-Forwarded-For): a number
   * of hops or their addresses/CIDRs. None by default: then the client is the connection's peer.
   */
  trustProxy?: number | string[] | false;
  /** Sign-in throttling settings. */
  signIn?: SignInLimits;
  /** Runs the event streams' heartbeats (ping, re-check the caller); tests pass one they fire by hand. */
  repeat?: Repeat;
  /** Connection caps and timeouts; unset fields keep DEFAULT_CONNECTION_LIMITS. */
  connections?: Partial<ConnectionLimits>;
  /** The bearer token that reads /metrics; none: only requests from this machine may. */
  metricsToken?: string | undefined;
  /**
   * Background jobs (`new BossJobQueue({ database })`): the app defines its kinds on it, starts its worker
   * once the routes are ready, and stops it on close (running jobs get a grace period, then run again later).
   */
  jobs: JobQueue;
}

const ROUTES = [
  authRoutes,
  tenantRoutes,
  userRoutes,
  teamRoutes,
  skillRoutes,
  reasonCodeRoutes,
  apiKeyRoutes,
  auditRoutes,
  csqRoutes,
  calendarRoutes,
  channelSettingsRoutes,
  chatWidgetRoutes,
  contactRoutes,
  transferTargetRoutes,
  contextRoutes,
  customerErasureRoutes,
  predefinedResponseRoutes,
  wrapUpRoutes,
  agentRoutes,
  teamMessageRoutes,
  assistRoutes,
  jobRoutes,
  reportRoutes,
  reportDefinitionRoutes,
  chatRoutes,
  chatRecordExportRoutes,
  intervalHistoryRoutes,
  workloadRoutes,
  forecastRoutes,
  intradayRoutes,
  adherenceRoutes,
  groupChatRoutes,
  monitorRoutes,
  publicChatRoutes,
  eventRoutes,
  feedRoutes,
  sseRoutes,
  realtimeRoutes,
  voiceRoutes,
  outboundRoutes,
  recordingRoutes,
  callFlowRoutes,
  phoneNumberRoutes,
  deskPhoneRoutes,
  agentDeskPhoneRoutes,
];

const PUBLIC_PREFIX = '/api/v1/public/';
const PUBLIC_CORS = { origin: '*', credentials: false, methods: ['GET', 'POST'], maxAge: 600 };

/** A hop count becomes the function Fastify's proxy-addr takes; addresses and CIDRs go as they are. */
function trustedProxies(setting: AppOptions['trustProxy']) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting ?? false;
}

/** The composition root of the HTTP server: wiring only, no business rules. */
export async function buildApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const secrets = new SecretStore(options.db, options.masterKeys);
  const signingKeys = await SigningKeys.open(secrets, clock);
  const chatTokenKey = await secrets.singleton(
    'chat_token_key',
    () => randomBytes(32),
    new Date(clock.now()),
  );
  const acd = options.acd ?? new AcdRuntime(options.routerDb ?? options.db, clock);
  const writer = new EventWriter(options.db, acd.eventBus);
  const notices = new NoticeLog(writer);
  const access = new AccessLog(writer, () => clock.now());
  const repeat = options.repeat ?? everyInterval;
  const feeds = new EventFeeds(options.db, acd.eventBus, repeat);
  const assist = options.assist ?? new AssistDesk(options.db, clock);
  const context: AppContext = {
    db: options.db,
    clock,
    auth: new AuthService(
      options.db,
      clock,
      new AccessTokens(signingKeys),
      options.signIn,
      (tenantId, userId) => access.publish(tenantId, [{ userId }]),
    ),
    acd,
    notices,
    access,
    repeat,
    feeds,
    chat: {
      db: options.db,
      acd,
      notices,
      clock,
      hub: new ChatHub(acd.committed, options.db),
      monitors: new LiveMonitors(acd.committed, access, (tenantId, chatId, userId) =>
        mayStillCoach(options.db, acd, tenantId, chatId, userId),
      ),
      customerRate: new RateLimiter(LIMITS.chatMessageRate, clock),
      startRate: new RateLimiter(LIMITS.chatStartRate, clock),
      chatTokenKey: new Uint8Array(chatTokenKey),
    },
    assist,
    jobs: options.jobs,
    masterKeys: options.masterKeys,
    voice:
      options.voice ??
      new VoiceCalls({
        db: options.db,
        acd,
        media: new EmbeddedMedia({ rtpAddress: options.sip?.address, ports: options.rtpPorts }),
        keyring: options.masterKeys,
        now: () => clock.now(),
        log: { error: (details: object, message: string) => app.log.error(details, message) },
      }),
  };
  defineRetention(options.jobs, options.db, () => clock.now());
  defineCapture(options.jobs, options.db, () => clock.now());
  defineForecastJob(options.jobs, options.db, () => clock.now());
  defineReportingRetention(options.jobs, options.db, () => clock.now());
  defineChatRecordExport(options.jobs, options.db, () => clock.now());
  const { monitors } = context.chat;
  monitors.onBargedOut((tenantId, chatId, userId) => {
    void announceBargedOut(context.chat, tenantId, chatId, userId).catch(() => {});
  });
  // A supervisor whose last desktop closed watches nothing any more (and leaves the chats they barged into).
  assist.online.onGone((tenantId, userId) => monitors.forgetUser(tenantId, userId));

  const connections = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
  const app = Fastify({
    ...timeoutOptions(connections),
    logger: redactingLogger(options.logger),
    logController: new DebugRequestLogs(),
    trustProxy: trustedProxies(options.trustProxy),
    bodyLimit: 1024 * 1024,
    // Errors Fastify raises before routing (bad URL encoding, over-long path segments) get our shape too.
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  limitConnections(app.server, connections);
  app.setValidatorCompiler(validatorCompiler);
  registerJsonBodyParser(app);
  await registerSecurityHeaders(app);
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  const webApp = await registerWebApp(app, options.webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (webApp?.(request, reply)) return;
    sendError(
      request,
      reply,
      new SwitchboardError('not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`),
    );
  });
  app.decorateRequest('principal', null);

  // The embedded chat widget calls /api/v1/public/ from customers' websites: any origin, never credentials.
  // Every other route stays same-origin (its preflight finds no route).
  await app.register(cors, {
    delegator: (request, callback) =>
      callback(null, request.url.startsWith(PUBLIC_PREFIX) ? PUBLIC_CORS : { origin: false }),
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  registerMetrics(app, {
    token: options.metricsToken,
    behindProxy: Boolean(options.trustProxy),
  });
  await registerOpenApi(app);
  registerWidgetAssets(app, {
    db: options.db,
    widgetScript: options.widgetScript,
    demoPage: options.demoPage,
  });
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) =>
    (await isReady(options.db)) ? { status: 'ready' } : reply.status(503).send({ status: 'not ready' }),
  );

  await app.register(
    async (api) => {
      // Every route declares its permission (defineRoute): checked before its handler, required at start.
      gateRoutes(api);
      api.addHook('onRequest', async (request) => {
        if (skipsSignIn(request.routeOptions.config.permission)) return;
        request.principal = await context.auth.authenticate(request.headers.authorization);
      });
      api.addHook('preValidation', async (request) => {
        refuseNulCharacters(request.params, 'params');
        refuseNulCharacters(request.query, 'querystring');
        refuseNulCharacters(request.body, 'body');
      });
      for (const routes of ROUTES) {
        routes(api, context);
      }
    },
    { prefix: '/api/v1' },
  );
  const stopSweeping = context.repeat(DESKTOP_SWEEP_MS, () => {
    context.acd.desktops.sweep().catch((error) => app.log.error({ err: error }, 'lost desktops not swept'));
  });
  const sip = options.sip
    ? await SipIngress.start(
        {
          db: options.db,
          acd: context.acd,
          secrets,
          calls: context.voice,
          now: () => clock.now(),
          log: { error: (details: object, message: string) => app.log.error(details, message) },
        },
        options.sip,
      )
    : null;
  app.addHook('onClose', async () => {
    stopSweeping();
    feeds.close();
    assist.stop();
    await context.voice.close();
    sip?.close();
    await options.jobs.stop();
    return context.acd.stop();
  });
  await app.ready();
  await assist.start(notices, acd.committed);
  await options.jobs.start();
  return app;
}
