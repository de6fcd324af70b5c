import { asc, calendarYears, eq, users } from '@portal/db';
import { calendarYears as packageYears, DEFAULT_CALENDAR } from '@portal/rules';
import { type ActorContext } from '../../core/index.js';

/** Years the calendar knows: those shipped with the rules package and those entered here. */
export async function listCalendarYears({ ctx }: { ctx: ActorContext; input?: unknown }) {
  const stored = await ctx.db
    .select({
      year: calendarYears.year,
      holidays: calendarYears.holidays,
      workingDays: calendarYears.workingDays,
      source: calendarYears.source,
      updatedAt: calendarYears.updatedAt,
      updatedByName: users.displayName,
    })
    .from(calendarYears)
    .innerJoin(users, eq(users.id, calendarYears.updatedBy))
    .orderBy(asc(calendarYears.year));
  const storedYears = new Set(stored.map((s) => s.year));
  const builtIn = DEFAULT_CALENDAR.years
    .filter((y) => !storedYears.has(y.year))
    .map((y) => ({
      year: y.year,
      holidays: [...y.holidays],
      workingDays: [...y.workingDays],
      source: y.source ?? '国务院办公厅节假日安排（系统内置）',
      origin: 'builtin' as const,
      updatedAt: null,
      updatedByName: null,
    }));
  const entered = stored.map((s) => ({
    year: s.year,
    holidays: s.holidays as string[],
    workingDays: s.workingDays as string[],
    source: s.source ?? '',
    origin: 'database' as const,
    updatedAt: s.updatedAt.toISOString(),
    updatedByName: s.updatedByName,
  }));
  const years = [...builtIn, ...entered].sort((a, b) => a.year - b.year);
  const known = packageYears(DEFAULT_CALENDAR);
  return { years, builtInRange: { from: Math.min(...known), to: Math.max(...known) } };
}
