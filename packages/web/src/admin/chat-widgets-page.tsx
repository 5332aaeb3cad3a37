import {
  DEFAULT_WIDGET_SETTINGS,
  LIMITS,
  WEEKDAYS,
  type WidgetFieldMode,
  type WidgetSettings,
} from '@switchboard/core';
import { type ReactNode, useEffect } from 'react';
import type { Csq } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { Field } from '../ui/form.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/inputs.tsx';
import { EmbedSnippet, type PreviewCalendar, WidgetPreview } from './chat-widget-preview.tsx';
import { CrudPage, type FormProps } from './crud-page.tsx';

interface ProblemStatement {
  id?: string;
  label: string;
  csqId: string;
}
interface ChatWidget extends WidgetSettings {
  id: string;
  name: string;
  description: string;
  problemStatements: ProblemStatement[];
}
interface WidgetForm extends WidgetSettings {
  /** Set once saved: the embed snippet needs it. */
  id: string | null;
  name: string;
  description: string;
  problemStatements: ProblemStatement[];
}
type Calendar = PreviewCalendar & { name: string };

const MODES: (readonly [WidgetFieldMode, string])[] = [
  ['off', 'Not asked'],
  ['optional', 'Optional'],
  ['required', 'Required'],
];
const COLOURS: [keyof WidgetSettings['branding'], string][] = [
  ['titleColor', 'Title bar'],
  ['titleTextColor', 'Title text'],
  ['buttonColor', 'Buttons'],
  ['buttonTextColor', 'Button text'],
  ['agentMessageColor', 'Agent messages'],
  ['agentMessageTextColor', 'Agent message text'],
  ['customerMessageColor', 'Customer messages'],
  ['customerMessageTextColor', 'Customer message text'],
];
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
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Chat widgets: every setting of spec C3, a live preview of the real widget, and the embed snippet. */
export function ChatWidgetsPage() {
  const { api } = useDesk();
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const calendars = useLive(() => api.request<Calendar[]>('GET', '/calendars'));
  const chatCsqs = (csqs.data ?? []).filter((q) => q.channel === 'chat');
  const csqName = (id: string) => csqs.data?.find((q) => q.id === id)?.name ?? '?';
  return (
    <CrudPage<ChatWidget, WidgetForm>
      title="Chat widgets"
      noun="chat widget"
      path="/chat-widgets"
      updateMethod="PUT"
      columns={[
        { label: 'Name', render: (w) => w.name },
        { label: 'Description', render: (w) => w.description },
        {
          label: 'Problem statements',
          render: (w) => w.problemStatements.map((p) => `${p.label} → ${csqName(p.csqId)}`).join(', '),
        },
        {
          label: 'Hours',
          render: (w) => calendars.data?.find((c) => c.id === w.serviceHours.calendarId)?.name ?? '24×7',
        },
      ]}
      blank={() => ({
        ...structuredClone(DEFAULT_WIDGET_SETTINGS),
        id: null,
        name: '',
        description: '',
        problemStatements: [{ label: '', csqId: chatCsqs[0]?.id ?? '' }],
      })}
      toForm={({ id, name, description, problemStatements, ...settings }) => ({
        ...settings,
        id,
        name,
        description,
        problemStatements,
      })}
      toBody={({ id: _id, ...form }) => ({ ...form, name: form.name.trim() })}
      fields={(props) => <WidgetFields {...props} chatCsqs={chatCsqs} calendars={calendars.data ?? []} />}
    />
  );
}

