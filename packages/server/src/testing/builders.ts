import { call, createTestTenant, type Session, signIn, TEST_PASSWORD, type TestApp } from './test-app.ts';

let sequence = 0;
const next = (prefix: string) => `${prefix}${++sequence}`;

/** Test-data builders: each creates a valid entity through the API, with overrides. */
export async function buildSkill(test: TestApp, admin: Session, overrides: { name?: string } = {}) {
  const response = await call(test, admin, 'POST', '/skills', { name: next('Skill '), ...overrides });
  if (response.status !== 201) throw new Error(`buildSkill: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string };
}

export async function buildUser(test: TestApp, admin: Session, overrides: Record<string, unknown> = {}) {
  const role = (overrides.role as string | undefined) ?? 'agent';
  const response = await call(test, admin, 'POST', '/users', {
    username: next(role),
    displayName: 'Test User',
    role,
    ...(role === 'service' ? {} : { password: TEST_PASSWORD }),
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildUser: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; username: string; role: string; teamId: string | null };
}

export async function buildTeam(test: TestApp, admin: Session, overrides: Record<string, unknown> = {}) {
  const response = await call(test, admin, 'POST', '/teams', { name: next('Team '), ...overrides });
  if (response.status !== 201) throw new Error(`buildTeam: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string };
}

