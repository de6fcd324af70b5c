import {
  and,
  asc,
  claims,
  eq,
  gte,
  hospitals,
  inArray,
  lte,
  ne,
  offsiteRegistrations,
  orgUnits,
  persons,
  referrals,
  sql,
} from '@portal/db';
import {
  type TExpiringRegistrations,
  type TReferralsByMonth,
  type TUnreferredAdmission,
  addCalendarDays,
  maskIdNumber,
} from '@portal/rules';
import { z } from 'zod';
import { type ActorContext, chinaDate, inUserRegion } from '../../core/index.js';

const ZYear = z.number({ error: '请选择年度' }).int().min(2015, '年度有误').max(2100, '年度有误');
export const ZReferralReportInput = z.object({ year: ZYear });

/** Registered referrals (expired ones included) by month of issue, destination and county. */
export async function reportReferralsByMonth({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReferralReportInput>;
}): Promise<TReferralsByMonth> {
  const me = ctx.actor;
  const { year } = input;
  const month = sql<string>`to_char(${referrals.issueDate}, 'YYYY-MM')`;
  const rows = await ctx.db
    .select({
      month,
      countyName: orgUnits.name,
      destinationName: hospitals.name,
      tier: referrals.destinationTier,
      count: sql<number>`count(*)::int`,
    })
    .from(referrals)
    .innerJoin(orgUnits, eq(orgUnits.id, referrals.orgUnitId))
    .innerJoin(hospitals, eq(hospitals.id, referrals.destinationHospitalId))
    .where(
      and(
        inUserRegion(me, referrals.regionPath),
        eq(referrals.status, 'registered'),
        gte(referrals.issueDate, `${year}-01-01`),
        lte(referrals.issueDate, `${year}-12-31`),
      ),
    )
    .groupBy(month, orgUnits.name, hospitals.name, referrals.destinationTier)
    .orderBy(asc(month), asc(orgUnits.name), asc(hospitals.name));
  return { year, rows, total: rows.reduce((s, r) => s + Number(r.count), 0) };
}

/**
 * Inpatient claims outside the person's county settled without any referral: these people lost
 * the preferential rates, and staff follow up (late registration, override, or advice).
 */
export async function reportUnreferredAdmissions({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReferralReportInput>;
}): Promise<TUnreferredAdmission[]> {
  const me = ctx.actor;
  const { year } = input;
  const rows = await ctx.db
    .select({
      claimId: claims.id,
      claimNo: claims.claimNo,
      personId: claims.personId,
      personName: persons.name,
      idNumber: persons.idNumber,
      countyName: orgUnits.name,
      hospitalName: claims.hospitalName,
      location: claims.location,
      admissionDate: claims.admissionDate,
      dischargeDate: claims.dischargeDate,
      diagnosis: claims.diagnosis,
      patientPays: claims.patientPays,
    })
    .from(claims)
    .innerJoin(persons, eq(persons.id, claims.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, claims.orgUnitId))
    .where(
      and(
        inUserRegion(me, claims.regionPath),
        eq(claims.kind, 'settlement'),
        eq(claims.status, 'settled'),
        eq(claims.visitType, 'inpatient'),
        ne(claims.location, 'in_county'),
        eq(claims.referralSource, 'none'),
        eq(claims.year, year),
      ),
    )
    .orderBy(asc(claims.admissionDate))
    .limit(500);
  return rows.map(({ idNumber, ...r }) => ({ ...r, idNumberMasked: maskIdNumber(idNumber) }));
}

/** Registrations whose last day falls within the next 7 days (today included), by the server's date. */
export async function reportExpiringSoon({ ctx }: { ctx: ActorContext }): Promise<TExpiringRegistrations> {
  const me = ctx.actor;
  const today = chinaDate(ctx.now());
  const until = addCalendarDays(today, 7);
  const [refs, offsite] = await Promise.all([
    ctx.db
      .select({
        id: referrals.id,
        number: referrals.referralNo,
        personName: persons.name,
        idNumber: persons.idNumber,
        countyName: orgUnits.name,
        hospitalName: hospitals.name,
        lastDay: referrals.validUntil,
      })
      .from(referrals)
      .innerJoin(persons, eq(persons.id, referrals.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, referrals.orgUnitId))
      .innerJoin(hospitals, eq(hospitals.id, referrals.destinationHospitalId))
      .where(
        and(
          inUserRegion(me, referrals.regionPath),
          inArray(referrals.status, ['registered']),
          gte(referrals.validUntil, today),
          lte(referrals.validUntil, until),
        ),
      )
      .orderBy(asc(referrals.validUntil)),
    ctx.db
      .select({
        id: offsiteRegistrations.id,
        number: offsiteRegistrations.registrationNo,
        personName: persons.name,
        idNumber: persons.idNumber,
        countyName: orgUnits.name,
        provinceName: offsiteRegistrations.provinceName,
        cityName: offsiteRegistrations.cityName,
        lastDay: offsiteRegistrations.endDate,
      })
      .from(offsiteRegistrations)
      .innerJoin(persons, eq(persons.id, offsiteRegistrations.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, offsiteRegistrations.orgUnitId))
      .where(
        and(
          inUserRegion(me, offsiteRegistrations.regionPath),
          eq(offsiteRegistrations.status, 'registered'),
          gte(offsiteRegistrations.endDate, today),
          lte(offsiteRegistrations.endDate, until),
        ),
      )
      .orderBy(asc(offsiteRegistrations.endDate)),
  ]);
  const items = [
    ...refs.map((r) => ({
      kind: 'referral' as const,
      id: r.id,
      number: r.number ?? '',
      personName: r.personName,
      idNumberMasked: maskIdNumber(r.idNumber),
      countyName: r.countyName,
      target: r.hospitalName,
      lastDay: r.lastDay,
    })),
    ...offsite.map((o) => ({
      kind: 'offsite' as const,
      id: o.id,
      number: o.number,
      personName: o.personName,
      idNumberMasked: maskIdNumber(o.idNumber),
      countyName: o.countyName,
      target: `${o.provinceName}${o.cityName ?? ''}`,
      lastDay: o.lastDay,
    })),
  ].sort((a, b) => a.lastDay.localeCompare(b.lastDay));
  return { today, until, items };
}
