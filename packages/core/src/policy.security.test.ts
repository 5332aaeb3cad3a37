import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Actor, authorizeRole, isAllowed, mayGrantRole, PERMISSIONS, permissionsOf } from './policy.ts';
import { API_KEY_SCOPES, ROLES } from './roles.ts';

const actor = (role: Actor['role'], scope?: Actor['scope']): Actor => ({
  tenantId: 't',
  userId: 'u',
  role,
  ...(scope ? { scope } : {}),
});
const anyActor = fc
  .record({ role: fc.constantFrom(...ROLES), scope: fc.option(fc.constantFrom(...API_KEY_SCOPES)) })
  .map(({ role, scope }) => actor(role, scope ?? undefined));
const anyRole = fc.constantFrom(...ROLES);
/** Rights over one's own work only (one's contacts, one's team's messages). */
const personal = new Set(['contact.handle', 'teamMessage.read', 'assist.request', 'call.place']);

describe('write keys and the roles they may give', () => {
  test('a write key may not change CSQs or calendars, which are for administrators', () => {
    const write = actor('service', 'write');
    for (const p of ['csq.manage', 'calendar.manage'] as const) assert.ok(!isAllowed(write, p), p);
    assert.ok(isAllowed(write, 'contact.create'), 'channel adapters create contacts');
  });

  test('no one but an administrator gives a role whose rights they do not hold themselves', () => {
    fc.assert(
      fc.property(anyActor, anyRole, (who, role) => {
        if (!mayGrantRole(who, role) || who.role === 'administrator') return;
        for (const p of permissionsOf(role)) {
          assert.ok(personal.has(p) || isAllowed(who, p), `${who.role}/${who.scope}: ${role} has ${p}`);
        }
      }),
    );
  });

  test('a role is given only by one who holds its rights: a missing right means a refusal', () => {
    fc.assert(
      fc.property(anyActor, anyRole, fc.constantFrom(...PERMISSIONS), (who, role, p) => {
        const lacks = permissionsOf(role).has(p) && !personal.has(p) && !isAllowed(who, p);
        if (lacks && who.role !== 'administrator') assert.equal(mayGrantRole(who, role), false);
      }),
    );
  });

  test('a write key gives agents and service users, never supervisors or administrators', () => {
    const write = actor('service', 'write');
    assert.deepEqual(
      ROLES.filter((role) => mayGrantRole(write, role)),
      ['agent', 'service'],
    );
    assert.deepEqual(
      ROLES.filter((role) => mayGrantRole(actor('administrator'), role)),
      [...ROLES],
    );
    assert.throws(() => authorizeRole(write, 'supervisor'), {
      code: 'forbidden',
      message: /An API key may create and change agents and service users/,
    });
  });

  test('a supervisor reskills agents and fellow supervisors of their teams, not administrators', () => {
    const supervisor = actor('supervisor');
    assert.ok(mayGrantRole(supervisor, 'agent'));
    assert.ok(mayGrantRole(supervisor, 'supervisor'));
    assert.ok(!mayGrantRole(supervisor, 'administrator'));
    assert.throws(() => authorizeRole(supervisor, 'administrator'), {
      code: 'forbidden',
      message: /user\.administer/,
    });
  });
});
