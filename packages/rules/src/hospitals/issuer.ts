import type { ReferralIssuerRule } from '../profiles.js';
import { HOSPITAL_LEVEL_LABELS } from './schemas.js';

/** What the referral rules need to know about a hospital that would issue a certificate. */
export interface IssuerHospital {
  level: number;
  regionCode: string;
}

/**
 * Why the hospital may not issue a referral certificate for a person of `personCountyCode` under
 * the profile's issuer rule (`capabilities.referralIssuer`), or null when it may. No rule: any
 * hospital may.
 */
export function referralIssuerProblem(rule: ReferralIssuerRule | null, hospital: IssuerHospital, personCountyCode: string): string | null {
  if (!rule) return null;
  if (hospital.level < rule.minLevel) return `转诊证明须由${HOSPITAL_LEVEL_LABELS[rule.minLevel]}及以上医疗机构出具（${rule.clause}）`;
  if (rule.sameCounty && hospital.regionCode !== personCountyCode) return `转诊证明须由参保人所在县域内的医疗机构出具（${rule.clause}）`;
  return null;
}

/** The issuer rule as a hint under the form field (`须为参保人所在县域内二级及以上医疗机构`), or null. */
export function describeReferralIssuer(rule: ReferralIssuerRule | null): string | null {
  if (!rule) return null;
  const level = rule.minLevel > 1 ? `${HOSPITAL_LEVEL_LABELS[rule.minLevel]}及以上` : '';
  return `须为${rule.sameCounty ? '参保人所在县域内' : ''}${level}医疗机构`;
}
