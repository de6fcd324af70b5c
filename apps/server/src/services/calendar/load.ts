import { asc, calendarYears, type DbOrTx } from '@portal/db';
import { DEFAULT_CALENDAR, extendCalendar, type TCalendarYear, type WorkingCalendar } from '@portal/rules';

/** The server's working-day calendar: the package's seeded years extended with the stored ones. */
export async function loadServerCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  if (!rows.length) return DEFAULT_CALENDAR;
  const years: TCalendarYear[] = rows.map((r) => ({
    year: r.year,
    holidays: r.holidays as string[],
    workingDays: r.workingDays as string[],
    source: r.source ?? undefined,
  }));
  return extendCalendar(DEFAULT_CALENDAR, years);
}
