import { claimLines, claims, eq, personYearAccumulators, referralOverrides } from '@portal/db';
import { addYtd, settle, ZCreateClaimInput } from '@portal/rules';
import type { ServiceContext } from '../../context.js';
import { forbidden, unauthorized } from '../../errors.js';
import { writeAudit } from '../../lib/audit.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { lockYtd, nextClaimNo } from './internal.js';
import { buildSettleRequest, prepareVisit } from './prepare.js';
import { getClaim } from './get.js';

/**
 * Settles and stores a visit. The server recomputes everything from the database (never the
 * browser's numbers) inside one transaction that holds the person's accumulator row locked, so
 * two clerks settling for the same person at once cannot both use a deductible or a cap.
 * The same idempotency key twice returns the first claim.
 */
export async function createClaim({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  if (!ctx.user) throw unauthorized();
  if (ctx.user.role !== 'clerk' && ctx.user.role !== 'reviewer') throw forbidden('只有窗口经办和审核人员可以办理结算');
  const me = ctx.user;
  const { entry, idempotencyKey } = ZCreateClaimInput.parse(input);
  const existing = (await ctx.db.select({ id: claims.id }).from(claims).where(eq(claims.idempotencyKey, idempotencyKey)).limit(1))[0];
  if (existing) return getClaim({ ctx, input: { id: existing.id } });

  const id = await ctx.db.transaction(async (tx) => {
    const prepared = await prepareVisit(tx, ctx, me, entry);
    const acc = await lockYtd(tx, prepared.person.person.id, prepared.year);
    const request = buildSettleRequest(prepared, acc.ytd);
    const result = settle(request);
    const amount = (tier: string) => result.lines.filter((l) => l.tier === tier).reduce((s, l) => s + l.amount, 0);
    const claimNo = await nextClaimNo(tx, prepared.year);
    const [row] = await tx
      .insert(claims)
      .values({
        claimNo,
        personId: prepared.person.person.id,
        orgUnitId: prepared.person.orgUnit.id,
        regionPath: prepared.person.person.regionPath,
        profile: prepared.person.profile,
        year: prepared.year,
        hospitalId: prepared.hospital.id,
        hospitalName: prepared.hospital.name,
        hospitalLevel: prepared.hospital.level,
        location: prepared.location,
        visitType: prepared.entry.visitType,
        admissionDate: prepared.entry.admissionDate,
        dischargeDate: prepared.entry.dischargeDate,
        diagnosis: prepared.entry.diagnosis,
        specialDisease: prepared.entry.specialDisease,
        referred: request.visit.referred,
        referralSource: prepared.referral?.source ?? 'not_required',
        referralId: prepared.referral?.registrationId ?? null,
        referralNote: prepared.referral?.note ?? null,
        totalCost: prepared.entry.totalCost,
        inScopeCost: prepared.entry.inScopeCost,
        specialDrugCost: prepared.entry.specialDrugCost,
        appliedCategory: result.appliedCategory,
        categoriesHeld: prepared.categories,
        basic: amount('basic'),
        critical: amount('critical'),
        hospitalReduction: amount('hospital_reduction'),
        assistance: amount('assistance'),
        tilted: amount('tilted'),
        hospitalBorne: result.totals.hospitalBorne,
        fundPaid: result.totals.fundPaid,
        patientPays: result.totals.patientPays,
        paramVersionId: prepared.paramVersionId,
        request,
        result,
        ytdBefore: acc.ytd,
        idempotencyKey,
        createdBy: me.id,
      })
      .returning({ id: claims.id });
    if (!row) throw new Error('claim insert returned no row');
    if (prepared.referral?.source === 'override') {
      await tx.update(referralOverrides).set({ claimId: row.id }).where(eq(referralOverrides.id, prepared.referral.registrationId));
    }
    await tx.insert(claimLines).values(result.lines.map((l, seq) => ({ claimId: row.id, seq, tier: l.tier, amount: l.amount, clause: l.clause, explain: l.explain })));
    await tx
      .update(personYearAccumulators)
      .set({ ytd: addYtd(acc.ytd, result.ytdDelta), claimCount: acc.claimCount + 1, updatedAt: ctx.now() })
      .where(eq(personYearAccumulators.id, acc.id));
    await writeAudit(tx, ctx, {
      action: 'claim.create',
      entity: 'claim',
      entityId: row.id,
      regionPath: prepared.person.person.regionPath,
      after: { claimNo, appliedCategory: result.appliedCategory, totals: result.totals, ytdBefore: acc.ytd, referral: prepared.referral && { source: prepared.referral.source, note: prepared.referral.note } },
    });
    return row.id;
  }).catch(async (error: unknown) => {
    if (!isUniqueViolation(error, 'idempotency')) throw error;
    const first = (await ctx.db.select({ id: claims.id }).from(claims).where(eq(claims.idempotencyKey, idempotencyKey)).limit(1))[0];
    if (!first) throw error;
    return first.id;
  });
  return getClaim({ ctx, input: { id } });
}
