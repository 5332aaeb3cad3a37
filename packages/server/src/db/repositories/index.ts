export { apiKeysRepository } from './api-keys.repository.ts';
export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  auditRepository,
} from './audit.repository.ts';
export {
  type CalendarFields,
  calendarsRepository,
  type StoredCalendar,
} from './calendars.repository.ts';
export { translateConstraintErrors } from './db-errors.ts';
export { type ReasonCodeFields, reasonCodesRepository } from './reason-codes.repository.ts';
export { sessionsRepository } from './sessions.repository.ts';
export {
  type ReserveResult,
  signInThrottleRepository,
  type ThrottledKey,
} from './sign-in-throttle.repository.ts';
export { skillsRepository } from './skills.repository.ts';
export { streamTicketsRepository } from './stream-tickets.repository.ts';
export { systemSettingsRepository } from './system-settings.repository.ts';
export { type TeamFields, teamsRepository } from './teams.repository.ts';
export { tenantsRepository } from './tenants.repository.ts';
export { type AgentSkill, type UserFilter, usersRepository } from './users.repository.ts';
