import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { fieldLabel, plainIssue } from './validation-messages.ts';

describe('a refused request says in plain words what to fix, and where', () => {
  let server: TestApp;
  let admin: Session;

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
  });
  after(() => server.close());

  const refusal = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const answer = await call(server, admin, method, path, body);
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(answer.body.error.code, 'validation_failed');
    return answer.body.error as {
      message: string;
      details: { path: string; field: string; message: string }[];
    };
  };

  test('each keyword reads as a sentence naming the field, with its path in the details', async () => {
    const cases: ['POST', string, unknown, string, string][] = [
      ['POST', '/skills', { name: 'x'.repeat(61) }, 'name', 'Name must be at most 60 characters.'],
      ['POST', '/skills', { name: '' }, 'name', 'Name must not be empty.'],
      [
        'POST',
        '/skills',
        { name: ' Billing' },
        'name',
        'Name must not be blank or start or end with a space.',
      ],
      ['POST', '/skills', {}, 'name', 'Name is required.'],
      [
        'POST',
        '/skills',
        { name: 'Billing', colour: 'red' },
        'colour',
        '“colour” is not a known field; remove it.',
      ],
      [
        'POST',
        '/reason-codes',
        { kind: 'not_ready', code: 0, label: 'Break' },
        'code',
        'Code must be at least 1.',
      ],
      [
        'POST',
        '/reason-codes',
        { kind: 'not_ready', code: 70000, label: 'B' },
        'code',
        'Code must be at most 65535.',
      ],
      [
        'POST',
        '/reason-codes',
        { kind: 'not_ready', code: '7', label: 'B' },
        'code',
        'Code must be a whole number.',
      ],
      [
        'POST',
        '/reason-codes',
        { kind: 'lunch', code: 7, label: 'B' },
        'kind',
        'Kind must be one of: not_ready, logout.',
      ],
      [
        'POST',
        '/teams',
        { name: 'Sales', primarySupervisorId: 'nobody' },
        'primarySupervisorId',
        'Primary supervisor id must be an id (a UUID).',
      ],
    ];
    cases.push([
      'POST',
      '/users',
      { username: 'ann smith', displayName: 'Ann', role: 'service' },
      'username',
      'Username may hold only letters, digits and . _ @ - (no spaces), starting with a letter or digit.',
    ]);
    for (const [method, path, body, field, message] of cases) {
      const error = await refusal(method, path, body);
      assert.equal(error.message, message, JSON.stringify(body));
      assert.deepEqual(error.details[0], { path: `body/${field}`, field, message });
    }
  });

  test('a nested field is named with where it sits; a pattern reads its description', async () => {
    const error = await refusal('POST', '/calendars', {
      name: 'Office',
      timeZone: 'UTC',
      mode: 'custom',
      weekly: { monday: [{ start: '9:00', end: '17:00' }] },
    });
    assert.equal(error.details[0]?.field, 'weekly/monday/0/start');
    assert.match(error.message, /^Start \(weekly monday 1\) must be written as: Local wall time 'HH:MM'/);
  });

  test('query strings are named too', async () => {
    const error = await refusal('GET', '/audit-log?limit=100000');
    assert.deepEqual(error.details[0], {
      path: 'querystring/limit',
      field: 'limit',
      message: 'Limit must be at most 500.',
    });
  });

  test('labels: camelCase becomes words; list entries are counted from 1', () => {
    assert.equal(fieldLabel('branding/titleColor'), 'Title color (branding)');
    assert.equal(fieldLabel('problemStatements/0/label'), 'Label (problem statements 1)');
    assert.equal(fieldLabel('teamIds/2'), 'Team ids entry 3');
    assert.equal(
      plainIssue('body', { instancePath: '/teamIds', keyword: 'minItems', params: { limit: 1 } }).message,
      'Team ids must have at least 1 entry.',
    );
  });
});
