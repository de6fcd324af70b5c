import { HOLIDAY_DATA } from './holiday-data.js';
import { toDayNumber, weekdayOf, yearOf } from './dates.js';
import { ZCalendarYear, type TCalendarYear } from './types.js';

/**
 * The working-day calendar (RULES §1): a weekday is a working day unless it is a statutory
 * holiday; a Saturday or Sunday is a day off unless it is an adjusted working day (调休上班).
 * Only years with data can be asked about: anything else throws `CalendarYearMissingError`,
 * never a weekends-only guess.
 */
export interface WorkingCalendar {
  /** The year data the calendar was built from, ascending by year. */
  readonly years: readonly TCalendarYear[];
  /** Day numbers (see `toDayNumber`) of holidays and adjusted working days, by year. */
  readonly index: ReadonlyMap<number, { holidays: ReadonlySet<number>; workingDays: ReadonlySet<number> }>;
}

/** Thrown when a date's year has no holiday arrangement in the calendar. */
export class CalendarYearMissingError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`缺少${year}年节假日安排，请管理员先录入`);
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

function validateYear(data: TCalendarYear): TCalendarYear {
  const parsed = ZCalendarYear.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`${data.year}年节假日安排有误：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/**
 * Builds a calendar from year data. Every year is validated with `ZCalendarYear`; a year given
 * twice is an error.
 */
export function createCalendar(years: readonly TCalendarYear[]): WorkingCalendar {
  const byYear = new Map<number, TCalendarYear>();
  for (const data of years) {
    if (byYear.has(data.year)) throw new RangeError(`${data.year}年节假日安排重复`);
    byYear.set(data.year, validateYear(data));
  }
  const sorted = [...byYear.values()].sort((a, b) => a.year - b.year);
  const index = new Map<number, { holidays: ReadonlySet<number>; workingDays: ReadonlySet<number> }>();
  for (const y of sorted) {
    index.set(y.year, {
      holidays: new Set(y.holidays.map(toDayNumber)),
      workingDays: new Set(y.workingDays.map(toDayNumber)),
    });
  }
  return { years: sorted, index };
}

/**
 * A new calendar with `yearData` added (for years the server keeps in its database). A year
 * already present is replaced: the later entry is an administrator's correction.
 */
export function extendCalendar(calendar: WorkingCalendar, yearData: TCalendarYear | readonly TCalendarYear[]): WorkingCalendar {
  const added = Array.isArray(yearData) ? (yearData as readonly TCalendarYear[]) : [yearData as TCalendarYear];
  const replaced = new Set(added.map((y) => y.year));
  return createCalendar([...calendar.years.filter((y) => !replaced.has(y.year)), ...added]);
}

/** The seeded calendar: State Council arrangements for 2017–2026. */
export const DEFAULT_CALENDAR: WorkingCalendar = createCalendar(HOLIDAY_DATA);

/** The years the calendar has data for, ascending. */
export function calendarYears(calendar: WorkingCalendar): number[] {
  return calendar.years.map((y) => y.year);
}

/**
 * `isWorkingDay` on a day number; throws `CalendarYearMissingError` outside the data — unless
 * `missing` is given: then a year without data counts Monday–Friday as working days (a
 * provisional answer, 暂定) and the year is added to `missing`, so the caller can say so.
 */
export function isWorkingDayNumber(calendar: WorkingCalendar, dayNumber: number, missing?: Set<number>): boolean {
  const year = yearOf(dayNumber);
  const data = calendar.index.get(year);
  if (!data) {
    if (!missing) throw new CalendarYearMissingError(year);
    missing.add(year);
    const weekday = weekdayOf(dayNumber);
    return weekday !== 0 && weekday !== 6;
  }
  if (data.workingDays.has(dayNumber)) return true;
  if (data.holidays.has(dayNumber)) return false;
  const weekday = weekdayOf(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/** True when `date` ('YYYY-MM-DD') is a working day. Throws `CalendarYearMissingError` outside the data. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  return isWorkingDayNumber(calendar, toDayNumber(date));
}
