import { CHANNELS, LIMITS, PRIORITY } from '@switchboard/core';
import { Type } from 'typebox';
import { name, Uuid } from '../http/common.schema.ts';

export const Channel = Type.Enum(CHANNELS);
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Contact = Type.Object({
  id: Uuid,
  externalId: Nullable(Type.String()),
  channel: Channel,
  direction: Type.Enum(['inbound', 'outbound'], {
    description:
      'Inbound: the customer reached the center; outbound: an agent placed the call (attributes ANI: the caller ID presented, DNIS: the number dialled).',
  }),
  csqId: Uuid,
  callType: Type.String(),
  priority: Type.Integer(),
  attributes: Type.Record(Type.String(), Type.String()),
  status: Type.Enum(['queued', 'offered', 'active', 'wrap_up', 'ended']),
  agentId: Nullable(Uuid),
  createdAt: Timestamp,
  queuedAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  outcome: Nullable(Type.String()),
  endedBy: Nullable(Type.String()),
  wrapUpReasons: Type.Array(Type.String()),
  guests: Type.Array(Type.Object({ agentId: Uuid, joinedAt: Timestamp }), {
    description: 'Group chat: the agents who joined besides the owner (agentId).',
  }),
  invitation: Nullable(
    Type.Object(
      { agentId: Uuid, inviterId: Uuid, csqId: Uuid, deadline: Timestamp },
      { description: 'Group chat: the invitation waiting for an answer.' },
    ),
  ),
});

export const NewContactBody = Type.Object(
  {
    channel: Channel,
    csqId: Uuid,
    callType: Type.Optional(name(60)),
    priority: Type.Optional(Type.Integer({ minimum: PRIORITY.min, maximum: PRIORITY.max })),
    attributes: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 60 }), Type.String({ maxLength: 1000 }), {
        maxProperties: 50,
      }),
    ),
    externalId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Your id for it: creating twice with one id makes one contact.',
      }),
    ),
    stickyAgentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

/**
 * Wrap-up reasons: at most 5 per contact, names of at most 40 characters (C3); from the contact's list
 * (GET /contacts/{id}/wrap-up-reasons) where it has one.
 */
export const WrapUpBody = Type.Object(
  {
    reasons: Type.Array(name(LIMITS.wrapUpName.max), { maxItems: LIMITS.wrapUpReasonsPerContact.max }),
    next: Type.Optional(
      Type.Object(
        {
          state: Type.Enum(['ready', 'not_ready']),
          reasonCode: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 65_535 }))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const TransferNote = Type.Optional(
  Type.String({
    maxLength: LIMITS.transferNote.max,
    description: `For whoever receives the contact (at most ${LIMITS.transferNote.max} characters); never shown to the customer.`,
  }),
);

export const TransferBody = Type.Union([
  Type.Object({ csqId: Uuid, note: TransferNote }, { additionalProperties: false }),
  Type.Object({ agentId: Uuid, note: TransferNote }, { additionalProperties: false }),
]);

export const ContactEvent = Type.Object({
  type: Type.String(),
  at: Timestamp,
  agentId: Nullable(Uuid),
  csqId: Nullable(Uuid),
  data: Type.Unknown(),
});
