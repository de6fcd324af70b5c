import { and, desc, eq, hospitals, lte, gte, offsiteRegistrations, referralOverrides, referrals, type DbOrTx } from '@portal/db';
import { OFFSITE_TYPE_LABELS, offsiteCoversRegion, type TOffsiteType } from '@portal/rules';
import { type ActorContext } from '../../core/index.js';

type Db = { ctx: Pick<ActorContext, 'db'>; tx?: never } | { tx: DbOrTx; ctx?: never };

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
 * The caller maps `kind: 'referral'` to `visit.referred = true` and `kind: 'offsite'` to
 * `visit.offsiteRegistered = true` (the rules accept the latter in place of a referral in Weihai
 * only, `004 §四(二)1`). No region check here: claim entry has already scoped the person.
 */
export async function findValidReferral(
  args: Db & { personId: string; hospitalId: string; date: string },
): Promise<ValidRegistration | null> {
  const db = args.tx ?? args.ctx.db;
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
  reason: string;
  createdAt: string;
  label: string;
}

/** A reviewer's override recorded for exactly this person, hospital and admission date. */
export async function findReferralOverride(
  args: Db & { personId: string; hospitalId: string; date: string },
): Promise<ReferralOverrideMatch | null> {
  const db = args.tx ?? args.ctx.db;
  const row = (
    await db
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
  return { id: row.id, reason: row.reason, createdAt: row.createdAt.toISOString(), label: `审核认定视同转诊（理由：${row.reason}）` };
}

/**
 * What claim entry needs in one call: the registry match, else a reviewer's override, else none,
 * with the flags for the settlement request and a Chinese note for the slip. With `profile`, an
 * off-site registration counts only where the rules accept it instead of a referral (Weihai,
 * `004 §四(二)1`); elsewhere it is mentioned in the note but the visit stays unreferred.
 */
export async function resolveVisitReferral(args: Db & { personId: string; hospitalId: string; date: string; profile?: string }) {
  const found = await findValidReferral(args);
  const offsiteIgnored = found?.kind === 'offsite' && args.profile !== undefined && args.profile !== 'weihai-2019' ? found : null;
  const registration = offsiteIgnored ? null : found;
  if (registration) {
    return {
      source: 'registry' as const,
      referred: registration.kind === 'referral',
      offsiteRegistered: registration.kind === 'offsite',
      registrationId: registration.id,
      registration,
      override: null,
      note: `依据${registration.label}`,
    };
  }
  const override = await findReferralOverride(args);
  if (override) {
    return {
      source: 'override' as const,
      referred: true,
      offsiteRegistered: false,
      registrationId: override.id,
      registration: null,
      override,
      note: override.label,
    };
  }
  return {
    source: 'none' as const,
    referred: false,
    offsiteRegistered: false,
    registrationId: null,
    registration: null,
    override: null,
    note: offsiteIgnored
      ? `未查到转诊备案；${offsiteIgnored.label}按本地政策不能代替转诊备案`
      : '未查到覆盖本次就诊医院和入院日期的转诊备案或异地就医备案',
  };
}
