import { DEFAULT_WIDGET_SETTINGS } from '@switchboard/core';
import type { CallFlow, Csq } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { WidgetFields } from './chat-widget-fields.tsx';
import { hoursToSend } from './chat-widget-hours.tsx';
import { EmbedSnippet } from './chat-widget-preview.tsx';
import type { Calendar, ChatWidget, WidgetForm } from './chat-widget-types.ts';
import { CrudPage } from './crud-page.tsx';

/** Chat widgets: every setting of spec C3, a live preview of the real widget, and the embed snippet. */
export function ChatWidgetsPage() {
  const { api } = useDesk();
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const calendars = useLive(() => api.request<Calendar[]>('GET', '/calendars'));
  const callFlows = useLive(() => api.request<CallFlow[]>('GET', '/call-flows'));
  const chatCsqs = (csqs.data ?? []).filter((q) => q.channel === 'chat');
  const voiceCsqs = (csqs.data ?? []).filter((q) => q.channel === 'voice');
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
      // Only what the API takes: a widget read back also carries its id and timestamps, which a save refuses.
      toBody={(form) => ({
        name: form.name.trim(),
        description: form.description,
        problemStatements: form.problemStatements,
        branding: form.branding,
        fields: form.fields,
        messages: form.messages,
        labels: form.labels,
        serviceHours: hoursToSend(form),
        rating: form.rating,
        calls: form.calls,
      })}
      created={(widget) => (
        <section className="panel" aria-label={`Chat widget ${widget.name} created`}>
          <p role="status">Chat widget “{widget.name}” created. Embed it on your website:</p>
          <EmbedSnippet widgetId={widget.id} />
        </section>
      )}
      fields={(props) => (
        <WidgetFields
          {...props}
          chatCsqs={chatCsqs}
          voiceCsqs={voiceCsqs}
          callFlows={callFlows.data ?? []}
          calendars={calendars.data ?? []}
        />
      )}
    />
  );
}
