import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

describe('bad input gets a clear 4xx with a stable code', () => {
  let server: TestApp;
  let admin: Session;

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
  });
  after(() => server.close());

  const raw = (payload: string, contentType: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/skills',
      headers: { ...admin.headers, 'content-type': contentType },
      payload,
    });

  test('unknown fields, wrong types and over-long strings are validation_failed, naming the field', async () => {
    const unknown = await call(server, admin, 'POST', '/skills', { name: 'Billing', colour: 'red' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'validation_failed');
    assert.match(unknown.body.error.message, /colour/);
    const wrongType = await call(server, admin, 'POST', '/reason-codes', {
      kind: 'not_ready',
      code: '7',
      label: 'Break',
    });
    assert.equal(wrongType.status, 400, 'a string is not coerced into a number in a body');
    const tooLong = await call(server, admin, 'POST', '/skills', { name: 'x'.repeat(61) });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.error.message, /^Name must be at most 60 characters/);
  });

  test('the NUL character is refused in bodies and query strings (PostgreSQL text cannot hold it)', async () => {
    const body = await call(server, admin, 'POST', '/skills', { name: 'a\u0000b' });
    assert.equal(body.status, 400);
    assert.equal(body.body.error.code, 'validation_failed');
    const query = await call(server, admin, 'GET', '/audit-log?entityType=%00');
    assert.equal(query.status, 400);
  });

  test('a body that is not JSON is invalid_json; another media type is 415; an oversized body is 413', async () => {
    const broken = await raw('{"name": ', 'application/json');
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error.code, 'invalid_json');
    const text = await raw('name=Billing', 'application/x-www-form-urlencoded');
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error.code, 'unsupported_media_type');
    const huge = await raw(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), 'application/json');
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'payload_too_large');
  });

  test('a malformed or over-long path gets the same error shape', async () => {
    const badUrl = await call(server, admin, 'GET', '/skills/%');
    assert.equal(badUrl.status, 400);
    assert.equal(badUrl.body.error.code, 'validation_failed');
    const long = await call(server, admin, 'GET', `/skills/${'0'.repeat(101)}`);
    assert.equal(long.status, 400);
    assert.equal(long.body.error.code, 'validation_failed');
  });

  test('unknown routes and ids are not_found', async () => {
    const route = await call(server, admin, 'GET', '/nothing-here');
    assert.equal(route.status, 404);
    assert.equal(route.body.error.code, 'not_found');
    const id = await call(server, admin, 'GET', `/skills/${crypto.randomUUID()}`);
    assert.equal(id.status, 404);
    assert.match(id.body.error.message, /Skill/);
  });
});
