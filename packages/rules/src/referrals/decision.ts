import { capabilitiesOf, type TProfileId } from '../profiles.js';
import type { TLocation, TVisitType } from '../settlement/schema.js';

/**
 * Whether a visit needs a registered referral (RULES §3): an inpatient stay outside the person's
 * county (`location` other than `in_county`), in every profile. Outpatient care never does.
 */
export function isReferralRequired(visitType: TVisitType, location: TLocation): boolean {
  return visitType === 'inpatient' && location !== 'in_county';
}

/**
 * What the registry can hold for a visit: a registered referral to the hospital, an off-site
 * registration (异地就医备案) whose destination contains it, or a reviewer's 视同转诊 override.
 */
export type TReferralEvidence = 'referral' | 'offsite' | 'override';

/**
 * Whether a piece of evidence stands for a referral under a profile: a referral and a reviewer's
 * override always; an off-site registration only where the profile accepts it in place of a
 * referral (`capabilities.offsiteReplacesReferral`: Weihai `004 §四(二)1`).
 */
export function isReferralEvidenceAccepted(profile: TProfileId, evidence: TReferralEvidence): boolean {
  return evidence !== 'offsite' || capabilitiesOf(profile).offsiteReplacesReferral;
}

/** Where the referral status of a claim comes from (stored on the claim as `referralSource`). */
export type TReferralSource = 'not_required' | 'registry' | 'override' | 'none';

export interface TReferralOutcome {
  isRequired: boolean;
  source: TReferralSource;
  /** `visit.referred` of the settlement request. */
  referred: boolean;
  /** `visit.offsiteRegistered` of the settlement request (true only where the profile accepts it). */
  offsiteRegistered: boolean;
  /** The evidence the outcome rests on (null when none is needed or none counts). */
  evidence: TReferralEvidence | null;
}

/**
 * The referral outcome of a visit from what the registry holds: not required (RULES §3), else the
 * registry's registration if the profile accepts it, else a reviewer's override, else none (the
 * visit is settled as unreferred, `000 §二(七)`). `registration` is the registry's best match
 * (a referral is preferred over an off-site registration by the lookup).
 */
export function decideReferralOutcome(args: {
  profile: TProfileId;
  visitType: TVisitType;
  location: TLocation;
  registration: 'referral' | 'offsite' | null;
  hasOverride: boolean;
}): TReferralOutcome {
  if (!isReferralRequired(args.visitType, args.location)) {
    return { isRequired: false, source: 'not_required', referred: false, offsiteRegistered: false, evidence: null };
  }
  if (args.registration && isReferralEvidenceAccepted(args.profile, args.registration)) {
    return {
      isRequired: true,
      source: 'registry',
      referred: args.registration === 'referral',
      offsiteRegistered: args.registration === 'offsite',
      evidence: args.registration,
    };
  }
  if (args.hasOverride) return { isRequired: true, source: 'override', referred: true, offsiteRegistered: false, evidence: 'override' };
  return { isRequired: true, source: 'none', referred: false, offsiteRegistered: false, evidence: null };
}
