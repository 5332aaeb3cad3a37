import { LIMITS, WEEKDAYS, WIDGET_FIELD_MODES } from '@switchboard/core';
import { type TOptional, type TProperties, Type } from 'typebox';
import { name, Uuid } from '../http/common.schema.ts';

/*
 * The shapes and sizes of a chat widget's settings. Each group is an object of required fields in answers;
 * in a request every group, and every field of a group, may be left out and then takes its default. What
 * a schema cannot say (labels unique, CSQs of the tenant and for chat) the service checks.
 */

const Colour = Type.String({ pattern: LIMITS.widgetColour.pattern, description: '#rrggbb' });
/** One short line without leading or trailing spaces. */
const Label = name(LIMITS.widgetLabel.max);
/** A text for customers: at least one visible character, line breaks allowed. */
const Message = Type.String({ minLength: 1, maxLength: LIMITS.widgetMessage.max, pattern: '\\S' });
/** Text around an agent's alias: spaces count, may be empty. */
const AliasPart = Type.String({ maxLength: LIMITS.widgetAliasText.max });
const aliasText = { before: AliasPart, after: AliasPart };
const AliasText = Type.Object(aliasText, { additionalProperties: false });
const FieldMode = Type.Enum(WIDGET_FIELD_MODES, {
  description: 'off: not asked; optional: asked; required: the customer must fill it in.',
});

const branding = {
  fontFamily: Type.String({
    minLength: 1,
    maxLength: LIMITS.widgetFontFamily.max,
    pattern: LIMITS.widgetFontFamily.pattern,
    description: 'A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif.',
  }),
  titleText: Label,
  titleColor: Colour,
  titleTextColor: Colour,
  buttonText: Label,
  buttonColor: Colour,
  buttonTextColor: Colour,
  agentMessageColor: Colour,
  agentMessageTextColor: Colour,
  customerMessageColor: Colour,
  customerMessageTextColor: Colour,
};
const CustomField = Type.Object({ label: Label, required: Type.Boolean() }, { additionalProperties: false });
const fields = {
  name: FieldMode,
  email: FieldMode,
  phone: FieldMode,
  custom: Type.Array(CustomField, {
    maxItems: LIMITS.widgetCustomFields.max,
    description: 'Asked after name, email and phone; labels unique ignoring case.',
  }),
};
const messages = {
  wait: Message,
  joinTimeout: Message,
  placeholder: Label,
  agentJoined: AliasText,
  agentLeft: AliasText,
  closeConfirmation: Message,
  transcriptConfirmation: Message,
  chatEnded: Message,
  systemError: Message,
  connectivityError: Message,
};
const labels = {
  name: Label,
  email: Label,
  phone: Label,
  problem: Label,
  startChat: Label,
  send: Label,
  endChat: Label,
  transcript: Label,
  confirm: Label,
  cancel: Label,
  minimize: Label,
  newChat: Label,
  typing: AliasPart,
  required: Label,
  hours: Label,
  closedAllDay: Label,
};
const dayLabels = Object.fromEntries(WEEKDAYS.map((day) => [day, Label])) as Record<
  (typeof WEEKDAYS)[number],
  typeof Label
>;
const serviceHours = {
  calendarId: Type.Union([Uuid, Type.Null()], {
    description: 'The calendar whose hours the widget keeps; null: open 24×7.',
  }),
  holidayMessage: Message,
  offHoursMessage: Message,
  dayLabels: Type.Object(dayLabels, { additionalProperties: false }),
};
const rating = { enabled: Type.Boolean(), label: Label, buttonText: Label, thanksText: Label };
const calls = {
  csqId: Type.Union([Uuid, Type.Null()]),
  flowId: Type.Union([Uuid, Type.Null()], {
    description: 'The call flow calls go through, instead of a CSQ (docs/voice.md, "Call flows").',
  }),
  buttonText: Label,
  onCallText: Label,
  hangUpText: Label,
  keypadLabel: Label,
};

const strict = <T extends TProperties>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
/** The same fields, each optional; unknown ones are still refused. */
const loose = <T extends TProperties>(properties: T, description?: string) =>
  strict(
    Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as {
      [K in keyof T]: TOptional<T[K]>;
    },
    description,
  );

