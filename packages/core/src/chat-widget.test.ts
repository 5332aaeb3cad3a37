import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { validateCalendar } from './calendar/index.ts';
import {
  checkWidgetLabels,
  DEFAULT_WIDGET_SETTINGS,
  widgetServiceState,
  withWidgetDefaults,
} from './chat-widget.ts';
import { LIMITS } from './limits.ts';

const WEEKDAY = [{ start: '08:00', end: '18:00' }];
const officeHours = validateCalendar({
  timeZone: 'Europe/London',
  mode: 'custom',
  weekly: { monday: WEEKDAY, tuesday: WEEKDAY, wednesday: WEEKDAY, thursday: WEEKDAY, friday: WEEKDAY },
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
});
const hours = DEFAULT_WIDGET_SETTINGS.serviceHours;

describe('widget settings', () => {
  test('what the input leaves out comes from the defaults, group by group and field by field', () => {
    const settings = withWidgetDefaults({
      branding: { titleText: 'Acme help' },
      messages: { agentJoined: { before: 'Agent ', after: ' is here' }, agentLeft: { after: ' left' } },
      serviceHours: { dayLabels: { monday: 'Lundi' } },
    });
    assert.equal(settings.branding.titleText, 'Acme help');
    assert.equal(settings.branding.buttonColor, DEFAULT_WIDGET_SETTINGS.branding.buttonColor);
    assert.deepEqual(settings.messages.agentJoined, { before: 'Agent ', after: ' is here' });
    assert.deepEqual(settings.messages.agentLeft, { before: '', after: ' left' });
    assert.equal(settings.serviceHours.dayLabels.monday, 'Lundi');
    assert.equal(settings.serviceHours.dayLabels.sunday, 'Sunday');
    assert.deepEqual(withWidgetDefaults(), DEFAULT_WIDGET_SETTINGS);
  });

  test('the defaults keep every limit', () => {
    const { branding, messages, labels } = DEFAULT_WIDGET_SETTINGS;
    const colour = new RegExp(LIMITS.widgetColour.pattern);
    for (const [key, value] of Object.entries(branding)) {
      if (key.endsWith('Color')) assert.match(value, colour, key);
    }
    assert.match(branding.fontFamily, new RegExp(LIMITS.widgetFontFamily.pattern));
    for (const value of Object.values(labels)) assert.ok(value.length <= LIMITS.widgetLabel.max, value);
    for (const value of Object.values(messages)) {
      if (typeof value === 'string') assert.ok(value.length <= LIMITS.widgetMessage.max, value);
    }
  });

  test('custom field labels and problem statements are unique ignoring case, and the repeat is named', () => {
    const label = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(label, { maxLength: 8 }),
        fc.array(label, { maxLength: 8 }),
        (custom, problems) => {
          const settings = withWidgetDefaults({
            fields: { custom: custom.map((l) => ({ label: l, required: false })) },
          });
          const distinct = (labels: string[]) =>
            new Set(labels.map((l) => l.trim().toLocaleLowerCase('en'))).size === labels.length;
          const statements = problems.map((l) => ({ label: l }));
          if (distinct(custom) && distinct(problems)) {
            checkWidgetLabels(settings, statements);
          } else {
            assert.throws(
              () => checkWidgetLabels(settings, statements),
              (error: { code: string; details: { path: string }[] }) =>
                error.code === 'validation_failed' &&
                /^body\/(fields\/custom|problemStatements)\/\d+\/label$/.test(error.details[0]?.path ?? ''),
            );
          }
        },
      ),
    );
    assert.throws(
      () => checkWidgetLabels(DEFAULT_WIDGET_SETTINGS, [{ label: 'Billing' }, { label: ' billing' }]),
      /Problem statements must differ/,
    );
  });
});

describe('widget service hours', () => {
  test('without a calendar, or with a 24×7 one, the widget is always open', () => {
    const always = validateCalendar({ timeZone: 'UTC', mode: '24x7' });
    for (const calendar of [null, always]) {
      assert.deepEqual(widgetServiceState(calendar, hours, Date.UTC(2026, 11, 25, 3)), {
        open: true,
        reason: 'open',
        message: null,
        nextChange: null,
        schedule: null,
      });
    }
  });

  test('inside the hours: open until closing time', () => {
    const state = widgetServiceState(officeHours, hours, Date.UTC(2026, 0, 5, 12));
    assert.equal(state.open, true);
    assert.equal(state.reason, 'open');
    assert.equal(state.message, null);
    assert.equal(state.nextChange, '2026-01-05T18:00:00.000Z');
  });

  test('outside the hours: the off-hours message, the opening time and the hours with day labels', () => {
    const labelled = { ...hours, dayLabels: { ...hours.dayLabels, saturday: 'Samstag' } };
    const state = widgetServiceState(officeHours, labelled, Date.UTC(2026, 0, 3, 12)); // a Saturday
    assert.equal(state.open, false);
    assert.equal(state.reason, 'off_hours');
    assert.equal(state.message, hours.offHoursMessage);
    assert.equal(state.nextChange, '2026-01-05T08:00:00.000Z');
    assert.equal(state.schedule?.timeZone, 'Europe/London');
    assert.deepEqual(state.schedule?.days[5], { day: 'saturday', label: 'Samstag', intervals: [] });
    assert.deepEqual(state.schedule?.days[0]?.intervals, WEEKDAY);
  });

  test('on a holiday: the holiday message, even during the weekday hours', () => {
    const state = widgetServiceState(officeHours, hours, Date.UTC(2026, 11, 25, 12)); // a Friday
    assert.equal(state.open, false);
    assert.equal(state.reason, 'holiday');
    assert.equal(state.message, hours.holidayMessage);
    assert.equal(state.nextChange, '2026-12-28T08:00:00.000Z');
  });
});
