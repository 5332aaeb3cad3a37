import { type Calendar, openState, type TimeInterval, WEEKDAYS, type Weekday } from './calendar/index.ts';
import { invalid } from './errors.ts';

/**
 * Chat widgets (spec C3): what a website embeds to let customers chat. A widget has branding, a form, problem
 * statements each mapped to a chat CSQ, the texts customers read, service hours and a post-chat rating. This
 * module holds the settings' shape, their defaults, the checks a schema cannot express, and the one question
 * the widget asks of its calendar: open now, and if not, why.
 */

export const WIDGET_FIELD_MODES = ['off', 'optional', 'required'] as const;
/** Whether the form shows a standard field, and whether the customer must fill it in. */
export type WidgetFieldMode = (typeof WIDGET_FIELD_MODES)[number];

export interface WidgetBranding {
  /** A CSS font stack, e.g. `"Open Sans", Arial, sans-serif`. */
  fontFamily: string;
  titleText: string;
  /** The title bar's background and text (`#rrggbb`, as every colour here). */
  titleColor: string;
  titleTextColor: string;
  /** The launcher button's text, and the colours of the widget's buttons. */
  buttonText: string;
  buttonColor: string;
  buttonTextColor: string;
  agentMessageColor: string;
  agentMessageTextColor: string;
  customerMessageColor: string;
  customerMessageTextColor: string;
}

export interface WidgetCustomField {
  label: string;
  required: boolean;
}

export interface WidgetFields {
  name: WidgetFieldMode;
  email: WidgetFieldMode;
  phone: WidgetFieldMode;
  /** Asked after the standard fields, in this order; labels are unique (ignoring case). */
  custom: WidgetCustomField[];
}

/** A line shown with an agent's alias between two texts: `${before}${alias}${after}`. */
export interface AliasText {
  before: string;
  after: string;
}

export interface WidgetMessages {
  /** Shown while the chat waits for an agent. */
  wait: string;
  /** Shown when no agent has joined within the tenant's join timeout (an agent may still join). */
  joinTimeout: string;
  /** The placeholder of the box the customer types in. */
  placeholder: string;
  agentJoined: AliasText;
  agentLeft: AliasText;
  /** Asked before the customer ends the chat. */
  closeConfirmation: string;
  /** Asked before the transcript is downloaded. */
  transcriptConfirmation: string;
  chatEnded: string;
  systemError: string;
  /** Shown while the widget has lost its connection and is reconnecting. */
  connectivityError: string;
}

/** The widget's own words: field labels and buttons, so that a widget can speak any language. */
export interface WidgetLabels {
  name: string;
  email: string;
  phone: string;
  problem: string;
  startChat: string;
  send: string;
  endChat: string;
  transcript: string;
  confirm: string;
  cancel: string;
  minimize: string;
  newChat: string;
  /** After the agent's alias while they type: "Sam is typing…". */
  typing: string;
  /** Marks required fields. */
  required: string;
  /** Shown when the service hours are listed to a customer out of hours. */
  hours: string;
  closedAllDay: string;
}

export interface WidgetServiceHours {
  /** The calendar whose hours the widget keeps; null: open 24×7. */
  calendarId: string | null;
  holidayMessage: string;
  offHoursMessage: string;
  /** How the widget names the days when it lists the hours. */
  dayLabels: Record<Weekday, string>;
}

export interface WidgetRating {
  enabled: boolean;
  label: string;
  buttonText: string;
  /** What the widget says once the customer has sent their rating. */
  thanksText: string;
}

/**
 * Calls from the widget's page (docs/voice.md): a "Call us" button that calls from the browser, into a voice CSQ
 * or through a call flow.
 */
export interface WidgetCalls {
  /** The voice CSQ calls wait in; null with no flow either: the widget offers no calls. */
  csqId: string | null;
  /** The call flow calls go through (its queue steps choose the CSQ); set instead of csqId. */
  flowId: string | null;
  buttonText: string;
  /** Shown while the call is on, before and after an agent answers. */
  onCallText: string;
  hangUpText: string;
  /** The name of the keypad shown during a call (for a call flow's menus), read out by screen readers. */
  keypadLabel: string;
}

/** Everything a widget is configured with besides its name, description and problem statements. */
export interface WidgetSettings {
  branding: WidgetBranding;
  fields: WidgetFields;
  messages: WidgetMessages;
  labels: WidgetLabels;
  serviceHours: WidgetServiceHours;
  rating: WidgetRating;
  calls: WidgetCalls;
}

