import { z } from 'zod';
import { CATEGORY_IDS, CATEGORY_LABELS, ZCategoryId, sortCategories, type TCategoryId } from '../categories.js';
import { applyRate, formatYuan } from '../money.js';
import { ZProfileId } from '../profiles.js';

/**
 * Early warning of poverty caused by illness (`002 §二(六)`, RULES §7). The clause is
 * Xianning's; the portal applies it to every profile, so that any agency can produce the monthly
 * lists for the rural-revitalisation and civil-affairs departments.
 */

export const WARNING_LEVELS = ['none', 'return_to_poverty', 'fall_into_poverty'] as const;
export type TWarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_LEVEL_LABELS: Record<TWarningLevel, string> = {
  none: '无预警',
  return_to_poverty: '因病返贫预警',
  fall_into_poverty: '因病致贫预警',
};

/**
 * Categories that count as 农村低收入人口 or 稳定脱贫人口 for the 因病返贫 threshold (50 % of
 * income): every beneficiary category. Xianning names 特困, 低保, 返贫致贫, 脱贫不稳定, 边缘易致贫,
 * 突发严重困难 (low income) and 稳定脱贫; the other profiles' categories (建档立卡, 兜底家庭,
 * 贫困残疾人, 低收入, 其他困难群体, 重度残疾, 孤残儿童, 其他低收入, 因病致贫家庭重病患者, 其他特殊救助)
 * are all low-income groups identified by the poverty-alleviation or civil-affairs departments.
 * Only `ordinary` is checked against the 因病致贫 threshold (100 % of income).
 */
export const LOW_INCOME_CATEGORIES: readonly TCategoryId[] = CATEGORY_IDS.filter((c) => c !== 'ordinary');

const fen = (label: string) =>
  z
    .number({ error: `${label}应为金额（分）` })
    .int(`${label}应为整数分`)
    .min(0, `${label}不能为负`);

export const ZIllnessPovertyRiskRequest = z.object({
  profile: ZProfileId,
  categories: z.array(ZCategoryId),
  /** Medical costs incurred this year, all visits, total (not only in-scope), fen. */
  costsThisYear: fen('当年累计医疗费用'),
  /** Local parameter: last year's rural per-capita disposable income, fen. */
  lastYearRuralIncome: fen('上年度农村居民人均可支配收入').refine((v) => v > 0, '上年度农村居民人均可支配收入应大于 0'),
});
export type TIllnessPovertyRiskRequest = z.input<typeof ZIllnessPovertyRiskRequest>;

export interface IllnessPovertyRisk {
  level: TWarningLevel;
  /** The threshold applied (fen): 50 % of income for low-income people, the income for ordinary. */
  threshold: number;
  /** The category group checked. */
  group: 'low_income' | 'ordinary';
  explain: string;
  clause: string;
}

const CLAUSE = '002 §二(六)';

/**
 * Assesses one person: a low-income or stable-exit person whose costs this year exceed 50 % of
 * last year's rural per-capita disposable income → 因病返贫预警; an ordinary person above the
 * full income → 因病致贫预警. "Exceed" is strict: costs equal to the threshold raise no warning.
 */
export function assessIllnessPovertyRisk(request: TIllnessPovertyRiskRequest): IllnessPovertyRisk {
  const req = ZIllnessPovertyRiskRequest.parse(request);
  const held = sortCategories(req.categories).filter((c) => LOW_INCOME_CATEGORIES.includes(c));
  const costs = formatYuan(req.costsThisYear);
  const income = formatYuan(req.lastYearRuralIncome);
  if (held.length > 0) {
    const threshold = applyRate(req.lastYearRuralIncome, 50);
    const exceeds = req.costsThisYear * 2 > req.lastYearRuralIncome;
    const who = held.map((c) => CATEGORY_LABELS[c]).join('、');
    return {
      level: exceeds ? 'return_to_poverty' : 'none',
      threshold,
      group: 'low_income',
      explain: exceeds
        ? `${who}当年累计医疗费用 ${costs} 元，超过上年度农村居民人均可支配收入 ${income} 元的 50%（${formatYuan(threshold)} 元），纳入因病返贫预警，每月推送乡村振兴和民政部门。`
        : `${who}当年累计医疗费用 ${costs} 元，未超过上年度农村居民人均可支配收入 ${income} 元的 50%（${formatYuan(threshold)} 元），不预警。`,
      clause: CLAUSE,
    };
  }
  const threshold = req.lastYearRuralIncome;
  const exceeds = req.costsThisYear > threshold;
  return {
    level: exceeds ? 'fall_into_poverty' : 'none',
    threshold,
    group: 'ordinary',
    explain: exceeds
      ? `普通参保人员当年累计医疗费用 ${costs} 元，超过上年度农村居民人均可支配收入 ${income} 元，纳入因病致贫预警，每月推送乡村振兴和民政部门。`
      : `普通参保人员当年累计医疗费用 ${costs} 元，未超过上年度农村居民人均可支配收入 ${income} 元，不预警。`,
    clause: CLAUSE,
  };
}
