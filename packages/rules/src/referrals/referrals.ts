import { addCalendarDays } from '../calendar/dates.js';
import { referralIssuerProblem } from '../hospitals/index.js';
import { PROFILES, type TProfileId } from '../profiles.js';

/**
 * Default validity of a transfer referral in calendar days, counted from the day the issuing
 * hospital signs the certificate (docs/decisions/0300). Agencies may set their own.
 */
export const DEFAULT_REFERRAL_VALIDITY_DAYS = 90;
export const MAX_REFERRAL_VALIDITY_DAYS = 365;

export const REFERRAL_STATUSES = ['submitted', 'registered', 'rejected', 'cancelled'] as const;
export type TReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Stored status plus `expired`, which is never stored: it follows from the date. */
export type TReferralEffectiveStatus = TReferralStatus | 'expired';

export const REFERRAL_STATUS_LABELS: Record<TReferralEffectiveStatus, string> = {
  submitted: '待备案',
  registered: '已备案',
  rejected: '不予备案',
  cancelled: '已撤销',
  expired: '已过期',
};

export const OFFSITE_TYPES = ['relocation', 'long_term_residence', 'migrant_work', 'temporary_visit'] as const;
export type TOffsiteType = (typeof OFFSITE_TYPES)[number];
export const OFFSITE_TYPE_LABELS: Record<TOffsiteType, string> = {
  relocation: '异地安置',
  long_term_residence: '异地长期居住',
  migrant_work: '外出务工',
  temporary_visit: '临时外出就医',
};

export const OFFSITE_STATUSES = ['registered', 'cancelled'] as const;
export type TOffsiteStatus = (typeof OFFSITE_STATUSES)[number];
export const OFFSITE_STATUS_LABELS: Record<TOffsiteStatus | 'expired' | 'pending', string> = {
  registered: '有效',
  cancelled: '已撤销',
  expired: '已到期',
  pending: '未开始',
};

/** Last day a referral issued on `issueDate` may be used for an admission (inclusive). */
export function referralValidUntil(issueDate: string, validityDays: number): string {
  if (!Number.isInteger(validityDays) || validityDays < 1)
    throw new RangeError(`validityDays must be a positive integer, got ${validityDays}`);
  return addCalendarDays(issueDate, validityDays - 1);
}

/** The status a user sees on `today`: a submitted or registered referral past its last day has expired. */
export function referralEffectiveStatus(status: TReferralStatus, validUntil: string, today: string): TReferralEffectiveStatus {
  if ((status === 'submitted' || status === 'registered') && validUntil < today) return 'expired';
  return status;
}

/** The status of an off-site registration on `today`. */
export function offsiteEffectiveStatus(
  status: TOffsiteStatus,
  startDate: string,
  endDate: string,
  today: string,
): TOffsiteStatus | 'expired' | 'pending' {
  if (status !== 'registered') return status;
  if (endDate < today) return 'expired';
  if (startDate > today) return 'pending';
  return 'registered';
}

/** Closed date ranges [aFrom, aTo] and [bFrom, bTo] share at least one day. */
export function dateRangesOverlap(aFrom: string, aTo: string, bFrom: string, bTo: string): boolean {
  return aFrom <= bTo && bFrom <= aTo;
}

/**
 * Whether an off-site registration to a province (and optionally a city) covers a hospital at
 * `hospitalRegionCode`: same city (first four digits) when a city is named, else same province.
 */
export function offsiteCoversRegion(destination: { provinceCode: string; cityCode: string | null }, hospitalRegionCode: string): boolean {
  if (destination.cityCode) return hospitalRegionCode.slice(0, 4) === destination.cityCode.slice(0, 4);
  return hospitalRegionCode.slice(0, 2) === destination.provinceCode.slice(0, 2);
}

/** Electronic registration number: prefix + year + six-digit sequence (ZZ2026000001). */
export function formatRegistrationNo(prefix: 'ZZ' | 'YD', year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${prefix}${year}${String(sequence).padStart(6, '0')}`;
}

export interface IssuingHospitalFacts {
  level: number;
  regionCode: string;
  isActive: boolean;
}

/**
 * Why a hospital may not issue a referral for a person of `personCountyCode` under `profile`, or
 * null when it may: it must be active, and meet the profile's `capabilities.referralIssuer`
 * (Xianning `002 §三(三)`: level 2 or above in the person's county; the other notices name none).
 */
export function issuingHospitalProblem(profile: TProfileId, hospital: IssuingHospitalFacts, personCountyCode: string): string | null {
  if (!hospital.isActive) return '该医院已停用，不能出具转诊证明';
  return referralIssuerProblem(PROFILES[profile].capabilities.referralIssuer, hospital, personCountyCode);
}
