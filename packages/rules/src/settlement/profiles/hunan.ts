import type { TCategoryId } from '../../categories.js';
import { getSpecialDisease, type TSpecialDisease } from '../../special-diseases.js';
import type { TProfileRules, TVisitContext } from '../types.js';
import { setHalvedCriticalTerms, setOrdinaryCriticalTerms, settleFlatAssistance } from './common.js';

/** Seed-fixed caps (`001 §二`): they replace the local parameters. */
export const HUNAN_BASIC_CAP = 15_000_000;
export const HUNAN_CRITICAL_CAP = 20_000_000;

const RATE_TILT: readonly TCategoryId[] = ['registered_poor', 'extreme_poverty'];
const CRITICAL_TILT: readonly TCategoryId[] = ['registered_poor', 'extreme_poverty', 'subsistence_allowance'];

/** The special disease whose inpatient deductible is waived for this visit (`001 §三`), or null. */
function findWaivedDisease(ctx: TVisitContext, category: TCategoryId): TSpecialDisease | null {
  const v = ctx.request.visit;
  if (!v.specialDisease || category === 'ordinary' || !ctx.capabilities.hasSpecialDiseaseDeductibleWaiver) return null;
  if (!v.designatedHospital || !ctx.isReferralMet) return null;
  const disease = getSpecialDisease(v.specialDisease);
  return disease?.hunanClass ? disease : null;
}

/** 湖南省 2017 (`001`): basic +10 points, 大病 deductible halved, special diseases without deductible. */
export const HUNAN_RULES: TProfileRules = {
  clauses: {
    basic: '001 §二',
    critical: '001 §二',
    assistance: '001（本地参数）',
    hospitalBorne: '001 §四',
    referral: '000 §二(七)（转诊规则，RULES §3）',
  },
  getInpatientDeductible: (ctx, category, levelDeductible) => (findWaivedDisease(ctx, category) ? 0 : levelDeductible),
  describeInpatientDeductible(ctx, category) {
    const disease = findWaivedDisease(ctx, category);
    return disease ? `专项救治病种「${disease.name}」在定点救治医院住院，不设住院起付线（001 §三）` : null;
  },
  getBasicRateBonus: (ctx, category) => (ctx.isInpatient && RATE_TILT.includes(category) ? 10 : 0),
  fixedBasicCap: HUNAN_BASIC_CAP,
  isBasicDeductibleOutsideCritical: () => false,
  getCriticalTerms(ctx, category, isTiltAllowed, out) {
    if (!isTiltAllowed || !CRITICAL_TILT.includes(category)) setOrdinaryCriticalTerms(ctx, out, HUNAN_CRITICAL_CAP);
    else setHalvedCriticalTerms(ctx, 0, HUNAN_CRITICAL_CAP, out);
  },
  hasHospitalReduction: () => false,
  settleAssistance(ctx, state, out) {
    const { rate, annualCap } = ctx.params.assistance;
    if (state.category === 'ordinary' || rate <= 0) return false;
    return settleFlatAssistance(ctx, state, rate, annualCap, '001（本地参数 assistance.rate）', out);
  },
  settleTilted: () => false,
  countsTowardsTiltedBase: () => false,
  hasSeparateChronicAssistanceBase: false,
  getNotices: () => [],
};
