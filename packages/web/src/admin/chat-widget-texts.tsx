import { LIMITS, type WidgetSettings } from '@switchboard/core';
import { Field } from '../ui/form.tsx';
import { CheckboxField, TextField } from '../ui/inputs.tsx';
import type { SectionProps } from './chat-widget-types.ts';

const MESSAGES: [keyof WidgetSettings['messages'], string][] = [
  ['wait', 'While waiting for an agent'],
  ['joinTimeout', 'When no agent joined in time'],
  ['closeConfirmation', 'Ending the chat: confirmation'],
  ['transcriptConfirmation', 'Downloading the transcript: confirmation'],
  ['chatEnded', 'When the chat has ended'],
  ['systemError', 'System error'],
  ['connectivityError', 'Connection lost'],
];
const LABELS: [keyof WidgetSettings['labels'], string][] = [
  ['name', 'Name field'],
  ['email', 'Email field'],
  ['phone', 'Phone field'],
  ['problem', 'Problem statement field'],
  ['required', 'Required mark'],
  ['startChat', 'Start button'],
  ['send', 'Send button'],
  ['endChat', 'End button'],
  ['transcript', 'Transcript button'],
  ['confirm', 'Confirm (yes)'],
  ['cancel', 'Cancel (no)'],
  ['minimize', 'Minimize button'],
  ['newChat', 'New chat button'],
  ['typing', 'After the alias while the agent types'],
  ['hours', 'Heading of the hours'],
  ['closedAllDay', 'A day without hours'],
];

/** What the widget tells the customer during the chat. */
export function MessagesSection({ form, group, err }: SectionProps) {
  const message = (key: keyof WidgetSettings['messages'], label: string) => (
    <Field key={key} label={label} error={err(`messages/${key}`)}>
      {(input) => (
        <textarea
          {...input}
          rows={2}
          maxLength={LIMITS.widgetMessage.max}
          value={form.messages[key] as string}
          onChange={(e) => group('messages', { [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const alias = (key: 'agentJoined' | 'agentLeft', label: string) => (
    <div className="columns" key={key}>
      {(['before', 'after'] as const).map((part) => (
        <TextField
          key={part}
          label={`${label}: text ${part} the alias`}
          value={form.messages[key][part]}
          onChange={(v) => group('messages', { [key]: { ...form.messages[key], [part]: v } })}
          error={err(`messages/${key}/${part}`)}
          maxLength={LIMITS.widgetAliasText.max}
        />
      ))}
    </div>
  );
  return (
    <fieldset>
      <legend>Messages</legend>
      <TextField
        label="Typing box placeholder"
        value={form.messages.placeholder}
        onChange={(placeholder) => group('messages', { placeholder })}
        error={err('messages/placeholder')}
        maxLength={LIMITS.widgetLabel.max}
      />
      {alias('agentJoined', 'Agent joined')}
      {alias('agentLeft', 'Agent left')}
      {MESSAGES.map(([key, label]) => message(key, label))}
    </fieldset>
  );
}

/** Whether and how the customer is asked to rate the chat. */
export function RatingSection({ form, group, err }: SectionProps) {
  return (
    <fieldset>
      <legend>Rating after the chat</legend>
      <CheckboxField
        label="Ask customers to rate the chat"
        checked={form.rating.enabled}
        onChange={(enabled) => group('rating', { enabled })}
      />
      <div className="columns">
        <TextField
          label="Rating question"
          value={form.rating.label}
          onChange={(label) => group('rating', { label })}
          error={err('rating/label')}
          maxLength={LIMITS.widgetLabel.max}
        />
        <TextField
          label="Rating button text"
          value={form.rating.buttonText}
          onChange={(buttonText) => group('rating', { buttonText })}
          error={err('rating/buttonText')}
          maxLength={LIMITS.widgetLabel.max}
        />
        <TextField
          label="Thank-you after the rating"
          value={form.rating.thanksText}
          onChange={(thanksText) => group('rating', { thanksText })}
          error={err('rating/thanksText')}
          maxLength={LIMITS.widgetLabel.max}
        />
      </div>
    </fieldset>
  );
}

/** The widget's own words on its fields and buttons; opened when one of them is wrong. */
export function LabelsSection({
  form,
  group,
  err,
  errors,
}: SectionProps & { errors: Record<string, string> }) {
  return (
    <details open={Object.keys(errors).some((k) => k.startsWith('labels'))}>
      <summary>Field labels and buttons (the widget's own words)</summary>
      <div className="columns">
        {LABELS.map(([key, label]) => (
          <TextField
            key={key}
            label={label}
            value={form.labels[key]}
            onChange={(v) => group('labels', { [key]: v })}
            error={err(`labels/${key}`)}
            maxLength={key === 'typing' ? LIMITS.widgetAliasText.max : LIMITS.widgetLabel.max}
          />
        ))}
      </div>
    </details>
  );
}
