import type { z } from 'zod';
import { CATEGORY_LABELS, PROFILES, type TClaimContext, type ZClaimContextInput, maskIdNumber, separationProblem } from '@portal/rules';
import { overrideHistory } from '../referrals/index.js';
import { getEnrollmentOn } from '../enrollment/index.js';
import { gatherVisitFacts } from './facts.js';
import { readYtd } from './internal.js';
import { type ActorContext } from '../../core/index.js';

/**
 * What the claim form shows beside the person and feeds to the in-browser preview: the facts of
 * the visit gathered exactly as the save gathers them (gatherVisitFacts: categories held on the
 * visit date, parameters in force, the hospital's location and the referral decision), the year's
 * accumulators and the enrollment register on the admission date. The preview runs the same rules
 * code; saving recomputes on the server.
 */
export async function getClaimContext({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZClaimContextInput>;
}): Promise<TClaimContext> {
  const facts = await gatherVisitFacts(ctx, input);
  const { person, params, hospital, location, referral } = facts;
  const ytd = await readYtd(ctx.db, person.person.id, facts.year);
  const enrollment = await getEnrollmentOn(ctx, person.person.id, input.admissionDate ?? input.date);
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
    year: facts.year,
    categories: person.categories.map((c) => ({ id: c, label: CATEGORY_LABELS[c] })),
    ytd,
    params: params.settle,
    paramVersion: params.version,
    paramEffectiveFrom: params.effectiveFrom,
    hospital,
    location,
    /** Null until the hospital, the visit type and the admission date are known. */
    referral: referral && {
      isRequired: referral.isRequired,
      source: referral.source,
      referred: referral.referred,
      offsiteRegistered: referral.offsiteRegistered,
      number: referral.registration?.number ?? null,
      note: referral.note,
      /** Set when the decision rests on the caller's own override: saving will be refused (separation table). */
      blockedReason: separationProblem('claim.use_override', overrideHistory(referral), ctx.actor.id)?.message ?? null,
    },
    enrollment: { year: enrollment.year, status: enrollment.status, isCovered: enrollment.isCovered },
  };
}
