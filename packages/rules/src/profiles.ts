import { z } from 'zod';
import type { TCategoryId } from './categories.js';
import type { THospitalLevel, TLocation, TVisitType } from './settlement/index.js';
import type { TSubsidyParams } from './subsidies/index.js';

/** The five jurisdiction profiles an agency can run (seeds/README). */
export const PROFILE_IDS = ['qiannan-2019', 'hunan-2017', 'xianning-2022', 'liaoning-2019', 'weihai-2019'] as const;

/** A profile id, refused with a Chinese message when unknown. */
export const ZProfileId = z.enum(PROFILE_IDS, { error: '未知的政策口径（profile）' });
export type TProfileId = z.infer<typeof ZProfileId>;

/** What a profile is: its notice, its jurisdiction and what its notice has that others do not. */
export interface ProfileInfo {
  id: TProfileId;
  /** Chinese name of the jurisdiction as the UI shows it. */
  label: string;
  /** Issuing document, as cited. */
  document: string;
  /** Seed file prefix used in clause citations (`000 §二(四)3`). */
  seed: string;
  /** GB/T 2260 code of the jurisdiction's top region (a prefecture 522700 or a province 430000). */
  regionCode: string;
  /** First year the notice applies to. */
  fromYear: number;
  /** What the notice has that others do not: ask these, never compare profile ids. */
  capabilities: ProfileCapabilities;
}

/**
 * One out-of-scope limit (RULES §3 step 0): for a beneficiary's visit of one of `visitTypes` at a
 * hospital in one of `locations` of one of `hospitalLevels`, the patient bears at most `percent` %
 * of the total cost as out-of-scope cost; the hospital bears the rest.
 */
export interface OutOfScopeLimit {
  visitTypes: readonly TVisitType[];
  locations: readonly TLocation[];
  hospitalLevels: readonly THospitalLevel[];
  percent: number;
}

/** Who may issue a referral certificate (转诊证明). */
export interface ReferralIssuerRule {
  /** Lowest hospital level that may issue. */
  minLevel: THospitalLevel;
  /** The hospital must lie in the person's own county. */
  sameCounty: boolean;
  /** The clause the rule comes from, cited in refusals. */
  clause: string;
}

/**
 * Policy differences between jurisdictions, as data. The server and the web ask a capability
 * (`PROFILES[profile].capabilities.offsiteReplacesReferral`); only packages/rules knows which
 * notice says what. docs/policy-readings.md gives the clause behind each; capabilities.test.ts
 * proves each declaration against the behaviour of the rules.
 */
export interface ProfileCapabilities {
  /** An off-site registration (异地就医备案; Weihai: 异地居住备案) counts in place of a referral (`004 §四(二)1`). */
  offsiteReplacesReferral: boolean;
  /** 大病保险 pays listed special drugs (单独补偿特药) apart from the in-scope cost (`004 §三(一)`); elsewhere `costs.specialDrug` must be 0. */
  hasSpecialDrugs: boolean;
  /** Hospitals waive part of a beneficiary's in-county inpatient bill (医疗机构减免, `004 §三(二)`). */
  hasHospitalReduction: boolean;
  /** Categories whose medical assistance is paid in the year-end batch, not at the visit (`004 §三(三)2`). */
  yearEndAssistanceCategories: readonly TCategoryId[];
  /** A fourth tier, 倾斜救助, after medical assistance (`002 §二(五)`). */
  hasTiltedAssistance: boolean;
  /** The premium has two tiers (一档 / 二档) and the subsidy covers the first (`004 §二(一)`). */
  hasTwoPremiumTiers: boolean;
  /** The registered-poor premium subsidy is shared by province, prefecture and county (`000 §二(三)`). */
  sharesSubsidyByGovernmentLevel: boolean;
  /**
   * Who pays the premium subsidy according to the notice, in Chinese, shown with every subsidy run
   * and its export: where the notice sets no split, the run says so instead of showing zero shares.
   */
  subsidyFunding: string;
  /** Who may issue a referral certificate (Xianning `002 §三(三)`: level 2 or above in the person's county), or null: any active listed hospital. */
  referralIssuer: ReferralIssuerRule | null;
  /** The built-in responsibility-table template of the jurisdiction (`builtin:…` in BUILTIN_TEMPLATES), if its notice has one. */
  responsibilityTemplateId: string | null;
  /** Local subsidy parameters the premiums page asks for (RULES §4); the others do not change this profile's subsidies. */
  subsidyParams: readonly (keyof TSubsidyParams)[];
  /**
   * Default validity of a referral in calendar days, the issue day counted as day 1. No notice
   * fixes one, so every profile has the documented default (decision 0300); agencies override it
   * per org unit.
   */
  referralValidityDays: number;
  /**
   * Out-of-scope limits for beneficiaries (RULES §3 step 0), first match wins; empty: no limit.
   * Qiannan `000 §二(六)` 10 % for inpatient and outpatient care; Xianning `002 §三(一)` inpatient
   * 3 % / 8 % / 10 % by location and level.
   */
  outOfScopeLimits: readonly OutOfScopeLimit[];
  /**
   * A listed special disease treated at a designated hospital has no inpatient basic deductible
   * for a beneficiary whose referral condition is met (Hunan `001 §三`, RULES §8a.2).
   */
  hasSpecialDiseaseDeductibleWaiver: boolean;
  /**
   * The policy target for the actual in-scope reimbursement ratio of inpatient care (basic ÷
   * in-scope cost), shown against the real ratio on the supervisors' dashboard; null: the notice
   * sets none. Qiannan `000 §二(四)1` about 75 %; Xianning `002 §二(三)` about 70 % in county.
   */
  inpatientRatioTarget: InpatientRatioTarget | null;
}

