import type { TProfileId } from '../profiles.js';
import type { TSettleParams } from './schema.js';

/** Every settlement parameter, by dotted path, as the admin screen and the result list them. */
export const SETTLE_PARAM_PATHS = [
  'basic.deductible.1',
  'basic.deductible.2',
  'basic.deductible.3',
  'basic.rate.1',
  'basic.rate.2',
  'basic.rate.3',
  'basic.annualCap',
  'basic.unreferredRateCut',
  'critical.deductible',
  'critical.rate',
  'critical.annualCap',
  'critical.poorRateIncrement',
  'critical.specialDrugRate',
  'assistance.rate',
  'assistance.annualCap',
  'chronic.deductible',
  'chronic.rate',
  'chronic.annualCap',
  'outpatient.rate',
  'outpatient.annualCap',
] as const;
export type TSettleParamPath = (typeof SETTLE_PARAM_PATHS)[number];

/** Unit of a parameter: `fen` money, `percent` a rate, `points` percentage points added or cut. */
export type TParamUnit = 'fen' | 'percent' | 'points';

/** Chinese label and unit of each parameter. */
export const SETTLE_PARAM_LABELS: Record<TSettleParamPath, { label: string; unit: TParamUnit }> = {
  'basic.deductible.1': { label: '基本医保住院起付线（一级医院）', unit: 'fen' },
  'basic.deductible.2': { label: '基本医保住院起付线（二级医院）', unit: 'fen' },
  'basic.deductible.3': { label: '基本医保住院起付线（三级医院）', unit: 'fen' },
  'basic.rate.1': { label: '基本医保住院报销比例（一级医院）', unit: 'percent' },
  'basic.rate.2': { label: '基本医保住院报销比例（二级医院）', unit: 'percent' },
  'basic.rate.3': { label: '基本医保住院报销比例（三级医院）', unit: 'percent' },
  'basic.annualCap': { label: '基本医保住院年度最高支付限额', unit: 'fen' },
  'basic.unreferredRateCut': { label: '未按规定转诊时基本医保报销比例降低', unit: 'points' },
  'critical.deductible': { label: '大病保险起付线（普通参保人员）', unit: 'fen' },
  'critical.rate': { label: '大病保险报销比例（普通参保人员）', unit: 'percent' },
  'critical.annualCap': { label: '大病保险年度最高支付限额（普通参保人员）', unit: 'fen' },
  'critical.poorRateIncrement': { label: '医保扶贫对象大病保险报销比例提高', unit: 'points' },
  'critical.specialDrugRate': { label: '大病保险单独补偿特药报销比例（困难人员）', unit: 'percent' },
  'assistance.rate': { label: '医疗救助比例', unit: 'percent' },
  'assistance.annualCap': { label: '医疗救助年度限额', unit: 'fen' },
  'chronic.deductible': { label: '门诊特慢病年度起付线', unit: 'fen' },
  'chronic.rate': { label: '门诊特慢病报销比例', unit: 'percent' },
  'chronic.annualCap': { label: '门诊特慢病年度最高支付限额', unit: 'fen' },
  'outpatient.rate': { label: '普通门诊报销比例', unit: 'percent' },
  'outpatient.annualCap': { label: '普通门诊年度最高支付限额', unit: 'fen' },
};

/**
 * Where a default comes from: `seed` — the notice fixes it (the clause is in `note`); `local` — the
 * seed leaves it open and the value is a realistic placeholder an administrator should confirm;
 * `unused` — the profile's engine does not read it (a seed rule takes its place).
 */
export type TParamSource = 'seed' | 'local' | 'unused';

/** One labelled default value. */
export interface TParamDefault {
  value: number;
  source: TParamSource;
  note: string;
}

const local = (value: number, note = '文件未规定，本地默认值，请经办机构确认'): TParamDefault => ({
  value,
  source: 'local',
  note,
});
const seed = (value: number, note: string): TParamDefault => ({ value, source: 'seed', note });
const unused = (value: number, note: string): TParamDefault => ({ value, source: 'unused', note });

/** Hospital-level deductibles and rates shared by the profiles as a starting point (local). */
const COMMON_LEVELS = {
  'basic.deductible.1': local(20_000),
  'basic.deductible.2': local(50_000),
  'basic.deductible.3': local(100_000),
  'basic.rate.1': local(85),
  'basic.rate.2': local(75),
  'basic.rate.3': local(60),
  'basic.unreferredRateCut': local(10, '000 §二(七) 要求差异化报销，降低幅度文件未定，本地默认 10 个百分点'),
} as const;

const OUTPATIENT_DEFAULTS = {
  'chronic.deductible': local(20_000),
  'chronic.rate': local(70),
  'chronic.annualCap': local(1_000_000),
  'outpatient.rate': local(50),
  'outpatient.annualCap': local(40_000),
} as const;

