import { claimLines, claims, eq, personYearAccumulators, referralOverrides } from '@portal/db';
import { addYtd, type TSettleRequest, type TSettleResult, type TYtd } from '@portal/rules';
import { nextClaimNo } from './internal.js';
import type { PreparedVisit } from './prepare.js';
import { type ActorContext, writeAudit } from '../../core/index.js';
import { addClaimToTotals } from '../dashboards/index.js';

/**
 * Inserts a settled claim with its lines and moves the person's accumulators, inside the caller's
 * transaction that holds the accumulator row (`lockYtd`): the last step of `settleAndStoreVisit`.
 */
export async function storeSettledClaim(
  ctx: ActorContext,
  args: {
    prepared: PreparedVisit;
    acc: { id: string; ytd: TYtd; claimCount: number };
    request: TSettleRequest;
    result: TSettleResult;
    idempotencyKey: string;
    paidElsewhere?: number | undefined;
    auditAfter?: Record<string, unknown> | undefined;
  },
): Promise<string> {
  const me = ctx.actor;
  const tx = ctx.db;
  const { prepared, acc, request, result, idempotencyKey } = args;
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
      referralSource: prepared.referral.source,
      referralId: prepared.referral.registrationId,
      referralNote: prepared.referral.note,
      totalCost: prepared.entry.totalCost,
      inScopeCost: prepared.entry.inScopeCost,
      specialDrugCost: prepared.entry.specialDrugCost,
      appliedCategory: result.appliedCategory,
      categoriesHeld: prepared.person.categories,
      basic: amount('basic'),
      critical: amount('critical'),
      hospitalReduction: amount('hospital_reduction'),
      assistance: amount('assistance'),
      tilted: amount('tilted'),
      hospitalBorne: result.totals.hospitalBorne,
      fundPaid: result.totals.fundPaid,
      patientPays: result.totals.patientPays,
      paramVersionId: prepared.params.versionId,
      request,
      result,
      ytdBefore: acc.ytd,
      idempotencyKey,
      paidElsewhere: args.paidElsewhere ?? 0,
      createdBy: me.id,
    })
    .returning({ id: claims.id });
  if (!row) throw new Error('claim insert returned no row');
  if (prepared.referral.override) {
    await tx.update(referralOverrides).set({ claimId: row.id }).where(eq(referralOverrides.id, prepared.referral.override.id));
  }
  await tx
    .insert(claimLines)
    .values(result.lines.map((l, seq) => ({ claimId: row.id, seq, tier: l.tier, amount: l.amount, clause: l.clause, explain: l.explain })));
  await addClaimToTotals(tx, row.id);
  await tx
    .update(personYearAccumulators)
    .set({ ytd: addYtd(acc.ytd, result.ytdDelta), claimCount: acc.claimCount + 1, updatedAt: ctx.now() })
    .where(eq(personYearAccumulators.id, acc.id));
  await writeAudit(ctx, {
    action: 'claim.create',
    entity: 'claim',
    entityId: row.id,
    regionPath: prepared.person.person.regionPath,
    after: {
      claimNo,
      appliedCategory: result.appliedCategory,
      totals: result.totals,
      ytdBefore: acc.ytd,
      referral: prepared.referral.isRequired ? { source: prepared.referral.source, note: prepared.referral.note } : null,
      longStayReason: prepared.entry.longStayReason ?? null,
      ...args.auditAfter,
    },
  });
  return row.id;
}