/** A notice's target for the in-scope inpatient reimbursement ratio (政策范围内住院费用报销比例). */
export interface InpatientRatioTarget {
  percent: number;
  /** `in_county`: only in-county admissions count (Xianning 县域内); `all`: every inpatient claim. */
  scope: 'all' | 'in_county';
  clause: string;
}

/**
 * The documented default validity of a referral (decision 0300), the same number as the referrals
 * domain's DEFAULT_REFERRAL_VALIDITY_DAYS (a test holds them equal; importing it here would make
 * an import cycle, since referrals asks the capabilities).
 */
const DOCUMENTED_REFERRAL_VALIDITY_DAYS = 90;

const ALL_VISIT_TYPES = ['inpatient', 'chronic_outpatient', 'outpatient'] as const satisfies readonly TVisitType[];
const ALL_LOCATIONS = ['in_county', 'in_city', 'in_province', 'out_of_province'] as const satisfies readonly TLocation[];
const ALL_LEVELS = [1, 2, 3] as const satisfies readonly THospitalLevel[];

/** What most notices have: none of the optional features. Each profile below states its own. */
const BASELINE: ProfileCapabilities = {
  offsiteReplacesReferral: false,
  hasSpecialDrugs: false,
  hasHospitalReduction: false,
  yearEndAssistanceCategories: [],
  hasTiltedAssistance: false,
  hasTwoPremiumTiers: false,
  sharesSubsidyByGovernmentLevel: false,
  subsidyFunding: '通知未规定资助资金的分担办法，本表不分列分担金额。',
  referralIssuer: null,
  responsibilityTemplateId: null,
  subsidyParams: [],
  referralValidityDays: DOCUMENTED_REFERRAL_VALIDITY_DAYS,
  outOfScopeLimits: [],
  hasSpecialDiseaseDeductibleWaiver: false,
  inpatientRatioTarget: null,
};

