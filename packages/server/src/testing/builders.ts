import { call, type Session, signIn, TEST_PASSWORD, type TestApp } from './test-app.ts';

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
  return response.body as { id: string };
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
