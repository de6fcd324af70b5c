import { z } from 'zod';
import { ZListCount } from '../outputs.js';
import { CATEGORY_IDS, ZCategoryId } from '../categories.js';
import { ZEnrollmentOnStatus } from '../enrollment/outputs.js';
import { ZHospital } from '../hospitals/outputs.js';
import { PROFILE_IDS, ZProfileId } from '../profiles.js';
import { ZSettleParamsFigures, ZYtdFigures } from '../settlement/outputs.js';
import { LOCATIONS, TIERS, VISIT_TYPES } from '../settlement/schema.js';

const ZClaimKind = z.enum(['settlement', 'reversal']);
const ZClaimStatus = z.enum(['settled', 'reversed', 'reversal']);
const ZReferralSource = z.enum(['registry', 'override', 'none', 'not_required']);

/**
 * What the claim form shows beside the person and feeds to the in-browser preview (claims.context):
 * the facts gathered exactly as the save gathers them.
 */
export const ZClaimContext = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    idNumberMasked: z.string(),
    orgUnitName: z.string(),
    countyCode: z.string(),
  }),
  profile: ZProfileId,
  profileLabel: z.string(),
  year: z.number(),
  categories: z.array(z.object({ id: z.enum(CATEGORY_IDS), label: z.string() })),
  ytd: ZYtdFigures,
  params: ZSettleParamsFigures,
  paramVersion: z.number().nullable(),
  paramEffectiveFrom: z.string().nullable(),
  hospital: ZHospital.nullable(),
  location: z.enum(LOCATIONS).nullable(),
  /** Null until the hospital, the visit type and the admission date are known. */
  referral: z
    .object({
      isRequired: z.boolean(),
      source: ZReferralSource,
      referred: z.boolean(),
      offsiteRegistered: z.boolean(),
      number: z.string().nullable(),
      note: z.string().nullable(),
      /** Set when the decision rests on the caller's own override: saving will be refused (separation table). */
      blockedReason: z.string().nullable(),
    })
    .nullable(),
  enrollment: z.object({ year: z.number(), status: ZEnrollmentOnStatus, isCovered: z.boolean() }),
});
export type TClaimContext = z.infer<typeof ZClaimContext>;

/** The settlement slip (一单清) laid out by `buildSlip`. */
export const ZSlip = z.object({
  title: z.string(),
  subtitle: z.string(),
  header: z.array(z.tuple([z.string(), z.string()])),
  visit: z.array(z.tuple([z.string(), z.string()])),
  costs: z.array(z.tuple([z.string(), z.string()])),
  lines: z.array(z.object({ label: z.string(), amount: z.string(), clause: z.string(), explain: z.string() })),
  fundPaid: z.string(),
  hospitalReduction: z.object({ amount: z.string(), clause: z.string(), explain: z.string() }).nullable(),
  hospitalBorne: z.string().nullable(),
  patientPays: z.string(),
  patientPaysCapital: z.string(),
  notices: z.array(z.string()),
  signatures: z.array(z.string()),
});

/** A stored claim with its lines, person (masked), hospital, agency and slip (claims.get, create, reverse). */
export const ZClaimDetail = z.object({
  id: z.string(),
  claimNo: z.string(),
  kind: ZClaimKind,
  status: ZClaimStatus,
  reversesClaimId: z.string().nullable(),
  reversedByClaimId: z.string().nullable(),
  reason: z.string().nullable(),
  profile: z.enum(PROFILE_IDS),
  year: z.number(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    idNumberMasked: z.string(),
    sex: z.enum(['male', 'female']),
    birthDate: z.string(),
  }),
  agency: z.object({ name: z.string(), code: z.string() }),
  hospital: z.object({ id: z.string(), name: z.string(), level: z.number() }),
  location: z.enum(LOCATIONS),
  visitType: z.enum(VISIT_TYPES),
  admissionDate: z.string(),
  dischargeDate: z.string(),
  diagnosis: z.string(),
  specialDisease: z.string().nullable(),
  referred: z.boolean(),
  referralSource: ZReferralSource,
  referralNote: z.string().nullable(),
  costs: z.object({ total: z.number(), inScope: z.number(), specialDrug: z.number(), outOfScope: z.number() }),
  appliedCategory: ZCategoryId,
  categoriesHeld: z.array(ZCategoryId),
  lines: z.array(z.object({ tier: z.enum(TIERS), amount: z.number(), clause: z.string(), explain: z.string() })),
  totals: z.object({ fundPaid: z.number(), hospitalBorne: z.number(), patientPays: z.number() }),
  notices: z.array(z.string()),
  paramVersionId: z.string().nullable(),
  clerkName: z.string(),
  createdAt: z.string(),
  slip: ZSlip,
  /** What the caller may do; the server asks again on reversal (the creator does not reverse their own claim). */
  can: z.object({ reverse: z.boolean(), reverseBlockedReason: z.string().nullable() }),
});
export type TClaimDetail = z.infer<typeof ZClaimDetail>;

const claimAmounts = {
  basic: z.number(),
  critical: z.number(),
  hospitalReduction: z.number(),
  assistance: z.number(),
  tilted: z.number(),
  hospitalBorne: z.number(),
  patientPays: z.number(),
};

/** A row of the claim list. */
export const ZClaimListItem = z.object({
  id: z.string(),
  claimNo: z.string(),
  kind: ZClaimKind,
  status: ZClaimStatus,
  personId: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  hospitalName: z.string(),
  visitType: z.enum(VISIT_TYPES),
  dischargeDate: z.string(),
  appliedCategory: ZCategoryId,
  totalCost: z.number(),
  ...claimAmounts,
});
export type TClaimListItem = z.infer<typeof ZClaimListItem>;

/** A page of claims with the totals of every claim the filter matches (claims.list). */
export const ZClaimListPage = z.object({
  items: z.array(ZClaimListItem),
  nextCursor: z.string().nullable(),
  count: ZListCount,
  /**
   * Sums of the amounts over every claim the filter selects — only when it selects few enough to
   * add up at once (an exact count); over a larger range null (the ledger and statistics add them).
   */
  totals: z.object({ totalCost: z.number(), ...claimAmounts }).nullable(),
});
export type TClaimListPage = z.infer<typeof ZClaimListPage>;
