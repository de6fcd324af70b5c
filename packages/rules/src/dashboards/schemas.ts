import { z } from 'zod';

const ZYear = z.number({ error: '请填写年度' }).int('年度应为整数').min(2000, '年度不早于 2000 年').max(2100, '年度不晚于 2100 年');

/** The region and period of a dashboard: default the caller's own unit and this year. */
export const ZDashboardInput = z.object({
  orgUnitId: z.uuid('请选择区划').optional(),
  year: ZYear.optional(),
});
export type TDashboardInput = z.infer<typeof ZDashboardInput>;

/** Rebuild the claim aggregates of one county (or smaller unit) and one year. */
export const ZRebuildTotalsInput = z.object({
  orgUnitId: z.uuid('请选择区划'),
  year: ZYear,
});

const ZSums = z.object({
  claims: z.number(),
  totalCost: z.number(),
  inScopeCost: z.number(),
  basic: z.number(),
  critical: z.number(),
  assistance: z.number(),
  /** 医疗机构减免 and 倾斜救助 together. */
  other: z.number(),
  fundPaid: z.number(),
  patientPays: z.number(),
});
export type TDashboardSums = z.infer<typeof ZSums>;

const ZRatio = z.object({
  /** Percent with one decimal, or null when the denominator is 0. */
  percent: z.number().nullable(),
  explain: z.string(),
});

export const ZBenefitsDashboard = z.object({
  scope: z.object({ orgUnitId: z.uuid(), name: z.string(), level: z.string(), path: z.string() }),
  year: z.number(),
  totals: ZSums,
  /** The next level down (city → counties …), each openable as a scope of its own. */
  children: z.array(ZSums.extend({ orgUnitId: z.uuid(), name: z.string(), level: z.string(), inpatientRatio: z.number().nullable() })),
  months: z.array(ZSums.extend({ month: z.number() })),
  categories: z.array(ZSums.extend({ category: z.string(), label: z.string() })),
  visitTypes: z.array(ZSums.extend({ visitType: z.string(), label: z.string() })),
  ratios: z.object({
    inpatientInScope: ZRatio,
    target: z.object({ percent: z.number(), scope: z.enum(['all', 'in_county']), clause: z.string(), label: z.string() }).nullable(),
    combined: ZRatio,
    outOfPocketShare: ZRatio,
    /** Average out-of-pocket per claim in fen. */
    averageOutOfPocket: z.number().nullable(),
  }),
  hospitals: z.array(
    z.object({
      hospitalId: z.uuid(),
      name: z.string(),
      claims: z.number(),
      totalCost: z.number(),
      outOfScope: z.number(),
      sharePercent: z.number().nullable(),
      /** The profile's limit weighted over the hospital's claims it applies to; null: no limit. */
      limitPercent: z.number().nullable(),
      hospitalBorne: z.number(),
      isOverLimit: z.boolean(),
    }),
  ),
  referrals: z.object({
    outOfCounty: z.number(),
    referred: z.number(),
    unreferred: z.number(),
    overrides: z.number(),
  }),
});
export type TBenefitsDashboard = z.infer<typeof ZBenefitsDashboard>;

export const ZRebuildTotalsResult = z.object({ rows: z.number(), claims: z.number() });
