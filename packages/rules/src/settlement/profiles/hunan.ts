import type { TCategoryId } from '../../categories.js';
import { getSpecialDisease } from '../../special-diseases.js';
import type { TProfileRules } from '../types.js';
import { getHalvedCriticalTerms, getOrdinaryCriticalTerms, settleFlatAssistance } from './common.js';

/** Seed-fixed caps (`001 §二`): they replace the local parameters. */
export const HUNAN_BASIC_CAP = 15_000_000;
export const HUNAN_CRITICAL_CAP = 20_000_000;

const RATE_TILT: readonly TCategoryId[] = ['registered_poor', 'extreme_poverty'];
const CRITICAL_TILT: readonly TCategoryId[] = ['registered_poor', 'extreme_poverty', 'subsistence_allowance'];

/** 湖南省 2017 (`001`): basic +10 points, 大病 deductible halved, special diseases without deductible. */
export const HUNAN_RULES: TProfileRules = {
  clauses: {
    basic: '001 §二',
    critical: '001 §二',
    assistance: '001（本地参数）',
    hospitalBorne: '001 §四',
    referral: '000 §二(七)（转诊规则，RULES §3）',
  },
  getInpatientDeductible(ctx, category, levelDeductible) {
    const v = ctx.request.visit;
    const disease = v.specialDisease ? getSpecialDisease(v.specialDisease) : undefined;
    const isWaived = ctx.capabilities.hasSpecialDiseaseDeductibleWaiver && category !== 'ordinary' && disease?.hunanClass;
    if (isWaived && v.designatedHospital && ctx.isReferralMet) {
      return { deductible: 0, note: `专项救治病种「${disease.name}」在定点救治医院住院，不设住院起付线（001 §三）` };
    }
    return { deductible: levelDeductible, note: null };
  },
  getBasicRateBonus: (ctx, category) => (ctx.isInpatient && RATE_TILT.includes(category) ? 10 : 0),
  fixedBasicCap: HUNAN_BASIC_CAP,
  isBasicDeductibleOutsideCritical: () => false,
  getCriticalTerms(ctx, category, isTiltAllowed) {
    if (!isTiltAllowed || !CRITICAL_TILT.includes(category)) return getOrdinaryCriticalTerms(ctx, HUNAN_CRITICAL_CAP);
    return getHalvedCriticalTerms(ctx, 0, HUNAN_CRITICAL_CAP);
  },
  hasHospitalReduction: () => false,
  settleAssistance(ctx, state) {
    const { rate, annualCap } = ctx.params.assistance;
    if (state.category === 'ordinary' || rate <= 0) return null;
    return settleFlatAssistance(ctx, state, rate, annualCap, '001（本地参数 assistance.rate）');
  },
  settleTilted: () => null,
  countsTowardsTiltedBase: () => false,
  hasSeparateChronicAssistanceBase: false,
  getNotices: () => [],
};
