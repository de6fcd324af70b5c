import type { TCategoryId } from '../../categories.js';
import { applyRate } from '../../money.js';
import { payOnCumulativeBase } from '../cumulative.js';
import type { TBand } from '../cumulative.js';
import { describeCap, percent, yuan } from '../explain.js';
import type { TAssistanceOutcome, TProfileRules, TStepState, TVisitContext } from '../types.js';
import { quoteCategory, setOrdinaryCriticalTerms } from './common.js';

/** `004 §三(一)`: 困难人员 大病 deductible 5 000 yuan and bands 65 / 75 / 85 % at 100 000 and 300 000 yuan. */
export const WEIHAI_CRITICAL_BANDS: readonly TBand[] = [
  { from: 500_000, rate: 65 },
  { from: 10_000_000, rate: 75 },
  { from: 30_000_000, rate: 85 },
];
/** `004 §三(三)`: assistance threshold between the 70 % and 80 % parts, and the annual cap. */
export const WEIHAI_ASSISTANCE_SPLIT = 2_000_000;
export const WEIHAI_ASSISTANCE_CAP = 5_000_000;
/** `004 §三(二)`: hospital reduction 10 %, at most 200 yuan per admission. */
export const WEIHAI_REDUCTION_RATE = 10;
export const WEIHAI_REDUCTION_MAX = 20_000;

const HARDSHIP: readonly TCategoryId[] = ['registered_poor', 'severe_disability', 'subsistence_allowance', 'extreme_poverty', 'orphan'];
const KEY_ASSISTED: readonly TCategoryId[] = ['subsistence_allowance', 'extreme_poverty', 'orphan'];
/** `004 §三(三)2` rates of the year-end batch; the categories are `capabilities.yearEndAssistanceCategories`. */
const YEAR_END_RATES: Partial<Record<TCategoryId, number>> = { other_low_income: 60, illness_poverty: 40, other_special: 40 };

/** `004 §三(三)` assistance schedules on the cumulative base, and how the explanation words them. */
const CHRONIC_BANDS: readonly TBand[] = [
  { from: 0, rate: 70 },
  { from: WEIHAI_ASSISTANCE_SPLIT, rate: 0 },
];
const KEY_BANDS: readonly TBand[] = [
  { from: 0, rate: 70 },
  { from: WEIHAI_ASSISTANCE_SPLIT, rate: 80 },
];
const HARDSHIP_BANDS: readonly TBand[] = [{ from: WEIHAI_ASSISTANCE_SPLIT, rate: 70 }];
const CHRONIC_TEXT = `门诊慢性病个人自负累计 ${yuan(WEIHAI_ASSISTANCE_SPLIT)}（含）以内的部分按 70% 救助`;
const KEY_TEXT = `（重点救助对象）累计 ${yuan(WEIHAI_ASSISTANCE_SPLIT)}（含）以内的部分按 70%、超过部分按 80% 救助`;
const HARDSHIP_TEXT = `累计超过 ${yuan(WEIHAI_ASSISTANCE_SPLIT)} 的部分按 70% 救助`;
const BANDED_TILT_NOTE =
  '困难人员起付线 5,000.00 元，5,000 元至 10 万元部分 65%、10 万元至 30 万元部分 75%、30 万元以上部分 85%，取消最高支付限额';

function settleCumulative(
  ctx: TVisitContext,
  state: TStepState,
  before: number,
  bands: readonly TBand[],
  clause: string,
  describe: string,
  out: TAssistanceOutcome,
): true {
  const ytd = ctx.request.ytd;
  const raw = payOnCumulativeBase(before, state.assistanceBase, bands);
  const amount = Math.min(raw, Math.max(0, WEIHAI_ASSISTANCE_CAP - ytd.assistance));
  out.amount = amount;
  out.clause = clause;
  out.deductibleUsed = 0;
  out.isYearEnd = false;
  out.isCapped = amount < raw;
  out.explain = !ctx.isExplaining
    ? ''
    : `医疗救助：经基本医保、大病保险后合规个人自负 ${yuan(state.assistanceBase)}（本年累计 ${yuan(before + state.assistanceBase)}），${quoteCategory(state.category)}${describe}，计 ${yuan(raw)}` +
      describeCap('医疗救助年度累计限额', WEIHAI_ASSISTANCE_CAP, ytd.assistance, raw, amount);
  return true;
}

