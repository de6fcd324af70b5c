import { asc, claimLines, claims, eq, orgUnits, persons, users } from '@portal/db';
import { type TClaimDetail, buildSlip, maskIdNumber, separationProblem } from '@portal/rules';
import { z } from 'zod';
import { type ActorContext, assertInUserRegion, isAllowed, notFound } from '../../core/index.js';

export const ZGetClaimInput = z.object({ id: z.uuid('结算单编号格式不正确') });

/** One claim with its lines, person (masked), hospital and agency: everything the slip shows. */
export async function getClaim({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZGetClaimInput> }): Promise<TClaimDetail> {
  const { id } = input;
  const row = (
    await ctx.db
      .select({ claim: claims, person: persons, unitName: orgUnits.name, unitCode: orgUnits.code, clerkName: users.displayName })
      .from(claims)
      .innerJoin(persons, eq(persons.id, claims.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, claims.orgUnitId))
      .innerJoin(users, eq(users.id, claims.createdBy))
      .where(eq(claims.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('结算单不存在');
  assertInUserRegion(ctx.actor, row.claim.regionPath, '该结算单');
  const lines = await ctx.db.select().from(claimLines).where(eq(claimLines.claimId, id)).orderBy(asc(claimLines.seq));
  const c = row.claim;
  const detail = {
    id: c.id,
    claimNo: c.claimNo,
    kind: c.kind,
    status: c.status,
    reversesClaimId: c.reversesClaimId,
    reversedByClaimId: c.reversedByClaimId,
    reason: c.reason,
    profile: c.profile,
    year: c.year,
    person: {
      id: row.person.id,
      name: row.person.name,
      idNumberMasked: maskIdNumber(row.person.idNumber),
      sex: row.person.sex,
      birthDate: row.person.birthDate,
    },
    agency: { name: row.unitName, code: row.unitCode },
    hospital: { id: c.hospitalId, name: c.hospitalName, level: c.hospitalLevel },
    location: c.location,
    visitType: c.visitType,
    admissionDate: c.admissionDate,
    dischargeDate: c.dischargeDate,
    diagnosis: c.diagnosis,
    specialDisease: c.specialDisease,
    referred: c.referred,
    referralSource: c.referralSource,
    referralNote: c.referralNote,
    costs: { total: c.totalCost, inScope: c.inScopeCost, specialDrug: c.specialDrugCost, outOfScope: c.totalCost - c.inScopeCost },
    appliedCategory: c.appliedCategory,
    categoriesHeld: c.categoriesHeld,
    lines: lines.map((l) => ({ tier: l.tier, amount: l.amount, clause: l.clause, explain: l.explain })),
    totals: { fundPaid: c.fundPaid, hospitalBorne: c.hospitalBorne, patientPays: c.patientPays },
    notices: c.result.notices ?? [],
    paramVersionId: c.paramVersionId,
    clerkName: row.clerkName,
    createdAt: c.createdAt.toISOString(),
  };
  const slip = buildSlip({
    ...detail,
    kind: c.kind,
    agencyName: detail.agency.name,
    person: { name: detail.person.name, idNumberMasked: detail.person.idNumberMasked, sex: detail.person.sex },
  });
  const isReversible = c.kind === 'settlement' && c.status === 'settled' && isAllowed(ctx.actor, 'claims.reverse');
  const reverseProblem = isReversible
    ? separationProblem('claim.reverse', [{ act: 'claim.create', actorId: c.createdBy }], ctx.actor.id)
    : null;
  return {
    ...detail,
    slip,
    /** What the caller may do; the server asks again on reversal. */
    can: { reverse: isReversible && !reverseProblem, reverseBlockedReason: reverseProblem?.message ?? null },
  };
}
