import type { z } from 'zod';
import { advanceDeclarations, and, desc, eq, hospitals, ne, users, type SQL } from '@portal/db';
import { type ZAdvanceListInput } from '@portal/rules';
import { loadServerCalendar } from '../calendar/index.js';
import { advanceView, loadAdvanceRecords } from './internal.js';
import { type ActorContext, chinaDate, inUserRegion } from '../../core/index.js';

/** Declarations in the caller's region, newest receipt first: declared / approved / paid / recovered / outstanding. */
export async function listAdvanceDeclarations({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZAdvanceListInput> }) {
  const { status } = input;
  const where: SQL[] = [inUserRegion(ctx.actor, advanceDeclarations.regionPath)];
  if (status === 'open') where.push(ne(advanceDeclarations.status, 'settled'));
  const rows = await ctx.db
    .select({ d: advanceDeclarations, hospitalName: hospitals.name, declaredByName: users.displayName })
    .from(advanceDeclarations)
    .innerJoin(hospitals, eq(hospitals.id, advanceDeclarations.hospitalId))
    .innerJoin(users, eq(users.id, advanceDeclarations.createdBy))
    .where(and(...where))
    .orderBy(desc(advanceDeclarations.receivedOn), desc(advanceDeclarations.createdAt))
    .limit(500);
  const today = chinaDate(ctx.now());
  const [calendar, records] = await Promise.all([
    loadServerCalendar(ctx.db),
    loadAdvanceRecords(
      ctx.db,
      rows.map((r) => r.d.id),
    ),
  ]);
  return {
    today,
    items: rows.map((r) =>
      advanceView(
        { ...r.d, hospitalName: r.hospitalName, declaredByName: r.declaredByName },
        records.get(r.d.id)!,
        ctx.actor,
        today,
        calendar,
      ),
    ),
  };
}
