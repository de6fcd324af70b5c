import type { TCategoryId } from '../../categories.js';
import { divideHalfUp } from '../../money.js';
import { payOnCumulativeLinear } from '../cumulative.js';
import { describeCap, percent, yuan } from '../explain.js';
import type { TAssistanceOutcome, TProfileRules, TStepState, TVisitContext } from '../types.js';
import { quoteCategory, setHalvedCriticalTerms, setOrdinaryCriticalTerms, settleFlatAssistance } from './common.js';

/** `002 §二(五)` assistance terms by category: low/high-part rates, annual deductible and cap (fen). */
const ASSISTANCE_TERMS: Partial<Record<TCategoryId, { low: number; high: number; deductible: number; cap: number }>> = {
  subsistence_allowance: { low: 70, high: 72, deductible: 0, cap: 3_000_000 },
  relapsed_poverty: { low: 70, high: 72, deductible: 0, cap: 3_000_000 },
  unstable_exit: { low: 65, high: 70, deductible: 100_000, cap: 2_000_000 },
  marginal: { low: 65, high: 70, deductible: 100_000, cap: 2_000_000 },
  sudden_hardship: { low: 65, high: 70, deductible: 100_000, cap: 2_000_000 },
};

/** `002 §二(五)` tilted assistance: threshold 5 000 yuan, rate by category, no cap. */
export const XIANNING_TILTED_THRESHOLD = 500_000;
const TILTED_RATES: Partial<Record<TCategoryId, number>> = {
  extreme_poverty: 100,
  subsistence_allowance: 90,
  relapsed_poverty: 70,
  unstable_exit: 70,
  marginal: 70,
  sudden_hardship: 70,
};

const CRITICAL_TILT: readonly TCategoryId[] = ['extreme_poverty', 'subsistence_allowance', 'relapsed_poverty'];
const DEDUCTIBLE_OUTSIDE_CRITICAL: readonly TCategoryId[] = ['extreme_poverty', 'subsistence_allowance'];

function isInProvinceReferral(ctx: TVisitContext): boolean {
  const { referred, location } = ctx.request.visit;
  return referred && (location === 'in_city' || location === 'in_province');
}

function isTiltedVisit(ctx: TVisitContext): boolean {
  return ctx.isReferralMet && ctx.request.visit.location !== 'out_of_province';
}

function settleSplitAssistance(ctx: TVisitContext, state: TStepState, out: TAssistanceOutcome): boolean {
  const terms = ASSISTANCE_TERMS[state.category];
  if (!terms) return false;
  const ba = state.assistanceBase;
  const belowCritical = Math.min(state.criticalBase, state.criticalDeductibleLeft);
  const withDeductible = ctx.isInpatient && DEDUCTIBLE_OUTSIDE_CRITICAL.includes(state.category) ? state.basicDeductibleUsed : 0;
  const low = Math.min(ba, belowCritical + withDeductible);
  const high = ba - low;
  const ytd = ctx.request.ytd;
  const deductibleLeft = Math.max(0, terms.deductible - ytd.assistanceDeductible);
  const fromLow = Math.min(low, deductibleLeft);
  const fromHigh = Math.min(high, deductibleLeft - fromLow);
  const raw = divideHalfUp((low - fromLow) * terms.low * 100 + (high - fromHigh) * terms.high * 100, 10000);
  const amount = Math.min(raw, Math.max(0, terms.cap - ytd.assistance));
  let explain = '';
  if (ctx.isExplaining) {
    const deductibleText =
      terms.deductible > 0
        ? `扣除救助起付线 ${yuan(fromLow + fromHigh)}（年度起付线 ${yuan(terms.deductible)}，本年此前已扣 ${yuan(Math.min(terms.deductible, ytd.assistanceDeductible))}，先从起付线以下部分扣除）后，`
        : '不设起付线，';
    explain =
      `医疗救助：政策范围内个人自付 ${yuan(ba)}，其中大病保险起付线以下部分 ${yuan(low)}` +
      (withDeductible > 0 ? `（含基本医保起付线 ${yuan(withDeductible)}）` : '') +
      `、以上部分 ${yuan(high)}；${quoteCategory(state.category)}${deductibleText}以下部分按 ${percent(terms.low)}、以上部分按 ${percent(terms.high)} 救助，计 ${yuan(raw)}` +
      describeCap('医疗救助年度限额（门诊、住院共用）', terms.cap, ytd.assistance, raw, amount);
  }
  out.amount = amount;
  out.clause = '002 §二(五)';
  out.deductibleUsed = fromLow + fromHigh;
  out.isYearEnd = false;
  out.isCapped = amount < raw;
  out.explain = explain;
  return true;
}

