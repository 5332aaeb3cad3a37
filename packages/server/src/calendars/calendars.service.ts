import { authorize, conflict, invalid, LIMITS, openState, validateCalendar } from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { type CalendarFields, calendarsRepository, type StoredCalendar } from '../db/repositories/index.ts';
import { refuseIfInUse } from '../voice/call-flows.service.ts';

/** A calendar as an administrator sends it: a name and the fields validateCalendar checks. */
export type CalendarInput = { name: string } & Record<string, unknown>;

export const presentCalendar = ({ id, name, calendar, createdAt, updatedAt }: StoredCalendar) => ({
  id,
  name,
  ...calendar,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

const loadCalendar = (tenantId: string, id: string) => async (db: Db) => {
  const calendar = await calendarsRepository.findById(db, tenantId, id);
  return calendar && presentCalendar(calendar);
};

const target = (id: string) => ({ entity: 'calendar', entityType: 'calendar', entityId: id });

/** The shapes were checked by the route schema; the meaning (zone, dates, intervals) is checked here. */
const fieldsOf = ({ name, ...calendar }: CalendarInput): CalendarFields => ({
  name,
  calendar: validateCalendar(calendar),
});

export async function listCalendars(db: Db, principal: Principal) {
  authorize(principal, 'calendar.read');
  return (await calendarsRepository.list(db, principal.tenantId)).map(presentCalendar);
}

export function getCalendar(db: Db, principal: Principal, id: string) {
  authorize(principal, 'calendar.read');
  return found('Calendar', loadCalendar(principal.tenantId, id)(db));
}

export function createCalendar(db: Db, principal: Principal, input: CalendarInput) {
  authorize(principal, 'calendar.manage');
  const fields = fieldsOf(input);
  const id = crypto.randomUUID();
  const { tenantId } = principal;
  return found(
    'Calendar',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadCalendar(tenantId, id),
      apply: async (trx) => {
        const max = LIMITS.calendarsPerTenant.max;
        if ((await calendarsRepository.countForCreate(trx, tenantId)) >= max) {
          throw conflict(`A tenant may have at most ${max} calendars; delete one before adding another.`, {
            limit: max,
          });
        }
        await calendarsRepository.insert(trx, tenantId, id, fields);
      },
    }),
  );
}

/** Replaces the name and the whole calendar: what the body leaves out (holidays, say) is gone after. */
export function replaceCalendar(db: Db, principal: Principal, id: string, input: CalendarInput) {
  authorize(principal, 'calendar.manage');
  const fields = fieldsOf(input);
  return found(
    'Calendar',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadCalendar(principal.tenantId, id),
      apply: (trx) => calendarsRepository.update(trx, principal.tenantId, id, fields),
    }),
  );
}

export async function deleteCalendar(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'calendar.manage');
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadCalendar(principal.tenantId, id),
    apply: async (trx) => {
      await refuseIfInUse(trx, principal.tenantId, 'calendar', id);
      await calendarsRepository.delete(trx, principal.tenantId, id);
    },
  });
}

/**
 * Instants the state is answered for. Far outside them the answer would be wrong rather than refused: the
 * runtime reads year 0 as 1 BC in Date and as 1 AD in Intl, and a change after 9999 has no RFC 3339 form.
 */
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

function instantOf(at: string | undefined, now: number): number {
  if (at === undefined) return now;
  const ms = Date.parse(at);
  // The date-time format admits a few forms Date cannot read: leap seconds, offsets without minutes.
  if (Number.isNaN(ms) || ms < EARLIEST) {
    throw invalid('at must be an instant from the year 1900 on, written like 2026-12-24T16:30:00Z.', {
      field: 'at',
    });
  }
  return ms;
}

/** Whether the calendar is open at `at` (default: now) and when that next changes. */
export async function calendarState(
  db: Db,
  principal: Principal,
  id: string,
  at: string | undefined,
  now: number,
) {
  authorize(principal, 'calendar.read');
  const instant = instantOf(at, now);
  const stored = await found('Calendar', calendarsRepository.findById(db, principal.tenantId, id));
  const { open, reason, holidayName, nextChangeMs } = openState(stored.calendar, instant);
  return {
    open,
    reason,
    ...(holidayName === undefined ? {} : { holidayName }),
    nextChange: nextChangeMs === null || nextChangeMs > LATEST ? null : new Date(nextChangeMs).toISOString(),
  };
}
