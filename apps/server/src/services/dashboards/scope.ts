import { eq, orgUnits } from '@portal/db';
import type { TProfileId } from '@portal/rules';
import { type ActorContext, assertInUserRegion, chinaDate, notFound } from '../../core/index.js';

export interface DashboardScope {
  unit: { id: string; name: string; level: string; path: string; profile: TProfileId | null };
  year: number;
}

/** The unit and year a dashboard reads: the caller's unit and this year unless chosen; a unit outside the caller's region is refused. */
export async function dashboardScope(
  ctx: ActorContext,
  input: { orgUnitId?: string | undefined; year?: number | undefined },
): Promise<DashboardScope> {
  const id = input.orgUnitId ?? ctx.actor.orgUnitId;
  const unit = (
    await ctx.db
      .select({ id: orgUnits.id, name: orgUnits.name, level: orgUnits.level, path: orgUnits.path, profile: orgUnits.profile })
      .from(orgUnits)
      .where(eq(orgUnits.id, id))
      .limit(1)
  )[0];
  if (!unit) throw notFound('该区划不存在');
  assertInUserRegion(ctx.actor, unit.path, '该区划');
  return { unit, year: input.year ?? Number(chinaDate(ctx.now()).slice(0, 4)) };
}
