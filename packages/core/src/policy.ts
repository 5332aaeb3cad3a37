import { forbidden } from './errors.ts';
import type { ApiKeyScope, Role } from './roles.ts';

/** Who is making a request, after authentication. */
export interface Actor {
  tenantId: string;
  userId: string;
  role: Role;
  /** Only for service users signed in with an API key. */
  scope?: ApiKeyScope;
}

/** What each permission allows, in one line: the rows of the permission table in docs/security.md. */
export const PERMISSION_MEANINGS = {
  'tenant.read': 'read the tenant and its settings',
  'tenant.configure':
    "change tenant settings (token lifetimes, desktop presence, reporting, desk phones' extension pattern)",
  'user.read': 'read users (everyone reads their own)',
  'user.manage': 'create, change and deactivate users whose rights the caller holds itself',
  'user.administer': "create or change administrators, set anyone's password (never a service key)",
  'team.read': 'read teams',
  'team.manage': 'create, change and delete teams',
  'skill.read': 'read skills',
  'skill.manage': 'create, change and delete skills',
  'agent.reskill':
    "replace an agent's skills (supervisors: agents of the teams they supervise; keys: agents, not supervisors)",
  'reasonCode.read': 'read Not Ready and logout reason codes',
  'reasonCode.manage': 'create, change and delete reason codes',
  'apiKey.manage': "create, list and revoke service users' API keys",
  'audit.read': 'read the audit log',
  'csq.read': 'read CSQs, their queues and channel settings',
  'csq.manage': 'create, change and delete CSQs',
  'calendar.read': 'read calendars: opening hours, holidays, custom business days',
  'calendar.manage': 'create, change and delete calendars',
  'response.read': 'read predefined responses (agents: those for their contacts)',
  'response.manage': 'create, change and delete predefined responses',
  'wrapUp.read': 'read wrap-up categories and reasons',
  'wrapUp.manage': 'create, change and delete wrap-up categories and reasons',
  'channel.configure': 'change channel settings',
  'widget.read': 'read chat widgets: their settings and embed snippets',
  'widget.manage': 'create, change and delete chat widgets',
  'contact.create': 'put contacts into queues and report what customers do (channel adapters)',
  'contact.read':
    "see every contact of the tenant, the chat records, contact notes and customers' earlier contacts (agents always see their own)",
  'contact.handle':
    "take contacts: accept, complete, wrap up, transfer, requeue, write notes, see the customer's earlier contacts (one's own only)",
  'agentState.read': "read agents' states and the queues' figures",
  'agentState.manage': "change another agent's state (supervisors: agents of the teams they supervise)",
  'contact.monitor':
    "silently monitor an agent's live chat and whisper to the agent (supervisors: agents of the teams they supervise)",
  'contact.barge':
    "join an agent's live chat with the customer and leave it again (supervisors: agents of the teams they supervise)",
  'teamMessage.read':
    "read the active team messages of one's own team (supervisors: also of the teams they supervise)",
  'teamMessage.publish':
    'send and delete team messages (supervisors: once switched on, to the teams they supervise, their own only)',
  'teamMessage.configure': 'switch team messages on or off for a supervisor',
  'assist.request': "ask the team's supervisors for help on one's own active contact, and cancel the request",
  'assist.answer':
    'see and answer requests for help (supervisors: those addressed to them as a primary or secondary supervisor)',
  'job.read': "see the tenant's background jobs: queued, running, failed with their error, recently finished",
  'job.manage': "retry the tenant's failed background jobs and cancel queued ones",
  'report.read':
    'run historical reports, their exports and contact journeys, read and export interval history, and keep saved report definitions (supervisors: in their scope)',
  'report.manage': 'capture and recapture the interval tables now',
  'report.import':
    'import interval history from CSV or XLSX files (re-imported intervals replace the stored ones)',
  'wfm.read':
    "read workloads, special days, forecasts with their evaluation and adjustments, and each interval's actuals, forecast, requirement and staff",
  'wfm.plan':
    "create and change workloads and special days; run, adjust and publish forecasts; import agents' planned activities and set the adherence rules",
  'adherence.approve':
    "approve an exception to adherence: a span of an agent's day that no longer counts against them (supervisors: agents of the teams they supervise)",
  'callFlow.read':
    'read call flows (the IVR a call goes through) and every version saved, the phone numbers that send calls to them, and the desk phones (never their passwords)',
  'callFlow.manage':
    'create, change and delete call flows, phone numbers and desk phones, and give a desk phone a new password',
  'recording.control':
    'start, pause, resume and stop the recording of a call (agents and supervisors: the call they are on; write keys: any call, e.g. paused while a card number is taken)',
  'call.place':
    "place outbound calls from the desktop for one of one's own voice CSQs, presenting its caller ID, within the tenant's dial plan",
  'recording.listen':
    'list, play and download call recordings with their metadata (supervisors: calls of agents in their teams)',
  'customer.erase':
    "erase a customer's personal data from their ended contacts (names, addresses, attributes, chat texts, notes); the figures stay",
} as const;

export type Permission = keyof typeof PERMISSION_MEANINGS;
export const PERMISSIONS = Object.keys(PERMISSION_MEANINGS) as Permission[];

