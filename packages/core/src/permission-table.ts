import { type Actor, isAllowed, mayGrantRole, PERMISSION_MEANINGS, PERMISSIONS } from './policy.ts';
import { ROLES, type Role } from './roles.ts';

export const PERMISSION_TABLE_START = '<!-- permissions:start -->';
export const PERMISSION_TABLE_END = '<!-- permissions:end -->';

const actor = (role: Role, scope?: Actor['scope']): Actor => ({
  tenantId: '',
  userId: '',
  role,
  ...(scope ? { scope } : {}),
});
/** The columns: each person's role, then a service user by the scope of its key. */
const COLUMNS: { title: string; actor: Actor }[] = [
  ...ROLES.filter((r) => r !== 'service').map((role) => ({ title: role, actor: actor(role) })),
  { title: 'read key', actor: actor('service', 'read') },
  { title: 'write key', actor: actor('service', 'write') },
];
const mark = (yes: boolean) => (yes ? '✓' : '');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const header = (first: string[]) => [
  row([...first, ...COLUMNS.map((c) => c.title)]),
  row([...first, ...COLUMNS].map(() => '---')),
];

/**
 * The Markdown of who may do what, from the policy itself: one row per permission, and which roles a user
 * with `user.manage` may create, change or deactivate. Supervisors' and agents' reach within it (their
 * teams, their own contacts) is said in the meanings.
 */
export function renderPermissionTable(): string {
  const permissions = PERMISSIONS.map((p) =>
    row([`\`${p}\``, PERMISSION_MEANINGS[p], ...COLUMNS.map((c) => mark(isAllowed(c.actor, p)))]),
  );
  const roles = ROLES.map((role) =>
    row([
      role,
      ...COLUMNS.map((c) => mark(isAllowed(c.actor, 'user.manage') && mayGrantRole(c.actor, role))),
    ]),
  );
  return [
    ...header(['permission', 'what it allows']),
    ...permissions,
    '',
    'Who may create, change or deactivate a user of each role (setting a password needs `user.administer`):',
    '',
    ...header(['role of the user']),
    ...roles,
  ].join('\n');
}

/** `document` with the text between the permission-table markers replaced by the generated table. */
export function withPermissionTable(document: string): string {
  const start = document.indexOf(PERMISSION_TABLE_START);
  const end = document.indexOf(PERMISSION_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`The document needs ${PERMISSION_TABLE_START} and, after it, ${PERMISSION_TABLE_END}.`);
  }
  const before = document.slice(0, start + PERMISSION_TABLE_START.length);
  return `${before}\n${renderPermissionTable()}\n${document.slice(end)}`;
}
