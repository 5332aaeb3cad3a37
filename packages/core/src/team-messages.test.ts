import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { HOUR_MS, MINUTE_MS } from './clock.ts';
import { SwitchboardError } from './errors.ts';
import { LIMITS } from './limits.ts';
import {
  activeTeamMessages,
  checkTeamChoice,
  checkTeamMessageExpiry,
  checkTeamMessageText,
  holdToActiveCap,
  holdToHourlyLimit,
  publishRetryAfterSeconds,
  teamMessageStatus,
  teamMessageTextProblem,
} from './team-messages.ts';
import { codePoints } from './text.ts';

const refusal = (code: string, message?: RegExp) => (error: unknown) =>
  error instanceof SwitchboardError && error.code === code && (!message || message.test(error.message));

describe('team message text', () => {
  test('is one trimmed line of at most 255 code points with something visible', () => {
    assert.equal(checkTeamMessageText('  Lunch at noon  '), 'Lunch at noon');
    assert.equal(teamMessageTextProblem('😀'.repeat(255)), null);
    assert.match(teamMessageTextProblem('a'.repeat(256)) ?? '', /at most 255 characters/);
    assert.match(teamMessageTextProblem('   ') ?? '', /at least one visible character/);
    assert.match(teamMessageTextProblem('a😀\nb') ?? '', /character 3 is the control character U\+000A/);
    assert.match(teamMessageTextProblem('a\u0085') ?? '', /U\+0085/);
    assert.throws(() => checkTeamMessageText('x\ty'), refusal('validation_failed', /U\+0009/));
  });

  test('is accepted exactly when printable, visible and within the limit', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('a', '😀', ' ', '\n', '\u0085', '\u007f', 'é'), { maxLength: 300 })
          .map((characters) => characters.join('')),
        (text) => {
          const printable = [...text].every((c) => !/\p{Cc}/u.test(c));
          const ok = printable && codePoints(text) <= LIMITS.teamMessageText.max && text.trim() !== '';
          assert.equal(teamMessageTextProblem(text) === null, ok);
        },
      ),
    );
  });
});

test('a message lives from 5 minutes to 23 h 55 min, in whole minutes', () => {
  assert.equal(checkTeamMessageExpiry(5), 5);
  assert.equal(checkTeamMessageExpiry(1435), 1435);
  for (const minutes of [4, 1436, 30.5, Number.NaN])
    assert.throws(() => checkTeamMessageExpiry(minutes), refusal('validation_failed', /from 5 to 1435/));
});

test('a message goes to some teams, each once, or to all of them', () => {
  assert.equal(checkTeamChoice({ allTeams: true }), 'all');
  assert.deepEqual(checkTeamChoice({ teamIds: ['a', 'b'] }), ['a', 'b']);
  assert.throws(
    () => checkTeamChoice({ allTeams: true, teamIds: [] }),
    refusal('validation_failed', /not both/),
  );
  assert.throws(() => checkTeamChoice({}), refusal('validation_failed', /Say who/));
  assert.throws(
    () => checkTeamChoice({ teamIds: ['a', 'b', 'a'] }),
    refusal('validation_failed', /teamIds\[2\]/),
  );
});

describe('the hourly publish limit', () => {
  const max = LIMITS.teamMessagePublishesPerHour.max;
  const now = 10 * HOUR_MS;

  test('allows 100 publishes in any rolling hour and says when the oldest counted one drops out', () => {
    const minuteApart = Array.from({ length: max }, (_, i) => now - HOUR_MS + (i + 1) * 30_000);
    assert.equal(publishRetryAfterSeconds(minuteApart.slice(1), now), null);
    assert.equal(publishRetryAfterSeconds(minuteApart, now), 30);
    assert.throws(
      () => holdToHourlyLimit(minuteApart, now),
      refusal('team_message_rate_limited', /30 seconds/),
    );
    const older = minuteApart.map((at) => at - 5 * MINUTE_MS);
    assert.equal(publishRetryAfterSeconds([now - 2 * HOUR_MS, ...older.slice(1)], now), null);
  });

  test('refuses exactly when 100 publishes fall within the hour, and the wait is at most an hour', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1.2 * HOUR_MS }), { maxLength: 2 * max }), (offsets) => {
        const published = offsets.map((offset) => now - offset).sort((a, b) => a - b);
        const inHour = published.filter((at) => at > now - HOUR_MS).length;
        const retry = publishRetryAfterSeconds(published, now);
        assert.equal(retry !== null, inHour >= max);
        if (retry !== null) assert.ok(retry >= 1 && retry <= 3600);
      }),
    );
  });
});

test('a tenant holds at most 1,600 active messages, and the refusal says when the next one expires', () => {
  const max = LIMITS.teamMessagesActivePerTenant.max;
  holdToActiveCap(max - 1, null);
  const next = new Date('2026-03-01T10:00:00Z');
  assert.throws(
    () => holdToActiveCap(max, next),
    refusal('team_messages_full', /\(at 2026-03-01T10:00:00.000Z\)/),
  );
});

describe('which messages show', () => {
  const at = (minute: number) => new Date(minute * MINUTE_MS).toISOString();
  const message = (id: string, created: number, expires: number, deleted?: number) => ({
    id,
    createdAt: at(created),
    expiresAt: at(expires),
    deletedAt: deleted === undefined ? null : at(deleted),
  });

  test('the newest first; when it goes, the previous unexpired one shows again', () => {
    const messages = [message('old', 0, 100), message('older', -10, 20), message('new', 5, 60)];
    assert.deepEqual(
      activeTeamMessages(messages, 10 * MINUTE_MS).map((m) => m.id),
      ['new', 'old', 'older'],
    );
    assert.deepEqual(
      activeTeamMessages(messages, 60 * MINUTE_MS).map((m) => m.id),
      ['old'],
    );
    const deleted = [message('old', 0, 100), message('new', 5, 60, 7)];
    assert.deepEqual(
      activeTeamMessages(deleted, 8 * MINUTE_MS).map((m) => m.id),
      ['old'],
    );
    assert.equal(teamMessageStatus(deleted[1] ?? message('', 0, 0), 8 * MINUTE_MS), 'deleted');
    assert.equal(teamMessageStatus({ createdAt: new Date(0), expiresAt: new Date(60) }, 60), 'expired');
  });

  test('shows exactly the undeleted, unexpired messages, newest first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean())),
        fc.integer({ min: 0, max: 200 }),
        (specs, minute) => {
          const messages = specs.map(([created, life, deleted], i) =>
            message(String(i), created, created + life, deleted ? created : undefined),
          );
          const shown = activeTeamMessages(messages, minute * MINUTE_MS);
          const expected = messages.filter(
            (m) => !m.deletedAt && Date.parse(m.expiresAt) > minute * MINUTE_MS,
          );
          assert.equal(shown.length, expected.length);
          for (let i = 1; i < shown.length; i++)
            assert.ok((shown[i - 1]?.createdAt ?? '') >= (shown[i]?.createdAt ?? ''));
        },
      ),
    );
  });
});
