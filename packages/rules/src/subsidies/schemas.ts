import { z } from 'zod';
import { PROFILES, type TProfileId } from '../profiles.js';

/** The premium (个人缴费标准) of a jurisdiction and year; Weihai has two tiers. */
export const ZPremiumInput = z
  .object({
    orgUnitId: z.uuid('请选择机构'),
    year: z.number({ error: '请输入年度' }).int('年度应为整数').min(2017, '年度有误').max(2100, '年度有误'),
    tier1: z.number({ error: '请输入个人缴费标准' }).int('金额应为整数分').min(1, '个人缴费标准应大于 0').max(10_000_000, '金额过大'),
    tier2: z.number().int('金额应为整数分').min(1, '二档缴费标准应大于 0').max(10_000_000, '金额过大').nullable().default(null),
    note: z.string().trim().min(2, '请填写依据文件或说明').max(200, '说明最多 200 字'),
  })
  .refine((v) => v.tier2 === null || v.tier2 > v.tier1, { path: ['tier2'], message: '二档缴费标准应高于一档' });
export type TPremiumInput = z.input<typeof ZPremiumInput>;

/** A subsidy run: every beneficiary of a county (or of each county of a city) for one year. */
export const ZSubsidyRunInput = z.object({
  orgUnitId: z.uuid('请选择县（市、区）'),
  year: z.number({ error: '请输入年度' }).int().min(2017, '年度有误').max(2100, '年度有误'),
});
export type TSubsidyRunInput = z.input<typeof ZSubsidyRunInput>;

/**
 * Why a premium's second tier is refused for the profile, or null. Only a profile whose premium has
 * two tiers (`capabilities.hasTwoPremiumTiers`, Weihai `004 §二(一)`) takes one.
 */
export function premiumTierProblem(profile: TProfileId, tier2: number | null): string | null {
  if (tier2 === null || PROFILES[profile].capabilities.hasTwoPremiumTiers) return null;
  return `${PROFILES[profile].label}只设一档个人缴费标准，二档请留空`;
}
