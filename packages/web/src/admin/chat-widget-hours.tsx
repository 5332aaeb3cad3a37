import { WEEKDAYS } from '@switchboard/core';
import { Field } from '../ui/form.tsx';
import { SelectField, TextField } from '../ui/inputs.tsx';
import { type Calendar, capital, type SectionProps } from './chat-widget-types.ts';

/** When the widget is open, what it says when it is not, and its weekday labels. */
export function ServiceHoursSection({
  form,
  group,
  err,
  calendars,
}: SectionProps & { calendars: Calendar[] }) {
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
  );
}
