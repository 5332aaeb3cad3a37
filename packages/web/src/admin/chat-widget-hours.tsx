import { codePoints, LIMITS, WEEKDAYS, type WidgetSettings } from '@switchboard/core';
import { Field } from '../ui/form.tsx';
import { SelectField, TextField } from '../ui/inputs.tsx';
import { type Calendar, capital, type SectionProps } from './chat-widget-types.ts';

type Hours = WidgetSettings['serviceHours'];
const usable = (text: string, max: number) => /\S/.test(text) && codePoints(text) <= max;

/**
 * The service hours to save. Open 24×7, the widget never shows the closed messages or day labels, so a
 * blank or malformed one must not block saving: it is left out and takes its default.
 */
export function hoursToSend(form: { serviceHours: Hours }): Partial<Hours> {
  const hours = form.serviceHours;
  if (hours.calendarId !== null) return hours;
  const message = LIMITS.widgetMessage.max;
  const label = LIMITS.widgetLabel.max;
  return {
    calendarId: null,
    ...(usable(hours.offHoursMessage, message) ? { offHoursMessage: hours.offHoursMessage } : {}),
    ...(usable(hours.holidayMessage, message) ? { holidayMessage: hours.holidayMessage } : {}),
    dayLabels: Object.fromEntries(
      WEEKDAYS.filter(
        (day) => usable(hours.dayLabels[day], label) && hours.dayLabels[day].trim() === hours.dayLabels[day],
      ).map((day) => [day, hours.dayLabels[day]]),
    ) as Hours['dayLabels'],
  };
}

/** When the widget is open, what it says when it is not, and its weekday labels. */
export function ServiceHoursSection({
  form,
  group,
  err,
  calendars,
}: SectionProps & { calendars: Calendar[] }) {
  const byCalendar = form.serviceHours.calendarId !== null;
  return (
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
              maxLength={LIMITS.widgetMessage.max}
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
            maxLength={LIMITS.widgetLabel.max}
            onChange={(v) =>
              group('serviceHours', { dayLabels: { ...form.serviceHours.dayLabels, [day]: v } })
            }
            error={err(`serviceHours/dayLabels/${day}`)}
          />
        ))}
      </div>
      {byCalendar ? null : (
        <p className="field-hint">
          Open around the clock, the widget never shows these: one left blank keeps its default.
        </p>
      )}
    </fieldset>
  );
}
