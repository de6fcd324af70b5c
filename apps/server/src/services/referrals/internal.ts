import { and, desc, eq, hospitals, inArray, persons, referralSettings, registrationSequences, sql, type DbOrTx } from '@portal/db';
import {
  DEFAULT_REFERRAL_VALIDITY_DAYS,
  type TCategoryId,
  type TOffsiteRegistration,
  type TProfileId,
  type TReferral,
  maskIdNumber,
  offsiteEffectiveStatus,
  referralEffectiveStatus,
} from '@portal/rules';
import { getPersonFacts, type PersonFacts } from '../persons/index.js';
import { type ActorContext, invalid, isInUserRegion } from '../../core/index.js';

/**
 * The person an ID number belongs to, within the caller's region (identity check at the window:
 * the number typed from the ID card must match a registered person), with their facts on `date`.
 * Outside the region the answer is the same "not found" so that it reveals nothing about other
 * regions.
 */
export async function findPersonByIdNumber(ctx: ActorContext, idNumber: string, date: string): Promise<PersonFacts> {
  const row = (
    await ctx.db.select({ id: persons.id, regionPath: persons.regionPath }).from(persons).where(eq(persons.idNumber, idNumber)).limit(1)
  )[0];
  if (!row || !isInUserRegion(ctx.actor, row.regionPath)) throw invalid('本辖区没有该身份证号码的参保人员，请核对证件', 'idNumber');
  return getPersonFacts(ctx, row.id, date);
}

/** The categories other than `ordinary` in a person's facts: the 医保扶贫 beneficiary status. */
export function beneficiaryCategories(facts: Pick<PersonFacts, 'categories'>): TCategoryId[] {
  return facts.categories.filter((c) => c !== 'ordinary');
}

/** A hospital on the list of the person's jurisdiction (owned by the person's unit or an ancestor). */
export async function hospitalOnPersonList(tx: DbOrTx, personRegionPath: string, hospitalId: string, field: string) {
  const row = (
    await tx
      .select()
      .from(hospitals)
      .where(and(eq(hospitals.id, hospitalId), sql`${personRegionPath} like ${hospitals.regionPath} || '%'`))
      .limit(1)
  )[0];
  if (!row) throw invalid('该医院不在参保地的医院名单内', field);
  return row;
}

/** Next number of a per-year sequence; the upsert takes a row lock so two clerks never share one. */
export async function nextSequence(tx: DbOrTx, prefix: 'ZZ' | 'YD', year: number): Promise<number> {
  const rows = await tx
    .insert(registrationSequences)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [registrationSequences.prefix, registrationSequences.year],
      set: { last: sql`${registrationSequences.last} + 1` },
    })
    .returning({ last: registrationSequences.last });
  const last = rows[0]?.last;
  if (!last) throw new Error('sequence upsert returned no row');
  return last;
}

/** Referral validity in force for a region: the nearest org unit with a setting, else the default. */
export async function resolveValidityDays(tx: DbOrTx, regionPath: string): Promise<{ validityDays: number; orgUnitId: string | null }> {
  const row = (
    await tx
      .select()
      .from(referralSettings)
      .where(sql`${regionPath} like ${referralSettings.regionPath} || '%'`)
      .orderBy(desc(sql`length(${referralSettings.regionPath})`))
      .limit(1)
  )[0];
  return row
    ? { validityDays: row.validityDays, orgUnitId: row.orgUnitId }
    : { validityDays: DEFAULT_REFERRAL_VALIDITY_DAYS, orgUnitId: null };
}

export async function hospitalNames(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, { name: string; level: number; regionName: string }>();
  const rows = await tx
    .select({ id: hospitals.id, name: hospitals.name, level: hospitals.level, regionName: hospitals.regionName })
    .from(hospitals)
    .where(inArray(hospitals.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface ReferralRow {
  id: string;
  referralNo: string | null;
  status: 'submitted' | 'registered' | 'rejected' | 'cancelled';
  personId: string;
  profile: TProfileId;
  issuingHospitalId: string;
  destinationHospitalId: string;
  destinationTier: 'city' | 'provincial';
  diagnosis: string;
  reason: string;
  issueDate: string;
  plannedAdmissionDate: string;
  validityDays: number;
  validUntil: string;
  rejectReason: string | null;
  cancelReason: string | null;
  registeredAt: Date | null;
  createdAt: Date;
}

/** A referral as the browser sees it: masked ID number, hospital names, status on `today`. */
export function toReferralDto(
  r: ReferralRow,
  extra: { personName: string; idNumber: string; countyName: string; hospitals: Map<string, { name: string }> },
  today: string,
): TReferral {
  return {
    id: r.id,
    referralNo: r.referralNo,
    status: r.status,
    effectiveStatus: referralEffectiveStatus(r.status, r.validUntil, today),
    personId: r.personId,
    personName: extra.personName,
    idNumberMasked: maskIdNumber(extra.idNumber),
    countyName: extra.countyName,
    profile: r.profile,
    issuingHospitalId: r.issuingHospitalId,
    issuingHospitalName: extra.hospitals.get(r.issuingHospitalId)?.name ?? '',
    destinationHospitalId: r.destinationHospitalId,
    destinationHospitalName: extra.hospitals.get(r.destinationHospitalId)?.name ?? '',
    destinationTier: r.destinationTier,
    diagnosis: r.diagnosis,
    reason: r.reason,
    issueDate: r.issueDate,
    plannedAdmissionDate: r.plannedAdmissionDate,
    validityDays: r.validityDays,
    validUntil: r.validUntil,
    rejectReason: r.rejectReason,
    cancelReason: r.cancelReason,
    registeredAt: r.registeredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export interface OffsiteRow {
  id: string;
  registrationNo: string;
  status: 'registered' | 'cancelled';
  type: 'relocation' | 'long_term_residence' | 'migrant_work' | 'temporary_visit';
  personId: string;
  provinceCode: string;
  provinceName: string;
  cityCode: string | null;
  cityName: string | null;
  startDate: string;
  endDate: string;
  documentType: string;
  documentNo: string;
  cancelReason: string | null;
  createdAt: Date;
}

export function toOffsiteDto(
  r: OffsiteRow,
  extra: { personName: string; idNumber: string; countyName: string },
  today: string,
): TOffsiteRegistration {
  return {
    id: r.id,
    registrationNo: r.registrationNo,
    status: r.status,
    effectiveStatus: offsiteEffectiveStatus(r.status, r.startDate, r.endDate, today),
    type: r.type,
    personId: r.personId,
    personName: extra.personName,
    idNumberMasked: maskIdNumber(extra.idNumber),
    countyName: extra.countyName,
    provinceCode: r.provinceCode,
    provinceName: r.provinceName,
    cityCode: r.cityCode,
    cityName: r.cityName,
    destination: r.cityName ? `${r.provinceName}${r.cityName}` : r.provinceName,
    startDate: r.startDate,
    endDate: r.endDate,
    documentType: r.documentType,
    documentNo: r.documentNo,
    cancelReason: r.cancelReason,
    createdAt: r.createdAt.toISOString(),
  };
}
