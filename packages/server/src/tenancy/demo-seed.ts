import { createCsq } from '../acd/csqs.service.ts';
import { systemPrincipal } from '../auth/principal.ts';
import { createCalendar } from '../calendars/calendars.service.ts';
import type { Db } from '../db/database.ts';
import { tenantsRepository } from '../db/repositories/index.ts';
import { createReasonCode } from '../directory/reason-codes.service.ts';
import { createSkill } from '../directory/skills.service.ts';
import { createTeam } from '../directory/teams.service.ts';
import { createUser } from '../directory/users.service.ts';
import { createResponse } from '../predefined-responses/predefined-responses.service.ts';
import { setTeamMessagesSwitch } from '../team-messages/team-messages.service.ts';
import { createChatWidget } from '../widgets/chat-widgets.service.ts';
import { createCategory, createReason } from '../wrap-up/wrap-up.service.ts';
import type { DemoCredentials } from './tenants.service.ts';

const SKILLS = ['Billing', 'Technical support', 'Sales', 'Spanish'];
const TEAMS = [
  { name: 'Care', supervisor: 'maria', agents: ['alex', 'sam', 'jordan', 'casey'] },
  { name: 'Sales', supervisor: 'omar', agents: ['lee', 'robin', 'kim', 'noor'] },
];
/** Chat queues on the first three skills: customers of the demo arrive here. */
export const DEMO_CSQS = [
  { name: 'Billing chat', skill: 'Billing', criterion: 'longest_available' },
  { name: 'Technical support chat', skill: 'Technical support', criterion: 'most_skilled' },
  { name: 'Sales chat', skill: 'Sales', criterion: 'longest_available' },
] as const;
/**
 * The demo's phone line: the 24×7 widget's "Call us" rings in this voice CSQ, answered by `DEMO_PHONE_AGENT`, whom
 * no virtual agent plays: sign in as them, go Ready on voice, and call from /demo/chat (docs/voice.md).
 */
export const DEMO_PHONE = { csq: 'Phone support', agent: 'phil' } as const;
const WEEKDAY = [{ start: '08:00', end: '18:00' }];
const OFFICE_HOURS = {
  name: 'Office hours',
  timeZone: 'Europe/London',
  mode: 'custom',
  weekly: {
    monday: WEEKDAY,
    tuesday: WEEKDAY,
    wednesday: WEEKDAY,
    thursday: WEEKDAY,
    friday: WEEKDAY,
    saturday: [],
    sunday: [],
  },
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
  customDays: [{ date: '2026-12-24', intervals: [{ start: '08:00', end: '13:00' }] }],
};
/**
 * The demo's chat widget, on the demo tenant's website page at /demo/chat: open around the clock, like the
 * simulated customers, so whoever tries the demo can always chat.
 */
export const DEMO_WIDGET = {
  tenant: 'demo',
  name: 'Website chat',
  /** A second widget on the same queues keeps the office hours, to show service hours at work. */
  officeHoursName: 'Website chat (office hours)',
  /** Problem statement → demo chat CSQ. */
  problemStatements: [
    ['Question about a bill', 'Billing chat'],
    ['Something is not working', 'Technical support chat'],
    ['Buying or upgrading', 'Sales chat'],
  ],
} as const;
/** The demo's agents (they sign in with the administrator's password). */
export const DEMO_AGENTS: readonly string[] = TEAMS.flatMap((team) => team.agents);
const NOT_READY = [
  [1, 'Break'],
  [2, 'Lunch'],
  [3, 'Meeting'],
  [4, 'Training'],
  [5, 'After-call paperwork'],
] as const;

/** Wrap-up categories of the demo, each tagged to the demo queues named (none is global). */
const WRAP_UP = [
  {
    name: 'Billing',
    csqs: ['Billing chat'],
    reasons: ['Invoice explained', 'Payment taken', 'Refund issued'],
  },
  {
    name: 'Technical',
    csqs: ['Technical support chat'],
    reasons: ['Fixed during the chat', 'Escalated to second line', 'Known outage'],
  },
  { name: 'Sales', csqs: ['Sales chat'], reasons: ['Order placed', 'Quote sent', 'Not interested'] },
  { name: 'Outcome', csqs: DEMO_CSQS.map((q) => q.name), reasons: ['Resolved', 'Follow-up needed'] },
];
/** Chat responses: global ones first, then one per queue. */
const RESPONSES = [
  { title: 'Greeting', body: 'Hello, thanks for contacting us! How can I help you today?', csqs: [] },
  { title: 'One moment', body: 'Thanks for waiting, I am looking into this for you now.', csqs: [] },
  { title: 'Goodbye', body: 'Is there anything else I can help with? Have a great day!', csqs: [] },
  {
    title: 'Invoice copy',
    body: 'You can download every invoice from your account page under Billing.',
    csqs: ['Billing chat'],
  },
  {
    title: 'Restart first',
    body: 'Could you please restart the device and tell me what you see afterwards?',
    csqs: ['Technical support chat'],
  },
  {
    title: 'Pricing',
    body: 'Our plans start at 10 euros a month; I can send you a quote.',
    csqs: ['Sales chat'],
  },
];

