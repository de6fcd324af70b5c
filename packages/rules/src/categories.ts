import { z } from 'zod';
import type { TProfileId } from './profiles.js';

/**
 * Beneficiary categories (RULES §2), in precedence order: when two categories leave the patient
 * the same amount to pay, the earlier one in this list is applied.
 */
export const CATEGORY_IDS = [
  'registered_poor',
  'extreme_poverty',
  'subsistence_allowance',
  'relapsed_poverty',
  'unstable_exit',
  'marginal',
  'sudden_hardship',
  'stable_exit',
  'guaranteed_family',
  'poor_disabled',
  'low_income',
  'other_hardship',
  'severe_disability',
  'orphan',
  'other_low_income',
  'illness_poverty',
  'other_special',
  'ordinary',
] as const;

export const ZCategoryId = z.enum(CATEGORY_IDS, { error: '未知的人员类别' });
export type TCategoryId = z.infer<typeof ZCategoryId>;

export const CATEGORY_LABELS: Record<TCategoryId, string> = {
  registered_poor: '建档立卡贫困人口',
  extreme_poverty: '特困人员',
  subsistence_allowance: '低保对象',
  relapsed_poverty: '返贫致贫人口',
  unstable_exit: '脱贫不稳定人口（纳入监测）',
  marginal: '边缘易致贫人口',
  sudden_hardship: '突发严重困难人口',
  stable_exit: '稳定脱贫人口（未纳入监测）',
  guaranteed_family: '社会保障兜底脱贫对象家庭成员',
  poor_disabled: '贫困残疾人',
  low_income: '低收入对象',
  other_hardship: '其他困难群体',
  severe_disability: '重度残疾人',
  orphan: '政府供养的孤残儿童',
  other_low_income: '其他低收入救助对象',
  illness_poverty: '因病致贫家庭重病患者',
  other_special: '其他特殊救助人员',
  ordinary: '普通参保人员',
};

/** Which categories each profile recognises (RULES §2). `ordinary` is in every profile. */
export const PROFILE_CATEGORIES: Record<TProfileId, readonly TCategoryId[]> = {
  'qiannan-2019': ['registered_poor', 'extreme_poverty', 'ordinary'],
  'hunan-2017': ['registered_poor', 'extreme_poverty', 'subsistence_allowance', 'guaranteed_family', 'poor_disabled', 'ordinary'],
  'xianning-2022': [
    'extreme_poverty',
    'subsistence_allowance',
    'relapsed_poverty',
    'unstable_exit',
    'marginal',
    'sudden_hardship',
    'stable_exit',
    'ordinary',
  ],
  'liaoning-2019': ['registered_poor', 'extreme_poverty', 'subsistence_allowance', 'low_income', 'other_hardship', 'ordinary'],
  'weihai-2019': [
    'registered_poor',
    'extreme_poverty',
    'subsistence_allowance',
    'severe_disability',
    'orphan',
    'other_low_income',
    'illness_poverty',
    'other_special',
    'ordinary',
  ],
};

/** True when the profile recognises the category. */
export function isCategoryInProfile(profile: TProfileId, category: TCategoryId): boolean {
  return PROFILE_CATEGORIES[profile].includes(category);
}

/** Orders categories by the precedence of CATEGORY_IDS, without duplicates. */
export function sortCategories(categories: readonly TCategoryId[]): TCategoryId[] {
  const set = new Set(categories);
  return CATEGORY_IDS.filter((c) => set.has(c));
}
