import { and, asc, auditLog, calendarYears, desc, eq, users } from '@portal/db';
import { DEFAULT_CALENDAR, type TCalendarOverview, calendarYears as packageYears } from '@portal/rules';
import { type ActorContext } from '../../core/index.js';

/** Audit rows of national reference data (the holiday calendar) carry the system root's path. */
export const NATIONAL_REGION = '/000000/';

/**
 * Years the calendar knows (shipped with the rules package or entered here), whether the caller may
 * change them (system-level administrators only), and the history of changes — every
 * jurisdiction's administrators see every change to the national table.
 */
export async function listCalendarYears({ ctx }: { ctx: ActorContext; input?: unknown }): Promise<TCalendarOverview> {
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
    holidays: s.holidays,
    workingDays: s.workingDays,
    source: s.source ?? '',
    origin: 'database' as const,
    updatedAt: s.updatedAt.toISOString(),
    updatedByName: s.updatedByName,
  }));
  const years = [...builtIn, ...entered].sort((a, b) => a.year - b.year);
  const known = packageYears(DEFAULT_CALENDAR);
  const changes = await ctx.db
    .select({ at: auditLog.at, username: auditLog.username, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'calendar_year'), eq(auditLog.action, 'calendar.save')))
    .orderBy(desc(auditLog.at))
    .limit(50);
  return {
    years,
    builtInRange: { from: Math.min(...known), to: Math.max(...known) },
    canEdit: ctx.actor.orgLevel === 'system',
    changes: changes.map((c) => {
      const after = c.after as { year: number; holidays: string[]; workingDays: string[] };
      const before = c.before as { holidays: string[]; workingDays: string[] } | null;
      return {
        at: c.at.toISOString(),
        username: c.username,
        year: after.year,
        holidays: after.holidays.length,
        workingDays: after.workingDays.length,
        replaced: before !== null,
      };
    }),
  };
}
