import type { TCategoryId } from '../categories.js';
import type { TSettleParams } from '../params/schema.js';
import type { ProfileCapabilities, TProfileId } from '../profiles.js';
import type { TBand } from './cumulative.js';
import type { TSettleRequest } from './schema.js';

/** Facts about the visit that do not depend on the category being evaluated. */
export interface TVisitContext {
  request: TSettleRequest;
  params: TSettleParams;
  profile: TProfileId;
  /** The profile's declared capabilities: the pipeline gates its optional tiers on them. */
  capabilities: ProfileCapabilities;
  isInpatient: boolean;
  isChronic: boolean;
  isOutpatient: boolean;
  /** Percent L of the step 0 out-of-scope limit for this visit (beneficiaries only), null when none applies. */
  outOfScopeLimit: number | null;
  /** Inpatient outside the person's county (RULES §3, last paragraph). */
  isReferralRequired: boolean;
  /** Referral present where required (or an off-site registration where `offsiteReplacesReferral`). */
  isReferralMet: boolean;
  /** Out-of-scope cost of steps 0 and 3: `T − S − specialDrug` (special drugs only where `hasSpecialDrugs`). */
  outOfScope: number;
  /**
   * True while the applied category is re-evaluated to write its lines: explanations are built only
   * then, because formatting every candidate's sentences dominated the settlement time.
   */
  isExplaining: boolean;
}

/**
 * Terms of the 大病 tier for one category, filled in place by `getCriticalTerms` (one object per
 * settlement is reused for every category evaluated).
 */
export interface TCriticalTerms {
  /** `linear`: one `rate` above `deductible`; `banded`: `bands` by cumulative base. */
  kind: 'linear' | 'banded';
  deductible: number;
  /** Rate of a linear schedule (0 for banded). */
  rate: number;
  /** Bands by cumulative base: `rate` applies from `from` (fen) up to the next band; null when linear. */
  bands: readonly TBand[] | null;
  /** null: cap lifted. */
  cap: number | null;
  /** Chinese description of the tilt applied, for the explanation; null when ordinary terms or not explaining. */
  tiltNote: string | null;
  /** Rate for Weihai's 单独补偿特药, null when the category gets none. */
  specialDrugRate: number | null;
}

/** Amounts of the earlier tiers that the assistance and tilted steps work from. */
export interface TStepState {
  category: TCategoryId;
  /** In-scope cost S. */
  inScope: number;
  basic: number;
  /** Basic deductible met by this visit, `min(S, Db)`. */
  basicDeductibleUsed: number;
  /** This visit's 大病 base Bc. */
  criticalBase: number;
  /** What is left of the applicable 大病 deductible before this visit: `max(0, Dc − ytd.criticalBase)`. */
  criticalDeductibleLeft: number;
  /** 大病 on the in-scope base (without special drugs). */
  criticalInScope: number;
  /** Assistance base Ba = S − basic − criticalInScope. */
  assistanceBase: number;
}

/** Outcome of the assistance step for one category, filled in place by `settleAssistance`. */
export interface TAssistanceOutcome {
  amount: number;
  clause: string;
  /** Xianning assistance deductible met by this visit. */
  deductibleUsed: number;
  /** True when the category is paid in Weihai's year-end batch instead of at the visit. */
  isYearEnd: boolean;
  /** True when the annual cap cut the amount. */
  isCapped: boolean;
  /** Sentence for window staff; empty unless `ctx.isExplaining`. */
  explain: string;
}

/** Outcome of Xianning's tilted assistance, filled in place by `settleTilted`. */
export interface TTiltedOutcome {
  amount: number;
  clause: string;
  /** Sentence for window staff; empty unless `ctx.isExplaining`. */
  explain: string;
}

/**
 * Per-profile policy hooks the pipeline calls, in pipeline order. They run for every category of
 * every visit, so they return numbers or fill the object they are given rather than allocate, and
 * build Chinese sentences only while `ctx.isExplaining`.
 */
export interface TProfileRules {
  /** Clauses cited on each line. */
  clauses: { basic: string; critical: string; assistance: string; hospitalBorne: string; referral: string };
  /** Step 1: inpatient basic deductible before referral/tilt handling (may be waived or reduced). */
  getInpatientDeductible(ctx: TVisitContext, category: TCategoryId, levelDeductible: number): number;
  /** Step 1: why the inpatient deductible differs from the level's, or null (asked only while explaining). */
  describeInpatientDeductible(ctx: TVisitContext, category: TCategoryId, levelDeductible: number): string | null;
  /** Step 1: inpatient rate points added for the category (tilt). */
  getBasicRateBonus(ctx: TVisitContext, category: TCategoryId): number;
  /** Step 1: a seed-fixed inpatient basic cap that replaces the local parameter, or null. */
  fixedBasicCap: number | null;
  /** Step 2: whether the inpatient basic deductible is left out of the 大病 base (Xianning). */
  isBasicDeductibleOutsideCritical(category: TCategoryId): boolean;
  /** Step 2: fills `out` with the 大病 terms; `isTiltAllowed` false means ordinary terms (unreferred). */
  getCriticalTerms(ctx: TVisitContext, category: TCategoryId, isTiltAllowed: boolean, out: TCriticalTerms): void;
  /** Step 3: whether the category's visit is eligible for the hospital reduction (asked only where `hasHospitalReduction`). */
  hasHospitalReduction(ctx: TVisitContext, category: TCategoryId): boolean;
  /** Step 4: fills `out` with the assistance and returns true, or returns false when the category has no assistance tier. */
  settleAssistance(ctx: TVisitContext, state: TStepState, out: TAssistanceOutcome): boolean;
  /**
   * Step 5: fills `out` with the tilted assistance and returns true, or false when not applicable to
   * the category (asked only where `hasTiltedAssistance`).
   */
  settleTilted(ctx: TVisitContext, state: TStepState, assistance: number, out: TTiltedOutcome): boolean;
  /** Whether this visit's remaining out-of-pocket counts towards the tilted base (Xianning conditions). */
  countsTowardsTiltedBase(ctx: TVisitContext): boolean;
  /**
   * Outpatient-chronic assistance accumulates on its own base (`ytd.chronicAssistanceBase`), not on
   * the inpatient `assistanceBase` (Weihai `004 §三(三)3`, RULES §8a.7).
   */
  hasSeparateChronicAssistanceBase: boolean;
  /** Extra notices about the category under this profile (e.g. tilted refused), shown when applied. */
  getNotices(ctx: TVisitContext, category: TCategoryId): string[];
}