/** Settings as an administrator may send them: any group, and any field of a group, may be left out. */
export interface WidgetSettingsInput {
  branding?: Partial<WidgetBranding>;
  fields?: Partial<WidgetFields>;
  messages?: Partial<Omit<WidgetMessages, 'agentJoined' | 'agentLeft'>> & {
    agentJoined?: Partial<AliasText>;
    agentLeft?: Partial<AliasText>;
  };
  labels?: Partial<WidgetLabels>;
  serviceHours?: Partial<Omit<WidgetServiceHours, 'dayLabels'>> & {
    dayLabels?: Partial<Record<Weekday, string>>;
  };
  rating?: Partial<WidgetRating>;
  calls?: Partial<WidgetCalls>;
}

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  branding: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    titleText: 'Chat with us',
    titleColor: '#1f4e79',
    titleTextColor: '#ffffff',
    buttonText: 'Chat with us',
    buttonColor: '#1f4e79',
    buttonTextColor: '#ffffff',
    agentMessageColor: '#eef1f5',
    agentMessageTextColor: '#1b1f24',
    customerMessageColor: '#1f4e79',
    customerMessageTextColor: '#ffffff',
  },
  fields: { name: 'required', email: 'optional', phone: 'off', custom: [] },
  messages: {
    wait: 'Thanks for waiting: the next available agent will be with you shortly.',
    joinTimeout: 'All our agents are still busy. Please stay: we will be with you as soon as we can.',
    placeholder: 'Type your message',
    agentJoined: { before: '', after: ' has joined the chat.' },
    agentLeft: { before: '', after: ' has left the chat.' },
    closeConfirmation: 'Do you want to end this chat?',
    transcriptConfirmation: 'Download a transcript of this chat?',
    chatEnded: 'The chat has ended. Thank you for contacting us.',
    systemError: 'Sorry, something went wrong. Please try again in a moment.',
    connectivityError: 'Connection lost. Reconnecting…',
  },
  labels: {
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    problem: 'How can we help?',
    startChat: 'Start chat',
    send: 'Send',
    endChat: 'End chat',
    transcript: 'Download transcript',
    confirm: 'Yes',
    cancel: 'No',
    minimize: 'Minimize chat',
    newChat: 'Start a new chat',
    typing: ' is typing…',
    required: '(required)',
    hours: 'Our hours',
    closedAllDay: 'Closed',
  },
  serviceHours: {
    calendarId: null,
    holidayMessage: 'We are closed today for a holiday. Please come back on our next working day.',
    offHoursMessage: 'We are closed right now. Please come back during our opening hours.',
    dayLabels: {
      monday: 'Monday',
      tuesday: 'Tuesday',
      wednesday: 'Wednesday',
      thursday: 'Thursday',
      friday: 'Friday',
      saturday: 'Saturday',
      sunday: 'Sunday',
    },
  },
  rating: {
    enabled: true,
    label: 'How was your chat?',
    buttonText: 'Send rating',
    thanksText: 'Thank you for your feedback.',
  },
  calls: {
    csqId: null,
    flowId: null,
    buttonText: 'Call us',
    onCallText: 'You are on the line: the next available agent will answer.',
    hangUpText: 'Hang up',
    keypadLabel: 'Keypad',
  },
};

/** The settings with every field the input leaves out taken from the defaults. */
export function withWidgetDefaults(input: WidgetSettingsInput = {}): WidgetSettings {
  const d = DEFAULT_WIDGET_SETTINGS;
  const hours = input.serviceHours ?? {};
  return {
    branding: { ...d.branding, ...input.branding },
    fields: { ...d.fields, ...input.fields, custom: input.fields?.custom ?? [] },
    messages: {
      ...d.messages,
      ...input.messages,
      agentJoined: { ...d.messages.agentJoined, ...input.messages?.agentJoined },
      agentLeft: { ...d.messages.agentLeft, ...input.messages?.agentLeft },
    },
    labels: { ...d.labels, ...input.labels },
    serviceHours: {
      ...d.serviceHours,
      ...hours,
      dayLabels: { ...d.serviceHours.dayLabels, ...hours.dayLabels },
    },
    rating: { ...d.rating, ...input.rating },
    calls: { ...d.calls, ...input.calls },
  };
}

const sameLabel = (label: string) => label.trim().toLocaleLowerCase('en');

/** The index of the first label that repeats an earlier one (ignoring case), or -1. */
function firstRepeat(labels: readonly string[]): number {
  const seen = new Set<string>();
  for (const [i, label] of labels.entries()) {
    if (seen.has(sameLabel(label))) return i;
    seen.add(sameLabel(label));
  }
  return -1;
}

/**
 * Contact attributes the server relies on: `customerId`, which only an authenticated channel adapter sets (the
 * customer's history trusts it). A widget's custom field, whose label becomes an attribute, may not take one of
 * these names (ignoring case). (Name, Email, Phone and Problem are written before custom fields, which never
 * replace them.)
 */
