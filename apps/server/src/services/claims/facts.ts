import type { THospital, TLocation, TVisitType } from '@portal/rules';
import { getVisibleHospital, locateHospital } from '../hospitals/index.js';
import { resolvePolicyParams, type ResolvedParams } from '../params/index.js';
import { getPersonFacts, type PersonFacts } from '../persons/index.js';
import { decideVisitReferral, type VisitReferral } from '../referrals/index.js';
import { type ActorContext, invalid } from '../../core/index.js';

export interface VisitFactsQuery {
  personId: string;
  /** The visit date (the discharge date; an outpatient visit's day): categories and parameters. */
  date: string;
  hospitalId?: string | undefined;
  visitType?: TVisitType | undefined;
  /** The day care started: what the referral registry is asked about. */
  admissionDate?: string | undefined;
}

/** Everything a settlement takes from the database apart from the accumulators. */
export interface VisitFacts {
  person: PersonFacts;
  year: number;
  params: ResolvedParams;
  hospital: THospital | null;
  location: TLocation | null;
  /** The referral decision; null until the hospital, the visit type and the admission date are known. */
  referral: VisitReferral | null;
}

/**
 * The facts of a visit, gathered the same way for the claim preview (claims.context, which may
 * know only part of the visit yet) and for every settlement that is stored or checked (claims.create,
 * reimbursement 受理, 初审, 复核 and 支付): the person's facts on the visit date (getPersonFacts), the
 * parameters in force, the hospital on the jurisdiction's list, where it lies (locateHospital) and
 * the referral decision (decideVisitReferral).
 */
export async function gatherVisitFacts(ctx: ActorContext, query: VisitFactsQuery): Promise<VisitFacts> {
  const person = await getPersonFacts(ctx, query.personId, query.date);
  const params = await resolvePolicyParams(ctx.db, { regionPath: person.person.regionPath, profile: person.profile, date: query.date });
  const hospital = query.hospitalId ? await loadListedHospital(ctx, query.hospitalId) : null;
  const location = hospital ? locateHospital(person.countyCode, hospital.regionCode) : null;
  const referral =
    hospital && query.visitType && query.admissionDate
      ? await decideVisitReferral(ctx, { person, hospital, visitType: query.visitType, admissionDate: query.admissionDate })
      : null;
  return { person, year: Number(query.date.slice(0, 4)), params, hospital, location, referral };
}

async function loadListedHospital(ctx: ActorContext, hospitalId: string): Promise<THospital> {
  const hospital = await getVisibleHospital(ctx.db, ctx.actor, hospitalId).catch(() => {
    throw invalid('所选医院不在本辖区医院名单内', 'hospitalId');
  });
  if (!hospital.isActive) throw invalid('所选医院已停用', 'hospitalId');
  return hospital;
}
