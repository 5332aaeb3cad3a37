import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import { Uuid } from '../http/common.schema.ts';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Note = Type.Object({
  id: Uuid,
  contactId: Uuid,
  authorId: Uuid,
  authorName: Type.String(),
  body: Type.String({ description: 'Plain text; never sent to the customer.' }),
  createdAt: Timestamp,
});

export const NewNoteBody = Type.Object(
  {
    body: Type.String({
      minLength: 1,
      maxLength: LIMITS.contactNote.max,
      description: `Plain text (line breaks allowed), at most ${LIMITS.contactNote.max} characters.`,
    }),
  },
  { additionalProperties: false },
);

export const ContactSummary = Type.Object({
  contactId: Uuid,
  channel: Type.String(),
  csqId: Uuid,
  csqName: Nullable(Type.String()),
  status: Type.Enum(['queued', 'offered', 'active', 'wrap_up', 'ended']),
  agentId: Nullable(Uuid),
  agentName: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  customerEmail: Nullable(Type.String()),
  createdAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  durationSeconds: Nullable(
    Type.Integer({ minimum: 0, description: 'From accepted (or created) to ended; null while open.' }),
  ),
  outcome: Nullable(Type.String()),
  wrapUpReasons: Type.Array(Type.String()),
  notes: Type.Array(Note),
  matchedBy: Type.Optional(
    Type.Enum(['customerId', 'email'], {
      description:
        "In a customer's history: how the contact was found to be theirs. By `email` (typed by the customer, not verified) it comes without notes or customer name, and its transcript cannot be opened through the history.",
    }),
  ),
  verified: Type.Optional(
    Type.Boolean({
      description: "In a customer's history: true when matched by the channel's attributes.customerId.",
    }),
  ),
});

export const HistoryQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: LIMITS.contactHistory.max,
        default: LIMITS.contactHistory.default,
      }),
    ),
  },
  { additionalProperties: false },
);
