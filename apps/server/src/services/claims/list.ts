import type { z } from 'zod';
import { and, claims, eq, gt, gte, inArray, like, lte, orgUnits, persons, sum, type SQL } from '@portal/db';
import { type TClaimListPage, type ZListClaimsInput, maskIdNumber } from '@portal/rules';
import { personSearchCondition } from '../persons/index.js';
import { type ActorContext, boundedCount, inUserRegion, paginate, timestampKey, withReportReads } from '../../core/index.js';

const TIER_COLUMN = {
  basic: claims.basic,
  critical: claims.critical,
  hospital_reduction: claims.hospitalReduction,
  assistance: claims.assistance,
  tilted: claims.tilted,
  hospital_borne: claims.hospitalBorne,
} as const;

/** Claims in the caller's region by person, county, hospital, date range and tier, with totals. */
export async function listClaims({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZListClaimsInput> }): Promise<TClaimListPage> {
  return withReportReads(ctx, async (ctx) => {
    const f = input;
    const unitPath = f.orgUnitId
      ? (await ctx.db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, f.orgUnitId)).limit(1))[0]?.path
      : undefined;
    const conditions: (SQL | undefined)[] = [
      inUserRegion(ctx.actor, claims.regionPath),
      unitPath ? like(claims.regionPath, `${unitPath}%`) : undefined,
      f.personId ? eq(claims.personId, f.personId) : undefined,
      f.hospitalId ? eq(claims.hospitalId, f.hospitalId) : undefined,
      f.from ? gte(claims.dischargeDate, f.from) : undefined,
      f.to ? lte(claims.dischargeDate, f.to) : undefined,
      f.tier ? gt(TIER_COLUMN[f.tier], 0) : undefined,
      f.q ? inArray(claims.personId, ctx.db.select({ id: persons.id }).from(persons).where(personSearchCondition(f.q))) : undefined,
    ];
    const where = and(...conditions);
    const [page, rowCount] = await Promise.all([
      paginate({
        cursor: f.cursor,
        limit: f.pageSize,
        keys: [claims.createdAt, claims.id],
        direction: 'desc',
        query: (after, limit, orderBy) =>
          ctx.db
            .select({ c: claims, personName: persons.name, idNumber: persons.idNumber, key: timestampKey(claims.createdAt) })
            .from(claims)
            .innerJoin(persons, eq(persons.id, claims.personId))
            .where(and(where, after))
            .orderBy(...orderBy)
            .limit(limit),
        keyOf: (r) => [r.key, r.c.id],
      }),
      boundedCount(ctx.db, claims, where),
    ]);
    // Sums only over a range small enough to add up at once (never over a region's millions).
    const t = rowCount.isEstimate
      ? undefined
      : (
          await ctx.db
            .select({
              total: sum(claims.totalCost),
              basic: sum(claims.basic),
              critical: sum(claims.critical),
              hospitalReduction: sum(claims.hospitalReduction),
              assistance: sum(claims.assistance),
              tilted: sum(claims.tilted),
              hospitalBorne: sum(claims.hospitalBorne),
              patientPays: sum(claims.patientPays),
            })
            .from(claims)
            .where(where)
        )[0];
    const num = (v: string | number | null | undefined) => Number(v ?? 0);
    const rows = page.items;
    return {
      items: rows.map(({ c, personName, idNumber }) => ({
        id: c.id,
        claimNo: c.claimNo,
        kind: c.kind,
        status: c.status,
        personId: c.personId,
        personName,
        idNumberMasked: maskIdNumber(idNumber),
        hospitalName: c.hospitalName,
        visitType: c.visitType,
        dischargeDate: c.dischargeDate,
        appliedCategory: c.appliedCategory,
        totalCost: c.totalCost,
        basic: c.basic,
        critical: c.critical,
        hospitalReduction: c.hospitalReduction,
        assistance: c.assistance,
        tilted: c.tilted,
        hospitalBorne: c.hospitalBorne,
        patientPays: c.patientPays,
      })),
      nextCursor: page.nextCursor,
      count: rowCount,
      totals: rowCount.isEstimate
        ? null
        : {
            totalCost: num(t?.total),
            basic: num(t?.basic),
            critical: num(t?.critical),
            hospitalReduction: num(t?.hospitalReduction),
            assistance: num(t?.assistance),
            tilted: num(t?.tilted),
            hospitalBorne: num(t?.hospitalBorne),
            patientPays: num(t?.patientPays),
          },
    };
  });
}
