import { z } from 'zod';
import { ZIsoDate } from '../calendar/dates.js';
import { CATEGORY_LABELS, ZCategoryId, isCategoryInProfile } from '../categories.js';
import type { TCategoryId } from '../categories.js';
import { objectError } from '../fields.js';
import { PROFILES, ZProfileId, isInJurisdiction, jurisdictionPrefix } from '../profiles.js';
import type { TProfileId } from '../profiles.js';
import { ZFen, ZSettleParamsOverride } from '../params/schema.js';
import { ZSpecialDiseaseId } from '../special-diseases.js';

/** Visit types (RULES §8): inpatient, 门诊特慢病, 普通门诊. */
export const VISIT_TYPES = ['inpatient', 'chronic_outpatient', 'outpatient'] as const;
export const ZVisitType = z.enum(VISIT_TYPES, {
  error: '就诊类型应为 inpatient（住院）、chronic_outpatient（门诊特慢病）或 outpatient（普通门诊）',
});
export type TVisitType = z.infer<typeof ZVisitType>;

/** Where the hospital is, seen from the person's county. */
export const LOCATIONS = ['in_county', 'in_city', 'in_province', 'out_of_province'] as const;
export const ZLocation = z.enum(LOCATIONS, {
  error: '就医地应为 in_county（县域内）、in_city（县外市内）、in_province（市外省内）或 out_of_province（省外）',
});
export type TLocation = z.infer<typeof ZLocation>;

/** Hospital level 1–3 (一级、二级、三级). */
export const ZHospitalLevel = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '医院等级应为 1、2 或 3' });
export type THospitalLevel = z.infer<typeof ZHospitalLevel>;

/** Year-to-date accumulators of the person (RULES §8 `ytd`); all default to 0. */
export const ZYtd = z.object(
  {
    basic: ZFen.default(0),
    critical: ZFen.default(0),
    criticalBase: ZFen.default(0),
    assistance: ZFen.default(0),
    assistanceBase: ZFen.default(0),
    assistanceDeductible: ZFen.default(0),
    tiltedBase: ZFen.default(0),
    chronicBasic: ZFen.default(0),
    chronicDeductible: ZFen.default(0),
    outpatientBasic: ZFen.default(0),
    /** Weihai outpatient-chronic assistance base (`004 §三(三)3`), kept apart from the inpatient base. */
    chronicAssistanceBase: ZFen.default(0),
  },
  { error: objectError('本年累计（ytd）') },
);
export type TYtd = z.infer<typeof ZYtd>;

/** Every accumulator field, in a fixed order. */
export const YTD_FIELDS = Object.keys(ZYtd.shape) as (keyof TYtd)[];

/** A year with nothing accumulated yet. */
export function createEmptyYtd(): TYtd {
  return {
    basic: 0,
    critical: 0,
    criticalBase: 0,
    assistance: 0,
    assistanceBase: 0,
    assistanceDeductible: 0,
    tiltedBase: 0,
    chronicBasic: 0,
    chronicDeductible: 0,
    outpatientBasic: 0,
    chronicAssistanceBase: 0,
  };
}

/**
 * A settlement request (RULES §8). Defaults: `ytd` and `costs.specialDrug` 0, optional visit flags
 * false / null. Cross-field rules are checked with the path of the field the clerk must correct.
 * RULES §8a.8: a category the profile does not know, or a county outside its jurisdiction, is
 * refused (never settled as `ordinary`).
 */
export const ZSettleRequest = z
  .object(
    {
      profile: ZProfileId,
      params: ZSettleParamsOverride.optional(),
      person: z.object(
        {
          categories: z.array(ZCategoryId, { error: '人员类别应为类别编码的列表' }).max(18, '人员类别过多'),
          countyCode: z
            .string({ error: '县级区划代码应为 6 位数字' })
            .regex(/^\d{6}$/, '县级区划代码应为 6 位数字')
            .optional(),
        },
        { error: objectError('参保人信息（person）') },
      ),
      visit: z.object(
        {
          type: ZVisitType,
          hospitalLevel: ZHospitalLevel,
          location: ZLocation,
          referred: z.boolean({ error: '是否转诊应为 true 或 false' }).default(false),
          date: ZIsoDate,
          specialDisease: ZSpecialDiseaseId.nullable().default(null),
          designatedHospital: z.boolean({ error: '是否定点救治医院应为 true 或 false' }).default(false),
          referralDeductiblePaid: ZFen.default(0),
          offsiteRegistered: z.boolean({ error: '是否异地居住备案应为 true 或 false' }).default(false),
        },
        { error: objectError('就诊信息（visit）') },
      ),
      costs: z.object(
        {
          total: ZFen,
          inScope: ZFen,
          specialDrug: ZFen.default(0),
        },
        { error: objectError('费用信息（costs）') },
      ),
      ytd: ZYtd.default(createEmptyYtd),
    },
    { error: objectError('结算请求') },
  )
  .superRefine((req, ctx) => {
    const profile = PROFILES[req.profile];
    req.person.categories.forEach((category, i) => {
      if (!isCategoryInProfile(req.profile, category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['person', 'categories', i],
          message: `“${CATEGORY_LABELS[category]}”（${category}）不是${profile.label}口径的人员类别`,
        });
      }
    });
    const county = req.person.countyCode;
    if (county !== undefined && !isInJurisdiction(req.profile, county)) {
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'countyCode'],
        message: `县级区划代码 ${county} 不在${profile.label}辖区内（应以 ${jurisdictionPrefix(req.profile)} 开头）`,
      });
    }
    const { total, inScope, specialDrug } = req.costs;
    if (inScope > total) {
      ctx.addIssue({ code: 'custom', path: ['costs', 'inScope'], message: '政策范围内费用不能大于总费用' });
    } else if (specialDrug > total - inScope) {
      ctx.addIssue({
        code: 'custom',
        path: ['costs', 'specialDrug'],
        message: '单独补偿特药费用不能大于总费用减政策范围内费用',
      });
    }
    if (specialDrug > 0 && !profile.capabilities.hasSpecialDrugs) {
      ctx.addIssue({
        code: 'custom',
        path: ['costs', 'specialDrug'],
        message: `${profile.label}口径没有大病保险单独补偿特药，请填 0`,
      });
    }
  });
export type TSettleRequest = z.output<typeof ZSettleRequest>;
/** The request as a caller may write it (optional fields omitted). */
export type TSettleRequestInput = z.input<typeof ZSettleRequest>;

/** Tiers of a settlement line, in pipeline order. */
export const TIERS = ['hospital_borne', 'basic', 'critical', 'hospital_reduction', 'assistance', 'tilted'] as const;
export type TTier = (typeof TIERS)[number];

/** One line of the settlement: what a fund (or the hospital) pays, the clause, and a sentence for staff. */
export interface TSettleLine {
  tier: TTier;
  amount: number;
  clause: string;
  explain: string;
}

/** Patient pays under one evaluated category (highest-benefit comparison). */
export interface TCategoryEvaluation {
  category: TCategoryId;
  fundPaid: number;
  hospitalBorne: number;
  patientPays: number;
}

/** What this visit adds to each year-to-date accumulator. */
export type TYtdDelta = TYtd;

/** Result of `settleVisit` (RULES §8 shape plus `evaluated`, `notices`, `ytdDelta`, `params`). */
export interface TSettleResult {
  profile: TProfileId;
  appliedCategory: TCategoryId;
  lines: TSettleLine[];
  totals: { fundPaid: number; hospitalBorne: number; patientPays: number };
  evaluated: TCategoryEvaluation[];
  notices: string[];
  ytdDelta: TYtdDelta;
}