/**
 * Fills the first tenant with a small center to explore: skills, two teams with supervisors, eight agents
 * with competences, three chat queues with their wrap-up reasons and predefined responses, office hours, reason
 * codes, and two chat widgets for the three queues (one open 24×7, one kept to the office hours). Everyone signs in with the administrator's password.
 */
export async function seedDemo(db: Db, admin: DemoCredentials): Promise<void> {
  const tenant = await tenantsRepository.findByName(db, admin.tenant);
  if (!tenant) return;
  const system = systemPrincipal(tenant.id);
  const skills = [];
  for (const name of SKILLS) skills.push(await createSkill(db, system, { name }));
  for (const [index, team] of TEAMS.entries()) {
    const supervisor = await createUser(db, system, {
      username: team.supervisor,
      displayName: capitalise(team.supervisor),
      role: 'supervisor',
      password: admin.password,
    });
    await setTeamMessagesSwitch(db, system, supervisor.id, true);
    const created = await createTeam(db, system, {
      name: team.name,
      primarySupervisorId: supervisor.id,
      secondarySupervisorId: null,
    });
    for (const [n, username] of team.agents.entries()) {
      await createUser(db, system, {
        username,
        displayName: capitalise(username),
        role: 'agent',
        password: admin.password,
        alias: capitalise(username),
        extension: String(1000 + index * 100 + n),
        teamId: created.id,
        skills: skills
          .filter((_, s) => (s + n + index) % 2 === 0 || s === index)
          .map((skill, s) => ({ skillId: skill.id, competence: 1 + ((n * 3 + s * 5 + index) % 10) })),
      });
    }
  }
  const csqIds = new Map<string, string>();
  for (const queue of DEMO_CSQS) {
    const skill = skills.find((k) => k.name === queue.skill);
    if (!skill) continue;
    const csq = await createCsq(db, system, {
      name: queue.name,
      channel: 'chat',
      criterion: queue.criterion,
      skills: [{ skillId: skill.id, minCompetence: 1 }],
      agentOrder: [],
    });
    csqIds.set(queue.name, csq.id);
  }
  const phone = await createCsq(db, system, {
    name: DEMO_PHONE.csq,
    channel: 'voice',
    criterion: 'longest_available',
    skills: [],
    agentOrder: [],
    // Phil records a call with Record; the administrator plays it in the call's journey.
    recording: 'on_demand',
  });
  await createUser(db, system, {
    username: DEMO_PHONE.agent,
    displayName: capitalise(DEMO_PHONE.agent),
    role: 'agent',
    password: admin.password,
    alias: capitalise(DEMO_PHONE.agent),
    extension: '1900',
    teamId: null,
    skills: [],
  });
  const tagged = (names: readonly string[]) => names.flatMap((name) => csqIds.get(name) ?? []);
  const now = Date.now();
  for (const category of WRAP_UP) {
    const { id } = await createCategory(
      db,
      system,
      { name: category.name, csqIds: tagged(category.csqs) },
      now,
    );
    for (const name of category.reasons) await createReason(db, system, { categoryId: id, name }, now);
  }
  for (const response of RESPONSES) {
    const { title, body } = response;
    await createResponse(db, system, { channel: 'chat', title, body, csqIds: tagged(response.csqs) });
  }
  const calendar = await createCalendar(db, system, OFFICE_HOURS);
  const problemStatements = DEMO_WIDGET.problemStatements.flatMap(([label, queue]) => {
    const csqId = csqIds.get(queue);
    return csqId ? [{ label, csqId }] : [];
  });
  const look = {
    problemStatements,
    branding: {
      titleText: 'Brightwater Energy',
      titleColor: '#0b3d2e',
      buttonText: 'Chat with us',
      buttonColor: '#0b3d2e',
      customerMessageColor: '#0b3d2e',
    },
    fields: {
      name: 'required' as const,
      email: 'optional' as const,
      custom: [{ label: 'Account number', required: false }],
    },
  };
  await createChatWidget(db, system, {
    ...look,
    name: DEMO_WIDGET.name,
    description:
      'The chat on the demo company website (/demo/chat), open 24×7, with calls to the phone line.',
    serviceHours: { calendarId: null },
    calls: { csqId: phone.id },
  });
  await createChatWidget(db, system, {
    ...look,
    name: DEMO_WIDGET.officeHoursName,
    description: 'The same chat kept to the office hours (Mon–Fri 08–18 London time).',
    serviceHours: { calendarId: calendar.id },
  });
  for (const [code, label] of NOT_READY)
    await createReasonCode(db, system, { kind: 'not_ready', code, label });
  await createReasonCode(db, system, { kind: 'logout', code: 1, label: 'End of shift' });
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
