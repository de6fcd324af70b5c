import type { z } from 'zod';
import { calendarYears, eq } from '@portal/db';
import type { TSavedCalendarYear, ZCalendarYear } from '@portal/rules';
import { NATIONAL_REGION } from './list.js';
import { type ActorContext, forbidden, writeAudit, withTransaction } from '../../core/index.js';

/**
 * Stores a year's holiday arrangement (adds a year or replaces a built-in one). The calendar is
 * the State Council's, the same for every jurisdiction, so only a system-level administrator keeps
 * it; every change is audited with the old and new lists, and every administrator sees the changes
 * (listCalendarYears).
 */
export async function saveCalendarYear({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCalendarYear>;
}): Promise<TSavedCalendarYear> {
  const me = ctx.actor;
  if (me.orgLevel !== 'system') throw forbidden('节假日安排全国统一，只有系统级管理员可以修改；如发现有误，请联系系统管理员');
  const year = input;
  const holidays = [...year.holidays].sort();
  const workingDays = [...year.workingDays].sort();
  await withTransaction(ctx, async (ctx) => {
    const before = (await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year.year)).limit(1))[0] ?? null;
    await ctx.db
      .insert(calendarYears)
      .values({ year: year.year, holidays, workingDays, source: year.source ?? null, updatedBy: me.id, updatedAt: ctx.now() })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { holidays, workingDays, source: year.source ?? null, updatedBy: me.id, updatedAt: ctx.now() },
      });
    await writeAudit(ctx, {
      action: 'calendar.save',
      entity: 'calendar_year',
      entityId: String(year.year),
      regionPath: NATIONAL_REGION,
      before: before && { year: before.year, holidays: before.holidays, workingDays: before.workingDays },
      after: { year: year.year, holidays, workingDays, source: year.source },
    });
  });
  return { year: year.year, holidays, workingDays };
}
