import type { TCategoryId } from '../../categories.js';
import type { TProfileRules } from '../types.js';
import { setHalvedCriticalTerms, setOrdinaryCriticalTerms, settleFlatAssistance } from './common.js';

const ASSISTANCE_RATES: Partial<Record<TCategoryId, number>> = { registered_poor: 70, extreme_poverty: 100 };

/** 黔南州 2019 (`000`): L = 10 % for inpatient and outpatient care; 大病 tilt; 70 % / 100 % assistance. */
export const QIANNAN_RULES: TProfileRules = {
  clauses: {
    basic: '000 §二(四)1',
    critical: '000 §二(四)2',
    assistance: '000 §二(四)3',
    hospitalBorne: '000 §二(六)',
    referral: '000 §二(七)',
  },
  getInpatientDeductible: (_ctx, _category, levelDeductible) => levelDeductible,
  describeInpatientDeductible: () => null,
  getBasicRateBonus: () => 0,
  fixedBasicCap: null,
  isBasicDeductibleOutsideCritical: () => false,
  getCriticalTerms(ctx, category, isTiltAllowed, out) {
    if (!isTiltAllowed || (category !== 'registered_poor' && category !== 'extreme_poverty')) setOrdinaryCriticalTerms(ctx, out);
    else setHalvedCriticalTerms(ctx, 5, category === 'registered_poor' ? null : ctx.params.critical.annualCap, out);
  },
  hasHospitalReduction: () => false,
  settleAssistance(ctx, state, out) {
    const rate = ASSISTANCE_RATES[state.category];
    if (rate === undefined) return false;
    return settleFlatAssistance(ctx, state, rate, ctx.params.assistance.annualCap, '000 §二(四)3', out);
  },
  settleTilted: () => false,
  countsTowardsTiltedBase: () => false,
  hasSeparateChronicAssistanceBase: false,
  getNotices: () => [],
};
