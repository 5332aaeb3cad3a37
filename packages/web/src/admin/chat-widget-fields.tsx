import { LIMITS, type WidgetSettings } from '@switchboard/core';
import { type ReactNode, useEffect } from 'react';
import type { CallFlow, Csq } from '../api/types.ts';
import { TextField } from '../ui/inputs.tsx';
import { BrandingSection } from './chat-widget-branding.tsx';
import { CallsSection } from './chat-widget-calls.tsx';
import { FormFieldsSection } from './chat-widget-form-fields.tsx';
import { ServiceHoursSection } from './chat-widget-hours.tsx';
import { EmbedSnippet, WidgetPreview } from './chat-widget-preview.tsx';
import { ProblemStatementsSection } from './chat-widget-problem-statements.tsx';
import { LabelsSection, MessagesSection, RatingSection } from './chat-widget-texts.tsx';
import type { Calendar, SectionProps, WidgetForm } from './chat-widget-types.ts';
import type { FormProps } from './crud-page.tsx';

/** The chat widget editor: its settings, section by section, beside a live preview. */
export function WidgetFields(
  props: FormProps<WidgetForm> & {
    chatCsqs: Csq[];
    voiceCsqs: Csq[];
    callFlows: CallFlow[];
    calendars: Calendar[];
  },
): ReactNode {
  const { form, set, errors, chatCsqs, voiceCsqs, callFlows, calendars } = props;
  const group = <G extends keyof WidgetSettings>(name: G, patch: Partial<WidgetSettings[G]>) =>
    set({ [name]: { ...form[name], ...patch } } as Partial<WidgetForm>);
  const err = (path: string) => errors[path];
  const statements = form.problemStatements;
  const calendar = calendars.find((c) => c.id === form.serviceHours.calendarId);
  const firstCsq = chatCsqs[0]?.id;
  // A new widget opened before the CSQ list arrived gets the first chat CSQ once it is there, as it would have.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list first arrives
  useEffect(() => {
    if (form.id || !firstCsq || statements.every((s) => s.csqId)) return;
    set((now) => ({
      problemStatements: now.problemStatements.map((s) => (s.csqId ? s : { ...s, csqId: firstCsq })),
    }));
  }, [firstCsq]);
  const section: SectionProps = { form, group, err };
  return (
    <div className="widget-editor">
      <div>
        <div className="columns">
          <TextField
            label="Name"
            value={form.name}
            onChange={(name) => set({ name })}
            error={errors.name}
            maxLength={LIMITS.widgetName.max}
            required
          />
          <TextField
            label="Description"
            value={form.description}
            onChange={(description) => set({ description })}
            error={errors.description}
            maxLength={LIMITS.widgetDescription.max}
          />
        </div>
        {form.id ? <EmbedSnippet widgetId={form.id} /> : null}
        <ProblemStatementsSection {...section} set={set} errors={errors} chatCsqs={chatCsqs} />
        <FormFieldsSection {...section} />
        <BrandingSection {...section} />
        <MessagesSection {...section} />
        <ServiceHoursSection {...section} calendars={calendars} />
        <RatingSection {...section} />
        <CallsSection {...section} voiceCsqs={voiceCsqs} callFlows={callFlows} />
        <LabelsSection {...section} errors={errors} />
      </div>
      <WidgetPreview settings={form} problemStatements={statements} calendar={calendar} />
    </div>
  );
}
