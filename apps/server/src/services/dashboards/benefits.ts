import type { z } from 'zod';
import { and, asc, claimMonthTotals, eq, hospitals, inArray, orgUnits, sql } from '@portal/db';
import {
  CATEGORY_LABELS,
  PROFILES,
  VISIT_TYPE_LABELS,
  findOutOfScopeLimit,
  formatYuan,
  percentOf,
  type TBenefitsDashboard,
  type TCategoryId,
  type TDashboardSums,
  type TProfileId,
  type ZDashboardInput,
} from '@portal/rules';
import { dashboardScope } from './scope.js';
import { type ActorContext, underRegion, withReportReads } from '../../core/index.js';

const t = claimMonthTotals;
const SUMS = {
  claims: sql<number>`coalesce(sum(${t.claims}), 0)::int`,
  totalCost: sql<number>`coalesce(sum(${t.totalCost}), 0)::bigint`,
  inScopeCost: sql<number>`coalesce(sum(${t.inScopeCost}), 0)::bigint`,
  basic: sql<number>`coalesce(sum(${t.basic}), 0)::bigint`,
  critical: sql<number>`coalesce(sum(${t.critical}), 0)::bigint`,
  assistance: sql<number>`coalesce(sum(${t.assistance}), 0)::bigint`,
  other: sql<number>`coalesce(sum(${t.hospitalReduction} + ${t.tilted}), 0)::bigint`,
  fundPaid: sql<number>`coalesce(sum(${t.fundPaid}), 0)::bigint`,
  patientPays: sql<number>`coalesce(sum(${t.patientPays}), 0)::bigint`,
};
const SUM_KEYS = Object.keys(SUMS) as (keyof TDashboardSums)[];

const zero = (): TDashboardSums => ({
  claims: 0,
  totalCost: 0,
  inScopeCost: 0,
  basic: 0,
  critical: 0,
  assistance: 0,
  other: 0,
  fundPaid: 0,
  patientPays: 0,
});
/** bigint sums arrive as strings from some drivers. */
function toSums(row: Record<string, unknown>): TDashboardSums {
  const out = zero();
  for (const k of SUM_KEYS) out[k] = Number(row[k] ?? 0);
  return out;
}
function addInto(into: TDashboardSums, from: TDashboardSums): void {
  for (const k of SUM_KEYS) into[k] += from[k];
}

/**
 * The benefits, hospitals and referrals panels of the supervisors' dashboard, read from the claim
 * aggregates (never the claims) for the chosen unit and year: a handful of grouped reads over at
 * most units × 12 months × categories × hospitals rows, whatever the number of claims.
 */
