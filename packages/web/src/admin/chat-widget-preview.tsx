import {
  type PublicWidget,
  type TimeInterval,
  WEEKDAYS,
  type Weekday,
  type WidgetServiceState,
  type WidgetSettings,
} from '@switchboard/core';
import { type PreviewScreen, preview, previewState } from '@switchboard/widget/preview';
import { useEffect, useMemo, useRef, useState } from 'react';

export interface PreviewCalendar {
  id: string;
  timeZone: string;
  mode: '24x7' | 'custom';
  weekly: Partial<Record<Weekday, TimeInterval[]>>;
}

const SCREENS: [PreviewScreen, string][] = [
  ['form', 'Form'],
  ['chat', 'Chat'],
  ['ended', 'Chat ended'],
  ['closed', 'Closed'],
];
const OPEN: WidgetServiceState = {
  open: true,
  reason: 'open',
  message: null,
  nextChange: null,
  schedule: null,
};

/** The service as the widget would show it closed: the off-hours message and the calendar's hours. */
function closedService(settings: WidgetSettings, calendar: PreviewCalendar | undefined): WidgetServiceState {
  const { dayLabels } = settings.serviceHours;
  const schedule =
    calendar && calendar.mode === 'custom'
      ? {
          timeZone: calendar.timeZone,
          days: WEEKDAYS.map((day) => ({
            day,
            label: dayLabels[day],
            intervals: calendar.weekly[day] ?? [],
          })),
        }
      : null;
  return {
    open: false,
    reason: 'off_hours',
    message: settings.serviceHours.offHoursMessage,
    nextChange: null,
    schedule,
  };
}

/**
 * The real widget (the script websites embed) rendered with the settings being edited, unsaved: it follows
 * every change. The screen switch shows the form, a chat, its end, or the closed message.
 */
export function WidgetPreview(props: {
  settings: WidgetSettings;
  problemStatements: { id?: string | undefined; label: string }[];
  calendar: PreviewCalendar | undefined;
}) {
  const [screen, setScreen] = useState<PreviewScreen>('form');
  const container = useRef<HTMLDivElement>(null);
  const { settings, problemStatements, calendar } = props;
  const config: PublicWidget = useMemo(() => {
    const { branding, fields, messages, labels, rating, calls } = settings;
    return {
      branding,
      fields,
      messages,
      labels,
      rating,
      calls: {
        enabled: calls.csqId !== null || calls.flowId !== null,
        buttonText: calls.buttonText,
        onCallText: calls.onCallText,
        hangUpText: calls.hangUpText,
        keypadLabel: calls.keypadLabel,
      },
      problemStatements: problemStatements.map((p, i) => ({ id: p.id ?? `new-${i}`, label: p.label || '…' })),
      service: screen === 'closed' ? closedService(settings, calendar) : OPEN,
    };
  }, [settings, problemStatements, calendar, screen]);
  useEffect(() => {
    if (container.current) preview(container.current, config, previewState(screen, config));
  }, [config, screen]);
  return (
    <section className="widget-preview" aria-labelledby="widget-preview-title">
      <h3 id="widget-preview-title">Live preview</h3>
      <fieldset className="row">
        <legend className="visually-hidden">Screen to preview</legend>
        {SCREENS.map(([value, label]) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="preview-screen"
              value={value}
              checked={screen === value}
              onChange={() => setScreen(value)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <div ref={container} data-testid="widget-preview" />
    </section>
  );
}

/** The snippet to paste into a website, with a button that copies it. */
export function EmbedSnippet({ widgetId }: { widgetId: string }) {
  const [copied, setCopied] = useState(false);
  const snippet = `<script src="${window.location.origin}/widget.js" data-widget="${widgetId}" async></script>`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="embed-snippet">
      <p className="field-hint" id={`snippet-${widgetId}`}>
        Paste this before <code>&lt;/body&gt;</code> on every page that should offer the chat:
      </p>
      <pre aria-describedby={`snippet-${widgetId}`}>
        <code>{snippet}</code>
      </pre>
      <div className="row">
        <button type="button" onClick={copy}>
          Copy snippet
        </button>
        <span role="status" className="muted">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </div>
  );
}
