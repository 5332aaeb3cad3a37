export {
  CALENDAR_LIMITS,
  type Calendar,
  type CalendarMode,
  type CustomDay,
  type Holiday,
  isOpen,
  type OpenReason,
  type OpenState,
  openState,
  type TimeInterval,
  WEEKDAYS,
  type Weekday,
} from './calendar.ts';
export { checkRecurrence, latestRun, nextRun, type Recurrence } from './recurrence.ts';
export { validateCalendar } from './validate.ts';
export {
  addDays,
  canonicalTimeZone,
  formatLocalDate,
  type LocalDate,
  localDateAt,
  localToInstant,
  zoneOffsetMs,
} from './zoned-time.ts';