/** 咸宁市 2022 (`002`): ratio limits, 大病 tilt, split assistance, tilted assistance. */
export const XIANNING_RULES: TProfileRules = {
  clauses: {
    basic: '002 §二(三)',
    critical: '002 §二(四)',
    assistance: '002 §二(五)',
    hospitalBorne: '002 §三(一)',
    referral: '002 §三(三)',
  },
  getInpatientDeductible(ctx, _category, levelDeductible) {
    const paid = isInProvinceReferral(ctx) ? ctx.request.visit.referralDeductiblePaid : 0;
    return paid > 0 ? Math.max(0, levelDeductible - paid) : levelDeductible;
  },
  describeInpatientDeductible(ctx) {
    const paid = isInProvinceReferral(ctx) ? ctx.request.visit.referralDeductiblePaid : 0;
    return paid > 0 ? `省内规范转诊，住院起付线连续计算，扣除转出医院已付起付线 ${yuan(paid)}（002 §三(四)）` : null;
  },
  getBasicRateBonus: () => 0,
  fixedBasicCap: null,
  isBasicDeductibleOutsideCritical: (category) => DEDUCTIBLE_OUTSIDE_CRITICAL.includes(category),
  getCriticalTerms(ctx, category, isTiltAllowed, out) {
    if (!isTiltAllowed || !CRITICAL_TILT.includes(category)) setOrdinaryCriticalTerms(ctx, out);
    else setHalvedCriticalTerms(ctx, 5, null, out);
  },
  hasHospitalReduction: () => false,
  settleAssistance(ctx, state, out) {
    if (state.category === 'extreme_poverty') return settleFlatAssistance(ctx, state, 100, null, '002 §二(五)', out, '（不设起付线）');
    return settleSplitAssistance(ctx, state, out);
  },
  settleTilted(ctx, state, assistance, out) {
    const rate = TILTED_RATES[state.category];
    if (rate === undefined) return false;
    if (!isTiltedVisit(ctx)) {
      out.amount = 0;
      out.clause = '002 §三(三)';
      out.explain = '倾斜救助：未按要求办理转诊手续或不在省内定点医疗机构就医，不享受倾斜救助，计 0.00 元';
      return true;
    }
    const bt = state.assistanceBase - assistance;
    const before = ctx.request.ytd.tiltedBase;
    const amount = payOnCumulativeLinear(before, bt, XIANNING_TILTED_THRESHOLD, rate);
    out.amount = amount;
    out.clause = '002 §二(五)';
    out.explain = !ctx.isExplaining
      ? ''
      : `倾斜救助：三重保障后政策范围内个人负担 ${yuan(bt)}（本年累计 ${yuan(before + bt)}），超过起付线 ${yuan(XIANNING_TILTED_THRESHOLD)} 的部分按 ${percent(rate)} 救助，计 ${yuan(amount)}；不设年封顶`;
    return true;
  },
  countsTowardsTiltedBase: isTiltedVisit,
  hasSeparateChronicAssistanceBase: false,
  getNotices(ctx, category) {
    if (TILTED_RATES[category] !== undefined && !isTiltedVisit(ctx)) {
      return ['未按要求办理转诊手续或不在省内定点医疗机构就医，不享受倾斜救助（002 §三(三)）'];
    }
    return [];
  },
};
