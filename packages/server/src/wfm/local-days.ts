import { invalid, type LocalDate } from '@switchboard/core';

/** A 'YYYY-MM-DD' from a request as a local date: a real day between 2000 and 2100, else 400 naming the field. */
export function dayOf(text: string, field: string): LocalDate {
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  const real = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === text;
  if (!real || year < 2000 || year > 2100)
    throw invalid(`${field} "${text}" is not a day between 2000 and 2100 (YYYY-MM-DD).`, { field });
  return { year, month, day };
}
