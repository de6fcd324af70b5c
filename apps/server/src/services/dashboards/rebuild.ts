import type { z } from 'zod';
import { and, claimMonthTotals, claims, eq, sql } from '@portal/db';
import type { ZRebuildTotalsInput } from '@portal/rules';
import { dashboardScope } from './scope.js';
import { recomputeClaimTotals } from './totals.js';
import { type ActorContext, invalid, underRegion, withTransaction, writeAudit } from '../../core/index.js';

/** Units small enough for one rebuild transaction; a city or province is rebuilt county by county. */
const REBUILDABLE_LEVELS = new Set(['county', 'township']);

/**
 * Recomputes the claim aggregates of one county (or township) and year from the claims, for an
 * admin who suspects drift or after a data repair; audited in the same transaction.
 */
export async function rebuildClaimTotals({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZRebuildTotalsInput>;
}): Promise<{ rows: number; claims: number }> {
  return withTransaction(ctx, async (ctx) => {
    const { unit, year } = await dashboardScope(ctx, input);
    if (!REBUILDABLE_LEVELS.has(unit.level)) throw invalid('请选择一个县（区）重建汇总数据，市、省级请逐县重建');
    await recomputeClaimTotals(ctx.db, unit.path, year);
    const [rows] = await ctx.db
      .select({ n: sql<number>`count(*)::int`, claims: sql<number>`coalesce(sum(${claimMonthTotals.claims}), 0)::int` })
      .from(claimMonthTotals)
      .where(and(eq(claimMonthTotals.year, year), underRegion(unit.path, claimMonthTotals.regionPath)));
    const [raw] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(claims)
      .where(and(eq(claims.year, year), underRegion(unit.path, claims.regionPath)));
    await writeAudit(ctx, {
      action: 'dashboard.rebuild',
      entity: 'org_unit',
      entityId: unit.id,
      regionPath: unit.path,
      after: { year, rows: rows?.n ?? 0, claims: rows?.claims ?? 0, claimRows: raw?.n ?? 0 },
    });
    return { rows: rows?.n ?? 0, claims: rows?.claims ?? 0 };
  });
}
