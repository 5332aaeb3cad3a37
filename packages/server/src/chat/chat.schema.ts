import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import { INT4_MAX, name, Uuid } from '../http/common.schema.ts';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Chat text: 1–1,500 characters (Unicode code points), not only spaces. */
export const ChatText = Type.String({ minLength: 1, maxLength: LIMITS.chatMessage.max });

export const ChatMessage = Type.Object({
  seq: Type.Integer({ description: 'The message number in its chat, from 1, without gaps.' }),
  from: Type.Enum(['customer', 'agent']),
  alias: Nullable(Type.String()),
  text: Type.String(),
  at: Timestamp,
});

export const SendMessageBody = Type.Object(
  {
    clientId: Type.String({
      format: 'uuid',
      description: 'Your id for this message: sending it again returns the first one, never a second.',
    }),
    text: ChatText,
  },
  { additionalProperties: false },
);

export const TypingBody = Type.Object({ typing: Type.Boolean() }, { additionalProperties: false });

export const AfterQuery = Type.Object(
  {
    after: Type.Optional(
      Type.Integer({ minimum: 0, maximum: INT4_MAX, description: 'Only messages numbered above this.' }),
    ),
  },
  { additionalProperties: false },
);

export const AgentChatQuery = Type.Object(
  {
    ...AfterQuery.properties,
    via: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Agents: a contact you handle now whose customer had this earlier chat (its customer-history).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Customer = Type.Object(
  {
    name: Type.Optional(name(LIMITS.displayName.max)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9+()./ -]+$' })),
  },
  { additionalProperties: false },
);

export const CustomFields = Type.Record(
  Type.String({ minLength: 1, maxLength: 60 }),
  Type.String({ maxLength: 500 }),
  {
    maxProperties: 10,
  },
);

export const NewChatBody = Type.Object(
  {
    csqId: Uuid,
    callType: Type.Optional(name(60)),
    customer: Customer,
    customFields: Type.Optional(CustomFields),
    problemStatement: Type.Optional(name(100)),
    clientId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'A random id of yours for this start, kept as secret as the token: a retry returns the same chat and token.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const StartedChat = Type.Object({
  chatId: Uuid,
  token: Type.String({ description: 'The customer side keeps this secret: Authorization: Chat <token>.' }),
});

export const AgentChat = Type.Object({
  contactId: Uuid,
  customer: Type.Object({
    name: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    fields: Type.Record(Type.String(), Type.String()),
  }),
  problemStatement: Nullable(Type.String()),
  rating: Nullable(Type.Object({ rating: Type.Integer(), comment: Nullable(Type.String()) })),
  messages: Type.Array(ChatMessage),
});

export const RatingBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** What a customer typed into the widget's form; which fields are asked and required is the widget's. */
export const WidgetChatBody = Type.Object(
  {
    problemStatementId: Type.String({ minLength: 1, maxLength: 100 }),
    fields: Type.Object(
      {
        name: Type.Optional(Type.String({ maxLength: LIMITS.chatFormValue.max })),
        email: Type.Optional(
          Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })]),
        ),
        phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+()./ -]*$' })),
        custom: Type.Optional(
          Type.Record(
            Type.String({ minLength: 1, maxLength: LIMITS.widgetLabel.max }),
            Type.String({ maxLength: LIMITS.chatFormValue.max }),
            {
              maxProperties: LIMITS.widgetCustomFields.max,
            },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    clientId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'A random id of yours for this start, kept as secret as the token: a retry returns the same chat and token.',
      }),
    ),
  },
  { additionalProperties: false },
);

const Seconds = Nullable(Type.Integer({ minimum: 0 }));
export const ChatRecord = Type.Object({
  contactId: Uuid,
  chatType: Type.Enum(['chat', 'group chat']),
  csqId: Uuid,
  csqName: Nullable(Type.String()),
  callType: Type.String(),
  widgetId: Nullable(Uuid),
  customerName: Nullable(Type.String()),
  agentId: Nullable(Uuid),
  agentUsername: Nullable(Type.String()),
  guestUsernames: Type.Array(Type.String(), { description: 'Group chat: the agents who joined as guests.' }),
  createdAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  waitSeconds: Seconds,
  talkSeconds: Seconds,
  wrapUpSeconds: Seconds,
  outcome: Type.Enum(['handled', 'abandoned', 'dequeued', 'open']),
  endedBy: Nullable(Type.String()),
  wrapUpReasons: Type.Array(Type.String()),
  messages: Type.Integer({ minimum: 0 }),
  rating: Nullable(Type.Integer()),
  ratingComment: Nullable(Type.String()),
});
