import { calendarYears, type WorkingCalendar } from '../calendar/calendar.js';

/** From this month on (November), next year's holiday arrangement should be in the calendar. */
export const NEXT_YEAR_CALENDAR_FROM_MONTH = 11;

/**
 * The year whose holiday arrangement is missing and due on `today` (YYYY-MM-DD, China date): next
 * year from November on when the calendar has no data for it; otherwise null. Deadlines in a year
 * without data are only provisional (Monday–Friday), so the administrator is warned in advance.
 */
export function missingNextYearCalendar(calendar: WorkingCalendar, today: string): number | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month < NEXT_YEAR_CALENDAR_FROM_MONTH) return null;
  return calendarYears(calendar).includes(year + 1) ? null : year + 1;
}
