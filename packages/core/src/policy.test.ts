import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Actor, authorize, isAllowed, PERMISSIONS } from './policy.ts';

const actor = (role: Actor['role'], scope?: Actor['scope']): Actor => ({
  tenantId: 't',
  userId: 'u',
  role,
  ...(scope ? { scope } : {}),
});

describe('policy', () => {
  test('administrators may do everything but take contacts', () => {
    for (const permission of PERMISSIONS) {
      assert.equal(
        isAllowed(actor('administrator'), permission),
        permission !== 'contact.handle',
        permission,
      );
    }
  });

  test('agents read only what their desktop needs', () => {
    const allowed = PERMISSIONS.filter((p) => isAllowed(actor('agent'), p));
    assert.deepEqual(allowed, [
      'team.read',
      'skill.read',
      'reasonCode.read',
      'csq.read',
      'calendar.read',
      'contact.handle',
    ]);
  });

  test('supervisors read the configuration, reskill and steer agent states, but configure nothing', () => {
    const supervisor = actor('supervisor');
    assert.ok(isAllowed(supervisor, 'agent.reskill'));
    assert.ok(isAllowed(supervisor, 'user.read'));
    assert.ok(isAllowed(supervisor, 'agentState.manage'));
    for (const p of PERMISSIONS.filter(
      (p) =>
        (p.endsWith('.manage') && p !== 'agentState.manage') ||
        p === 'tenant.configure' ||
        p === 'channel.configure' ||
        p === 'audit.read',
    )) {
      assert.ok(!isAllowed(supervisor, p), p);
    }
  });

  test('service users read by default and never see the audit log or keys, whatever their scope', () => {
    const read = actor('service', 'read');
    const write = actor('service', 'write');
    assert.ok(
      PERMISSIONS.filter((p) => p.endsWith('.read') && p !== 'audit.read').every((p) => isAllowed(read, p)),
    );
    assert.ok(
      !PERMISSIONS.some((p) => (p.endsWith('.manage') || p === 'agent.reskill') && isAllowed(read, p)),
    );
    assert.ok(isAllowed(write, 'user.manage'));
    for (const p of ['audit.read', 'apiKey.manage', 'tenant.configure', 'user.administer'] as const) {
      assert.ok(!isAllowed(read, p) && !isAllowed(write, p), p);
    }
  });

  test('authorize throws a forbidden error naming the permission', () => {
    assert.throws(() => authorize(actor('agent'), 'user.manage'), {
      code: 'forbidden',
      message: /user\.manage/,
    });
  });
});