export async function getBenefitsDashboard({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZDashboardInput>;
}): Promise<TBenefitsDashboard> {
  return withReportReads(ctx, async (ctx) => {
    const { unit, year } = await dashboardScope(ctx, input);
    const where = and(eq(t.year, year), underRegion(unit.path, t.regionPath));
    const [byRegion, byMonth, byCategory, byHospital, children] = await Promise.all([
      ctx.db
        .select({
          regionPath: t.regionPath,
          profile: t.profile,
          visitType: t.visitType,
          location: t.location,
          referred: sql<number>`sum(${t.referred})::int`,
          overrides: sql<number>`sum(${t.overrides})::int`,
          ...SUMS,
        })
        .from(t)
        .where(where)
        .groupBy(t.regionPath, t.profile, t.visitType, t.location),
      ctx.db
        .select({ month: t.month, ...SUMS })
        .from(t)
        .where(where)
        .groupBy(t.month)
        .orderBy(asc(t.month)),
      ctx.db
        .select({ category: t.appliedCategory, ...SUMS })
        .from(t)
        .where(where)
        .groupBy(t.appliedCategory),
      ctx.db
        .select({
          hospitalId: t.hospitalId,
          hospitalLevel: t.hospitalLevel,
          profile: t.profile,
          visitType: t.visitType,
          location: t.location,
          claims: SUMS.claims,
          totalCost: SUMS.totalCost,
          outOfScope: sql<number>`coalesce(sum(${t.totalCost} - ${t.inScopeCost} - ${t.specialDrugCost}), 0)::bigint`,
          hospitalBorne: sql<number>`coalesce(sum(${t.hospitalBorne}), 0)::bigint`,
        })
        .from(t)
        .where(where)
        .groupBy(t.hospitalId, t.hospitalLevel, t.profile, t.visitType, t.location),
      ctx.db
        .select({ id: orgUnits.id, name: orgUnits.name, level: orgUnits.level, path: orgUnits.path })
        .from(orgUnits)
        .where(eq(orgUnits.parentId, unit.id))
        .orderBy(asc(orgUnits.code)),
    ]);

    const totals = zero();
    const profiles = new Set<TProfileId>();
    const inpatient = { all: zero(), inCounty: zero() };
    const referrals = { outOfCounty: 0, referred: 0, unreferred: 0, overrides: 0 };
    const childSums = new Map(children.map((c) => [c.id, { sums: zero(), inpatient: zero() }]));
    const own = { sums: zero(), inpatient: zero() };
    const visitTypes = new Map<string, TDashboardSums>();
    for (const r of byRegion) {
      const s = toSums(r);
      addInto(totals, s);
      profiles.add(r.profile);
      const child = children.find((c) => r.regionPath.startsWith(c.path));
      const bucket = child ? childSums.get(child.id)! : own;
      addInto(bucket.sums, s);
      if (!visitTypes.has(r.visitType)) visitTypes.set(r.visitType, zero());
      addInto(visitTypes.get(r.visitType)!, s);
      if (r.visitType === 'inpatient') {
        addInto(inpatient.all, s);
        addInto(bucket.inpatient, s);
        if (r.location === 'in_county') addInto(inpatient.inCounty, s);
        else {
          referrals.outOfCounty += s.claims;
          referrals.referred += Number(r.referred);
          referrals.overrides += Number(r.overrides);
        }
      }
    }
    referrals.unreferred = referrals.outOfCounty - referrals.referred;

    const profile: TProfileId | null = profiles.size === 1 ? [...profiles][0]! : profiles.size === 0 ? unit.profile : null;
    const target = profile ? PROFILES[profile].capabilities.inpatientRatioTarget : null;
    const base = target?.scope === 'in_county' ? inpatient.inCounty : inpatient.all;
    const where_ = target?.scope === 'in_county' ? '县域内住院' : '住院';

    const hospitalRows = new Map<
      string,
      {
        claims: number;
        totalCost: number;
        outOfScope: number;
        hospitalBorne: number;
        limitedTotal: number;
        limitedOut: number;
        allowed: number;
      }
    >();
    for (const r of byHospital) {
      const h = hospitalRows.get(r.hospitalId) ?? {
        claims: 0,
        totalCost: 0,
        outOfScope: 0,
        hospitalBorne: 0,
        limitedTotal: 0,
        limitedOut: 0,
        allowed: 0,
      };
      const total = Number(r.totalCost);
      const out = Number(r.outOfScope);
      h.claims += r.claims;
      h.totalCost += total;
      h.outOfScope += out;
      h.hospitalBorne += Number(r.hospitalBorne);
      const level = r.hospitalLevel as 1 | 2 | 3;
      const limit = findOutOfScopeLimit(r.profile, { type: r.visitType, location: r.location, hospitalLevel: level });
      if (limit !== null) {
        h.limitedTotal += total;
        h.limitedOut += out;
        h.allowed += (total * limit) / 100;
      }
      hospitalRows.set(r.hospitalId, h);
    }
    const names = hospitalRows.size
      ? await ctx.db
          .select({ id: hospitals.id, name: hospitals.name })
          .from(hospitals)
          .where(inArray(hospitals.id, [...hospitalRows.keys()]))
      : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const hospitalList = [...hospitalRows.entries()]
      .map(([hospitalId, h]) => {
        const limitPercent = h.limitedTotal > 0 ? Math.round((h.allowed * 1000) / h.limitedTotal) / 10 : null;
        return {
          hospitalId,
          name: nameOf.get(hospitalId) ?? '（已删除的医院）',
          claims: h.claims,
          totalCost: h.totalCost,
          outOfScope: h.outOfScope,
          sharePercent: percentOf(h.outOfScope, h.totalCost),
          limitPercent,
          hospitalBorne: h.hospitalBorne,
          isOverLimit: h.limitedTotal > 0 && h.limitedOut > h.allowed,
        };
      })
      .sort((a, b) => Number(b.isOverLimit) - Number(a.isOverLimit) || (b.sharePercent ?? 0) - (a.sharePercent ?? 0))
      .slice(0, 50);

    const childList = children.map((c) => {
      const s = childSums.get(c.id)!;
      return {
        orgUnitId: c.id,
        name: c.name,
        level: c.level as string,
        ...s.sums,
        inpatientRatio: percentOf(s.inpatient.basic, s.inpatient.inScopeCost),
      };
    });
    if (own.sums.claims !== 0 || own.sums.totalCost !== 0) {
      childList.unshift({
        orgUnitId: unit.id,
        name: `${unit.name}（本级）`,
        level: unit.level,
        ...own.sums,
        inpatientRatio: percentOf(own.inpatient.basic, own.inpatient.inScopeCost),
      });
    }

    return {
      scope: { orgUnitId: unit.id, name: unit.name, level: unit.level, path: unit.path },
      year,
      totals,
      children: childList,
      months: Array.from({ length: 12 }, (_, i) => {
        const row = byMonth.find((m) => m.month === i + 1);
        return { month: i + 1, ...(row ? toSums(row) : zero()) };
      }),
      categories: byCategory
        .map((c) => ({ category: c.category, label: CATEGORY_LABELS[c.category as TCategoryId] ?? c.category, ...toSums(c) }))
        .sort((a, b) => b.fundPaid - a.fundPaid),
      visitTypes: [...visitTypes.entries()].map(([visitType, s]) => ({
        visitType,
        label: VISIT_TYPE_LABELS[visitType as keyof typeof VISIT_TYPE_LABELS] ?? visitType,
        ...s,
      })),
      ratios: {
        inpatientInScope: {
          percent: percentOf(base.basic, base.inScopeCost),
          explain: `${where_}基本医保支付 ${formatYuan(base.basic)} 元 ÷ 政策范围内费用 ${formatYuan(base.inScopeCost)} 元`,
        },
        target: target
          ? { ...target, label: `政策目标约 ${target.percent}%（${target.scope === 'in_county' ? '县域内住院，' : ''}${target.clause}）` }
          : null,
        combined: {
          percent: percentOf(totals.fundPaid, totals.totalCost),
          explain: `各项制度合计支付 ${formatYuan(totals.fundPaid)} 元 ÷ 医疗总费用 ${formatYuan(totals.totalCost)} 元`,
        },
        outOfPocketShare: {
          percent: percentOf(totals.patientPays, totals.totalCost),
          explain: `个人自付 ${formatYuan(totals.patientPays)} 元 ÷ 医疗总费用 ${formatYuan(totals.totalCost)} 元`,
        },
        averageOutOfPocket: totals.claims > 0 ? Math.round(totals.patientPays / totals.claims) : null,
      },
      hospitals: hospitalList,
      referrals,
    };
  });
}