/** Labelled default of every parameter, per profile. */
export const PROFILE_PARAM_DEFAULTS: Record<TProfileId, Record<TSettleParamPath, TParamDefault>> = {
  'qiannan-2019': {
    ...COMMON_LEVELS,
    'basic.rate.2': local(75, '000 §二(四)1 要求实际报销比例保持在 75% 左右，具体比例为本地参数'),
    'basic.annualCap': seed(25_000_000, '000 §二(四)1：统筹基金最高支付限额不低于 25 万元'),
    'critical.deductible': local(1_000_000),
    'critical.rate': local(60),
    'critical.annualCap': local(30_000_000),
    'critical.poorRateIncrement': unused(0, '黔南的倾斜（起付线降 50%、比例加 5 个百分点）由 000 §二(四)2 固定'),
    'critical.specialDrugRate': unused(0, '仅威海口径使用'),
    'assistance.rate': unused(0, '救助比例由 000 §二(四)3 固定：建档立卡 70%，特困 100%'),
    'assistance.annualCap': local(10_000_000, '000 §二(四)3 称"年度救助限额"，数额为本地参数'),
    ...OUTPATIENT_DEFAULTS,
  },
  'hunan-2017': {
    ...COMMON_LEVELS,
    'basic.annualCap': seed(15_000_000, '001 §二：2017 年度住院累计最高支付限额统一为 15 万元（引擎固定使用）'),
    'critical.deductible': local(1_000_000),
    'critical.rate': local(60),
    'critical.annualCap': seed(20_000_000, '001 §二：大病保险年度累计补偿 20 万元（引擎固定使用）'),
    'critical.poorRateIncrement': unused(0, '湖南只降低起付线 50%（001 §二）'),
    'critical.specialDrugRate': unused(0, '仅威海口径使用'),
    'assistance.rate': local(0, '001 未规定医疗救助比例；默认 0 即不在结算中计算救助'),
    'assistance.annualCap': local(10_000_000),
    ...OUTPATIENT_DEFAULTS,
  },
  'xianning-2022': {
    ...COMMON_LEVELS,
    'basic.rate.1': local(85, '002 §二(三)：县域内住院政策范围内支付比例总体稳定在 70% 左右'),
    'basic.annualCap': local(25_000_000),
    'critical.deductible': local(1_200_000),
    'critical.rate': local(60),
    'critical.annualCap': local(40_000_000),
    'critical.poorRateIncrement': unused(0, '咸宁的倾斜由 002 §二(四) 固定'),
    'critical.specialDrugRate': unused(0, '仅威海口径使用'),
    'assistance.rate': unused(0, '救助比例由 002 §二(五) 固定（100%、70%/72%、65%/70%）'),
    'assistance.annualCap': unused(0, '救助限额由 002 §二(五) 固定：3 万元 / 2 万元 / 特困不设'),
    ...OUTPATIENT_DEFAULTS,
  },
  'liaoning-2019': {
    ...COMMON_LEVELS,
    'basic.annualCap': local(25_000_000),
    'critical.deductible': local(1_500_000),
    'critical.rate': seed(60, '003 §二(一)：大病保险最低支付比例由 50% 提高到 60%（引擎按不低于 60% 执行）'),
    'critical.annualCap': local(30_000_000),
    'critical.poorRateIncrement': local(5, '003 §二(一) 要求"相应提高"医保扶贫对象比例，幅度为本地参数'),
    'critical.specialDrugRate': unused(0, '仅威海口径使用'),
    'assistance.rate': seed(65, '003 §二(二)：救助比例由 60% 提高到 65%，有条件的可到 70%（引擎按 65%–70% 执行）'),
    'assistance.annualCap': local(10_000_000, '003 §二(二) 称"年度限额内"，数额为本地参数'),
    ...OUTPATIENT_DEFAULTS,
  },
  'weihai-2019': {
    ...COMMON_LEVELS,
    'basic.annualCap': local(25_000_000),
    'critical.deductible': local(1_200_000, '普通参保人员起付线为本地参数；困难人员 5000 元由 004 §三(一) 固定'),
    'critical.rate': local(60),
    'critical.annualCap': local(40_000_000, '普通参保人员限额；困难人员取消限额（004 §三(一)）'),
    'critical.poorRateIncrement': unused(0, '威海困难人员按 004 §三(一) 的分段比例'),
    'critical.specialDrugRate': local(60, '004 §三(一)：特药不设起付标准，比例文件未写明，本地默认 60%'),
    'assistance.rate': unused(0, '救助比例由 004 §三(三) 固定'),
    'assistance.annualCap': unused(0, '救助年度累计限额由 004 §三(三) 固定为 5 万元'),
    ...OUTPATIENT_DEFAULTS,
  },
};

/** Builds the full parameter object of a profile from its labelled defaults. */
export function buildDefaultSettleParams(profile: TProfileId): TSettleParams {
  const d = PROFILE_PARAM_DEFAULTS[profile];
  const v = (path: TSettleParamPath): number => d[path].value;
  return {
    basic: {
      deductible: { '1': v('basic.deductible.1'), '2': v('basic.deductible.2'), '3': v('basic.deductible.3') },
      rate: { '1': v('basic.rate.1'), '2': v('basic.rate.2'), '3': v('basic.rate.3') },
      annualCap: v('basic.annualCap'),
      unreferredRateCut: v('basic.unreferredRateCut'),
    },
    critical: {
      deductible: v('critical.deductible'),
      rate: v('critical.rate'),
      annualCap: v('critical.annualCap'),
      poorRateIncrement: v('critical.poorRateIncrement'),
      specialDrugRate: v('critical.specialDrugRate'),
    },
    assistance: { rate: v('assistance.rate'), annualCap: v('assistance.annualCap') },
    chronic: { deductible: v('chronic.deductible'), rate: v('chronic.rate'), annualCap: v('chronic.annualCap') },
    outpatient: { rate: v('outpatient.rate'), annualCap: v('outpatient.annualCap') },
  };
}