const DESCRIPTIONS = {
  branding: 'Font, title, button and message colours.',
  fields: 'The form before a chat: name, email, phone and custom fields.',
  messages: 'What customers read while they chat.',
  labels: "The widget's field labels and buttons.",
  serviceHours: 'When customers may start a chat, and what they read when they may not.',
  rating: 'The rating asked for after a chat.',
  calls:
    'Calls from the page: the voice CSQ they wait in or the call flow they go through (both null: no calls) and the button.',
};

const ProblemStatementInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    label: Label,
    csqId: Uuid,
  },
  {
    additionalProperties: false,
    description: 'A reason for the chat the customer picks, mapped to a chat CSQ. Send the id to keep one.',
  },
);
const ProblemStatement = Type.Object({ id: Uuid, label: Type.String(), csqId: Uuid });

export const ChatWidgetBody = Type.Object(
  {
    name: name(LIMITS.widgetName.max),
    description: Type.Optional(Type.String({ maxLength: LIMITS.widgetDescription.max })),
    problemStatements: Type.Array(ProblemStatementInput, {
      minItems: LIMITS.widgetProblemStatements.min,
      maxItems: LIMITS.widgetProblemStatements.max,
    }),
    branding: Type.Optional(loose(branding, DESCRIPTIONS.branding)),
    fields: Type.Optional(loose(fields, DESCRIPTIONS.fields)),
    messages: Type.Optional(
      loose(
        { ...messages, agentJoined: loose(aliasText), agentLeft: loose(aliasText) },
        DESCRIPTIONS.messages,
      ),
    ),
    labels: Type.Optional(loose(labels, DESCRIPTIONS.labels)),
    serviceHours: Type.Optional(
      loose({ ...serviceHours, dayLabels: loose(dayLabels) }, DESCRIPTIONS.serviceHours),
    ),
    rating: Type.Optional(loose(rating, DESCRIPTIONS.rating)),
    calls: Type.Optional(loose(calls, DESCRIPTIONS.calls)),
  },
  { additionalProperties: false },
);

const settingsGroups = {
  branding: strict(branding, DESCRIPTIONS.branding),
  fields: strict(fields, DESCRIPTIONS.fields),
  messages: strict(messages, DESCRIPTIONS.messages),
  labels: strict(labels, DESCRIPTIONS.labels),
  rating: strict(rating, DESCRIPTIONS.rating),
};

export const ChatWidget = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  problemStatements: Type.Array(ProblemStatement),
  ...settingsGroups,
  serviceHours: strict(serviceHours, DESCRIPTIONS.serviceHours),
  calls: strict(calls, DESCRIPTIONS.calls),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const Interval = Type.Object({ start: Type.String(), end: Type.String() });
const ServiceState = Type.Object({
  open: Type.Boolean(),
  reason: Type.Enum(['open', 'off_hours', 'holiday']),
  message: Type.Union([Type.String(), Type.Null()], {
    description: 'The holiday or off-hours message; null while open.',
  }),
  nextChange: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When open flips next; null for 24×7 or when it does not within about a year.',
  }),
  schedule: Type.Union(
    [
      Type.Object({
        timeZone: Type.String(),
        days: Type.Array(
          Type.Object({ day: Type.Enum(WEEKDAYS), label: Type.String(), intervals: Type.Array(Interval) }),
        ),
      }),
      Type.Null(),
    ],
    { description: "The weekly hours with the widget's day labels; null for 24×7." },
  ),
});

/** What the embedded widget reads: no tenant, CSQ or calendar ids, nothing of other widgets. */
export const PublicWidget = Type.Object({
  problemStatements: Type.Array(Type.Object({ id: Uuid, label: Type.String() })),
  ...settingsGroups,
  calls: Type.Object(
    {
      enabled: Type.Boolean(),
      buttonText: Type.String(),
      onCallText: Type.String(),
      hangUpText: Type.String(),
      keypadLabel: Type.String(),
    },
    { description: 'Whether the widget offers calls from the page, and the button that starts one.' },
  ),
  service: ServiceState,
});