/** 威海市 2019 (`004`): banded 大病 and special drugs, hospital reduction, cumulative and year-end assistance. */
export const WEIHAI_RULES: TProfileRules = {
  clauses: {
    basic: '004（本地参数）',
    critical: '004 §三(一)',
    assistance: '004 §三(三)',
    hospitalBorne: '004',
    referral: '004 §四(二)1',
  },
  getInpatientDeductible: (_ctx, _category, levelDeductible) => levelDeductible,
  describeInpatientDeductible: () => null,
  getBasicRateBonus: () => 0,
  fixedBasicCap: null,
  isBasicDeductibleOutsideCritical: () => false,
  getCriticalTerms(ctx, category, isTiltAllowed, out) {
    if (!isTiltAllowed || !HARDSHIP.includes(category)) {
      setOrdinaryCriticalTerms(ctx, out);
      return;
    }
    out.kind = 'banded';
    out.deductible = 500_000;
    out.rate = 0;
    out.bands = WEIHAI_CRITICAL_BANDS;
    out.cap = null;
    out.tiltNote = BANDED_TILT_NOTE;
    out.specialDrugRate = ctx.params.critical.specialDrugRate;
  },
  hasHospitalReduction: (ctx, category) =>
    ctx.isInpatient && ctx.request.visit.location === 'in_county' && (category === 'registered_poor' || category === 'severe_disability'),
  settleAssistance(ctx, state, out) {
    const category = state.category;
    const ytd = ctx.request.ytd;
    const isKey = KEY_ASSISTED.includes(category);
    if (ctx.isChronic) {
      if (!isKey && category !== 'registered_poor' && category !== 'severe_disability') return false;
      return settleCumulative(ctx, state, ytd.chronicAssistanceBase, CHRONIC_BANDS, '004 §三(三)3', CHRONIC_TEXT, out);
    }
    if (isKey) return settleCumulative(ctx, state, ytd.assistanceBase, KEY_BANDS, '004 §三(三)1', KEY_TEXT, out);
    if (category === 'registered_poor' || category === 'severe_disability') {
      return settleCumulative(ctx, state, ytd.assistanceBase, HARDSHIP_BANDS, '004 §三(三)1', HARDSHIP_TEXT, out);
    }
    const yearEndRate = YEAR_END_RATES[category];
    if (yearEndRate === undefined || !ctx.capabilities.yearEndAssistanceCategories.includes(category)) return false;
    const before = ytd.assistanceBase;
    out.amount = 0;
    out.clause = '004 §三(三)2';
    out.deductibleUsed = 0;
    out.isYearEnd = true;
    out.isCapped = false;
    out.explain = !ctx.isExplaining
      ? ''
      : `医疗救助：年底统一救助，本次不支付。${quoteCategory(category)}合规住院个人自负本年累计 ${yuan(before + state.assistanceBase)}，超过 ${yuan(WEIHAI_ASSISTANCE_SPLIT)} 的部分于年底按 ${percent(yearEndRate)} 统一救助（年度累计限额 ${yuan(WEIHAI_ASSISTANCE_CAP)}）`;
    return true;
  },
  settleTilted: () => false,
  countsTowardsTiltedBase: () => false,
  hasSeparateChronicAssistanceBase: true,
  getNotices(ctx, category) {
    const notices: string[] = [];
    const yearEndRate = YEAR_END_RATES[category];
    if (yearEndRate !== undefined && ctx.isInpatient && ctx.capabilities.yearEndAssistanceCategories.includes(category)) {
      notices.push(
        `年底统一救助，本次不支付：${quoteCategory(category)}的医疗救助由镇（街道）初步确认、民政部门认定后于次年 1 月 20 日前报送名单，年底统一拨付（004 §三(三)2）`,
      );
    }
    return notices;
  },
};

/** Hospital reduction of step 3 for an out-of-scope remainder (fen). */
export function computeWeihaiReduction(outOfScopeLeft: number): number {
  return Math.min(applyRate(outOfScopeLeft, WEIHAI_REDUCTION_RATE), WEIHAI_REDUCTION_MAX);
}