export const RESERVED_ATTRIBUTES: readonly string[] = ['customerId'];

const reserved = new Set(RESERVED_ATTRIBUTES.map((name) => sameLabel(name)));

/** Whether a custom field's label would write an attribute the server sets itself. */
export const isReservedAttribute = (label: string): boolean => reserved.has(sameLabel(label));

/**
 * What the schema cannot check: custom field labels and problem statement labels are each unique, ignoring
 * case (the chat form sends custom fields by label, and a customer could not tell two statements apart).
 * Throws validation_failed naming the field, as `body/…`.
 */
export function checkWidgetLabels(settings: WidgetSettings, problemStatements: readonly { label: string }[]) {
  const taken = settings.fields.custom.findIndex((f) => isReservedAttribute(f.label));
  if (taken >= 0) {
    const label = settings.fields.custom[taken]?.label.trim();
    throw invalid(
      `"${label}" is a name the server gives contact details itself: give the custom field another label.`,
      [
        {
          path: `body/fields/custom/${taken}/label`,
          message: `is reserved (${RESERVED_ATTRIBUTES.join(', ')})`,
        },
      ],
    );
  }
  const custom = firstRepeat(settings.fields.custom.map((f) => f.label));
  if (custom >= 0) {
    const path = `body/fields/custom/${custom}/label`;
    throw invalid(`Custom field labels must differ: "${settings.fields.custom[custom]?.label}" repeats.`, [
      { path, message: 'repeats another custom field label' },
    ]);
  }
  const problem = firstRepeat(problemStatements.map((p) => p.label));
  if (problem >= 0) {
    const path = `body/problemStatements/${problem}/label`;
    throw invalid(`Problem statements must differ: "${problemStatements[problem]?.label}" repeats.`, [
      { path, message: 'repeats another problem statement' },
    ]);
  }
}

export type WidgetServiceReason = 'open' | 'off_hours' | 'holiday';

/** The hours a customer is shown when the widget is closed. */
export interface WidgetSchedule {
  timeZone: string;
  days: { day: Weekday; label: string; intervals: TimeInterval[] }[];
}

/** Whether customers can start a chat now, and what the widget tells them when they cannot. */
export interface WidgetServiceState {
  open: boolean;
  reason: WidgetServiceReason;
  /** The holiday or off-hours message; null while open. */
  message: string | null;
  /** When `open` flips next (RFC 3339); null for 24×7 or when it does not within about a year. */
  nextChange: string | null;
  /** The weekly hours with the widget's day labels; null for 24×7. */
  schedule: WidgetSchedule | null;
}

/** A change after this has no RFC 3339 form; beyond it nextChange is null. */
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The widget's service at an instant: open, or closed for a holiday or outside its hours. `calendar` is the
 * widget's calendar, or null for 24×7.
 *
 * @example widgetServiceState(officeHours, settings.serviceHours, Date.UTC(2026, 11, 25, 12)) // holiday
 */
export function widgetServiceState(
  calendar: Calendar | null,
  hours: Pick<WidgetServiceHours, 'holidayMessage' | 'offHoursMessage' | 'dayLabels'>,
  atMs: number,
): WidgetServiceState {
  if (calendar === null || calendar.mode === '24x7') {
    return { open: true, reason: 'open', message: null, nextChange: null, schedule: null };
  }
  const state = openState(calendar, atMs);
  const nextChange =
    state.nextChangeMs === null || state.nextChangeMs > LATEST
      ? null
      : new Date(state.nextChangeMs).toISOString();
  const schedule = {
    timeZone: calendar.timeZone,
    days: WEEKDAYS.map((day) => ({
      day,
      label: hours.dayLabels[day],
      intervals: calendar.weekly[day].map(({ start, end }) => ({ start, end })),
    })),
  };
  if (state.open) return { open: true, reason: 'open', message: null, nextChange, schedule };
  const reason = state.reason === 'holiday' ? 'holiday' : 'off_hours';
  const message = reason === 'holiday' ? hours.holidayMessage : hours.offHoursMessage;
  return { open: false, reason, message, nextChange, schedule };
}

/** A problem statement as the widget shows it: the CSQ behind it stays on the server. */
export interface PublicProblemStatement {
  id: string;
  label: string;
}

/** What the embedded widget needs to render, as `GET /api/v1/public/widgets/{id}` answers. */
export interface PublicWidget {
  branding: WidgetBranding;
  fields: WidgetFields;
  problemStatements: PublicProblemStatement[];
  messages: WidgetMessages;
  labels: WidgetLabels;
  rating: WidgetRating;
  /** Whether the widget offers calls, and its words: never the CSQ or the flow. */
  calls: { enabled: boolean } & Omit<WidgetCalls, 'csqId' | 'flowId'>;
  service: WidgetServiceState;
}
