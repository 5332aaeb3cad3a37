import { LIMITS } from '@switchboard/core';
import type { ItemOf } from '../api/types.ts';
import { Field } from '../ui/form.tsx';
import { SelectField, TextField } from '../ui/inputs.tsx';
import { CrudPage } from './crud-page.tsx';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Day = (typeof DAYS)[number];
interface Interval {
  start: string;
  end: string;
}
type Calendar = ItemOf<'/calendars'>;
interface CalendarForm {
  name: string;
  timeZone: string;
  mode: Calendar['mode'];
  /** Per day: "09:00-12:00, 13:00-17:00"; empty: closed. */
  weekly: Record<Day, string>;
  /** One per line: "2026-12-25 Christmas Day". */
  holidays: string;
  /** One per line: "2026-12-24 09:00-12:00" (no hours: closed that day). */
  customDays: string;
}

const showIntervals = (intervals: Interval[]) => intervals.map((i) => `${i.start}-${i.end}`).join(', ');
/** Reads "09:00-12:00, 13:00-17:00"; anything malformed is passed through for the server to name. */
const readIntervals = (text: string): Interval[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split('-').map((s) => s.trim());
      return { start, end };
    });
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The server names the day at fault (`weekly/tuesday/0/end`): its message goes under that day. */
const dayError = (errors: Record<string, string>, day: Day) =>
  Object.entries(errors).find(([path]) => path === `weekly/${day}` || path.startsWith(`weekly/${day}/`))?.[1];

const ZONES: string[] = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
  'timeZone',
) ?? ['UTC'];

/** Calendars: weekly hours, holidays, custom business days and the time zone they are read in. */
export function CalendarsPage() {
  return (
    <CrudPage<Calendar, CalendarForm>
      title="Calendars"
      noun="calendar"
      path="/calendars"
      updateMethod="PUT"
      columns={[
        { label: 'Name', render: (c) => c.name },
        { label: 'Time zone', render: (c) => c.timeZone },
        {
          label: 'Hours',
          render: (c) =>
            c.mode === '24x7'
              ? '24×7'
              : DAYS.map((d) => `${d.slice(0, 3)} ${showIntervals(c.weekly[d]) || 'closed'}`).join('; '),
        },
        { label: 'Holidays', render: (c) => c.holidays.length },
      ]}
      blank={() => ({
        name: '',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
        mode: 'custom',
        weekly: {
          monday: '09:00-17:00',
          tuesday: '09:00-17:00',
          wednesday: '09:00-17:00',
          thursday: '09:00-17:00',
          friday: '09:00-17:00',
          saturday: '',
          sunday: '',
        },
        holidays: '',
        customDays: '',
      })}
      toForm={(c) => ({
        name: c.name,
        timeZone: c.timeZone,
        mode: c.mode,
        weekly: Object.fromEntries(DAYS.map((d) => [d, showIntervals(c.weekly[d])])) as Record<Day, string>,
        holidays: c.holidays.map((h) => `${h.date}${h.name ? ` ${h.name}` : ''}`).join('\n'),
        customDays: c.customDays.map((d) => `${d.date} ${showIntervals(d.intervals)}`.trim()).join('\n'),
      })}
      toBody={(f) => ({
        name: f.name.trim(),
        timeZone: f.timeZone,
        mode: f.mode,
        // Open 24×7 the weekly hours are greyed out and not applied: whatever they hold must not block saving.
        ...(f.mode === 'custom'
          ? { weekly: Object.fromEntries(DAYS.map((d) => [d, readIntervals(f.weekly[d])])) }
          : {}),
        holidays: lines(f.holidays).map((line) => {
          const [date = '', ...name] = line.split(/\s+/);
          return name.length > 0 ? { date, name: name.join(' ') } : { date };
        }),
        customDays: lines(f.customDays).map((line) => {
          const [date = '', ...rest] = line.split(/\s+/);
          return { date, intervals: readIntervals(rest.join(' ')) };
        }),
      })}
      fields={({ form, set, errors }) => (
        <>
          <div className="columns">
            <TextField
              label="Name"
              value={form.name}
              onChange={(name) => set({ name })}
              error={errors.name}
              maxLength={LIMITS.calendarName.max}
              required
            />
            <SelectField
              label="Time zone"
              value={form.timeZone}
              options={ZONES.map((z) => [z, z] as const)}
              onChange={(timeZone) => set({ timeZone })}
              error={errors.timeZone}
            />
            <SelectField
              label="Hours"
              value={form.mode}
              options={[
                ['custom', 'Weekly hours'],
                ['24x7', 'Open 24×7'],
              ]}
              onChange={(mode) => set({ mode })}
              error={errors.mode}
            />
          </div>
          <fieldset disabled={form.mode === '24x7'}>
            <legend>Weekly hours (e.g. 09:00-12:00, 13:00-17:00; empty: closed)</legend>
            <div className="columns">
              {DAYS.map((day) => (
                <TextField
                  key={day}
                  label={day[0]?.toUpperCase() + day.slice(1)}
                  value={form.weekly[day]}
                  onChange={(v) => set({ weekly: { ...form.weekly, [day]: v } })}
                  error={dayError(errors, day)}
                />
              ))}
            </div>
            {errors.weekly && !DAYS.some((day) => dayError(errors, day)) ? (
              <p className="field-error" role="alert">
                {errors.weekly}
              </p>
            ) : null}
          </fieldset>
          <Field label="Holidays (one per line: 2026-12-25 Christmas Day)" error={errors.holidays}>
            {(input) => (
              <textarea
                {...input}
                rows={3}
                value={form.holidays}
                onChange={(e) => set({ holidays: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Custom business days (one per line: 2026-12-24 09:00-12:00; no hours: closed)"
            error={errors.customDays}
          >
            {(input) => (
              <textarea
                {...input}
                rows={3}
                value={form.customDays}
                onChange={(e) => set({ customDays: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
    />
  );
}
