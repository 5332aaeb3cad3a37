import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { defineRoute } from '../http/define-route.ts';
import { eraseCustomer } from './erasure.ts';

const ErasureBody = Type.Object(
  {
    email: Type.Optional(
      Type.String({
        format: 'email',
        maxLength: 254,
        description: 'The email the customer gave a chat (any case).',
      }),
    ),
    phone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        pattern: '^[0-9+()./ -]+$',
        description: 'The phone number the customer gave a chat; compared by its digits and plus sign alone.',
      }),
    ),
    customerId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description: "The channel's id of the customer (the contacts' attributes.customerId).",
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'Only count what would be erased (default false).' })),
  },
  { additionalProperties: false },
);

const Erasure = Type.Object({
  dryRun: Type.Boolean(),
  contacts: Type.Integer({ description: 'Ended contacts of the customer whose personal data was erased.' }),
  messages: Type.Integer({ description: 'Chat messages whose text was replaced by "[erased]".' }),
  notes: Type.Integer({ description: 'Contact notes replaced by "[erased]".' }),
  openContacts: Type.Integer({
    description: 'Contacts of the customer still open, left untouched: erase again once they have ended.',
  }),
});

/** Erasing a customer's personal data on their request (docs/reporting.md). */
export function customerErasureRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/customers/erase',
    permission: 'customer.erase',
    tags: ['customers'],
    summary: "Erase a customer's personal data from their ended contacts; the figures stay",
    description:
      'Every contact matching the email, phone or customerId given loses the customer\'s name, email, phone, form fields and attribute values; chat messages, whispers and notes read "[erased]". Times, outcomes, events, detail records and interval tables are kept. Audited without the personal data. Idempotent.',
    body: ErasureBody,
    response: { 200: Erasure },
    handler: (request) => eraseCustomer(db, principalOf(request), request.body),
  });
}
