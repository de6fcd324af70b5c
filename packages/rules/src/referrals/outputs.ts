import { z } from 'zod';
import { ZListCount } from '../outputs.js';
import { ORG_LEVELS } from '../access/access.js';
import { CATEGORY_IDS } from '../categories.js';
import { PROFILE_IDS } from '../profiles.js';
import { LOCATIONS } from '../settlement/schema.js';
import { OFFSITE_STATUSES, OFFSITE_TYPES, REFERRAL_STATUSES } from './referrals.js';

const ZTier = z.enum(['city', 'provincial']);

/** A transfer referral as the browser sees it: masked ID number, hospital names, status on today. */
export const ZReferral = z.object({
  id: z.string(),
  referralNo: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  effectiveStatus: z.enum([...REFERRAL_STATUSES, 'expired']),
  personId: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  countyName: z.string(),
  profile: z.enum(PROFILE_IDS),
  issuingHospitalId: z.string(),
  issuingHospitalName: z.string(),
  destinationHospitalId: z.string(),
  destinationHospitalName: z.string(),
  destinationTier: ZTier,
  diagnosis: z.string(),
  reason: z.string(),
  issueDate: z.string(),
  plannedAdmissionDate: z.string(),
  validityDays: z.number(),
  validUntil: z.string(),
  rejectReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  registeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TReferral = z.infer<typeof ZReferral>;

/** A keyset page of referrals, newest first (decision 0013). */
export const ZReferralPage = z.object({ items: z.array(ZReferral), nextCursor: z.string().nullable(), count: ZListCount });
export type TReferralPage = z.infer<typeof ZReferralPage>;

/** An off-site registration (异地就医备案) as the browser sees it. */
export const ZOffsiteRegistration = z.object({
  id: z.string(),
  registrationNo: z.string(),
  status: z.enum(OFFSITE_STATUSES),
  effectiveStatus: z.enum([...OFFSITE_STATUSES, 'expired', 'pending']),
  type: z.enum(OFFSITE_TYPES),
  personId: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  countyName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  destination: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  documentType: z.string(),
  documentNo: z.string(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
});
export type TOffsiteRegistration = z.infer<typeof ZOffsiteRegistration>;

export const ZOffsitePage = z.object({ items: z.array(ZOffsiteRegistration), total: z.number(), page: z.number(), pageSize: z.number() });
export type TOffsitePage = z.infer<typeof ZOffsitePage>;

/** What the referral form needs about a person before filing (referrals.prepare). */
export const ZReferralPreparation = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    idNumberMasked: z.string(),
    countyName: z.string(),
    orgUnitName: z.string(),
    profile: z.enum(PROFILE_IDS),
  }),
  categoriesToday: z.array(z.enum(CATEGORY_IDS)),
  liveReferrals: z.array(
    z.object({ referralNo: z.string().nullable(), status: z.enum(REFERRAL_STATUSES), issueDate: z.string(), validUntil: z.string() }),
  ),
  liveOffsite: z.array(z.object({ registrationNo: z.string(), startDate: z.string(), endDate: z.string() })),
  validityDays: z.number(),
  issuingHospitals: z.array(
    z.object({ id: z.string(), name: z.string(), level: z.number(), regionName: z.string(), problem: z.string().nullable() }),
  ),
  destinations: z.array(z.object({ id: z.string(), name: z.string(), level: z.number(), regionName: z.string(), referralTier: ZTier })),
});
export type TReferralPreparation = z.infer<typeof ZReferralPreparation>;

/** A reviewer's 视同转诊 decision just recorded (referrals.createOverride). */
export const ZReferralOverrideCreated = z.object({
  id: z.string(),
  personName: z.string(),
  hospitalName: z.string(),
  admissionDate: z.string(),
  reason: z.string(),
});
export type TReferralOverrideCreated = z.infer<typeof ZReferralOverrideCreated>;

/** 视同转诊 decisions of the region (referrals.listOverrides). */
export const ZReferralOverride = z.object({
  id: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  hospitalName: z.string(),
  admissionDate: z.string(),
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  isUsed: z.boolean(),
});
export type TReferralOverride = z.infer<typeof ZReferralOverride>;
export const ZReferralOverrides = z.array(ZReferralOverride);

/** Registered referrals per month, county and destination (referrals.reportByMonth). */
export const ZReferralsByMonth = z.object({
  year: z.number(),
  rows: z.array(z.object({ month: z.string(), countyName: z.string(), destinationName: z.string(), tier: ZTier, count: z.number() })),
  total: z.number(),
});
export type TReferralsByMonth = z.infer<typeof ZReferralsByMonth>;

/** Admissions settled as not referred although a referral was required (referrals.reportUnreferred). */
export const ZUnreferredAdmission = z.object({
  claimId: z.string(),
  claimNo: z.string(),
  personId: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  countyName: z.string(),
  hospitalName: z.string(),
  location: z.enum(LOCATIONS),
  admissionDate: z.string(),
  dischargeDate: z.string(),
  diagnosis: z.string(),
  patientPays: z.number(),
});
export type TUnreferredAdmission = z.infer<typeof ZUnreferredAdmission>;
export const ZUnreferredAdmissions = z.array(ZUnreferredAdmission);

const expiringItem = {
  id: z.string(),
  number: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  countyName: z.string(),
  target: z.string(),
  lastDay: z.string(),
};

/** Referrals and off-site registrations that end soon (referrals.reportExpiring). */
export const ZExpiringRegistrations = z.object({
  today: z.string(),
  until: z.string(),
  items: z.array(
    z.union([z.object({ kind: z.literal('referral'), ...expiringItem }), z.object({ kind: z.literal('offsite'), ...expiringItem })]),
  ),
});
export type TExpiringRegistrations = z.infer<typeof ZExpiringRegistrations>;

/** The referral settings page (referrals.adminList): destination tiers and validity per agency. */
export const ZReferralAdmin = z.object({
  defaultValidityDays: z.number(),
  hospitals: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      level: z.number(),
      regionName: z.string(),
      ownerName: z.string(),
      isActive: z.boolean(),
      referralTier: ZTier.nullable(),
      canEdit: z.boolean(),
    }),
  ),
  settings: z.array(z.object({ orgUnitId: z.string(), orgUnitName: z.string(), validityDays: z.number(), updatedAt: z.string() })),
  orgUnits: z.array(z.object({ id: z.string(), name: z.string(), code: z.string(), level: z.enum(ORG_LEVELS) })),
});
export type TReferralAdmin = z.infer<typeof ZReferralAdmin>;

export const ZReferralTierSet = z.object({ id: z.string(), referralTier: ZTier.nullable() });
export type TReferralTierSet = z.infer<typeof ZReferralTierSet>;

export const ZReferralValiditySet = z.object({ orgUnitId: z.string(), validityDays: z.number() });
export type TReferralValiditySet = z.infer<typeof ZReferralValiditySet>;
