import { and, asc, eq, hospitals, inArray, gte, offsiteRegistrations, referrals, sql } from '@portal/db';
import { type TReferralPreparation, ZIdNumber, issuingHospitalProblem, maskIdNumber } from '@portal/rules';
import { z } from 'zod';
import { beneficiaryCategories, findPersonByIdNumber, resolveValidityDays } from './internal.js';
import { type ActorContext, chinaDate } from '../../core/index.js';

export const ZPrepareRegistrationInput = z.object({ idNumber: ZIdNumber });

/**
 * Identity check at the window: the person behind an ID number, what they hold today, their live
 * registrations, and the hospitals their jurisdiction allows as issuer and as destination.
 */
export async function prepareRegistration({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZPrepareRegistrationInput>;
}): Promise<TReferralPreparation> {
  const { idNumber } = input;
  const today = chinaDate(ctx.now());
  const facts = await findPersonByIdNumber(ctx, idNumber, today);
  const { person } = facts;
  const [list, liveReferrals, liveOffsite, validity] = await Promise.all([
    ctx.db
      .select()
      .from(hospitals)
      .where(and(eq(hospitals.isActive, true), sql`${person.regionPath} like ${hospitals.regionPath} || '%'`))
      .orderBy(asc(hospitals.code)),
    ctx.db
      .select({
        referralNo: referrals.referralNo,
        status: referrals.status,
        issueDate: referrals.issueDate,
        validUntil: referrals.validUntil,
      })
      .from(referrals)
      .where(
        and(eq(referrals.personId, person.id), inArray(referrals.status, ['submitted', 'registered']), gte(referrals.validUntil, today)),
      ),
    ctx.db
      .select({
        registrationNo: offsiteRegistrations.registrationNo,
        startDate: offsiteRegistrations.startDate,
        endDate: offsiteRegistrations.endDate,
      })
      .from(offsiteRegistrations)
      .where(
        and(
          eq(offsiteRegistrations.personId, person.id),
          eq(offsiteRegistrations.status, 'registered'),
          gte(offsiteRegistrations.endDate, today),
        ),
      ),
    resolveValidityDays(ctx.db, person.regionPath),
  ]);
  return {
    person: {
      id: person.id,
      name: person.name,
      idNumberMasked: maskIdNumber(person.idNumber),
      countyName: facts.countyName,
      orgUnitName: facts.orgUnit.name,
      profile: facts.profile,
    },
    categoriesToday: beneficiaryCategories(facts),
    liveReferrals,
    liveOffsite,
    validityDays: validity.validityDays,
    issuingHospitals: list.map((h) => ({
      id: h.id,
      name: h.name,
      level: h.level,
      regionName: h.regionName,
      problem: issuingHospitalProblem(facts.profile, h, facts.countyCode),
    })),
    destinations: list
      .filter((h) => h.referralTier)
      .map((h) => ({ id: h.id, name: h.name, level: h.level, regionName: h.regionName, referralTier: h.referralTier! })),
  };
}
