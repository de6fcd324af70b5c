import { and, desc, eq, hospitals, lte, gte, offsiteRegistrations, referralOverrides, referrals } from '@portal/db';
import { OFFSITE_TYPE_LABELS, offsiteCoversRegion, type TOffsiteType } from '@portal/rules';
import { type ServiceContext } from '../../core/index.js';

type Db = Pick<ServiceContext, 'db'>;
interface VisitKey {
  personId: string;
  hospitalId: string;
  /** The admission date. */
  date: string;
}

export type ValidRegistration =
  | {
      kind: 'referral';
      id: string;
      number: string;
      validFrom: string;
      validUntil: string;
      issuingHospitalName: string;
      destinationHospitalName: string;
      destinationTier: 'city' | 'provincial';
      /** One Chinese line for the claim form and the settlement explanation. */
      label: string;
    }
  | {
      kind: 'offsite';
      id: string;
      number: string;
      validFrom: string;
      validUntil: string;
      offsiteType: TOffsiteType;
      destination: string;
      label: string;
    };

/**
 * The registration that covers a visit of `personId` to `hospitalId` admitted on `date`: a
 * registered referral to that destination whose validity includes the date, else a registered
 * off-site registration whose period includes the date and whose destination contains the
 * hospital. Null when neither exists.
 *
 * Whether it counts for the visit is `decideVisitReferral`'s question (an off-site registration
 * stands in for a referral only where the profile says so). No region check here: the caller has
 * loaded the person through `getPersonFacts`.
 */
export async function findValidReferral(ctx: Db, args: VisitKey): Promise<ValidRegistration | null> {
  const db = ctx.db;
  const { personId, hospitalId, date } = args;
  const referral = (
    await db
      .select({ r: referrals, destinationName: hospitals.name })
      .from(referrals)
      .innerJoin(hospitals, eq(hospitals.id, referrals.destinationHospitalId))
      .where(
        and(
          eq(referrals.personId, personId),
          eq(referrals.destinationHospitalId, hospitalId),
          eq(referrals.status, 'registered'),
          lte(referrals.issueDate, date),
          gte(referrals.validUntil, date),
        ),
      )
      .orderBy(desc(referrals.registeredAt))
      .limit(1)
  )[0];
  if (referral) {
    const issuer = (
      await db.select({ name: hospitals.name }).from(hospitals).where(eq(hospitals.id, referral.r.issuingHospitalId)).limit(1)
    )[0];
    const r = referral.r;
    return {
      kind: 'referral',
      id: r.id,
      number: r.referralNo ?? '',
      validFrom: r.issueDate,
      validUntil: r.validUntil,
      issuingHospitalName: issuer?.name ?? '',
      destinationHospitalName: referral.destinationName,
      destinationTier: r.destinationTier,
      label: `转诊备案 ${r.referralNo}（${issuer?.name ?? ''} 转往 ${referral.destinationName}，有效期 ${r.issueDate} 至 ${r.validUntil}）`,
    };
  }

  const hospital = (await db.select({ regionCode: hospitals.regionCode }).from(hospitals).where(eq(hospitals.id, hospitalId)).limit(1))[0];
  if (!hospital) return null;
  const candidates = await db
    .select()
    .from(offsiteRegistrations)
    .where(
      and(
        eq(offsiteRegistrations.personId, personId),
        eq(offsiteRegistrations.status, 'registered'),
        lte(offsiteRegistrations.startDate, date),
        gte(offsiteRegistrations.endDate, date),
      ),
    )
    .orderBy(desc(offsiteRegistrations.createdAt));
  const offsite = candidates.find((o) => offsiteCoversRegion(o, hospital.regionCode));
  if (!offsite) return null;
  const destination = offsite.cityName ? `${offsite.provinceName}${offsite.cityName}` : offsite.provinceName;
  return {
    kind: 'offsite',
    id: offsite.id,
    number: offsite.registrationNo,
    validFrom: offsite.startDate,
    validUntil: offsite.endDate,
    offsiteType: offsite.type,
    destination,
    label: `异地就医备案 ${offsite.registrationNo}（${OFFSITE_TYPE_LABELS[offsite.type]}，${destination}，${offsite.startDate} 至 ${offsite.endDate}）`,
  };
}

export interface ReferralOverrideMatch {
  id: string;
  /** The reviewer who granted it: they may not enter a claim that uses it (separation table). */
  grantedBy: string;
  reason: string;
  createdAt: string;
  label: string;
}

/** A reviewer's override recorded for exactly this person, hospital and admission date. */
export async function findReferralOverride(ctx: Db, args: VisitKey): Promise<ReferralOverrideMatch | null> {
  const row = (
    await ctx.db
      .select()
      .from(referralOverrides)
      .where(
        and(
          eq(referralOverrides.personId, args.personId),
          eq(referralOverrides.hospitalId, args.hospitalId),
          eq(referralOverrides.admissionDate, args.date),
        ),
      )
      .orderBy(desc(referralOverrides.createdAt))
      .limit(1)
  )[0];
  if (!row) return null;
  return {
    id: row.id,
    grantedBy: row.createdBy,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    label: `审核认定视同转诊（理由：${row.reason}）`,
  };
}
