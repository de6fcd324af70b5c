import { and, asc, eq, households, ilike, or, persons, sql } from '@portal/db';
import type { THouseholdMatch } from '@portal/rules';
import { z } from 'zod';
import { type ActorContext, inUserRegion } from '../../core/index.js';

export const ZFindHouseholdsInput = z.object({ q: z.string().trim().min(1, '请输入户编号或户主姓名').max(32, '检索词过长') });

/** Households in the caller's region whose number or head's name matches, for the "move member" picker. */
export async function findHouseholds({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZFindHouseholdsInput>;
}): Promise<THouseholdMatch[]> {
  const { q } = input;
  const rows = await ctx.db
    .select({ id: households.id, householdNo: households.householdNo, address: households.address, headName: persons.name })
    .from(households)
    .leftJoin(persons, eq(persons.id, households.headPersonId))
    .where(and(inUserRegion(ctx.actor, households.regionPath), or(ilike(households.householdNo, `%${q}%`), ilike(persons.name, `%${q}%`))))
    .orderBy(asc(households.householdNo))
    .limit(20);
  const counts = rows.length
    ? await ctx.db
        .select({ householdId: persons.householdId, n: sql<number>`count(*)::int` })
        .from(persons)
        .where(sql`${persons.householdId} in ${rows.map((r) => r.id)}`)
        .groupBy(persons.householdId)
    : [];
  return rows.map((r) => ({ ...r, memberCount: counts.find((c) => c.householdId === r.id)?.n ?? 0 }));
}
