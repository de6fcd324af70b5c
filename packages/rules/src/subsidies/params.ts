import { z } from 'zod';

/**
 * Local premium-subsidy parameters (RULES §4). Each has a labelled default that an agency
 * administrator replaces with the local value; the settlement parameters live in `src/params`
 * and are combined with these under the `subsidy` key.
 */

const fen = (label: string) =>
  z
    .number({ error: `${label}应为金额（分）` })
    .int(`${label}应为整数分`)
    .min(0, `${label}不能为负`)
    .max(100_000_000, `${label}过大`);

/** A Liaoning per-category amount: fen, or 'full' for the whole individual premium. */
const ZLiaoningAmount = (label: string) => z.union([z.literal('full'), fen(label)], { error: `${label}应为金额（分）或 "full"（全额）` });

export const ZLiaoningSubsidyAmounts = z.object({
  registered_poor: ZLiaoningAmount('建档立卡贫困人口资助额'),
  extreme_poverty: ZLiaoningAmount('特困人员资助额'),
  subsistence_allowance: ZLiaoningAmount('低保对象资助额'),
  low_income: ZLiaoningAmount('低收入对象资助额'),
  other_hardship: ZLiaoningAmount('其他困难群体资助额'),
});
export type TLiaoningSubsidyAmounts = z.infer<typeof ZLiaoningSubsidyAmounts>;

export const ZSubsidyParams = z.object({
  /** Hunan: fixed subsidy for 低保对象, fen (`001 §一`: 定额资助标准由当地人民政府确定). */
  subsistenceFixed: fen('湖南低保对象定额资助标准'),
  /** Hunan: rate for 建档立卡 not on 低保, percent, at least 50 (`001 §一`: 50%以上). */
  registeredPoorRate: z
    .number({ error: '湖南建档立卡（非低保）资助比例应为百分数' })
    .min(50, '湖南建档立卡（非低保）资助比例不得低于 50%（001 §一）')
    .max(100, '资助比例不能超过 100%'),
  /** Xianning: the 2021 subsidy standard for 稳定脱贫人口, fen (`002 §二(一)` phase-out base). */
  stableExitBase2021: fen('咸宁稳定脱贫人口 2021 年资助标准'),
  /** Liaoning: per-category amounts (the seed leaves them local). */
  liaoning: ZLiaoningSubsidyAmounts,
});
export type TSubsidyParams = z.infer<typeof ZSubsidyParams>;

/** A partial override, deep-merged over the defaults. */
export const ZSubsidyParamsPatch = ZSubsidyParams.extend({ liaoning: ZLiaoningSubsidyAmounts.partial() }).partial();
export type TSubsidyParamsPatch = z.infer<typeof ZSubsidyParamsPatch>;

/** Defaults, each labelled in `SUBSIDY_PARAM_LABELS`. */
export const SUBSIDY_PARAM_DEFAULTS: TSubsidyParams = {
  subsistenceFixed: 9_000,
  registeredPoorRate: 50,
  stableExitBase2021: 14_000,
  liaoning: {
    registered_poor: 0,
    extreme_poverty: 'full',
    subsistence_allowance: 0,
    low_income: 0,
    other_hardship: 0,
  },
};

/** What each parameter is and where its default comes from, for the admin screen. */
export const SUBSIDY_PARAM_LABELS = {
  subsistenceFixed: '湖南低保对象参保定额资助（分）。默认 90 元为占位值，须按当地人民政府确定的标准录入（001 §一）',
  registeredPoorRate: '湖南建档立卡（非低保）参保资助比例（%）。默认 50%，文件要求不低于 50%（001 §一）',
  stableExitBase2021:
    '咸宁未纳入监测的稳定脱贫人口 2021 年个人缴费资助标准（分），2022/2023/2024 年分别按其 80%/50%/30% 资助。默认 140 元为占位值，须按当地 2021 年标准录入（002 §二(一)）',
  liaoning: '辽宁各类对象参保资助额（分，或 "full" 表示全额）。默认：特困人员全额，其余 0（未设置），须按当地标准录入（003）',
} as const;

/** Merges a partial override over the defaults. */
export function resolveSubsidyParams(patch?: TSubsidyParamsPatch): TSubsidyParams {
  return {
    ...SUBSIDY_PARAM_DEFAULTS,
    ...Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)),
    liaoning: {
      ...SUBSIDY_PARAM_DEFAULTS.liaoning,
      ...Object.fromEntries(Object.entries(patch?.liaoning ?? {}).filter(([, v]) => v !== undefined)),
    },
  } as TSubsidyParams;
}
