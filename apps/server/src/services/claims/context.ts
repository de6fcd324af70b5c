import type { z } from 'zod';
import { CATEGORY_LABELS, PROFILES, type ZClaimContextInput, type TSettleParams, type TYtd } from '@portal/rules';
import { maskIdNumber } from '@portal/rules';
import { getVisibleHospital, locateHospital } from '../hospitals/index.js';
import { resolvePolicyParams } from '../params/index.js';
import { resolveVisitReferral } from '../referrals/index.js';
import { categoriesOnDate, loadPerson, readYtd } from './internal.js';
import { type ActorContext } from '../../core/index.js';

/**
 * What the claim form shows beside the person and feeds to the in-browser preview: categories
 * held on the visit date, the year's accumulators, the parameters in force and, with a hospital,
 * the visit's location. The preview runs the same rules code; saving recomputes on the server.
 */
export async function getClaimContext({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZClaimContextInput> }) {
  const { personId, date, hospitalId, admissionDate } = input;
  const person = await loadPerson(ctx.db, ctx.actor, personId);
  const year = Number(date.slice(0, 4));
  const [categories, ytd, params, hospital] = await Promise.all([
    categoriesOnDate(ctx.db, personId, date, person.profile),
    readYtd(ctx.db, personId, year),
    resolvePolicyParams(ctx.db, { regionPath: person.person.regionPath, profile: person.profile, date }),
    hospitalId ? getVisibleHospital(ctx.db, ctx.actor, hospitalId) : Promise.resolve(null),
  ]);
  const location = hospital ? locateHospital(person.countyCode, hospital.regionCode) : null;
  // Only out-of-county care needs a referral; the form shows what the registry holds for it.
  const referral =
    hospital && location && location !== 'in_county' && admissionDate
      ? await resolveVisitReferral({ ctx, personId, hospitalId: hospital.id, date: admissionDate, profile: person.profile })
      : null;
  return {
    person: {
      id: person.person.id,
      name: person.person.name,
      idNumberMasked: maskIdNumber(person.person.idNumber),
      orgUnitName: person.orgUnit.name,
      countyCode: person.countyCode,
    },
    profile: person.profile,
    profileLabel: PROFILES[person.profile].label,
    year,
    categories: categories.map((c) => ({ id: c, label: CATEGORY_LABELS[c] })),
    ytd: ytd as TYtd,
    params: params.settle as TSettleParams,
    paramVersion: params.version,
    paramEffectiveFrom: params.effectiveFrom,
    hospital,
    location,
    referral: referral && {
      source: referral.source,
      referred: referral.referred,
      offsiteRegistered: referral.offsiteRegistered,
      number: referral.registration?.number ?? null,
      note: referral.note,
    },
  };
}
