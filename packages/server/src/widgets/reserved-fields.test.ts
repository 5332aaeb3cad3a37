import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildChatWidget, buildCsq } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

describe('a widget’s custom fields never write customerId, which the customer’s history trusts', () => {
  let server: TestApp;
  let admin: Session;
  let csqId: string;

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'reserved'));
    csqId = (await buildCsq(server, admin)).id;
  });
  after(() => server.close());

  const fields = (label: string) => ({
    fields: { name: 'optional', email: 'optional', phone: 'off', custom: [{ label, required: false }] },
  });

  test('a custom field labelled customerId (any case) is refused with a 400 naming it', async () => {
    for (const label of ['customerId', 'CUSTOMERID']) {
      const refused = await call(server, admin, 'POST', '/chat-widgets', {
        name: `Site ${label.trim()}`,
        problemStatements: [{ label: 'Billing', csqId }],
        ...fields(label),
      });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'validation_failed');
      assert.match(refused.body.error.message, /another label/);
      assert.equal(refused.body.error.details[0].path, 'body/fields/custom/0/label');
    }
    const widget = await buildChatWidget(server, admin, csqId, fields('Order'));
    const changed = await call(server, admin, 'PUT', `/chat-widgets/${widget.id}`, {
      name: widget.name,
      problemStatements: [{ label: 'Billing', csqId }],
      ...fields('customerid'),
    });
    assert.equal(changed.status, 400, JSON.stringify(changed.body));
  });

  test('a widget stored with such a field before still cannot set the contact’s customerId', async () => {
    const widget = await buildChatWidget(server, admin, csqId, fields('Order'));
    const row = await server.database.db
      .selectFrom('chat_widgets')
      .select('settings')
      .where('id', '=', widget.id)
      .executeTakeFirstOrThrow();
    const settings = { ...row.settings, fields: fields('customerId').fields };
    await server.database.db
      .updateTable('chat_widgets')
      .set({ settings: JSON.stringify(settings) as never })
      .where('id', '=', widget.id)
      .execute();
    const started = await server.app.inject({
      method: 'POST',
      url: `/api/v1/public/widgets/${widget.id}/chats`,
      payload: {
        problemStatementId: widget.problemStatements[0]?.id,
        fields: { name: 'Mallory', custom: { customerId: 'CRM-VICTIM' } },
      },
    });
    assert.equal(started.statusCode, 201, started.body);
    const contact = await call(server, admin, 'GET', `/contacts/${started.json().chatId}`);
    assert.equal(contact.status, 200);
    assert.equal(contact.body.attributes.customerId, undefined);
  });
});
