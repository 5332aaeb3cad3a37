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
  test('administrators may do everything but take contacts, place calls, ask for help on contacts or write to customers', () => {
    const notTheirs = ['contact.handle', 'call.place', 'assist.request', 'contact.barge'];
    for (const permission of PERMISSIONS) {
      assert.equal(
        isAllowed(actor('administrator'), permission),
        !notTheirs.includes(permission),
        permission,
      );
    }
  });

  test('coaching: supervisors monitor, whisper and barge in; agents and service keys do none of it', () => {
    for (const permission of ['contact.monitor', 'contact.barge'] as const) {
      assert.equal(isAllowed(actor('supervisor'), permission), true);
      assert.equal(isAllowed(actor('agent'), permission), false);
      assert.equal(isAllowed(actor('service', 'write'), permission), false);
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
      'response.read',
      'wrapUp.read',
      'contact.handle',
      'teamMessage.read',
      'assist.request',
      // The recording of the call they are on; listening to recordings is for supervisors and QM.
      'recording.control',
      // Within the dial plan and limit an administrator sets.
      'call.place',
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
        p === 'teamMessage.configure' ||
        p === 'audit.read',
    )) {
      assert.ok(!isAllowed(supervisor, p), p);
    }
  });

  test('service users read by default and never see the audit log, keys, team messages or background jobs, whatever their scope', () => {
    const read = actor('service', 'read');
    const write = actor('service', 'write');
    const notForServices = new Set(['audit.read', 'teamMessage.read', 'job.read']);
    assert.ok(
      PERMISSIONS.filter((p) => p.endsWith('.read') && !notForServices.has(p)).every((p) =>
        isAllowed(read, p),
      ),
    );
    assert.ok(
      !PERMISSIONS.some((p) => (p.endsWith('.manage') || p === 'agent.reskill') && isAllowed(read, p)),
    );
    assert.ok(isAllowed(write, 'user.manage'));
    for (const p of [
      'audit.read',
      'apiKey.manage',
      'tenant.configure',
      'user.administer',
      'job.read',
    ] as const) {
      assert.ok(!isAllowed(read, p) && !isAllowed(write, p), p);
    }
  });

  test('team messages: people read them, supervisors and administrators send them, administrators switch them on', () => {
    const can = (a: Actor) => PERMISSIONS.filter((p) => p.startsWith('teamMessage.') && isAllowed(a, p));
    assert.deepEqual(can(actor('administrator')), [
      'teamMessage.read',
      'teamMessage.publish',
      'teamMessage.configure',
    ]);
    assert.deepEqual(can(actor('supervisor')), ['teamMessage.read', 'teamMessage.publish']);
    assert.deepEqual(can(actor('agent')), ['teamMessage.read']);
    assert.deepEqual(can(actor('service', 'read')), []);
    assert.deepEqual(can(actor('service', 'write')), []);
  });

  test('predefined responses and wrap-up reasons: everyone reads them, administrators and write keys keep them', () => {
    const can = (a: Actor) =>
      PERMISSIONS.filter((p) => (p.startsWith('response.') || p.startsWith('wrapUp.')) && isAllowed(a, p));
    const all = ['response.read', 'response.manage', 'wrapUp.read', 'wrapUp.manage'];
    assert.deepEqual(can(actor('administrator')), all);
    assert.deepEqual(can(actor('service', 'write')), all);
    for (const reader of [actor('supervisor'), actor('agent'), actor('service', 'read')]) {
      assert.deepEqual(can(reader), ['response.read', 'wrapUp.read'], reader.role);
    }
  });

  test('chat widgets: administrators manage them; supervisors and service keys read them; agents neither', () => {
    const can = (a: Actor) => PERMISSIONS.filter((p) => p.startsWith('widget.') && isAllowed(a, p));
    assert.deepEqual(can(actor('administrator')), ['widget.read', 'widget.manage']);
    assert.deepEqual(can(actor('supervisor')), ['widget.read']);
    assert.deepEqual(can(actor('agent')), []);
    assert.deepEqual(can(actor('service', 'read')), ['widget.read']);
    assert.deepEqual(can(actor('service', 'write')), ['widget.read']);
  });

  test('assist: agents and supervisors ask for help; supervisors and administrators answer; keys neither', () => {
    assert.ok(isAllowed(actor('agent'), 'assist.request'));
    assert.ok(!isAllowed(actor('agent'), 'assist.answer'));
    assert.ok(isAllowed(actor('supervisor'), 'assist.request'));
    assert.ok(isAllowed(actor('supervisor'), 'assist.answer'));
    assert.ok(isAllowed(actor('administrator'), 'assist.answer'));
    for (const scope of ['read', 'write'] as const) {
      assert.ok(!isAllowed(actor('service', scope), 'assist.request'));
      assert.ok(!isAllowed(actor('service', scope), 'assist.answer'));
    }
  });

  test('authorize throws a forbidden error naming the permission', () => {
    assert.throws(() => authorize(actor('agent'), 'user.manage'), {
      code: 'forbidden',
      message: /user\.manage/,
    });
  });
});
