import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { type Actor, isAllowed, LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import { encodeCursor } from '../events/cursor.ts';
import type { RoutePermission } from '../http/define-route.ts';
import type { JobState } from '../jobs/job-queue.ts';
import * as build from '../testing/builders.ts';
import type { Session } from '../testing/test-app.ts';
import { call, signIn, startTestApp, TEST_PASSWORD } from '../testing/test-app.ts';

/*
 * Every operation of the API, endpoint by endpoint: (1) tenant A can neither read nor change anything of
 * tenant B; (2) each role is allowed, or refused with 403, exactly as packages/core/src/policy.ts grants for
 * the permission the route declares (defineRoute; `x-permission` in GET /api/openapi.json). The table says
 * only how to call each operation; a new endpoint fails here until it has a row and a declared permission.
 */

let server: Awaited<ReturnType<typeof startTestApp>>;
/**
 * 'METHOD /path' (without /api/v1) → the permission its route declares (`x-permission`), and whether the
 * OpenAPI document lists no security for it (public).
 */
const documented = new Map<string, { permission: RoutePermission | undefined; isPublic: boolean }>();
let n = 0;
const uniq = (prefix: string) => `${prefix}-${++n}`;
/** A query for a whole list. */
const ALL = `?limit=${LIMITS.listPageSize.max}`;

type Caller = build.Caller;
type World = build.World;
/** Each world's team message, sent by its administrator to its team. */
const teamMessageOf = new Map<string, string>();
/** Each world's chat widget: its problem statement goes to `csq`, its hours follow `calendar`. */
const widgetOf = new Map<string, { id: string; name: string }>();
const populate = async (name: string) => {
  const world = await build.buildWorld(server, name);
  const sent = await call(server, world.admin.session, 'POST', '/team-messages', teamMessage(world));
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  teamMessageOf.set(world.tenantId, sent.body.id);
  world.ids.push(sent.body.id);
  const widget = await build.buildChatWidget(server, world.admin.session, world.csq.id, {
    serviceHours: { calendarId: world.calendar.id },
  });
  widgetOf.set(world.tenantId, widget);
  world.ids.push(widget.id);
  const assist = await askForHelp(world, world.contacts.active.id);
  assistOf.set(world.tenantId, assist);
  world.ids.push(assist);
  const jobs = { failed: await failedJob(world), queued: await queuedJob(world) };
  jobsOf.set(world.tenantId, jobs);
  world.ids.push(jobs.failed, jobs.queued);
  const chatExport = await completedExport(world);
  exportOf.set(world.tenantId, chatExport);
  world.ids.push(chatExport);
  const definition = await savedBy(world.admin);
  definitionOf.set(world.tenantId, definition);
  world.ids.push(definition);
  const planned = await plannedWorkload(world);
  wfmOf.set(world.tenantId, planned);
  world.ids.push(planned.workload, planned.forecast, planned.special, planned.adjustment);
  const voiceCsq = await build.buildCsq(server, world.admin.session, { channel: 'voice' });
  voiceCsqOf.set(world.tenantId, voiceCsq.id);
  const flow = await freshFlow(world);
  flowOf.set(world.tenantId, flow);
  world.ids.push(voiceCsq.id, flow);
  const number = await freshNumber(world);
  numberOf.set(world.tenantId, number);
  world.ids.push(number.id);
  const deskPhone = await freshDeskPhone(world);
  deskPhoneOf.set(world.tenantId, deskPhone);
  world.ids.push(deskPhone.id);
  return world;
};
/** Each world's voice CSQ, and a call flow that checks its calendar and queues into it. */
const voiceCsqOf = new Map<string, string>();
const flowOf = new Map<string, string>();
const flowIn = (w: World) => flowOf.get(w.tenantId) ?? '';
const flowDefinition = (w: World, csqId = voiceCsqOf.get(w.tenantId)) => ({
  format: 1,
  start: 'hours',
  steps: {
    hours: { type: 'hours', calendarId: w.calendar.id, open: 'queue', closed: 'bye' },
    queue: { type: 'queue', csqId },
    bye: { type: 'hangup' },
  },
});
async function freshFlow(w: World): Promise<string> {
  const created = await call(server, w.admin.session, 'POST', '/call-flows', {
    name: uniq('Flow'),
    definition: flowDefinition(w),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id;
}
/** Each world's phone number, sending its calls through the world's flow. Numbers are unique on the server. */
const numberOf = new Map<string, { id: string; number: string }>();
const numberIn = (w: World) => numberOf.get(w.tenantId)?.id ?? '';
const newNumber = (w: World, extra: object = {}) => ({
  number: `+49${1_000_000 + ++n}`,
  name: uniq('Line'),
  flowId: flowIn(w),
  ...extra,
});
async function freshNumber(w: World): Promise<{ id: string; number: string }> {
  const created = await call(server, w.admin.session, 'POST', '/phone-numbers', newNumber(w));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}
/** Each world's desk phone. Extensions are unique in a tenant only. */
const deskPhoneOf = new Map<string, { id: string; extension: string }>();
const deskPhoneIn = (w: World) => deskPhoneOf.get(w.tenantId)?.id ?? '';
const newDeskPhone = (extra: object = {}) => ({
  extension: String(1000 + ++n),
  name: uniq('Desk'),
  ...extra,
});
async function freshDeskPhone(w: World): Promise<{ id: string; extension: string }> {
  const created = await call(server, w.admin.session, 'POST', '/desk-phones', newDeskPhone());
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}
/** Each world's saved report definition, its administrator's. */
const definitionOf = new Map<string, string>();
async function savedBy(who: Caller): Promise<string> {
  const saved = await call(server, who.session, 'POST', '/report-definitions', {
    name: uniq('Saved'),
    template: 'csq-activity',
    query: { rows: '60' },
  });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  return saved.body.id;
}
/** A definition the caller saved, or (for who may not save one) the administrator's. */
const ownDefinition = (w: World, who: Who) =>
  isAllowed(who.actor, 'report.read') ? savedBy(who) : Promise.resolve(definitionOf.get(w.tenantId));
/** Each world's chat record export, completed: its status and its file. */
const exportOf = new Map<string, string>();
const EVER = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const DAY = new Date().toISOString().slice(0, 10);
async function completedExport(w: World): Promise<string> {
  const asked = await call(server, w.admin.session, 'POST', '/chat-records/exports', EVER);
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  const url = `/chat-records/exports/${asked.body.id}`;
  while ((await call(server, w.admin.session, 'GET', url)).body.status !== 'completed') await delay(50);
  return asked.body.id;
}
/** Each world's workload (its history imported under one queue), a draft forecast, a special day, an adjustment. */
const wfmOf = new Map<string, { workload: string; forecast: string; special: string; adjustment: string }>();
const newWorkload = (extra: object = {}) => ({
  name: uniq('Workload'),
  channel: 'voice',
  basis: 'csq',
  importedQueues: ['Planned'],
  target: { kind: 'service_level', percent: 80, seconds: 20 },
  ...extra,
});
const newSpecialDay = (workloadId: string | null = null) => ({
  workloadId,
  date: `2027-01-${String((n % 28) + 1).padStart(2, '0')}`,
  name: uniq('Holiday'),
  closed: true,
});
const newAdjustment = () => ({
  from: '2027-01-04T08:00:00Z',
  to: '2027-01-04T10:00:00Z',
  volumeFactor: 1.2,
  note: uniq('Campaign'),
});
async function plannedWorkload(w: World) {
  const ok = (res: { status: number; body: unknown }, status: number) =>
    assert.equal(res.status, status, JSON.stringify(res.body));
  const admin = w.admin.session;
  const imported = await server.app.inject({
    method: 'POST',
    url: '/api/v1/interval-history/imports?minutes=15&queue=Planned',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: INTERVAL_CSV,
  });
  assert.equal(imported.statusCode, 201, imported.body);
  const workload = await call(server, admin, 'POST', '/wfm/workloads', newWorkload());
  ok(workload, 201);
  const forecast = await call(server, admin, 'POST', `/wfm/workloads/${workload.body.id}/forecasts`, {
    days: 1,
  });
  ok(forecast, 201);
  const special = await call(server, admin, 'POST', '/wfm/special-days', newSpecialDay(workload.body.id));
  ok(special, 201);
  const adjustment = await call(
    server,
    admin,
    'POST',
    `/wfm/workloads/${workload.body.id}/adjustments`,
    newAdjustment(),
  );
  ok(adjustment, 201);
  return {
    workload: workload.body.id as string,
    forecast: forecast.body.id as string,
    special: special.body.id as string,
    adjustment: adjustment.body.id as string,
  };
}
const wfmIn = (w: World) =>
  wfmOf.get(w.tenantId) ?? { workload: '', forecast: '', special: '', adjustment: '' };
const freshWorkload = async (w: World) =>
  (await call(server, w.admin.session, 'POST', '/wfm/workloads', newWorkload())).body.id as string;
const freshDraft = async (w: World) =>
  (await call(server, w.admin.session, 'POST', `/wfm/workloads/${wfmIn(w).workload}/forecasts`, { days: 1 }))
    .body.id as string;
const plannedCsv = (username = '') =>
  `agent,start,end,activity,channels\n${username},${DAY}T08:00:00Z,${DAY}T16:00:00Z,work,chat\n`;
const exceptionFor = (agentId: string) => ({
  agentId,
  from: `${DAY}T10:00:00Z`,
  to: `${DAY}T10:15:00Z`,
  note: uniq('Drill'),
});
const INTERVAL_CSV =
  'Minutes,Calls Presented,Calls Answered,Calls Abandoned,Avg Call Duration\n2026-03-02T08:00:00Z,3,2,1,60\n';
const exportIn = (w: World) => exportOf.get(w.tenantId) ?? '';
/** Each world's background jobs: one that failed, one waiting for tomorrow. */
const jobsOf = new Map<string, { failed: string; queued: string }>();
const DELIVERY = 'test.deliver';
async function jobReaching(w: World, id: string, state: JobState): Promise<string> {
  while ((await server.jobs.get({ tenantId: w.tenantId }, id))?.state !== state) await delay(50);
  return id;
}
const failedJob = async (w: World) =>
  jobReaching(w, await server.jobs.enqueue(w.tenantId, DELIVERY, { to: 'refuses' }), 'failed');
const queuedJob = (w: World) =>
  server.jobs.enqueue(w.tenantId, DELIVERY, { to: 'later' }, { runAt: new Date(Date.now() + 86_400_000) });
const jobIn = (w: World) => jobsOf.get(w.tenantId) ?? { failed: '', queued: '' };
/** Each world's request for help, by its agent on its active contact. */
const assistOf = new Map<string, string>();
async function askForHelp(w: World, contactId: string): Promise<string> {
  const asked = await call(server, w.agent.session, 'POST', `/contacts/${contactId}/assist`, {
    kind: 'help',
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  return asked.body.id;
}
const widgetIn = (w: World) => widgetOf.get(w.tenantId)?.id ?? '';

type Who = Caller & { label: string; actor: Actor };
const CALLERS = [
  ['administrator', 'admin', 'administrator'],
  ['supervisor', 'supervisor', 'supervisor'],
  ['agent', 'agent', 'agent'],
  ['read key', 'reader', 'service', 'read'],
  ['write key', 'writer', 'service', 'write'],
] as const;
const callers = (w: World): Who[] =>
  CALLERS.map(([label, field, role, scope]) => ({
    label,
    ...w[field],
    actor: { tenantId: w.tenantId, userId: w[field].id, role, ...(scope ? { scope } : {}) },
  }));

/** One call of an operation: path id, query, body, session; `ok` is its status when allowed (else any 2xx). */
type Req = {
  id?: string;
  /** A path's second parameter (a version of the entity `id` names). */
  version?: number;
  query?: string;
  body?: unknown;
  session?: Session;
  ok?: number;
  contentType?: string;
};
/** Expected statuses, or 'clean': answered as when allowed, with nothing of tenant B in the body. */
type CrossReq = Req & { expect: number[] | 'clean' };
const HIDDEN = [404];
const REFUSED = [400, 404];

/** How to call an operation; who may is what its route declares (x-permission), read from the document. */
interface Op {
  /** A call in the caller's own tenant that succeeds whenever the caller is allowed. */
  own: (w: World, who: Who) => Req | Promise<Req>;
  /** Calls by `who` of tenant A aimed at tenant B's entities. Default: `own` in A, expected 'clean'. */
  cross?: (b: World, a: World, who: Who) => CrossReq[] | Promise<CrossReq[]>;
}

/** Row shapes for operations on one entity by id: the caller's own one, or tenant B's. */
type Entity =
  | 'loner'
  | 'agent'
  | 'reader'
  | 'team'
  | 'skill'
  | 'reason'
  | 'calendar'
  | 'csq'
  | 'response'
  | 'wrapUp';
const none = () => ({});
const read = (entity: Entity): Op => ({
  own: (w) => ({ id: w[entity].id }),
  cross: (b) => [{ id: b[entity].id, expect: HIDDEN }],
});
const change = (entity: Entity, body: () => object): Op => ({
  own: (w) => ({ id: w[entity].id, body: body() }),
  cross: (b) => [{ id: b[entity].id, body: body(), expect: REFUSED }],
});
/** Deletes a fresh entity of the caller's tenant, or tries B's. */
type Fresh = (admin: Session) => Promise<{ id: string }>;
const remove = (entity: Entity, fresh: Fresh): Op => ({
  own: async (w) => ({ id: (await fresh(w.admin.session)).id }),
  cross: (b) => [{ id: b[entity].id, expect: REFUSED }],
});
/** A new agent: keys may not set passwords, so theirs has none. */
const newUser = (who: Who, extra = {}) => ({
  displayName: 'New User',
  role: 'agent',
  username: uniq('u'),
  ...(who.actor.role === 'service' ? {} : { password: TEST_PASSWORD }),
  ...extra,
});
const TOKENS = { accessTokenMinutes: 45 };
const skills = (skillId: string, competence = 7) => ({ skills: [{ skillId, competence }] });
const needs = (skillId: string) => ({ skills: [{ skillId, minCompetence: 1 }] });
const newCsq = () => ({ name: uniq('CSQ'), channel: 'email', criterion: 'most_skilled', skills: [] });
const newCalendar = () => ({ name: uniq('Calendar'), timeZone: 'Asia/Tokyo', mode: '24x7' });
const newWidget = (w: World, extra: object = {}) => ({
  name: uniq('Widget'),
  problemStatements: [{ label: 'Billing', csqId: w.csq.id }],
  ...extra,
});

const mine = (w: World, who: Caller, status: build.HeldStatus) => build.contactOf(server, w, who, status);
const contactsOf = (w: World) => Object.values(w.contacts).map((c) => c.id);
/** The same call on each of B's contacts (waiting, offered to B's agent, active with them): not found. */
const onContactsOf = (b: World, body?: object): CrossReq[] =>
  contactsOf(b).map((id) => ({ id, body, expect: HIDDEN }));
/**
 * What an agent does with a contact offered to or held by them: accept, complete… Administrators hold every
 * permission but take no contacts (the router has no agent of theirs): 404.
 */
const act = (status: build.HeldStatus, body?: (w: World) => object): Op => ({
  own: async (w, who) => ({
    id: await mine(w, who, status),
    body: body?.(w),
    ok: who.actor.role === 'administrator' ? 404 : 200,
  }),
  cross: (b) => onContactsOf(b, body?.(b)),
});
/** …which hands it to a CSQ or agent: not to B's, nor B's contacts to A's. */
const handOn = (targets: (b: World) => object[]): Op => ({
  ...act('active', (w) => ({ csqId: w.parking.id })),
  cross: async (b, a, who) => {
    const id = await mine(a, who, 'active');
    const mineToB = targets(b).map((body) => ({ id, body, expect: REFUSED }));
    return [...onContactsOf(b, { csqId: a.parking.id }), ...mineToB];
  },
});
/** What a channel adapter reports of the customer, on a contact waiting in the caller's tenant. */
const customer = (body?: object): Op => ({
  own: async (w) => ({ id: (await build.buildContact(server, w.writer.session, w.parking.id)).id, body }),
  cross: (b) => onContactsOf(b, body),
});
/** Contacts: anyone who reads them all, and agents their own (see the test below). */
const readContact: Op = {
  own: async (w, who) => ({
    id: isAllowed(who.actor, 'contact.read') ? w.contacts.waiting.id : await mine(w, who, 'offered'),
  }),
  cross: (b) => onContactsOf(b),
};
/** A web chat `who` handles (active with them), or for anyone who reads every contact, one waiting. */
const chatOf = (w: World, who: Who, status: build.HeldStatus = 'active') =>
  build.contactOf(server, w, who, status, build.buildChat);
/** What an agent does in a chat they have accepted. Administrators take no chats: 404. */
const inChat = (body: () => object, ok: number): Op => ({
  own: async (w, who) => ({
    id: await chatOf(w, who),
    body: body(),
    ok: who.actor.role === 'administrator' ? 404 : ok,
  }),
  cross: (b) => [{ id: b.chat.id, body: body(), expect: HIDDEN }],
});
/** An invitation's answer, or leaving, in the caller's own chat: refused as `ok` says; B's chats not found. */
const groupStep = (ok: number): Op => ({
  own: async (w, who) => ({ id: await chatOf(w, who), ok: who.actor.role === 'administrator' ? 404 : ok }),
  cross: (b) => [{ id: b.chat.id, expect: HIDDEN }],
});
/**
 * The customer's calls carry the chat's secret, whoever else is signed in: on a chat of the caller's tenant
 * they work; with that secret on B's chat, B's chat is not found.
 */
const asCustomer = (body: () => object | undefined, ok: number, ended = false): Op => ({
  own: async (w) => {
    const chat = await build.buildChat(server, w.writer.session, w.parking.id);
    const session = build.chatCustomer(chat);
    if (ended) await call(server, session, 'POST', `/public/chats/${chat.id}/end`);
    return { id: chat.id, body: body(), session, ok };
  },
  cross: (b, a) => [{ id: b.chat.id, body: body(), session: build.chatCustomer(a.chat), expect: HIDDEN }],
});
/** Each world's chat its agent is in, for the coaching calls (monitor, whisper, barge in); a new one once it ended. */
const coachedChat = new Map<string, string>();
const coached = async (w: World) => {
  const known = coachedChat.get(w.tenantId);
  const status = known && (await call(server, w.admin.session, 'GET', `/contacts/${known}`)).body.status;
  if (known && status === 'active') return known;
  const id = await build.contactOf(server, w, w.agent, 'active', build.buildChat);
  coachedChat.set(w.tenantId, id);
  return id;
};
/** A coaching call on the caller's tenant's live chat; B's chat is not found. */
const coach = (ok: number, body?: () => object, monitorFirst = false): Op => ({
  own: async (w, who) => {
    const id = await coached(w);
    if (monitorFirst) await call(server, who.session, 'POST', `/chats/${id}/monitor`);
    return { id, body: body?.(), ok };
  },
  cross: (b) => [{ id: b.chat.id, body: body?.(), expect: HIDDEN }],
});
const chatMessage = () => ({ clientId: crypto.randomUUID(), text: uniq('Hello') });
const digital = (state: 'ready' | 'not_ready' | 'logged_out') => ({ domain: 'digital', state });
const teamMessage = (w: World, teamId = w.team.id) => ({
  text: uniq('Heads up'),
  teamIds: [teamId],
  expiresInMinutes: 60,
});
const newResponse = (extra = {}) => ({
  channel: 'chat',
  title: uniq('Reply'),
  body: 'One moment please',
  csqIds: [],
  ...extra,
});
const newCategory = (extra = {}) => ({ name: uniq('Outcome'), csqIds: [], ...extra });
/** A wrap-up reason of the caller's tenant to rename or delete, so the world's 'Sorted' stays. */
async function freshReason(w: World): Promise<string> {
  const res = await call(server, w.admin.session, 'POST', '/wrap-up-reasons', {
    categoryId: w.wrapUp.id,
    name: uniq('Reason'),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}
/** Supervisors send team messages once an administrator has switched them on. */
const switchOn = (w: World) =>
  call(server, w.admin.session, 'PUT', `/users/${w.supervisor.id}/team-messages`, { enabled: true });
/** A team message `who` may delete: their own where they may send, else the administrator's. */
async function deletable(w: World, who: Who): Promise<string> {
  if (who.actor.role === 'supervisor') await switchOn(w);
  const sender = isAllowed(who.actor, 'teamMessage.publish') ? who : w.admin;
  const sent = await call(server, sender.session, 'POST', '/team-messages', teamMessage(w));
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  return sent.body.id;
}

const OPS: Record<string, Op> = {
  'POST /auth/login': {
    own: (w) => ({ body: { tenant: w.name, username: 'admin', password: TEST_PASSWORD } }),
    // B's user does not exist in A.
    cross: (b, a) => [
      { body: { tenant: a.name, username: b.agent.username, password: TEST_PASSWORD }, expect: [401] },
    ],
  },
  'POST /auth/refresh': {
    own: async (w) => {
      const fresh = await signIn(server, w.name, 'admin');
      return { session: fresh, body: { refreshToken: fresh.refreshToken } };
    },
    cross: (b) => [{ body: { refreshToken: b.admin.session.refreshToken }, expect: [401] }],
  },
  'POST /auth/logout': {
    // A fresh session, so the caller's stays usable; an API key has no session to end.
    own: async (w, who) => ({
      session: who.username ? await signIn(server, w.name, who.username) : who.session,
    }),
  },
  'GET /me': { own: none },
  'POST /events/tickets': { own: none },
  'GET /events/feed': { own: none },
  'GET /events/sse': {
    // A cursor ahead of the log: the handler's own refusal, past the permission check (a stream never ends).
    own: (w) => ({ query: `?after=${encodeCursor(w.tenantId, 2 ** 40)}`, ok: 409 }),
    cross: (b) => [{ query: `?after=${encodeCursor(b.tenantId, 1)}`, expect: [400] }],
  },
  'GET /realtime/agents': {
    own: (w) => ({ query: `?ids=${w.agent.id}` }),
    cross: (b) => [{ query: `?ids=${b.agent.id}`, expect: HIDDEN }],
  },
  'GET /realtime/queues': {
    own: (w) => ({ query: `?csqIds=${w.csq.id}` }),
    cross: (b) => [{ query: `?csqIds=${b.csq.id}`, expect: HIDDEN }],
  },
  'PUT /me/password': {
    // Service users have no password to change: 400, not 403.
    own: (_w, who) => ({
      body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      ok: who.actor.role === 'service' ? 400 : 204,
    }),
  },
  'GET /tenant': { own: none },
  'PATCH /tenant/settings': { own: () => ({ body: { tokens: TOKENS } }) },
  'GET /users': {
    own: () => ({ query: ALL }),
    cross: (b) => [ALL, `?teamId=${b.team.id}`].map((query) => ({ query, expect: 'clean' as const })),
  },
  'POST /users': {
    own: (_w, who) => ({ body: newUser(who) }),
    cross: (b, _a, who) => [
      { body: newUser(who, { teamId: b.team.id }), expect: REFUSED },
      { body: newUser(who, skills(b.skill.id)), expect: REFUSED },
    ],
  },
  'GET /users/{id}': read('loner'),
  'PATCH /users/{id}': {
    ...change('loner', () => ({ displayName: uniq('Renamed') })),
    cross: (b, a) => [
      { id: b.loner.id, body: { displayName: 'Hijacked', active: false }, expect: REFUSED },
      { id: a.loner.id, body: { teamId: b.team.id }, expect: REFUSED },
    ],
  },
  'PUT /users/{id}/skills': {
    own: (w) => ({ id: w.agent.id, body: skills(w.skill.id) }),
    cross: (b, a) => [
      { id: b.agent.id, body: skills(b.skill.id, 1), expect: REFUSED },
      { id: a.agent.id, body: skills(b.skill.id), expect: REFUSED },
    ],
  },
  'PUT /users/{id}/password': change('loner', () => ({ password: 'a new password' })),
  'GET /teams': { own: none },
  'POST /teams': {
    own: () => ({ body: { name: uniq('Team') } }),
    cross: (b) => [{ body: { name: uniq('Team'), primarySupervisorId: b.supervisor.id }, expect: REFUSED }],
  },
  'GET /teams/{id}': read('team'),
  'PATCH /teams/{id}': {
    ...change('team', () => ({ name: uniq('Team') })),
    cross: (b, a) => [
      { id: b.team.id, body: { name: 'Hijacked', primarySupervisorId: null }, expect: REFUSED },
      { id: a.team.id, body: { secondarySupervisorId: b.supervisor.id }, expect: REFUSED },
    ],
  },
  'DELETE /teams/{id}': remove('team', (admin) => build.buildTeam(server, admin)),
  'GET /skills': { own: none },
  'POST /skills': {
    own: () => ({ body: { name: uniq('Skill') } }),
    // Names are unique per tenant: B's is free in A (a 409 would reveal that B has it).
    cross: (b) => [{ body: { name: b.skill.name }, expect: 'clean' }],
  },
  'GET /skills/{id}': read('skill'),
  'PATCH /skills/{id}': change('skill', () => ({ name: uniq('Skill') })),
  'DELETE /skills/{id}': remove('skill', (admin) => build.buildSkill(server, admin)),
  'GET /reason-codes': { own: none },
  'POST /reason-codes': {
    own: () => ({ body: { kind: 'logout', code: ++n, label: 'Gone home' } }),
    cross: ({ reason }) => [
      { body: { kind: reason.kind, code: reason.code, label: 'Same' }, expect: 'clean' },
    ],
  },
  'PATCH /reason-codes/{id}': change('reason', () => ({ label: uniq('Label') })),
  'DELETE /reason-codes/{id}': remove('reason', (a) => build.buildReasonCode(server, a)),
  'GET /users/{id}/api-keys': read('reader'),
  'POST /users/{id}/api-keys': change('reader', () => ({ name: 'more', scope: 'write' })),
  'POST /api-keys/{id}/revoke': {
    own: async (w) => ({ id: (await build.buildApiKey(server, w.admin.session)).keyId }),
    cross: (b) => [{ id: b.reader.keyId, expect: REFUSED }],
  },
  'GET /audit-log': { own: () => ({ query: ALL }) },
  'GET /jobs': {
    own: () => ({ query: '?state=failed' }),
    cross: () => ['', '?state=failed', '?state=queued'].map((query) => ({ query, expect: 'clean' as const })),
  },
  'POST /jobs/{id}/retry': {
    own: async (w) => ({ id: await failedJob(w) }),
    cross: (b) => [{ id: jobIn(b).failed, expect: HIDDEN }],
  },
  'POST /jobs/{id}/cancel': {
    own: async (w) => ({ id: await queuedJob(w) }),
    cross: (b) => [{ id: jobIn(b).queued, expect: HIDDEN }],
  },
  'GET /csqs': { own: none },
  'POST /csqs': {
    own: () => ({ body: newCsq() }),
    cross: (b) => [{ body: { ...newCsq(), ...needs(b.skill.id) }, expect: REFUSED }],
  },
  'GET /csqs/{id}': read('csq'),
  'GET /csqs/{id}/resources': read('csq'),
  'GET /queues': { own: none },
  'GET /queues/{id}': read('csq'),
  'PATCH /csqs/{id}': {
    ...change('csq', () => ({ name: uniq('CSQ') })),
    cross: (b, a) => [
      { id: b.csq.id, body: { name: 'Hijacked', skills: [] }, expect: REFUSED },
      { id: a.csq.id, body: needs(b.skill.id), expect: REFUSED },
    ],
  },
  'DELETE /csqs/{id}': remove('csq', (admin) => build.buildCsq(server, admin)),
  'GET /calendars': { own: none },
  'POST /calendars': {
    own: () => ({ body: newCalendar(), ok: 201 }),
    // Names are unique per tenant: B's is free in A.
    cross: (b) => [{ body: { ...newCalendar(), name: b.calendar.name }, ok: 201, expect: 'clean' }],
  },
  'GET /calendars/{id}': read('calendar'),
  'PUT /calendars/{id}': change('calendar', newCalendar),
  'DELETE /calendars/{id}': remove('calendar', (admin) => build.buildCalendar(server, admin)),
  'GET /calendars/{id}/state': {
    ...read('calendar'),
    own: (w) => ({ id: w.calendar.id, query: '?at=2026-12-24T16:30:00Z' }),
  },
  'GET /chat-widgets': { own: none },
  'POST /chat-widgets': {
    own: (w) => ({ body: newWidget(w), ok: 201 }),
    cross: (b, a) => [
      { body: newWidget(b), expect: REFUSED },
      { body: newWidget(a, { serviceHours: { calendarId: b.calendar.id } }), expect: REFUSED },
      // Names are unique per tenant: B's is free in A.
      {
        body: newWidget(a, { name: widgetOf.get(b.tenantId)?.name }),
        ok: 201,
        expect: 'clean',
      },
    ],
  },
  'GET /chat-widgets/{id}': {
    own: (w) => ({ id: widgetIn(w) }),
    cross: (b) => [{ id: widgetIn(b), expect: HIDDEN }],
  },
  'PUT /chat-widgets/{id}': {
    own: (w) => ({ id: widgetIn(w), body: newWidget(w, { serviceHours: { calendarId: w.calendar.id } }) }),
    cross: (b, a) => [
      { id: widgetIn(b), body: newWidget(b), expect: REFUSED },
      { id: widgetIn(a), body: newWidget(b), expect: REFUSED },
      {
        id: widgetIn(a),
        body: newWidget(a, { serviceHours: { calendarId: b.calendar.id } }),
        expect: REFUSED,
      },
    ],
  },
  'DELETE /chat-widgets/{id}': {
    own: async (w) => ({ id: (await build.buildChatWidget(server, w.admin.session, w.csq.id)).id, ok: 204 }),
    cross: (b) => [{ id: widgetIn(b), expect: REFUSED }],
  },
  // Public: a widget's id is all a website needs; the answer names nothing else of its tenant.
  'GET /public/widgets/{id}': {
    own: (w) => ({ id: widgetIn(w) }),
    cross: (b) => [{ id: widgetIn(b), expect: 'clean' }],
  },
  'POST /public/widgets/{id}/chats': {
    // A fresh widget each time: starts are limited per widget and address.
    own: async (w) => {
      const widget = await build.buildChatWidget(server, w.admin.session, w.parking.id);
      const problemStatementId = widget.problemStatements[0]?.id;
      return { id: widget.id, body: { problemStatementId, fields: { name: 'Ada' } }, ok: 201 };
    },
  },
  // Calls from a widget's page (voice-calls.test.ts places real ones): a widget that offers none refuses.
  'POST /public/widgets/{id}/calls': {
    own: async (w) => ({
      id: (await build.buildChatWidget(server, w.admin.session, w.parking.id)).id,
      body: { sdp: 'v=0' },
      ok: 409,
    }),
  },
  'POST /public/calls/{id}/hangup': { own: () => ({ id: crypto.randomUUID(), ok: 404 }) },
  'POST /public/calls/{id}/wait': { own: () => ({ id: crypto.randomUUID(), ok: 404 }) },
  // Their own voice CSQ has no caller ID here (409); B's is no CSQ of theirs.
  'POST /calls': {
    own: (w) => ({ body: { csqId: voiceCsqOf.get(w.tenantId), number: '0201234567', sdp: 'v=0' }, ok: 409 }),
    cross: (b) => [
      { body: { csqId: voiceCsqOf.get(b.tenantId), number: '0201234567', sdp: 'v=0' }, expect: HIDDEN },
    ],
  },
  'GET /call-flows': { own: none },
  'POST /call-flows': {
    own: (w) => ({ body: { name: uniq('Flow'), definition: flowDefinition(w) }, ok: 201 }),
    // B's CSQ is no CSQ of A's.
    cross: (b, a) => [
      {
        body: { name: uniq('Flow'), definition: flowDefinition(a, voiceCsqOf.get(b.tenantId)) },
        expect: REFUSED,
      },
    ],
  },
  'GET /call-flows/{id}': {
    own: (w) => ({ id: flowIn(w) }),
    cross: (b) => [{ id: flowIn(b), expect: HIDDEN }],
  },
  'PUT /call-flows/{id}': {
    own: async (w) => ({
      id: await freshFlow(w),
      body: { name: uniq('Flow'), definition: flowDefinition(w), version: 1 },
    }),
    cross: (b, a) => [
      {
        id: flowIn(b),
        body: { name: uniq('Flow'), definition: flowDefinition(a), version: 1 },
        expect: HIDDEN,
      },
    ],
  },
  'DELETE /call-flows/{id}': {
    own: async (w) => ({ id: await freshFlow(w) }),
    cross: (b) => [{ id: flowIn(b), expect: HIDDEN }],
  },
  'GET /call-flows/{id}/versions': {
    own: (w) => ({ id: flowIn(w) }),
    cross: (b) => [{ id: flowIn(b), expect: HIDDEN }],
  },
  'GET /call-flows/{id}/versions/{version}': {
    own: (w) => ({ id: flowIn(w), version: 1 }),
    cross: (b) => [{ id: flowIn(b), version: 1, expect: HIDDEN }],
  },
  'GET /phone-numbers': { own: none },
  'POST /phone-numbers': {
    own: (w) => ({ body: newNumber(w), ok: 201 }),
    cross: (b, a) => [
      // B's flow and voice CSQ are none of A's.
      { body: newNumber(a, { flowId: flowIn(b) }), expect: REFUSED },
      { body: newNumber(a, { flowId: undefined, csqId: voiceCsqOf.get(b.tenantId) }), expect: REFUSED },
      // Numbers are unique on the server: B's is taken (409 number_taken, naming no tenant).
      { body: newNumber(a, { number: numberOf.get(b.tenantId)?.number }), expect: [409] },
    ],
  },
  'GET /phone-numbers/{id}': {
    own: (w) => ({ id: numberIn(w) }),
    cross: (b) => [{ id: numberIn(b), expect: HIDDEN }],
  },
  'PUT /phone-numbers/{id}': {
    own: async (w) => ({ id: (await freshNumber(w)).id, body: newNumber(w) }),
    cross: (b, a) => [
      { id: numberIn(b), body: newNumber(a), expect: HIDDEN },
      { id: numberIn(a), body: newNumber(a, { flowId: flowIn(b) }), expect: REFUSED },
    ],
  },
  'DELETE /phone-numbers/{id}': {
    own: async (w) => ({ id: (await freshNumber(w)).id }),
    cross: (b) => [{ id: numberIn(b), expect: HIDDEN }],
  },
  'GET /desk-phones': { own: none },
  'POST /desk-phones': {
    own: () => ({ body: newDeskPhone(), ok: 201 }),
    // B's extension is no concern of A's: A adds a phone with it, and learns nothing of B's.
    cross: (b) => [
      { body: newDeskPhone({ extension: deskPhoneOf.get(b.tenantId)?.extension }), ok: 201, expect: 'clean' },
    ],
  },
  'GET /desk-phones/{id}': {
    own: (w) => ({ id: deskPhoneIn(w) }),
    cross: (b) => [{ id: deskPhoneIn(b), expect: HIDDEN }],
  },
  'PATCH /desk-phones/{id}': {
    own: async (w) => ({ id: (await freshDeskPhone(w)).id, body: { name: uniq('Desk') } }),
    cross: (b) => [{ id: deskPhoneIn(b), body: { name: uniq('Desk') }, expect: HIDDEN }],
  },
  'POST /desk-phones/{id}/password': {
    own: async (w) => ({ id: (await freshDeskPhone(w)).id }),
    cross: (b) => [{ id: deskPhoneIn(b), expect: HIDDEN }],
  },
  'DELETE /desk-phones/{id}': {
    own: async (w) => ({ id: (await freshDeskPhone(w)).id }),
    cross: (b) => [{ id: deskPhoneIn(b), expect: HIDDEN }],
  },
  'GET /channel-settings': { own: none },
  'PATCH /channel-settings': {
    own: () => ({ body: { inactivityTimeoutMinutes: 20, noAnswerTimeoutSeconds: { email: 40 } } }),
  },
  'POST /contacts': {
    own: (w) => ({ body: { channel: 'chat', csqId: w.parking.id }, ok: 201 }),
    cross: (b, a) => [
      { body: { channel: 'chat', csqId: b.parking.id }, expect: REFUSED },
      // External ids are per tenant: B's names a new contact in A (200 would answer with B's).
      {
        body: { channel: 'chat', csqId: a.parking.id, externalId: b.contacts.waiting.externalId },
        ok: 201,
        expect: 'clean',
      },
    ],
  },
  'GET /contacts': {
    ...readContact,
    own: () => ({ query: `${ALL}&open=false` }),
    cross: (b) =>
      [`${ALL}&open=false`, `?csqId=${b.csq.id}`].map((query) => ({ query, expect: 'clean' as const })),
  },
  'GET /contacts/{id}': readContact,
  'GET /contacts/{id}/events': readContact,
  // Another agent's desktop (agents read only their own: see the ACD contact tests).
  'GET /agents/{id}/contacts': {
    own: (w, who) => ({ id: who.id === w.agent.id ? w.loner.id : w.agent.id }),
    cross: (b) => [{ id: b.agent.id, expect: HIDDEN }],
  },
  'POST /contacts/{id}/accept': act('offered'),
  'POST /contacts/{id}/reject': act('offered'),
  'POST /contacts/{id}/complete': act('active'),
  'POST /contacts/{id}/hold': act('active'),
  'POST /contacts/{id}/resume': act('held'),
  // A contact offered to them that this server carries no call for: not found, as B's contacts are.
  'POST /contacts/{id}/voice/answer': {
    own: async (w, who) => ({ id: await mine(w, who, 'offered'), body: { sdp: 'v=0' }, ok: 404 }),
    cross: (b) => onContactsOf(b, { sdp: 'v=0' }),
  },
  // A contact in their hands whose call this server does not carry: not found, as B's contacts are.
  'POST /contacts/{id}/voice/keys': {
    own: async (w, who) => ({ id: await mine(w, who, 'active'), body: { keys: '1' }, ok: 404 }),
    cross: (b) => onContactsOf(b, { keys: '1' }),
  },
  // A contact in their hands whose call this server does not carry: not found, as B's contacts are.
  'POST /contacts/{id}/voice/rejoin': {
    own: async (w, who) => ({ id: await mine(w, who, 'active'), body: { sdp: 'v=0' }, ok: 404 }),
    cross: (b) => onContactsOf(b, { sdp: 'v=0' }),
  },
  // A contact that is theirs but whose call this server does not carry: not found, as B's contacts are.
  'POST /contacts/{id}/recording': {
    own: async (w, who) => ({ id: await mine(w, who, 'active'), body: { action: 'start' }, ok: 404 }),
    cross: (b) => onContactsOf(b, { action: 'start' }),
  },
  'GET /contacts/{id}/recording': {
    own: async (w, who) => ({ id: await mine(w, who, 'active'), ok: 404 }),
    cross: (b) => onContactsOf(b),
  },
  'GET /contacts/{id}/recordings': {
    own: (w) => ({ id: w.contacts.waiting.id }),
    cross: (b) => onContactsOf(b),
  },
  // Recordings of another tenant are checked in voice/recordings.test.ts: none is made here.
  'GET /recordings/{id}/audio': { own: () => ({ id: crypto.randomUUID(), ok: 404 }) },
  'POST /contacts/{id}/wrap-up': act('wrap_up', () => ({ reasons: ['Sorted'] })),
  'GET /contacts/{id}/notes': readContact,
  // A customer's history is the agent's once they accept the contact, not while it is merely offered.
  'GET /contacts/{id}/customer-history': {
    ...readContact,
    own: async (w, who) => ({
      id: isAllowed(who.actor, 'contact.read') ? w.contacts.waiting.id : await mine(w, who, 'active'),
    }),
  },
  'POST /contacts/{id}/notes': {
    own: async (w, who) => ({ id: await mine(w, who, 'active'), body: { body: uniq('Note') }, ok: 201 }),
    cross: (b) => onContactsOf(b, { body: 'A note' }),
  },
  'GET /me/recent-contacts': { own: none },
  'POST /contacts/{id}/transfer': handOn((b) => [{ agentId: b.agent.id }, { csqId: b.parking.id }]),
  'POST /contacts/{id}/requeue': handOn((b) => [{ csqId: b.parking.id }]),
  'GET /contacts/{id}/transfer-targets': act('active'),
  'POST /contacts/{id}/end': customer(),
  'POST /contacts/{id}/activity': customer(),
  'POST /contacts/{id}/dequeue': customer(),
  'PUT /contacts/{id}/call-type': customer({ callType: 'Billing' }),
  'POST /chats': {
    own: (w) => ({ body: { csqId: w.parking.id, customer: { name: 'Ada' } }, ok: 201 }),
    cross: (b) => [{ body: { csqId: b.parking.id, customer: { name: 'Ada' } }, expect: REFUSED }],
  },
  'GET /chat-records': {
    own: () => ({ query: '?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z' }),
    cross: (b) => [
      { query: '?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z', expect: 'clean' },
      { query: `?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&csqId=${b.parking.id}`, expect: 'clean' },
    ],
  },
  'GET /chat-records/export': {
    own: () => ({ query: '?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z' }),
    cross: (b) => [
      { query: '?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z', expect: 'clean' },
      { query: `?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&csqId=${b.parking.id}`, expect: 'clean' },
    ],
  },
  'POST /chat-records/exports': {
    own: () => ({ body: EVER, ok: 202 }),
    cross: (b) => [
      { body: EVER, expect: 'clean' },
      { body: { ...EVER, csqId: b.parking.id }, expect: REFUSED },
    ],
  },
  'GET /chat-records/exports': { own: none },
  'GET /chat-records/exports/{id}': {
    own: (w) => ({ id: exportIn(w) }),
    cross: (b) => [{ id: exportIn(b), expect: HIDDEN }],
  },
  'GET /chat-records/exports/{id}/csv': {
    own: (w) => ({ id: exportIn(w) }),
    cross: (b) => [{ id: exportIn(b), expect: HIDDEN }],
  },
  'POST /interval-history/imports': {
    own: () => ({ query: '?minutes=15&queue=Sales', body: INTERVAL_CSV, contentType: 'text/csv', ok: 201 }),
  },
  'GET /interval-history/imports': { own: none },
  'GET /reports/{template}': {
    own: () => ({ id: 'csq-activity', query: `?from=${DAY}&to=${DAY}` }),
    cross: (b) => [
      { id: 'csq-activity', query: `?from=${DAY}&to=${DAY}&csqIds=${b.parking.id}`, expect: REFUSED },
      { id: 'abandoned', query: `?from=${DAY}&to=${DAY}`, expect: 'clean' },
    ],
  },
  'GET /contacts/{id}/journey': {
    // Handled by the agent of the supervisor's team: in every reader's scope.
    own: (w) => ({ id: w.contacts.active.id }),
    cross: (b) => onContactsOf(b),
  },
  'POST /reports/capture': { own: none },
  'POST /reports/recapture': {
    own: () => ({ body: { date: new Date(server.clock.now() - 86_400_000).toISOString().slice(0, 10) } }),
  },
  'GET /report-definitions': { own: none },
  'POST /report-definitions': {
    own: () => ({ body: { name: uniq('Saved'), template: 'abandoned', query: {} }, ok: 201 }),
  },
  'PATCH /report-definitions/{id}': {
    own: async (w, who) => ({ id: await ownDefinition(w, who), body: { name: uniq('Saved') } }),
    cross: (b) => [{ id: definitionOf.get(b.tenantId), body: { name: uniq('Saved') }, expect: HIDDEN }],
  },
  'DELETE /report-definitions/{id}': {
    own: async (w, who) => ({ id: await ownDefinition(w, who) }),
    cross: (b) => [{ id: definitionOf.get(b.tenantId), expect: HIDDEN }],
  },
  // A dry run: counting changes nothing of the world the other operations use. Tenant B's customers are not counted.
  'POST /customers/erase': {
    own: () => ({ body: { email: 'nobody@example.com', dryRun: true } }),
    cross: () => [
      { body: { email: 'nobody@example.com', phone: '+1 555 0100', dryRun: true }, expect: 'clean' },
    ],
  },
  'GET /interval-history': { own: () => ({ query: `?from=${EVER.from}&to=${EVER.to}` }) },
  'GET /wfm/workloads': { own: none },
  'POST /wfm/workloads': {
    own: () => ({ body: newWorkload(), ok: 201 }),
    cross: (b) => [{ body: newWorkload({ csqIds: [b.csq.id] }), expect: REFUSED }],
  },
  'GET /wfm/workloads/{id}': {
    own: (w) => ({ id: wfmIn(w).workload }),
    cross: (b) => [{ id: wfmIn(b).workload, expect: HIDDEN }],
  },
  'PUT /wfm/workloads/{id}': {
    own: (w) => ({ id: wfmIn(w).workload, body: newWorkload() }),
    cross: (b, a) => [
      { id: wfmIn(b).workload, body: newWorkload(), expect: HIDDEN },
      { id: wfmIn(a).workload, body: newWorkload({ csqIds: [b.csq.id] }), expect: REFUSED },
    ],
  },
  'DELETE /wfm/workloads/{id}': {
    own: async (w) => ({ id: await freshWorkload(w), ok: 204 }),
    cross: (b) => [{ id: wfmIn(b).workload, expect: HIDDEN }],
  },
  'GET /wfm/special-days': { own: none },
  'POST /wfm/special-days': {
    own: (w) => ({ body: newSpecialDay(wfmIn(w).workload), ok: 201 }),
    cross: (b) => [{ body: newSpecialDay(wfmIn(b).workload), expect: HIDDEN }],
  },
  'DELETE /wfm/special-days/{id}': {
    own: async (w) => ({
      id: (await call(server, w.admin.session, 'POST', '/wfm/special-days', newSpecialDay())).body.id,
      ok: 204,
    }),
    cross: (b) => [{ id: wfmIn(b).special, expect: HIDDEN }],
  },
  'POST /wfm/workloads/{id}/forecasts': {
    own: (w) => ({ id: wfmIn(w).workload, body: { days: 1 }, ok: 201 }),
    cross: (b) => [{ id: wfmIn(b).workload, body: { days: 1 }, expect: HIDDEN }],
  },
  'GET /wfm/workloads/{id}/forecasts': {
    own: (w) => ({ id: wfmIn(w).workload }),
    cross: (b) => [{ id: wfmIn(b).workload, expect: HIDDEN }],
  },
  'GET /wfm/forecasts/{id}': {
    own: (w) => ({ id: wfmIn(w).forecast }),
    cross: (b) => [{ id: wfmIn(b).forecast, expect: HIDDEN }],
  },
  'POST /wfm/forecasts/{id}/publish': {
    own: async (w, who) => ({
      id: isAllowed(who.actor, 'wfm.plan') ? await freshDraft(w) : wfmIn(w).forecast,
    }),
    cross: (b) => [{ id: wfmIn(b).forecast, expect: HIDDEN }],
  },
  'GET /wfm/workloads/{id}/adjustments': {
    own: (w) => ({ id: wfmIn(w).workload }),
    cross: (b) => [{ id: wfmIn(b).workload, expect: HIDDEN }],
  },
  'POST /wfm/workloads/{id}/adjustments': {
    own: (w) => ({ id: wfmIn(w).workload, body: newAdjustment(), ok: 201 }),
    cross: (b) => [{ id: wfmIn(b).workload, body: newAdjustment(), expect: HIDDEN }],
  },
  'DELETE /wfm/adjustments/{id}': {
    own: async (w) => ({
      id: (
        await call(
          server,
          w.admin.session,
          'POST',
          `/wfm/workloads/${wfmIn(w).workload}/adjustments`,
          newAdjustment(),
        )
      ).body.id,
    }),
    cross: (b) => [{ id: wfmIn(b).adjustment, expect: HIDDEN }],
  },
  'GET /wfm/workloads/{id}/intraday': {
    own: (w) => ({ id: wfmIn(w).workload }),
    cross: (b) => [{ id: wfmIn(b).workload, expect: HIDDEN }],
  },
  // Nothing is published for today in the world: nothing to simulate (400); B's workload is not found.
  'POST /wfm/workloads/{id}/what-if': {
    own: (w) => ({ id: wfmIn(w).workload, body: { staffDelta: 1 }, ok: 400 }),
    cross: (b) => [{ id: wfmIn(b).workload, body: { staffDelta: 1 }, expect: HIDDEN }],
  },
  'GET /wfm/adherence/settings': { own: none },
  'PUT /wfm/adherence/settings': {
    own: () => ({
      body: {
        thresholdSeconds: 300,
        rules: [{ state: 'ready', activity: 'work' }],
        workActivities: ['work'],
      },
    }),
  },
  'POST /wfm/planned-activities/imports': {
    own: (w) => ({ body: plannedCsv(w.agent.username), contentType: 'text/csv', ok: 201 }),
    cross: (b) => [{ body: plannedCsv(b.agent.username), contentType: 'text/csv', expect: REFUSED }],
  },
  'GET /wfm/planned-activities': { own: () => ({ query: `?from=${DAY}&to=${DAY}` }) },
  'GET /wfm/adherence/board': { own: none },
  'GET /wfm/adherence/report': { own: () => ({ query: `?from=${DAY}&to=${DAY}` }) },
  'POST /wfm/adherence/exceptions': {
    own: (w) => ({ body: exceptionFor(w.agent.id), ok: 201 }),
    cross: (b) => [{ body: exceptionFor(b.agent.id), expect: HIDDEN }],
  },
  'GET /wfm/adherence/exceptions': { own: () => ({ query: `?from=${DAY}&to=${DAY}` }) },
  'GET /wfm/pooled': {
    own: async (w) => ({ query: `?date=${DAY}&workloadIds=${wfmIn(w).workload},${await freshWorkload(w)}` }),
    cross: async (b, a) => [
      { query: `?date=${DAY}&workloadIds=${wfmIn(a).workload},${wfmIn(b).workload}`, expect: HIDDEN },
    ],
  },
  'GET /wfm/workloads/{id}/plan': {
    own: (w) => ({ id: wfmIn(w).workload, query: `?from=${DAY}&to=${DAY}` }),
    cross: (b) => [{ id: wfmIn(b).workload, query: `?from=${DAY}&to=${DAY}`, expect: HIDDEN }],
  },
  'GET /chats/{id}': {
    own: async (w, who) => ({ id: isAllowed(who.actor, 'contact.read') ? w.chat.id : await chatOf(w, who) }),
    cross: (b) => [{ id: b.chat.id, expect: HIDDEN }],
  },
  'POST /chats/{id}/messages': inChat(chatMessage, 201),
  'POST /chats/{id}/typing': inChat(() => ({ typing: true }), 204),
  // Group chat. The world has no second agent free to invite, and no invitation waits for the caller: their
  // own calls answer 409 (no_agent_available, no invitation, the last agent cannot leave); B's chats and CSQs
  // are not found.
  'GET /chats/{id}/invite-targets': inChat(() => ({}), 200),
  'POST /chats/{id}/invitations': {
    own: async (w, who) => ({
      id: await chatOf(w, who),
      body: { csqId: w.parking.id },
      ok: who.actor.role === 'administrator' ? 404 : 409,
    }),
    cross: async (b, a, who) => [
      { id: b.chat.id, body: { csqId: b.parking.id }, expect: HIDDEN },
      { id: await chatOf(a, who), body: { csqId: b.parking.id }, expect: HIDDEN },
    ],
  },
  'GET /chats/{id}/invitation': groupStep(404),
  'POST /chats/{id}/invitation/accept': groupStep(409),
  'POST /chats/{id}/invitation/decline': groupStep(409),
  'POST /chats/{id}/leave': groupStep(409),
  // Coaching: supervisors (and administrators, but for barging in) on the chat of the world's agent.
  'POST /chats/{id}/monitor': coach(200),
  'DELETE /chats/{id}/monitor': coach(204),
  'POST /chats/{id}/whispers': coach(201, () => ({ text: uniq('Psst') }), true),
  'GET /chats/{id}/whispers': {
    own: async (w) => ({ id: await coached(w), ok: 200 }),
    cross: (b) => [{ id: b.chat.id, expect: HIDDEN }],
  },
  'POST /chats/{id}/barge': coach(204),
  'DELETE /chats/{id}/barge': coach(204),
  'POST /public/chats/{id}/messages': asCustomer(chatMessage, 201),
  'GET /public/chats/{id}/messages': asCustomer(() => undefined, 200),
  'POST /public/chats/{id}/typing': asCustomer(() => ({ typing: false }), 204),
  'POST /public/chats/{id}/end': asCustomer(() => undefined, 204),
  'GET /public/chats/{id}/transcript': asCustomer(() => undefined, 200),
  'POST /public/chats/{id}/rating': asCustomer(() => ({ rating: 5 }), 204, true),
  'POST /public/chats/{id}/stream-tickets': asCustomer(() => undefined, 201),
  'GET /predefined-responses': {
    own: none,
    cross: () => [{ expect: 'clean' }, { query: '?channel=chat', expect: 'clean' }],
  },
  'POST /predefined-responses': {
    own: () => ({ body: newResponse(), ok: 201 }),
    cross: (b) => [
      { body: newResponse({ csqIds: [b.csq.id] }), expect: REFUSED },
      // Titles are unique per tenant: B's is free in A.
      { body: newResponse({ title: b.response.title }), ok: 201, expect: 'clean' },
    ],
  },
  'GET /predefined-responses/{id}': read('response'),
  'PATCH /predefined-responses/{id}': {
    ...change('response', () => ({ title: uniq('Reply') })),
    cross: (b, a) => [
      { id: b.response.id, body: { title: 'Hijacked', csqIds: [] }, expect: REFUSED },
      { id: a.response.id, body: { csqIds: [b.csq.id] }, expect: REFUSED },
    ],
  },
  'DELETE /predefined-responses/{id}': remove('response', (admin) =>
    build.buildPredefinedResponse(server, admin),
  ),
  'GET /contacts/{id}/predefined-responses': readContact,
  'GET /wrap-up-categories': { own: none },
  'POST /wrap-up-categories': {
    own: () => ({ body: newCategory(), ok: 201 }),
    cross: (b) => [
      { body: newCategory({ csqIds: [b.csq.id] }), expect: REFUSED },
      // Names are unique per tenant: B's is free in A.
      { body: newCategory({ name: b.wrapUp.name }), ok: 201, expect: 'clean' },
    ],
  },
  'GET /wrap-up-categories/{id}': read('wrapUp'),
  'PATCH /wrap-up-categories/{id}': {
    ...change('wrapUp', () => ({ name: uniq('Outcome') })),
    cross: (b, a) => [
      { id: b.wrapUp.id, body: { name: 'Hijacked', csqIds: [] }, expect: REFUSED },
      { id: a.wrapUp.id, body: { csqIds: [b.csq.id] }, expect: REFUSED },
    ],
  },
  'DELETE /wrap-up-categories/{id}': remove('wrapUp', (admin) => build.buildWrapUpCategory(server, admin)),
  'POST /wrap-up-reasons': {
    own: (w) => ({ body: { categoryId: w.wrapUp.id, name: uniq('Reason') }, ok: 201 }),
    cross: (b) => [{ body: { categoryId: b.wrapUp.id, name: uniq('Reason') }, expect: REFUSED }],
  },
  'PATCH /wrap-up-reasons/{id}': {
    own: async (w) => ({ id: await freshReason(w), body: { name: uniq('Reason') } }),
    cross: (b) => [{ id: b.wrapUp.reasons[0]?.id, body: { name: 'Hijacked' }, expect: REFUSED }],
  },
  'DELETE /wrap-up-reasons/{id}': {
    own: async (w) => ({ id: await freshReason(w), ok: 204 }),
    cross: (b) => [{ id: b.wrapUp.reasons[0]?.id, expect: REFUSED }],
  },
  'GET /contacts/{id}/wrap-up-reasons': readContact,
  'GET /team-messages': {
    own: none,
    cross: () => [{ expect: 'clean' }, { query: '?include=recent', expect: 'clean' }],
  },
  'POST /team-messages': {
    own: async (w, who) => {
      if (who.actor.role === 'supervisor') await switchOn(w);
      return { body: teamMessage(w), ok: 201 };
    },
    cross: (b, a) => [{ body: teamMessage(a, b.team.id), expect: REFUSED }],
  },
  'DELETE /team-messages/{id}': {
    own: async (w, who) => ({ id: await deletable(w, who), ok: 204 }),
    cross: (b) => [{ id: teamMessageOf.get(b.tenantId), expect: HIDDEN }],
  },
  'GET /users/{id}/team-messages': read('loner'),
  // The world's supervisor is in no team, so has no one to ask: 409 no_supervisor.
  'POST /contacts/{id}/assist': {
    own: async (w, who) => ({
      id: await mine(w, who, 'active'),
      body: { kind: 'help' },
      ok: who.actor.role === 'supervisor' ? 409 : 201,
    }),
    cross: (b) => onContactsOf(b, { kind: 'emergency' }),
  },
  'POST /assist-requests/{id}/answer': {
    own: async (w) => ({ id: await askForHelp(w, await mine(w, w.agent, 'active')) }),
    cross: (b) => [{ id: assistOf.get(b.tenantId), expect: HIDDEN }],
  },
  // Only the agent who asked cancels: the supervisor may cancel their own, not the agent's.
  'POST /assist-requests/{id}/cancel': {
    own: async (w, who) => ({
      id: await askForHelp(w, await mine(w, w.agent, 'active')),
      ok: who.actor.role === 'agent' ? 200 : 404,
    }),
    cross: (b) => [{ id: assistOf.get(b.tenantId), expect: HIDDEN }],
  },
  'GET /assist-requests': {
    own: none,
    cross: () => [{ expect: 'clean' }, { query: '?open=true', expect: 'clean' }],
  },
  'PUT /users/{id}/team-messages': {
    own: (w) => ({ id: w.supervisor.id, body: { enabled: true } }),
    cross: (b) => [{ id: b.supervisor.id, body: { enabled: true }, expect: REFUSED }],
  },
  'GET /agents': { own: none },
  'GET /agents/stats/today': { own: none },
  'GET /agents/{id}': read('loner'),
  'GET /agents/{id}/desk-phone': {
    own: (w, who) => ({ id: who.id === w.agent.id ? w.loner.id : w.agent.id }),
    cross: (b, _a, who) => [{ id: b.agent.id, expect: who.actor.role === 'supervisor' ? [403] : HIDDEN }],
  },
  'PUT /agents/{id}/desk-phone': {
    own: (w, who) => ({ id: who.id === w.agent.id ? w.loner.id : w.agent.id, body: { extension: null } }),
    cross: (b, _a, who) => [
      { id: b.agent.id, body: { extension: null }, expect: who.actor.role === 'supervisor' ? [403] : HIDDEN },
    ],
  },
  'PUT /agents/{id}/state': {
    // Another's state: the team's agent, or for the agent the loner. Everyone's own: see the test below.
    own: (w, who) => ({ id: who.id === w.agent.id ? w.loner.id : w.agent.id, body: digital('not_ready') }),
    // Supervisors are refused every agent outside the teams they supervise, in their tenant or not.
    cross: (b, _a, who) => [
      { id: b.agent.id, body: digital('ready'), expect: who.actor.role === 'supervisor' ? [403] : HIDDEN },
    ],
  },
};

/** Whether `who` may call `key`, by the permission its route declares. */
function permits(who: Who, key: string): boolean {
  const permission = documented.get(key)?.permission;
  assert.ok(permission !== undefined, `${key} declares no permission`);
  if (permission === 'public' || permission === 'signedIn' || permission === 'chatCustomer') return true;
  return [permission].flat().some((p) => isAllowed(who.actor, p));
}

async function send(key: string, req: Req, session: Session | undefined) {
  const [method, path = ''] = key.split(' ') as [Parameters<typeof call>[2], string];
  const url =
    path.replace('{version}', String(req.version ?? '')).replace(/\{\w+\}/, req.id ?? '') + (req.query ?? '');
  if (req.contentType === undefined) return call(server, session, method, url, req.body);
  // A file as the body (interval imports), not JSON.
  const response = await server.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...session?.headers, 'content-type': req.contentType },
    payload: req.body as string,
  });
  return { status: response.statusCode, body: response.json() };
}

type Res = Awaited<ReturnType<typeof call>>;
const show = (res: Res) => `→ ${res.status} ${JSON.stringify(res.body)}`;
function assertAnswered(res: Res, req: Req, where: string) {
  if (req.ok) assert.equal(res.status, req.ok, `${where} ${show(res)}`);
  else assert.ok(res.status >= 200 && res.status < 300, `${where} ${show(res)}`);
}

/** What `who` reads at `url`, which must answer 200. */
async function get(who: Caller, url: string) {
  const res = await call(server, who.session, 'GET', url);
  assert.equal(res.status, 200, `${url} ${show(res)}`);
  return res.body;
}

/** Everything tenant B's administrator can see, the audit log included. */
async function snapshotOf(w: World) {
  const urls = ['/tenant', '/teams', '/skills', '/reason-codes', `/users${ALL}`, `/audit-log${ALL}`];
  urls.push(`/users/${w.reader.id}/api-keys`, `/users/${w.writer.id}/api-keys`);
  urls.push('/csqs', '/calendars', '/channel-settings', '/agents', `/contacts${ALL}&open=false`);
  urls.push('/phone-numbers', '/desk-phones');
  urls.push(
    '/chat-widgets',
    '/interval-history/imports',
    '/report-definitions',
    `/interval-history?from=${EVER.from}&to=${EVER.to}`,
    '/wfm/workloads',
    '/wfm/special-days',
    `/wfm/workloads/${wfmIn(w).workload}/forecasts`,
    `/wfm/workloads/${wfmIn(w).workload}/adjustments`,
  );
  urls.push('/team-messages', '/team-messages?include=recent', `/users/${w.supervisor.id}/team-messages`);
  urls.push('/predefined-responses', '/wrap-up-categories', `/assist-requests${ALL}`);
  for (const id of contactsOf(w)) {
    urls.push(`/contacts/${id}/events`, `/contacts/${id}/predefined-responses`);
    urls.push(`/contacts/${id}/wrap-up-reasons`, `/contacts/${id}/notes`);
  }
  return Promise.all(urls.map(async (url) => [url, await get(w.admin, url)]));
}

let home: World;

before(async () => {
  server = await startTestApp({}, (jobs) =>
    // Deliveries to a receiver that refuses them fail: the failed jobs the retry route needs.
    jobs.define(DELIVERY, {
      schema: Type.Object({ to: Type.String() }),
      retry: { limit: 0, backoff: { delaySeconds: 1 } },
      handler: async ({ to }) => {
        if (to === 'refuses') throw new Error('the receiver refused the delivery');
      },
    }),
  );
  const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  type Operation = { security?: unknown; 'x-permission'?: RoutePermission };
  for (const [path, operations] of Object.entries<Record<string, Operation>>(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      documented.set(`${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`, {
        permission: operation['x-permission'],
        isPublic: !operation.security,
      });
    }
  }
  home = await populate('home');
});

after(() => server?.close());

test('the operation table lists exactly the operations of the OpenAPI document, each with its permission', () => {
  assert.ok(documented.size > 0);
  assert.deepEqual(Object.keys(OPS).sort(), [...documented.keys()].sort());
  for (const [key, { permission, isPublic }] of documented) {
    assert.ok(permission !== undefined, `${key} declares no permission (x-permission)`);
    assert.equal(permission === 'public', isPublic, key);
  }
});

// The supervisor takes contacts: agent actions on B's contacts are tried by someone the router knows.
for (const label of ['administrator', 'supervisor', 'write key']) {
  test(`tenant isolation: A's ${label} can neither see nor change anything of tenant B`, async () => {
    const [a, b] = [await populate(uniq('a')), await populate(uniq('b'))];
    const who = callers(a).find((c) => c.label === label)!;
    const snapshot = await snapshotOf(b);
    const covered = new Set<string>();
    for (const [key, op] of Object.entries(OPS)) {
      const reqs = (await op.cross?.(b, a, who)) ?? [{ ...(await op.own(a, who)), expect: 'clean' as const }];
      for (const req of reqs) {
        covered.add(key);
        const res = await send(key, req, req.session ?? who.session);
        const where = `${label}: ${key} ${JSON.stringify({ id: req.id, query: req.query, body: req.body })}`;
        if (!permits(who, key)) {
          assert.equal(res.status, 403, `${where} ${show(res)}`);
        } else if (req.expect === 'clean') {
          assertAnswered(res, req, where);
          const text = JSON.stringify(res.body ?? null);
          const leaked = b.ids.filter((id) => text.includes(id));
          assert.deepEqual(leaked, [], `${where}: B's ids leak ${show(res)}`);
        } else {
          assert.ok(req.expect.includes(res.status), `${where} ${show(res)}`);
        }
      }
    }
    assert.deepEqual([...covered].sort(), [...documented.keys()].sort(), 'every operation was tried on B');
    assert.deepEqual(await snapshotOf(b), snapshot, "B's data and audit log are unchanged");
    await signIn(server, b.name, b.loner.username); // B's passwords are unchanged
    const { refreshToken } = b.admin.session;
    const refresh = await call(server, b.admin.session, 'POST', '/auth/refresh', { refreshToken });
    assert.equal(refresh.status, 200, `B's refresh token still works ${show(refresh)}`);
  });
}

test('roles: every operation is allowed, or refused with 403, exactly as the policy grants', async () => {
  for (const who of callers(home)) {
    for (const [key, op] of Object.entries(OPS)) {
      const req = await op.own(home, who);
      const res = await send(key, req, req.session ?? who.session);
      if (permits(who, key)) {
        assertAnswered(res, req, `${who.label}: ${key}`);
      } else {
        assert.equal(res.status, 403, `${who.label}: ${key} ${show(res)}`);
        assert.equal(res.body.error.code, 'forbidden');
      }
    }
  }
});

test('a supervisor reskills agents of the teams they supervise, and no one else', async () => {
  const reskill = (id: string) =>
    call(server, home.supervisor.session, 'PUT', `/users/${id}/skills`, skills(home.skill.id, 2));
  const member = await reskill(home.agent.id);
  assert.equal(member.status, 200, show(member));
  assert.deepEqual(member.body.skills, skills(home.skill.id, 2).skills);

  const otherTeam = await build.buildTeam(server, home.admin.session);
  const stranger = await build.buildUser(server, home.admin.session, { teamId: otherTeam.id });
  for (const id of [home.loner.id, stranger.id]) {
    const res = await reskill(id);
    assert.equal(res.status, 403, show(res));
    assert.equal(res.body.error.code, 'forbidden');
    assert.deepEqual((await call(server, home.admin.session, 'GET', `/users/${id}`)).body.skills, []);
  }
});

const as = (label: string) => callers(home).find((c) => c.label === label)!;

test('an agent lists and reads only the contacts offered to or held by them', async () => {
  const offered = await mine(home, as('agent'), 'offered');
  const list: { id: string; agentId: string }[] = await get(home.agent, `/contacts${ALL}&open=false`);
  assert.deepEqual([...new Set(list.map((c) => c.agentId))], [home.agent.id]);
  assert.ok(list.some((c) => c.id === offered));
  const { id } = home.contacts.waiting;
  for (const url of [`/contacts/${id}`, `/contacts/${id}/events`]) {
    const res = await call(server, home.agent.session, 'GET', url);
    assert.equal(res.status, 404, `${url} ${show(res)}`);
    await get(home.supervisor, url);
  }
});

test('agents act only on contacts offered to or held by them: 409 otherwise, and nothing changes', async () => {
  const [agent, supervisor] = [as('agent'), as('supervisor')];
  const [offered, active] = [await mine(home, agent, 'offered'), await mine(home, supervisor, 'active')];
  const to = { csqId: home.parking.id };
  const tries: (readonly [Who, string, string, object?])[] = [
    [supervisor, 'accept', offered],
    [supervisor, 'reject', offered],
    [agent, 'complete', offered],
    [agent, 'accept', home.contacts.waiting.id],
    ...['accept', 'reject', 'complete', 'hold', 'resume'].map((action) => [agent, action, active] as const),
    [agent, 'wrap-up', active, { reasons: [] }],
    [agent, 'transfer', active, to],
    [agent, 'requeue', active, to],
  ];
  const look = () =>
    Promise.all([`/contacts${ALL}&open=false`, '/agents'].map((url) => get(home.admin, url)));
  const before = await look();
  for (const [who, action, id, body] of tries) {
    const res = await call(server, who.session, 'POST', `/contacts/${id}/${action}`, body);
    assert.equal(res.status, 409, `${who.label} ${action} ${show(res)}`);
    assert.equal(res.body.error.code, 'conflict');
  }
  assert.deepEqual(await look(), before);
});

test("agents and supervisors set their own state; others' takes agentState.manage", async () => {
  const put = (who: Caller, id: string, state: 'ready' | 'logged_out' = 'ready') =>
    call(server, who.session, 'PUT', `/agents/${id}/state`, digital(state));
  for (const who of [home.agent, home.supervisor]) {
    const own = await put(who, who.id, 'logged_out');
    assert.equal(own.body.digital.state, 'logged_out', show(own));
    assert.deepEqual(await get(who, `/agents/${who.id}`), own.body);
  }
  const otherTeam = await build.buildTeam(server, home.admin.session);
  const stranger = await build.buildUser(server, home.admin.session, { teamId: otherTeam.id });
  const refused: [Caller, string][] = [
    [home.agent, home.loner.id],
    [home.agent, home.supervisor.id],
    // Supervisors: the agents of the teams they supervise only.
    [home.supervisor, home.loner.id],
    [home.supervisor, stranger.id],
    // Service users have no state of their own.
    [home.reader, home.reader.id],
    [home.writer, home.writer.id],
  ];
  for (const [who, id] of refused) {
    const res = await put(who, id);
    assert.equal(res.status, 403, `${who.id} → ${id} ${show(res)}`);
    assert.equal(res.body.error.code, 'forbidden');
  }
  assert.equal((await get(home.admin, `/agents/${home.loner.id}`)).digital.state, 'logged_out');
  const peek = await call(server, home.agent.session, 'GET', `/agents/${home.supervisor.id}`);
  assert.equal(peek.status, 403, show(peek));
});

test('every signed-in caller can read GET /me and GET /users/{their own id}', async () => {
  for (const who of callers(home)) {
    const me = await call(server, who.session, 'GET', '/me');
    assert.equal(me.status, 200, `${who.label} ${show(me)}`);
    assert.equal(me.body.id, who.id, who.label);
    const self = await call(server, who.session, 'GET', `/users/${who.id}`);
    assert.equal(self.status, 200, `${who.label} ${show(self)}`);
    assert.deepEqual(self.body, me.body, who.label);
  }
});

test('without valid credentials every non-public operation answers 401 unauthenticated', async () => {
  const bogus = { ...home.admin.session, headers: { authorization: 'Bearer not-a-token' } };
  for (const [key, { isPublic }] of documented) {
    if (isPublic) continue;
    // An operation missing from the table (the first test fails then) is still checked, with any id.
    const op = OPS[key];
    const req = op ? await op.own(home, callers(home)[0]!) : { id: crypto.randomUUID() };
    for (const session of [undefined, bogus]) {
      const res = await send(key, req, session);
      assert.equal(res.status, 401, `${key} ${show(res)}`);
      assert.equal(res.body.error.code, 'unauthenticated', key);
    }
  }
});

test("a CSQ's agent order names agents of its own tenant only", async () => {
  const other = await populate(uniq('other'));
  const body = { agentOrder: [other.agent.id] };
  const created = await call(server, home.admin.session, 'POST', '/csqs', { ...newCsq(), ...body });
  assert.ok(REFUSED.includes(created.status), show(created));
  const { id } = await build.buildCsq(server, home.admin.session);
  const changed = await call(server, home.admin.session, 'PATCH', `/csqs/${id}`, body);
  assert.ok(REFUSED.includes(changed.status), show(changed));
});
