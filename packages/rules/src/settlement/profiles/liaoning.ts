import type { TProfileRules } from '../types.js';
import { percent } from '../explain.js';
import { settleFlatAssistance } from './common.js';

/** `003 §二(一)`: the ordinary 大病 rate is at least 60 %. */
export const LIAONING_MIN_CRITICAL_RATE = 60;
/** `003 §二(二)`: assistance 65 %, where possible up to 70 %. */
export const LIAONING_ASSISTANCE_RATE_RANGE = { min: 65, max: 70 } as const;

/** Effective Liaoning assistance rate: the local value held inside the seed's 65–70 % range. */
export function getLiaoningAssistanceRate(localRate: number): number {
  return Math.min(LIAONING_ASSISTANCE_RATE_RANGE.max, Math.max(LIAONING_ASSISTANCE_RATE_RANGE.min, localRate));
}

/** 辽宁省 2019 (`003`): 大病 at least 60 % plus a local increment for beneficiaries; assistance 65–70 %. */
export const LIAONING_RULES: TProfileRules = {
  clauses: {
    basic: '003（本地参数）',
    critical: '003 §二(一)',
    assistance: '003 §二(二)',
    hospitalBorne: '003',
    referral: '000 §二(七)（转诊规则，RULES §3）',
  },
  getInpatientDeductible: (_ctx, _category, levelDeductible) => levelDeductible,
  describeInpatientDeductible: () => null,
  getBasicRateBonus: () => 0,
  fixedBasicCap: null,
  isBasicDeductibleOutsideCritical: () => false,
  getCriticalTerms(ctx, category, isTiltAllowed, out) {
    const c = ctx.params.critical;
    const ordinaryRate = Math.max(LIAONING_MIN_CRITICAL_RATE, c.rate);
    const bonus = isTiltAllowed && category !== 'ordinary' ? c.poorRateIncrement : 0;
    let tiltNote: string | null = null;
    if (ctx.isExplaining) {
      const notes: string[] = [];
      if (c.rate < LIAONING_MIN_CRITICAL_RATE) notes.push(`本地比例 ${percent(c.rate)} 低于文件规定的最低 60%，按 60% 执行`);
      if (bonus > 0) notes.push(`医保扶贫对象比例提高 ${bonus} 个百分点`);
      if (notes.length > 0) tiltNote = notes.join('，');
    }
    out.kind = 'linear';
    out.deductible = c.deductible;
    out.rate = Math.min(100, ordinaryRate + bonus);
    out.bands = null;
    out.cap = c.annualCap;
    out.tiltNote = tiltNote;
    out.specialDrugRate = null;
  },
  hasHospitalReduction: () => false,
  settleAssistance(ctx, state, out) {
    if (state.category === 'ordinary') return false;
    const local = ctx.params.assistance.rate;
    const rate = getLiaoningAssistanceRate(local);
    const note =
      rate === local || !ctx.isExplaining ? '' : `（本地参数 ${percent(local)} 超出文件规定的 65%–70%，按 ${percent(rate)} 执行）`;
    return settleFlatAssistance(ctx, state, rate, ctx.params.assistance.annualCap, '003 §二(二)', out, note);
  },
  settleTilted: () => false,
  countsTowardsTiltedBase: () => false,
  hasSeparateChronicAssistanceBase: false,
  getNotices: () => [],
};