const READS: Permission[] = [
  'tenant.read',
  'user.read',
  'team.read',
  'skill.read',
  'reasonCode.read',
  'csq.read',
  'calendar.read',
  'callFlow.read',
  'response.read',
  'wrapUp.read',
  'widget.read',
  'contact.read',
  'agentState.read',
  // Interval history feeds forecasting tools, which read it with a key as integrations read the rest.
  'report.read',
  'wfm.read',
  // Quality management imports recordings with their metadata.
  'recording.listen',
];

/** Taking contacts, placing calls, asking for help on contacts and writing to customers: agents' and supervisors' work. */
const NOT_FOR_ADMINISTRATORS: ReadonlySet<Permission> = new Set([
  'contact.handle',
  'call.place',
  'assist.request',
  'contact.barge',
]);

/**
 * What each role may do. Administrators configure the tenant; supervisors read its configuration and
 * reskill agents of the teams they supervise; agents read what their desktop needs; service users read
 * (and, with a write-scoped key, maintain agents, teams, skills, reason codes, predefined responses and
 * wrap-up reasons for directory sync, and create contacts for channel adapters).
 */
const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  // Administrators configure.
  administrator: new Set(PERMISSIONS.filter((p) => !NOT_FOR_ADMINISTRATORS.has(p))),
  supervisor: new Set([
    ...READS,
    'agent.reskill',
    'contact.handle',
    'agentState.manage',
    'contact.monitor',
    'contact.barge',
    'teamMessage.read',
    'teamMessage.publish',
    'assist.request',
    'assist.answer',
    'adherence.approve',
    'recording.control',
    'call.place',
  ]),
  agent: new Set([
    'team.read',
    'skill.read',
    'reasonCode.read',
    'csq.read',
    'calendar.read',
    'response.read',
    'wrapUp.read',
    'contact.handle',
    'teamMessage.read',
    'assist.request',
    'recording.control',
    'call.place',
  ]),
  // Team messages are for people at their desktops: integrations neither read nor send them.
  service: new Set(READS),
};

const SERVICE_WRITE_GRANTS: ReadonlySet<Permission> = new Set([
  ...READS,
  'user.manage',
  'team.manage',
  'skill.manage',
  'agent.reskill',
  'reasonCode.manage',
  // Responses and wrap-up lists are configuration a knowledge base or CRM may keep in step, as with reason codes.
  'response.manage',
  'wrapUp.manage',
  // Channel adapters put contacts into queues with a write key.
  'contact.create',
  // A payment or IVR system pauses a call's recording while a card number is taken.
  'recording.control',
]);

export function isAllowed(actor: Actor, permission: Permission): boolean {
  if (actor.role === 'service' && actor.scope === 'write') return SERVICE_WRITE_GRANTS.has(permission);
  return GRANTS[actor.role].has(permission);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (isAllowed(actor, permission)) return;
  if (actor.role === 'service') {
    throw forbidden(
      `A ${actor.scope ?? 'read'} API key may not do this (${permission}); docs/security.md lists what each key may do.`,
    );
  }
  throw forbidden(`The ${actor.role} role may not do this (${permission}).`);
}

/**
 * Permissions about one's own work at a desk (taking one's own contacts, reading one's own team's messages):
 * they reach no one else's data, so giving them to a new agent gives away nothing the giver holds. Placing
 * calls is one: within the center's dial plan and limit of calls in progress, which only an administrator sets.
 */
const PERSONAL: ReadonlySet<Permission> = new Set([
  'contact.handle',
  'teamMessage.read',
  'assist.request',
  'call.place',
]);

/** The most a user of `role` may do: for a service user, what a write key of theirs would allow. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return role === 'service' ? SERVICE_WRITE_GRANTS : GRANTS[role];
}

/**
 * Whether `actor` may give a user `role`, or change a user who has it: no one may make or change someone
 * who holds rights the actor does not hold itself (their personal ones aside), administrators excepted.
 * A write key may so create and change agents and service users, never supervisors or administrators.
 */
export function mayGrantRole(actor: Actor, role: Role): boolean {
  if (actor.role === 'administrator') return true;
  return [...permissionsOf(role)].every((p) => PERSONAL.has(p) || isAllowed(actor, p));
}

/** What an API key may do to users, for refusals: the rule in words. */
export const API_KEY_USER_RULE =
  'An API key may create and change agents and service users, without passwords; supervisors, ' +
  'administrators and passwords are for an administrator.';

/** Throws `forbidden` unless `actor` may give or change `role` (see mayGrantRole). */
export function authorizeRole(actor: Actor, role: Role): void {
  if (mayGrantRole(actor, role)) return;
  const article = role === 'administrator' ? 'an' : 'a';
  if (actor.role === 'service')
    throw forbidden(`${API_KEY_USER_RULE} This user is or would be ${article} ${role}.`);
  const missing = [...permissionsOf(role)].filter((p) => !PERSONAL.has(p) && !isAllowed(actor, p));
  throw forbidden(
    `The ${actor.role} role may not give or change the ${role} role: that role holds rights the ${actor.role} role does not (${missing.join(', ')}).`,
  );
}
