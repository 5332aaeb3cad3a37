import type { ApiClient } from '@switchboard/cli/api-client';

export interface ChatAgent {
  id: string;
  username: string;
  password: string;
  /** The name the customer sees. */
  alias: string;
}

/** What the web chat browser test works with, made through the API as an administrator would. */
export interface ChatCenter {
  csqId: string;
  /** Open 24×7; its one problem statement goes to the chat CSQ. */
  widgetId: string;
  /** Kept by a calendar that is never open. */
  closedWidgetId: string;
  /** Sam is the more skilled, so the CSQ (most skilled first) offers to Sam whenever both are Ready. */
  sam: ChatAgent;
  max: ChatAgent;
  response: { title: string; body: string };
  wrapUpReasons: string[];
}

export const WIDGET_TEXTS = {
  title: 'Acme help',
  launcher: 'Chat with us',
  problem: 'Billing',
  offHours: 'We are closed now. Our chat opens again at nine.',
};

/** A skill, a chat CSQ, two agents with the skill, wrap-up reasons, a chat response, an open and a closed widget. */
export async function setUpChatCenter(admin: ApiClient): Promise<ChatCenter> {
  const api = <T>(method: string, path: string, body?: unknown) => admin.request<T>(method, path, body);
  const skill = await api<{ id: string }>('POST', '/skills', { name: 'Web chat' });
  const csq = await api<{ id: string }>('POST', '/csqs', {
    name: 'Web chat',
    channel: 'chat',
    criterion: 'most_skilled',
    skills: [{ skillId: skill.id, minCompetence: 1 }],
  });
  const agent = async (username: string, alias: string, displayName: string, competence: number) => {
    const password = `${alias}-chat-password-1`;
    const user = await api<{ id: string }>('POST', '/users', {
      username,
      displayName,
      alias,
      role: 'agent',
      password,
      skills: [{ skillId: skill.id, competence }],
    });
    return { id: user.id, username, password, alias };
  };
  const sam = await agent('sam', 'Sam', 'Samantha Reyes', 9);
  const max = await agent('max', 'Max', 'Maxime Laurent', 5);

  const outcome = await api<{ id: string }>('POST', '/wrap-up-categories', { name: 'Outcome', csqIds: [] });
  const wrapUpReasons = ['Invoice explained', 'Refund issued'];
  for (const name of wrapUpReasons) await api('POST', '/wrap-up-reasons', { categoryId: outcome.id, name });
  const response = { title: 'Checking the account', body: 'I am checking your account now.' };
  await api('POST', '/predefined-responses', { channel: 'chat', ...response, csqIds: [] });

  const settings = {
    branding: { titleText: WIDGET_TEXTS.title, buttonText: WIDGET_TEXTS.launcher },
    fields: { name: 'required', email: 'optional' },
    problemStatements: [{ label: WIDGET_TEXTS.problem, csqId: csq.id }],
  };
  const widget = await api<{ id: string }>('POST', '/chat-widgets', { name: 'Website', ...settings });
  // Custom hours with no hours at all: never open.
  const never = await api<{ id: string }>('POST', '/calendars', {
    name: 'Never open',
    timeZone: 'Europe/London',
    mode: 'custom',
    weekly: {},
  });
  const closed = await api<{ id: string }>('POST', '/chat-widgets', {
    name: 'After hours',
    ...settings,
    serviceHours: { calendarId: never.id, offHoursMessage: WIDGET_TEXTS.offHours },
  });
  return {
    csqId: csq.id,
    widgetId: widget.id,
    closedWidgetId: closed.id,
    sam,
    max,
    response,
    wrapUpReasons,
  };
}

/**
 * A chat CSQ asking for a skill of its own and the one agent who has that skill: whoever invites from this CSQ
 * can only reach that agent.
 */
export async function addSpecialistQueue(
  admin: ApiClient,
  queue: { name: string; username: string; alias: string; displayName: string },
): Promise<{ csqId: string; csqName: string; agent: ChatAgent }> {
  const api = <T>(method: string, path: string, body?: unknown) => admin.request<T>(method, path, body);
  const skill = await api<{ id: string }>('POST', '/skills', { name: queue.name });
  const csq = await api<{ id: string }>('POST', '/csqs', {
    name: queue.name,
    channel: 'chat',
    criterion: 'most_skilled',
    skills: [{ skillId: skill.id, minCompetence: 1 }],
  });
  const password = `${queue.alias}-chat-password-1`;
  const user = await api<{ id: string }>('POST', '/users', {
    username: queue.username,
    displayName: queue.displayName,
    alias: queue.alias,
    role: 'agent',
    password,
    skills: [{ skillId: skill.id, competence: 5 }],
  });
  const agent = { id: user.id, username: queue.username, password, alias: queue.alias };
  return { csqId: csq.id, csqName: queue.name, agent };
}

/** A supervisor, Lena Lead, made the primary supervisor of a team that Sam joins. */
export async function addTeamLead(
  admin: ApiClient,
  center: ChatCenter,
  password: string,
): Promise<ChatAgent> {
  const supervisor = await admin.request<{ id: string }>('POST', '/users', {
    username: 'lena',
    displayName: 'Lena Lead',
    alias: 'Lena',
    role: 'supervisor',
    password,
  });
  const team = await admin.request<{ id: string }>('POST', '/teams', {
    name: 'Chat team',
    primarySupervisorId: supervisor.id,
  });
  await admin.request('PATCH', `/users/${center.sam.id}`, { teamId: team.id });
  return { id: supervisor.id, username: 'lena', password, alias: 'Lena' };
}