function WidgetFields(props: FormProps<WidgetForm> & { chatCsqs: Csq[]; calendars: Calendar[] }): ReactNode {
  const { form, set, errors, chatCsqs, calendars } = props;
  const group = <G extends keyof WidgetSettings>(name: G, patch: Partial<WidgetSettings[G]>) =>
    set({ [name]: { ...form[name], ...patch } } as Partial<WidgetForm>);
  const err = (path: string) => errors[path];
  const statements = form.problemStatements;
  const setStatement = (i: number, patch: Partial<ProblemStatement>) =>
    set({ problemStatements: statements.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const custom = form.fields.custom;
  const setCustom = (i: number, patch: Partial<(typeof custom)[number]>) =>
    group('fields', { custom: custom.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const calendar = calendars.find((c) => c.id === form.serviceHours.calendarId);
  const firstCsq = chatCsqs[0]?.id;
  // A new widget opened before the CSQ list arrived gets the first chat CSQ once it is there, as it would have.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list first arrives
  useEffect(() => {
    if (form.id || !firstCsq || statements.every((s) => s.csqId)) return;
    set({ problemStatements: statements.map((s) => (s.csqId ? s : { ...s, csqId: firstCsq })) });
  }, [firstCsq]);
  const csqOptions = [
    ['', '— choose a chat CSQ —'] as const,
    ...chatCsqs.map((q) => [q.id, q.name] as const),
  ];
  const message = (key: keyof WidgetSettings['messages'], label: string) => (
    <Field key={key} label={label} error={err(`messages/${key}`)}>
      {(input) => (
        <textarea
          {...input}
          rows={2}
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
        />
      ))}
    </div>
  );
  return (
    <div className="widget-editor">
      <div>
        <div className="columns">
          <TextField
            label="Name"
            value={form.name}
            onChange={(name) => set({ name })}
            error={errors.name}
            required
          />
          <TextField
            label="Description"
            value={form.description}
            onChange={(description) => set({ description })}
            error={errors.description}
          />
        </div>
        {form.id ? <EmbedSnippet widgetId={form.id} /> : null}

        <fieldset>
          <legend>
            Problem statements (each goes to a chat CSQ; 1 to {LIMITS.widgetProblemStatements.max})
          </legend>
          {errors.problemStatements &&
          !Object.keys(errors).some((k) => k.startsWith('problemStatements/')) ? (
            <p className="field-error" role="alert">
              {errors.problemStatements}
            </p>
          ) : null}
          {statements.map((statement, i) => (
            <div className="row" key={statement.id ?? `new-${i}`}>
              <TextField
                label={`Problem statement ${i + 1}`}
                value={statement.label}
                onChange={(label) => setStatement(i, { label })}
                error={err(`problemStatements/${i}/label`)}
              />
              <SelectField
                label={`CSQ for problem statement ${i + 1}`}
                value={statement.csqId}
                options={csqOptions}
                onChange={(csqId) => setStatement(i, { csqId })}
                error={err(`problemStatements/${i}/csqId`)}
              />
              <button
                type="button"
                disabled={statements.length <= 1}
                onClick={() => set({ problemStatements: statements.filter((_, j) => j !== i) })}
              >
                Remove problem statement {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={statements.length >= LIMITS.widgetProblemStatements.max}
            onClick={() =>
              set({ problemStatements: [...statements, { label: '', csqId: chatCsqs[0]?.id ?? '' }] })
            }
          >
            Add a problem statement
          </button>
        </fieldset>

        <fieldset>
          <legend>Form fields</legend>
          <div className="columns">
            {(['name', 'email', 'phone'] as const).map((key) => (
              <SelectField
                key={key}
                label={`${capital(key)} field`}
                value={form.fields[key]}
                options={MODES}
                onChange={(mode) => group('fields', { [key]: mode })}
                error={err(`fields/${key}`)}
              />
            ))}
          </div>
          {custom.map((field, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: custom fields have no id; their position is it.
            <div className="row" key={i}>
              <TextField
                label={`Custom field ${i + 1}`}
                value={field.label}
                onChange={(label) => setCustom(i, { label })}
                error={err(`fields/custom/${i}/label`)}
              />
              <CheckboxField
                label={`Custom field ${i + 1} is required`}
                checked={field.required}
                onChange={(required) => setCustom(i, { required })}
              />
              <button
                type="button"
                onClick={() => group('fields', { custom: custom.filter((_, j) => j !== i) })}
              >
                Remove custom field {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={custom.length >= LIMITS.widgetCustomFields.max}
            onClick={() => group('fields', { custom: [...custom, { label: '', required: false }] })}
          >
            Add a custom field
          </button>
        </fieldset>

        <fieldset>
          <legend>Branding</legend>
          <div className="columns">
            <TextField
              label="Title"
              value={form.branding.titleText}
              onChange={(titleText) => group('branding', { titleText })}
              error={err('branding/titleText')}
            />
            <TextField
              label="Launcher button text"
              value={form.branding.buttonText}
              onChange={(buttonText) => group('branding', { buttonText })}
              error={err('branding/buttonText')}
            />
            <TextField
              label="Font family"
              hint='A CSS font stack, e.g. "Open Sans", Arial, sans-serif'
              value={form.branding.fontFamily}
              onChange={(fontFamily) => group('branding', { fontFamily })}
              error={err('branding/fontFamily')}
            />
            {COLOURS.map(([key, label]) => (
              <Field key={key} label={`${label} colour`} error={err(`branding/${key}`)}>
                {(input) => (
                  <input
                    {...input}
                    type="color"
                    value={form.branding[key]}
                    onChange={(e) => group('branding', { [key]: e.target.value })}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Messages</legend>
          <TextField
            label="Typing box placeholder"
            value={form.messages.placeholder}
            onChange={(placeholder) => group('messages', { placeholder })}
            error={err('messages/placeholder')}
          />
          {alias('agentJoined', 'Agent joined')}
          {alias('agentLeft', 'Agent left')}
          {MESSAGES.map(([key, label]) => message(key, label))}
        </fieldset>

        <fieldset>
          <legend>Service hours</legend>
          <SelectField
            label="Open"
            value={form.serviceHours.calendarId ?? ''}
            options={[
              ['', 'Always (24×7)'] as const,
              ...calendars.map((c) => [c.id, `By calendar: ${c.name}`] as const),
            ]}
            onChange={(id) => group('serviceHours', { calendarId: id || null })}
            error={err('serviceHours/calendarId')}
          />
          {(['offHoursMessage', 'holidayMessage'] as const).map((key) => (
            <Field
              key={key}
              label={key === 'offHoursMessage' ? 'Off-hours message' : 'Holiday message'}
              error={err(`serviceHours/${key}`)}
            >
              {(input) => (
                <textarea
                  {...input}
                  rows={2}
                  value={form.serviceHours[key]}
                  onChange={(e) => group('serviceHours', { [key]: e.target.value })}
                />
              )}
            </Field>
          ))}
          <div className="columns">
            {WEEKDAYS.map((day) => (
              <TextField
                key={day}
                label={`Label for ${capital(day)}`}
                value={form.serviceHours.dayLabels[day]}
                onChange={(v) =>
                  group('serviceHours', { dayLabels: { ...form.serviceHours.dayLabels, [day]: v } })
                }
                error={err(`serviceHours/dayLabels/${day}`)}
              />
            ))}
          </div>
        </fieldset>

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
            />
            <TextField
              label="Rating button text"
              value={form.rating.buttonText}
              onChange={(buttonText) => group('rating', { buttonText })}
              error={err('rating/buttonText')}
            />
            <TextField
              label="Thank-you after the rating"
              value={form.rating.thanksText}
              onChange={(thanksText) => group('rating', { thanksText })}
              error={err('rating/thanksText')}
            />
          </div>
        </fieldset>

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
              />
            ))}
          </div>
        </details>
      </div>
      <WidgetPreview settings={form} problemStatements={statements} calendar={calendar} />
    </div>
  );
}
