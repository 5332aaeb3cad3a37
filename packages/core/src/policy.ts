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

export const PERMISSIONS = [
  'tenant.read',
  'tenant.configure',
  'user.read',
  'user.manage',
  /** Create or change administrators and set anyone's password: never delegated to a service key. */
  'user.administer',
  'team.read',
  'team.manage',
  'skill.read',
  'skill.manage',
  'agent.reskill',
  'reasonCode.read',
  'reasonCode.manage',
  'apiKey.manage',
  'audit.read',
  'csq.read',
  'csq.manage',
  /** Opening hours, holidays and custom business days (spec C2). */
  'calendar.read',
  'calendar.manage',
  /** Predefined responses (spec C3): agents read those for their contacts, administrators keep them. */
  'response.read',
  'response.manage',
  /** Wrap-up categories and reasons (spec C3). */
  'wrapUp.read',
  'wrapUp.manage',
  'channel.configure',
  /** Chat widgets (spec C3): their settings and embed snippets. */
  'widget.read',
  'widget.manage',
  /** Put contacts into queues and report what customers do (channel adapters, integrations). */
  'contact.create',
  /** See every contact of the tenant; agents always see their own. */
  'contact.read',
  /** Take contacts: accept, complete, wrap up, transfer, requeue — one's own only. */
  'contact.handle',
  'agentState.read',
  /** Change another agent's state (supervisors: agents of the teams they supervise). */
  'agentState.manage',
  /** The active team messages of one's own team(s); supervisors also those of the teams they supervise. */
  'teamMessage.read',
  /**
   * Send and delete team messages (spec C6). Supervisors also need the switch an administrator turns on
   * for them, and reach only the teams they supervise; they delete only their own messages.
   */
  'teamMessage.publish',
  /** Turn team messages on or off for a supervisor. */
  'teamMessage.configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READS: Permission[] = [
  'tenant.read',
  'user.read',
  'team.read',
  'skill.read',
  'reasonCode.read',
  'csq.read',
  'calendar.read',
  'response.read',
  'wrapUp.read',
  'widget.read',
  'contact.read',
  'agentState.read',
];

/**
 * What each role may do. Administrators configure the tenant; supervisors read its configuration and
 * reskill agents of the teams they supervise; agents read what their desktop needs; service users read
 * (and, with a write-scoped key, maintain users, teams, skills, reason codes, predefined responses and wrap-up
 * reasons for directory sync).
 */
const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  // Administrators configure; taking contacts is for agents and supervisors.
  administrator: new Set(PERMISSIONS.filter((p) => p !== 'contact.handle')),
  supervisor: new Set([
    ...READS,
    'agent.reskill',
    'contact.handle',
    'agentState.manage',
    'teamMessage.read',
    'teamMessage.publish',
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
  'csq.manage',
  'calendar.manage',
  // Responses and wrap-up lists are configuration a knowledge base or CRM may keep in step, as with reason codes.
  'response.manage',
  'wrapUp.manage',
  'contact.create',
]);

export function isAllowed(actor: Actor, permission: Permission): boolean {
  if (actor.role === 'service' && actor.scope === 'write') return SERVICE_WRITE_GRANTS.has(permission);
  return GRANTS[actor.role].has(permission);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!isAllowed(actor, permission)) {
    throw forbidden(`The ${actor.role} role may not do this (${permission}).`);
  }
}
