import {
  buildClaimSettleRequest,
  isReferralRequired,
  NOT_ENROLLED_REASON_LABELS,
  type TNotEnrolledReason,
  PROFILES,
  ZClaimEntry,
  type TCategoryId,
  type TClaimEntry,
  type TSettleParams,
  type TSettleRequest,
  type TYtd,
} from '@portal/rules';
import { and, enrollments, eq, type DbOrTx } from '@portal/db';
import { getVisibleHospital, locateHospital, type HospitalDto } from '../hospitals/index.js';
import { resolvePolicyParams } from '../params/index.js';
import { resolveVisitReferral } from '../referrals/index.js';
import { categoriesOnDate, loadPerson } from './internal.js';
import { type Actor, type ActorContext, chinaDate, invalid } from '../../core/index.js';

export interface PreparedVisit {
  entry: ReturnType<typeof ZClaimEntry.parse>;
  person: Awaited<ReturnType<typeof loadPerson>>;
  hospital: HospitalDto;
  year: number;
  categories: TCategoryId[];
  paramVersionId: string | null;
  params: TSettleParams;
  location: ReturnType<typeof locateHospital>;
  referralRequired: boolean;
  /** What the referral registry holds for the visit (null when no referral is required). */
  referral: Awaited<ReturnType<typeof resolveVisitReferral>> | null;
}

/**
 * Everything a settlement needs that comes from the database, checked: the person in the
 * caller's region, the hospital on the jurisdiction's list, the categories held on the visit
 * date, and the parameters in force. Throws a field-named Chinese error on bad input.
 */
export async function prepareVisit(tx: DbOrTx, ctx: ActorContext, user: Actor, raw: TClaimEntry): Promise<PreparedVisit> {
  const entry = ZClaimEntry.parse(raw);
  const person = await loadPerson(tx, user, entry.personId);
  const hospital = await getVisibleHospital(tx, user, entry.hospitalId).catch(() => {
    throw invalid('所选医院不在本辖区医院名单内', 'hospitalId');
  });
  if (!hospital.isActive) throw invalid('所选医院已停用', 'hospitalId');
  const today = chinaDate(ctx.now());
  const visitDate = entry.dischargeDate;
  if (visitDate > today) throw invalid('出院（就诊）日期不能晚于今天', 'dischargeDate');
  if (entry.admissionDate < person.person.birthDate) throw invalid('入院日期早于参保人出生日期', 'admissionDate');
  const fromYear = PROFILES[person.profile].fromYear;
  if (Number(visitDate.slice(0, 4)) < fromYear) {
    throw invalid(`就诊日期早于本地政策（${PROFILES[person.profile].document}）执行年度 ${fromYear} 年`, 'dischargeDate');
  }
  if (entry.specialDrugCost > 0 && person.profile !== 'weihai-2019') throw invalid('只有威海口径有大病保险单独补偿特药', 'specialDrugCost');
  // 应保尽保: a year whose enrollment register says the person was not enrolled, or a visit before
  // the enrollment date, is refused. A year with no register entry yet is settled (decision 0004).
  const enrollment = (
    await tx
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.personId, person.person.id), eq(enrollments.year, Number(visitDate.slice(0, 4)))))
      .limit(1)
  )[0];
  if (enrollment && !enrollment.basicEnrolled) {
    throw invalid(
      `参保人 ${visitDate.slice(0, 4)} 年度未参加城乡居民基本医疗保险${enrollment.notEnrolledReason ? `（${NOT_ENROLLED_REASON_LABELS[enrollment.notEnrolledReason as TNotEnrolledReason] ?? enrollment.notEnrolledReason}）` : ''}，不能结算`,
      'dischargeDate',
    );
  }
  if (enrollment?.enrolledOn && entry.admissionDate < enrollment.enrolledOn) {
    throw invalid(`就诊日期早于参保日期 ${enrollment.enrolledOn}`, 'admissionDate');
  }
  const categories = await categoriesOnDate(tx, person.person.id, visitDate, person.profile);
  const resolved = await resolvePolicyParams(tx, { regionPath: person.person.regionPath, profile: person.profile, date: visitDate });
  const location = locateHospital(person.countyCode, hospital.regionCode);
  const referralRequired = isReferralRequired(entry.visitType, location);
  // The registry decides "referred": the clerk's tick is checked against it, never trusted.
  const referral = referralRequired
    ? await resolveVisitReferral({
        tx,
        personId: person.person.id,
        hospitalId: hospital.id,
        date: entry.admissionDate,
        profile: person.profile,
      })
    : null;
  if (referral && entry.referred && !referral.referred) {
    throw invalid(
      '未查到覆盖本次住院（就诊医院、入院日期）的转诊备案，不能按已转诊结算；急诊等特殊情况请由审核人员办理视同转诊认定',
      'referred',
    );
  }
  if (referral && entry.offsiteRegistered && !referral.offsiteRegistered && !referral.referred) {
    throw invalid('未查到覆盖本次住院的异地就医备案', 'offsiteRegistered');
  }
  return {
    entry: { ...entry, referred: referral?.referred ?? false, offsiteRegistered: referral?.offsiteRegistered ?? false },
    person,
    hospital,
    year: Number(visitDate.slice(0, 4)),
    categories,
    paramVersionId: resolved.versionId,
    params: resolved.settle,
    location,
    referralRequired,
    referral,
  };
}

/** The rules package's request for a prepared visit and the person's accumulators. */
export function buildSettleRequest(p: PreparedVisit, ytd: TYtd): TSettleRequest {
  return buildClaimSettleRequest(p.entry, {
    profile: p.person.profile,
    params: p.params,
    categories: p.categories,
    countyCode: p.person.countyCode,
    hospital: p.hospital,
    location: p.location,
    ytd,
  });
}
