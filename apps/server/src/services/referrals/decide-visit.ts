import {
  type DutyRecord,
  decideReferralOutcome,
  isReferralEvidenceAccepted,
  isReferralRequired,
  type TLocation,
  type TReferralSource,
  type TVisitType,
} from '@portal/rules';
import { locateHospital } from '../hospitals/index.js';
import type { PersonFacts } from '../persons/index.js';
import { findReferralOverride, findValidReferral, type ReferralOverrideMatch, type ValidRegistration } from './find-valid.js';
import { type ServiceContext } from '../../core/index.js';

/** The referral decision of one visit: what the claim preview shows and what the saved claim stores. */
export interface VisitReferral {
  /** RULES §3: an inpatient stay outside the person's county. */
  isRequired: boolean;
  location: TLocation;
  source: TReferralSource;
  /** `visit.referred` of the settlement request. */
  referred: boolean;
  /** `visit.offsiteRegistered` of the settlement request (only where the profile accepts it). */
  offsiteRegistered: boolean;
  /** The registration or override the decision rests on (stored as the claim's `referralId`). */
  registrationId: string | null;
  registration: ValidRegistration | null;
  override: ReferralOverrideMatch | null;
  /** A Chinese line for the form and the slip; null when no referral is required. */
  note: string | null;
}

/**
 * The one owner of "does this visit need a referral, and does it have one": whether a referral is
 * required (RULES §3, every profile: an inpatient stay outside the person's county), and what the
 * registry holds for it — a registered referral to the hospital, else an off-site registration
 * covering it (counted only where `PROFILES[profile].capabilities.offsiteReplacesReferral`, Weihai
 * `004 §四(二)1`; elsewhere named in the note), else a reviewer's 视同转诊 override for exactly this
 * admission date, else none. The registry is asked only when a referral is required.
 */
export async function decideVisitReferral(
  ctx: Pick<ServiceContext, 'db'>,
  args: {
    person: Pick<PersonFacts, 'person' | 'profile' | 'countyCode'>;
    hospital: { id: string; regionCode: string };
    visitType: TVisitType;
    admissionDate: string;
  },
): Promise<VisitReferral> {
  const { person, hospital, visitType } = args;
  const location = locateHospital(person.countyCode, hospital.regionCode);
  const base = { profile: person.profile, visitType, location };
  if (!isReferralRequired(visitType, location)) {
    const outcome = decideReferralOutcome({ ...base, registration: null, hasOverride: false });
    return { ...outcomeFields(outcome), location, registrationId: null, registration: null, override: null, note: null };
  }
  const key = { personId: person.person.id, hospitalId: hospital.id, date: args.admissionDate };
  const found = await findValidReferral(ctx, key);
  const isAccepted = found !== null && isReferralEvidenceAccepted(person.profile, found.kind);
  const override = isAccepted ? null : await findReferralOverride(ctx, key);
  const outcome = decideReferralOutcome({ ...base, registration: found?.kind ?? null, hasOverride: override !== null });
  if (outcome.source === 'registry' && found) {
    return {
      ...outcomeFields(outcome),
      location,
      registrationId: found.id,
      registration: found,
      override: null,
      note: `依据${found.label}`,
    };
  }
  if (outcome.source === 'override' && override) {
    return { ...outcomeFields(outcome), location, registrationId: override.id, registration: null, override, note: override.label };
  }
  return {
    ...outcomeFields(outcome),
    location,
    registrationId: null,
    registration: null,
    override: null,
    note: found ? `未查到转诊备案；${found.label}按本地政策不能代替转诊备案` : '未查到覆盖本次就诊医院和入院日期的转诊备案或异地就医备案',
  };
}

function outcomeFields(o: ReturnType<typeof decideReferralOutcome>) {
  return { isRequired: o.isRequired, source: o.source, referred: o.referred, offsiteRegistered: o.offsiteRegistered };
}

/** The override a visit's decision rests on, as a history for the separation table (who granted it). */
export function overrideHistory(referral: Pick<VisitReferral, 'override'> | null): DutyRecord[] {
  return referral?.override ? [{ act: 'referral.override', actorId: referral.override.grantedBy }] : [];
}
