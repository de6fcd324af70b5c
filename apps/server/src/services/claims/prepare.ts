import {
  PROFILES,
  type TClaimEntry,
  type THospital,
  type TLocation,
  type TSettleRequest,
  type TYtd,
  ZClaimEntry,
  buildClaimSettleRequest,
} from '@portal/rules';
import { assertEnrolledOn } from '../enrollment/index.js';
import type { VisitReferral } from '../referrals/index.js';
import { gatherVisitFacts, type VisitFacts } from './facts.js';
import { type ActorContext, chinaDate, invalid } from '../../core/index.js';

/** A claim entry checked against the database, with every fact its settlement needs. */
export interface PreparedVisit extends VisitFacts {
  entry: ReturnType<typeof ZClaimEntry.parse>;
  hospital: THospital;
  location: TLocation;
  referral: VisitReferral;
}

/**
 * A claim entry checked and completed from the database: the facts of the visit (gatherVisitFacts,
 * as the preview gathers them), then the checks only a settlement makes — dates, the profile's
 * first year, special drugs only where the profile has them, and enrollment (应保尽保). Throws a
 * field-named Chinese error on bad input.
 */
export async function prepareVisit(ctx: ActorContext, raw: TClaimEntry): Promise<PreparedVisit> {
  const entry = ZClaimEntry.parse(raw);
  const facts = await gatherVisitFacts(ctx, {
    personId: entry.personId,
    date: entry.dischargeDate,
    hospitalId: entry.hospitalId,
    visitType: entry.visitType,
    admissionDate: entry.admissionDate,
  });
  const { person, hospital, location, referral } = facts;
  if (!hospital || !location || !referral) throw new Error('visit facts without a hospital or a referral decision');
  const today = chinaDate(ctx.now());
  if (entry.dischargeDate > today) throw invalid('出院（就诊）日期不能晚于今天', 'dischargeDate');
  if (entry.admissionDate < person.person.birthDate) throw invalid('入院日期早于参保人出生日期', 'admissionDate');
  const profile = PROFILES[person.profile];
  if (facts.year < profile.fromYear) {
    throw invalid(`就诊日期早于本地政策（${profile.document}）执行年度 ${profile.fromYear} 年`, 'dischargeDate');
  }
  if (entry.specialDrugCost > 0 && !profile.capabilities.hasSpecialDrugs) {
    throw invalid(`${profile.label}口径没有大病保险单独补偿特药，特药费用请填 0`, 'specialDrugCost');
  }
  await assertEnrolledOn(ctx, person.person.id, entry.admissionDate, { field: 'admissionDate', action: '结算' });
  return { ...facts, entry, hospital, location, referral };
}

/** The rules package's request for a prepared visit and the person's accumulators. */
export function buildSettleRequest(p: PreparedVisit, ytd: TYtd): TSettleRequest {
  return buildClaimSettleRequest(p.entry, {
    profile: p.person.profile,
    params: p.params.settle,
    categories: p.person.categories,
    countyCode: p.person.countyCode,
    hospital: p.hospital,
    location: p.location,
    referral: p.referral,
    ytd,
  });
}