export async function buildReasonCode(
  test: TestApp,
  admin: Session,
  overrides: Record<string, unknown> = {},
) {
  const response = await call(test, admin, 'POST', '/reason-codes', {
    kind: 'not_ready',
    code: ++sequence,
    label: 'Break',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildReasonCode: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; code: number };
}

export async function buildApiKey(test: TestApp, admin: Session, scope: 'read' | 'write' = 'read') {
  const service = await buildUser(test, admin, { role: 'service' });
  const response = await call(test, admin, 'POST', `/users/${service.id}/api-keys`, {
    name: 'integration',
    scope,
  });
  if (response.status !== 201) throw new Error(`buildApiKey: ${JSON.stringify(response.body)}`);
  const key = response.body as { id: string; key: string };
  return {
    service,
    keyId: key.id,
    session: {
      tenant: admin.tenant,
      token: key.key,
      refreshToken: '',
      headers: { authorization: `Bearer ${key.key}` },
    },
  };
}

/** A signed-in user of the given role. */
export async function signInAs(
  test: TestApp,
  admin: Session,
  role: 'administrator' | 'supervisor' | 'agent',
  overrides: Record<string, unknown> = {},
) {
  const user = await buildUser(test, admin, { role, ...overrides });
  return { user, session: await signIn(test, admin.tenant, user.username) };
}

/** A CSQ: chat by longest available, requiring no skill unless told. */
export async function buildCsq(test: TestApp, admin: Session, overrides: Record<string, unknown> = {}) {
  const response = await call(test, admin, 'POST', '/csqs', {
    name: next('CSQ '),
    channel: 'chat',
    criterion: 'longest_available',
    skills: [],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildCsq: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string };
}

const OFFICE_HOURS = [{ start: '09:00', end: '17:00' }];

/** A calendar: Monday to Friday 09:00–17:00 in Europe/Berlin, no holidays, unless told. */
export async function buildCalendar(test: TestApp, admin: Session, overrides: Record<string, unknown> = {}) {
  const response = await call(test, admin, 'POST', '/calendars', {
    name: next('Calendar '),
    timeZone: 'Europe/Berlin',
    mode: 'custom',
    weekly: {
      monday: OFFICE_HOURS,
      tuesday: OFFICE_HOURS,
      wednesday: OFFICE_HOURS,
      thursday: OFFICE_HOURS,
      friday: OFFICE_HOURS,
    },
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildCalendar: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string };
}

/** A chat predefined response, global unless given CSQs. */
export async function buildPredefinedResponse(
  test: TestApp,
  admin: Session,
  overrides: Record<string, unknown> = {},
) {
  const response = await call(test, admin, 'POST', '/predefined-responses', {
    channel: 'chat',
    title: next('Greeting '),
    body: 'Hello, how can I help you today?',
    csqIds: [],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildPredefinedResponse: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; title: string; csqIds: string[] };
}

/** A wrap-up category, global unless given CSQs, with the named reasons. */
export async function buildWrapUpCategory(
  test: TestApp,
  admin: Session,
  overrides: Record<string, unknown> = {},
  reasons: string[] = [],
) {
  const response = await call(test, admin, 'POST', '/wrap-up-categories', {
    name: next('Outcome '),
    csqIds: [],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildWrapUpCategory: ${JSON.stringify(response.body)}`);
  const category = response.body as { id: string; name: string };
  const added: { id: string; name: string }[] = [];
  for (const name of reasons) {
    const reason = await call(test, admin, 'POST', '/wrap-up-reasons', { categoryId: category.id, name });
    if (reason.status !== 201) throw new Error(`buildWrapUpCategory: ${JSON.stringify(reason.body)}`);
    added.push(reason.body);
  }
  return { ...category, reasons: added };
}

/** A chat contact queued in a CSQ by a channel adapter (a write key); offered at once if an agent is free. */
export async function buildContact(
  test: TestApp,
  channel: Session,
  csqId: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await call(test, channel, 'POST', '/contacts', { channel: 'chat', csqId, ...overrides });
  if (response.status !== 201) throw new Error(`buildContact: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; externalId: string | null; status: string; agentId: string | null };
}

export async function setAgentState(
  test: TestApp,
  session: Session,
  agentId: string,
  state: 'ready' | 'not_ready' | 'logged_out',
) {
  const response = await call(test, session, 'PUT', `/agents/${agentId}/state`, { domain: 'digital', state });
  if (response.status !== 200) throw new Error(`setAgentState: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; contacts: string[] };
}

export type HeldStatus = 'offered' | 'active' | 'held' | 'wrap_up';

/**
 * A chat contact offered to `agent`, then accepted, held or completed by them up to `status`. `csqId` must be
 * a CSQ only `agent` qualifies for: it is emptied first (the agent signs out of digital, which hands their
 * chats back or ends their wrap-ups, and whatever waits there is ended), so the new contact is the one offered.
 */
export async function contactWith(
  test: TestApp,
  desk: { admin: Session; channel: Session; agent: { id: string; session: Session }; csqId: string },
  status: HeldStatus,
  start: typeof buildContact = buildContact,
): Promise<string> {
  const { admin, channel, agent, csqId } = desk;
  await setAgentState(test, agent.session, agent.id, 'logged_out');
  const waiting = await call(test, admin, 'GET', `/contacts?csqId=${csqId}&limit=500`);
  for (const { id } of waiting.body as { id: string }[]) {
    const ended = await call(test, channel, 'POST', `/contacts/${id}/end`);
    if (ended.status !== 200) throw new Error(`contactWith: ${JSON.stringify(ended.body)}`);
  }
  const { id } = await start(test, channel, csqId);
  const ready = await setAgentState(test, agent.session, agent.id, 'ready');
  if (!ready.contacts.includes(id)) throw new Error(`contactWith: ${id} was not offered to ${agent.id}`);
  const steps = {
    offered: [],
    active: ['accept'],
    held: ['accept', 'hold'],
    wrap_up: ['accept', 'complete'],
  };
  for (const step of steps[status]) {
    const response = await call(test, agent.session, 'POST', `/contacts/${id}/${step}`);
    if (response.status !== 200) throw new Error(`contactWith ${step}: ${JSON.stringify(response.body)}`);
  }
  return id;
}

/** A web chat started by a channel adapter (with its customer's secret), queued in a chat CSQ. */
export async function buildChat(test: TestApp, channel: Session, csqId: string) {
  const response = await call(test, channel, 'POST', '/chats', {
    csqId,
    customer: { name: next('Customer ') },
  });
  if (response.status !== 201) throw new Error(`buildChat: ${JSON.stringify(response.body)}`);
  const { chatId, token } = response.body as { chatId: string; token: string };
  return { id: chatId, token, externalId: null, status: 'queued', agentId: null };
}

/** The customer side of a chat, as a session for `call`: the chat's secret instead of a bearer token. */
export const chatCustomer = (chat: { token: string }): Session => ({
  tenant: '',
  token: chat.token,
  refreshToken: '',
  headers: { authorization: `Chat ${chat.token}` },
});

/** Someone who can call the API: a person (with a username, to sign in again) or a service user's key. */
export type Caller = { session: Session; id: string; username?: string };

/**
 * One tenant with one of everything: `supervisor` is the primary supervisor of `team`, `agent` is in `team`
 * and has `skill`, `loner` is an agent in no team, `reader` and `writer` are service users with keys (the
 * writer is also the channel adapter); `calendar` is office hours. Chat CSQs: only `agent` qualifies for `csq`, only `supervisor` for
 * `supervisorCsq`, no one for `parking`; a chat response is tagged to `csq`, and a global wrap-up category offers
 * the reason 'Sorted'. `agent` is Ready, holds contact `active` and is offered `offered`;
 * `waiting` (with an external id) waits in `parking`.
 */
export interface World {
  name: string;
  tenantId: string;
  admin: Caller;
  supervisor: Caller;
  agent: Caller;
  loner: { id: string; username: string };
  reader: Caller & { keyId: string };
  writer: Caller & { keyId: string };
  skill: { id: string; name: string };
  team: { id: string };
  reason: { id: string; kind: string; code: number };
  calendar: { id: string; name: string };
  /** A chat response tagged to `csq`. */
  response: { id: string; title: string };
  /** A global wrap-up category with the reason 'Sorted'. */
  wrapUp: { id: string; name: string; reasons: { id: string; name: string }[] };
  csq: { id: string };
  supervisorCsq: { id: string };
  parking: { id: string };
  contacts: { waiting: { id: string; externalId: string }; offered: { id: string }; active: { id: string } };
  /** A web chat waiting in `parking`, with its customer's secret. */
  chat: { id: string; token: string };
  ids: string[]; // every id in the tenant, to spot leaks in answers
}

/** A new tenant named `name`, populated as `World` describes. */
export async function buildWorld(test: TestApp, name: string): Promise<World> {
  const { tenantId, admin: session } = await createTestTenant(test, name);
  const admin = { session, id: (await call(test, session, 'GET', '/me')).body.id, username: 'admin' };
  const person = async (role: 'supervisor' | 'agent', skillId: string, overrides = {}) => {
    const skills = [{ skillId, competence: 5 }];
    const { user, session } = await signInAs(test, admin.session, role, { skills, ...overrides });
    return { session, id: user.id, username: user.username };
  };
  const key = async (scope: 'read' | 'write') => {
    const { service, keyId, session } = await buildApiKey(test, admin.session, scope);
    return { session, id: service.id, keyId };
  };
  const skill = await buildSkill(test, admin.session);
  const [supervisorSkill, rareSkill] = [
    await buildSkill(test, admin.session),
    await buildSkill(test, admin.session),
  ];
  const supervisor = await person('supervisor', supervisorSkill.id);
  const team = await buildTeam(test, admin.session, { primarySupervisorId: supervisor.id });
  const agent = await person('agent', skill.id, { teamId: team.id });
  const loner = await buildUser(test, admin.session);
  const reason = (await buildReasonCode(test, admin.session)) as World['reason'];
  const calendar = await buildCalendar(test, admin.session);
  const [reader, writer] = [await key('read'), await key('write')];
  // People first: the first contact starts the tenant's router, which does not learn of users created later.
  const csqFor = (skillId: string) =>
    buildCsq(test, admin.session, { skills: [{ skillId, minCompetence: 1 }] });
  const [csq, supervisorCsq] = [await csqFor(skill.id), await csqFor(supervisorSkill.id)];
  const parking = await csqFor(rareSkill.id);
  const response = await buildPredefinedResponse(test, admin.session, { csqIds: [csq.id] });
  const wrapUp = await buildWrapUpCategory(test, admin.session, {}, ['Sorted']);
  const externalId = next('order-');
  const waiting = await buildContact(test, writer.session, parking.id, { externalId });
  const desk = { admin: admin.session, channel: writer.session, agent, csqId: csq.id };
  const active = { id: await contactWith(test, desk, 'active') };
  const offered = await buildContact(test, writer.session, csq.id);
  if (offered.agentId !== agent.id) throw new Error(`buildWorld: ${JSON.stringify(offered)} not offered`);
  const contacts = { waiting: { id: waiting.id, externalId }, offered: { id: offered.id }, active };
  const chat = await buildChat(test, writer.session, parking.id);
  const ids = [tenantId, admin.id, supervisor.id, agent.id, loner.id, reader.id, reader.keyId, writer.id];
  ids.push(writer.keyId, skill.id, supervisorSkill.id, rareSkill.id, team.id, reason.id, calendar.id);
  ids.push(csq.id, supervisorCsq.id, parking.id, waiting.id, offered.id, active.id, chat.id);
  ids.push(response.id, wrapUp.id, ...wrapUp.reasons.map((r) => r.id));
  const world = {
    name,
    tenantId,
    admin,
    supervisor,
    agent,
    loner,
    reader,
    writer,
    skill,
    team,
    reason,
    calendar,
    response,
    wrapUp,
  };
  return { ...world, csq, supervisorCsq, parking, contacts, chat: { id: chat.id, token: chat.token }, ids };
}

/**
 * A contact offered to `w`'s agent or supervisor (each alone in qualifying for their CSQ) and taken to `status`.
 * Anyone else takes no contacts: for them, the agent's active one.
 */
export async function contactOf(
  test: TestApp,
  w: World,
  person: Caller,
  status: HeldStatus,
  start: typeof buildContact = buildContact,
): Promise<string> {
  if (person.id !== w.agent.id && person.id !== w.supervisor.id) return w.contacts.active.id;
  const csqId = person.id === w.agent.id ? w.csq.id : w.supervisorCsq.id;
  return contactWith(
    test,
    { admin: w.admin.session, channel: w.writer.session, agent: person, csqId },
    status,
    start,
  );
}

/** A team message to one team, sent by `sender` (an administrator, or a supervisor switched on for them). */
export async function buildTeamMessage(
  test: TestApp,
  sender: Session,
  teamId: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await call(test, sender, 'POST', '/team-messages', {
    text: next('Heads up '),
    teamIds: [teamId],
    expiresInMinutes: 60,
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildTeamMessage: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; teamIds: string[] };
}

/** A chat widget whose one problem statement goes to `csqId` (a chat CSQ), open 24×7 unless told. */
export async function buildChatWidget(
  test: TestApp,
  admin: Session,
  csqId: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await call(test, admin, 'POST', '/chat-widgets', {
    name: next('Widget '),
    problemStatements: [{ label: 'Billing', csqId }],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildChatWidget: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string; problemStatements: { id: string; label: string }[] };
}
