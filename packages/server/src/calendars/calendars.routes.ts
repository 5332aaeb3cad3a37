import { CALENDAR_LIMITS, LIMITS } from '@switchboard/core';
import { type TSchema, Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  calendarState,
  createCalendar,
  deleteCalendar,
  getCalendar,
  listCalendars,
  replaceCalendar,
} from './calendars.service.ts';

/*
 * The schemas check shapes and sizes; validateCalendar checks meaning (the zone exists, dates are real,
 * intervals are ordered and do not overlap) and names the offending field when they are not.
 */
const tags = ['calendars'];
const Time = Type.String({
  pattern: '^[0-9]{2}:[0-9]{2}$',
  description: "Local wall time 'HH:MM'; an interval may end at '24:00'.",
});
const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Interval = Type.Object({ start: Time, end: Time }, { additionalProperties: false });
const Intervals = Type.Array(Interval, {
  maxItems: CALENDAR_LIMITS.intervalsPerDay.max,
  description: 'Each open from start up to (not including) end; in any order, not overlapping.',
});
const Holiday = Type.Object(
  {
    date: LocalDate,
    name: Type.Optional(Type.String({ maxLength: CALENDAR_LIMITS.holidayName.max })),
  },
  { additionalProperties: false, description: 'Closed all day.' },
);
const CustomDay = Type.Object(
  { date: LocalDate, intervals: Intervals },
  {
    additionalProperties: false,
    description: 'Hours that replace the weekly hours (and a holiday) on that date; none: closed.',
  },
);
const Holidays = Type.Array(Holiday, { maxItems: CALENDAR_LIMITS.holidays.max });
const CustomDays = Type.Array(CustomDay, { maxItems: CALENDAR_LIMITS.customDays.max });
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "An IANA time zone, e.g. 'Europe/Berlin'.",
});
const Mode = Type.Enum(['24x7', 'custom'], {
  description: '24x7: always open (hours, holidays and custom days are kept but not applied).',
});
const week = <T extends TSchema>(day: T) => ({
  monday: day,
  tuesday: day,
  wednesday: day,
  thursday: day,
  friday: day,
  saturday: day,
  sunday: day,
});

const CalendarBody = Type.Object(
  {
    name: name(LIMITS.calendarName.max),
    timeZone: TimeZone,
    mode: Mode,
    weekly: Type.Optional(
      Type.Object(week(Type.Optional(Intervals)), {
        additionalProperties: false,
        description: 'Hours per weekday; a missing day is closed. Required for mode custom.',
      }),
    ),
    holidays: Type.Optional(Holidays),
    customDays: Type.Optional(CustomDays),
  },
  { additionalProperties: false },
);
const Calendar = Type.Object({
  id: Uuid,
  name: Type.String(),
  timeZone: Type.String(),
  mode: Mode,
  weekly: Type.Object(week(Intervals)),
  holidays: Holidays,
  customDays: CustomDays,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
const CalendarState = Type.Object({
  open: Type.Boolean(),
  reason: Type.Enum(['hours', 'holiday', 'closed', '24x7']),
  holidayName: Type.Optional(Type.String()),
  nextChange: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When open flips next; null when it does not within about a year.',
  }),
});

export function calendarRoutes(app: App, { db, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/calendars',
    permission: 'calendar.read',
    tags,
    summary: 'List calendars',
    response: { 200: Type.Array(Calendar) },
    handler: (request) => listCalendars(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/calendars',
    permission: 'calendar.manage',
    tags,
    summary: 'Create a calendar: time zone, 24x7 or weekly hours, holidays, custom business days',
    body: CalendarBody,
    response: { 201: Calendar },
    handler: async (request, reply) =>
      reply.status(201).send(await createCalendar(db, principalOf(request), request.body)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/calendars/:id',
    permission: 'calendar.read',
    tags,
    summary: 'Get a calendar',
    params: IdParams,
    response: { 200: Calendar },
    handler: (request) => getCalendar(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/calendars/:id',
    permission: 'calendar.manage',
    tags,
    summary: 'Replace a calendar (name and all its hours, holidays and custom days)',
    params: IdParams,
    body: CalendarBody,
    response: { 200: Calendar },
    handler: (request) => replaceCalendar(db, principalOf(request), request.params.id, request.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/calendars/:id',
    permission: 'calendar.manage',
    tags,
    summary: 'Delete a calendar',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteCalendar(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/calendars/:id/state',
    permission: 'calendar.read',
    tags,
    summary: 'Whether the calendar is open at an instant (default now), and until when',
    params: IdParams,
    query: Type.Object(
      {
        at: Type.Optional(
          Type.String({
            format: 'date-time',
            description: 'An instant with offset, e.g. 2026-12-24T16:30:00Z.',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: CalendarState },
    handler: (request) =>
      calendarState(db, principalOf(request), request.params.id, request.query.at, clock.now()),
  });
}