export const PROFILES: Record<TProfileId, ProfileInfo> = {
  'qiannan-2019': {
    id: 'qiannan-2019',
    label: '黔南州（2019）',
    document: '黔南医保发〔2019〕36号',
    seed: '000',
    regionCode: '522700',
    fromYear: 2019,
    capabilities: {
      ...BASELINE,
      sharesSubsidyByGovernmentLevel: true,
      subsidyFunding:
        '建档立卡贫困人口的资助按县类别由省、州、县分担（000 §二(三)），见省级、州级、县级列；其他类别通知未规定分担，不分列。',
      responsibilityTemplateId: 'builtin:qiannan-2019',
      outOfScopeLimits: [{ visitTypes: ALL_VISIT_TYPES, locations: ALL_LOCATIONS, hospitalLevels: ALL_LEVELS, percent: 10 }],
      inpatientRatioTarget: { percent: 75, scope: 'all', clause: '000 §二(四)1' },
    },
  },
  'hunan-2017': {
    id: 'hunan-2017',
    label: '湖南省（2017）',
    document: '湘人社发〔2017〕51号',
    seed: '001',
    regionCode: '430000',
    fromYear: 2017,
    capabilities: {
      ...BASELINE,
      subsidyParams: ['subsistenceFixed', 'registeredPoorRate'],
      subsidyFunding:
        '特困人员由医疗救助资金全额资助，兜底保障家庭由医疗救助资金解决 50%、其余由财政解决（001 §一），见医疗救助资金、财政补贴列；其他类别通知未分列资金来源。',
      hasSpecialDiseaseDeductibleWaiver: true,
    },
  },
  'xianning-2022': {
    id: 'xianning-2022',
    label: '咸宁市（2022）',
    document: '咸医保发〔2021〕31号',
    seed: '002',
    regionCode: '421200',
    fromYear: 2022,
    capabilities: {
      ...BASELINE,
      hasTiltedAssistance: true,
      referralIssuer: { minLevel: 2, sameCounty: true, clause: '002 §三(三)' },
      responsibilityTemplateId: 'builtin:xianning-2022',
      subsidyParams: ['stableExitBase2021'],
      subsidyFunding: '咸宁通知（002 §二(一)）只规定各类人员的资助标准，未规定省、市、县财政的分担比例，本表不分列分担金额。',
      outOfScopeLimits: [
        { visitTypes: ['inpatient'], locations: ['in_county'], hospitalLevels: [1], percent: 3 },
        { visitTypes: ['inpatient'], locations: ['in_county'], hospitalLevels: [2, 3], percent: 8 },
        { visitTypes: ['inpatient'], locations: ['in_city', 'in_province'], hospitalLevels: [3], percent: 10 },
      ],
      inpatientRatioTarget: { percent: 70, scope: 'in_county', clause: '002 §二(三)' },
    },
  },
  'liaoning-2019': {
    id: 'liaoning-2019',
    label: '辽宁省（2019）',
    document: '辽医保〔2019〕8号',
    seed: '003',
    regionCode: '210000',
    fromYear: 2019,
    capabilities: {
      ...BASELINE,
      responsibilityTemplateId: 'builtin:liaoning-2019',
      subsidyParams: ['liaoning'],
    },
  },
  'weihai-2019': {
    id: 'weihai-2019',
    label: '威海市（2019）',
    document: '威医保发〔2019〕25号',
    seed: '004',
    regionCode: '371000',
    fromYear: 2019,
    capabilities: {
      ...BASELINE,
      offsiteReplacesReferral: true,
      hasSpecialDrugs: true,
      hasHospitalReduction: true,
      yearEndAssistanceCategories: ['other_low_income', 'illness_poverty', 'other_special'],
      hasTwoPremiumTiers: true,
      subsidyFunding: '由户籍所在地县级财政于集中缴费期前按一档缴费标准资助（004 §二(一)），资助金额即县级财政承担。',
    },
  },
};

/** The capabilities of a profile (see ProfileCapabilities). */
export function capabilitiesOf(profile: TProfileId): ProfileCapabilities {
  return PROFILES[profile].capabilities;
}

/**
 * The out-of-scope limit L (percent) for a beneficiary's visit under the profile (RULES §3 step 0),
 * or null when no limit applies. `ordinary` patients have no limit; the caller decides that.
 */
export function findOutOfScopeLimit(
  profile: TProfileId,
  visit: { type: TVisitType; location: TLocation; hospitalLevel: THospitalLevel },
): number | null {
  const limit = PROFILES[profile].capabilities.outOfScopeLimits.find(
    (l) => l.visitTypes.includes(visit.type) && l.locations.includes(visit.location) && l.hospitalLevels.includes(visit.hospitalLevel),
  );
  return limit ? limit.percent : null;
}

/**
 * The GB/T 2260 prefix every region code of the jurisdiction starts with: the top code without
 * its trailing pairs of zeros (prefecture 522700 → `5227`, province 430000 → `43`).
 */
export function jurisdictionPrefix(profile: TProfileId): string {
  return PROFILES[profile].regionCode.replace(/(00)+$/, '');
}

/** True when a region code (county, city, township or village) lies inside the profile's jurisdiction. */
export function isInJurisdiction(profile: TProfileId, regionCode: string): boolean {
  return regionCode.startsWith(jurisdictionPrefix(profile));
}
