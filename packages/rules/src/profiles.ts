import { z } from 'zod';

/** The five jurisdiction profiles an agency can run (seeds/README). */
export const PROFILE_IDS = ['qiannan-2019', 'hunan-2017', 'xianning-2022', 'liaoning-2019', 'weihai-2019'] as const;

export const ZProfileId = z.enum(PROFILE_IDS, { error: '未知的政策口径（profile）' });
export type TProfileId = z.infer<typeof ZProfileId>;

export interface ProfileInfo {
  id: TProfileId;
  /** Chinese name of the jurisdiction as the UI shows it. */
  label: string;
  /** Issuing document, as cited. */
  document: string;
  /** Seed file prefix used in clause citations (`000 §二(四)3`). */
  seed: string;
  /** GB/T 2260 code of the jurisdiction's top region. */
  regionCode: string;
  /** First year the notice applies to. */
  fromYear: number;
  /** What the notice has that others do not: ask these, never compare profile ids. */
  capabilities: ProfileCapabilities;
}

/**
 * Policy differences between jurisdictions, as data. The server and the web ask a capability
 * (`PROFILES[profile].capabilities.offsiteReplacesReferral`); only packages/rules knows which
 * notice says what. docs/policy-readings.md gives the clause behind each.
 */
export interface ProfileCapabilities {
  /** An off-site residence registration (异地居住备案) counts in place of a referral (`004 §四(二)1`). */
  offsiteReplacesReferral: boolean;
  /** 大病保险 pays listed special drugs (单独补偿特药) apart from the in-scope cost (`004 §三(一)`). */
  hasSpecialDrugs: boolean;
  /** Hospitals waive part of a beneficiary's in-county inpatient bill (医疗机构减免, `004 §三(二)`). */
  hasHospitalReduction: boolean;
  /** Categories whose medical assistance is paid in the year-end batch, not at the visit (`004 §三(三)2`). */
  yearEndAssistanceCategories: readonly string[];
  /** A fourth tier, 倾斜救助, after medical assistance (`002 §二(五)`). */
  hasTiltedAssistance: boolean;
  /** The premium has two tiers (一档 / 二档) and the subsidy covers the first (`004 §二(一)`). */
  hasTwoPremiumTiers: boolean;
  /** The registered-poor premium subsidy is shared by province, prefecture and county (`000 §二(三)`). */
  sharesSubsidyByGovernmentLevel: boolean;
  /** A referral must be issued by a level-2-or-above hospital of the person's own county (`002 §三(三)`), or null. */
  referralIssuer: { minLevel: number; sameCounty: boolean } | null;
  /** The built-in responsibility-table template of the jurisdiction, if its notice has one. */
  responsibilityTemplateId: string | null;
  /** Local subsidy parameters the premiums page asks for (RULES §4); `liaoning` is the per-category amounts. */
  subsidyParams: readonly ('subsistenceFixed' | 'registeredPoorRate' | 'stableExitBase2021' | 'liaoning')[];
}

export const PROFILES: Record<TProfileId, ProfileInfo> = {
  'qiannan-2019': {
    id: 'qiannan-2019',
    label: '黔南州（2019）',
    document: '黔南医保发〔2019〕36号',
    seed: '000',
    regionCode: '522700',
    fromYear: 2019,
    capabilities: {
      offsiteReplacesReferral: false,
      hasSpecialDrugs: false,
      hasHospitalReduction: false,
      yearEndAssistanceCategories: [],
      hasTiltedAssistance: false,
      hasTwoPremiumTiers: false,
      sharesSubsidyByGovernmentLevel: true,
      referralIssuer: null,
      responsibilityTemplateId: 'builtin:qiannan-2019',
      subsidyParams: [],
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
      offsiteReplacesReferral: false,
      hasSpecialDrugs: false,
      hasHospitalReduction: false,
      yearEndAssistanceCategories: [],
      hasTiltedAssistance: false,
      hasTwoPremiumTiers: false,
      sharesSubsidyByGovernmentLevel: false,
      referralIssuer: null,
      responsibilityTemplateId: null,
      subsidyParams: ['subsistenceFixed', 'registeredPoorRate'],
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
      offsiteReplacesReferral: false,
      hasSpecialDrugs: false,
      hasHospitalReduction: false,
      yearEndAssistanceCategories: [],
      hasTiltedAssistance: true,
      hasTwoPremiumTiers: false,
      sharesSubsidyByGovernmentLevel: false,
      referralIssuer: { minLevel: 2, sameCounty: true },
      responsibilityTemplateId: 'builtin:xianning-2022',
      subsidyParams: ['stableExitBase2021'],
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
      offsiteReplacesReferral: false,
      hasSpecialDrugs: false,
      hasHospitalReduction: false,
      yearEndAssistanceCategories: [],
      hasTiltedAssistance: false,
      hasTwoPremiumTiers: false,
      sharesSubsidyByGovernmentLevel: false,
      referralIssuer: null,
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
      offsiteReplacesReferral: true,
      hasSpecialDrugs: true,
      hasHospitalReduction: true,
      yearEndAssistanceCategories: ['other_low_income', 'illness_poverty', 'other_special'],
      hasTiltedAssistance: false,
      hasTwoPremiumTiers: true,
      sharesSubsidyByGovernmentLevel: false,
      referralIssuer: null,
      responsibilityTemplateId: null,
      subsidyParams: [],
    },
  },
};

/** The capabilities of a profile (see ProfileCapabilities). */
export function capabilitiesOf(profile: TProfileId): ProfileCapabilities {
  return PROFILES[profile].capabilities;
}
