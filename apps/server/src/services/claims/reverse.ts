import type { z } from 'zod';
import { and, asc, claimLines, claims, eq, gt, ne, personYearAccumulators } from '@portal/db';
import { type TClaimDetail, type ZReverseClaimInput, ZYtd } from '@portal/rules';
import { getClaim } from './get.js';
import { addClaimToTotals } from '../dashboards/index.js';
import { lockYtd, nextClaimNo } from './internal.js';
import {
  type ActorContext,
  assertInUserRegion,
  assertSeparated,
  conflict,
  notFound,
  preconditionFailed,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

/**
 * Reverses a settled claim (冲销): a new row with every amount negated, the original marked
 * reversed, and the person's accumulators put back as they were before it. Only the person's
 * latest settlement of the year can be reversed, because later settlements used the
 * accumulators it left; an earlier one is corrected by reversing the later ones first. The claim's
 * creator may not reverse it (separation table, `claim.reverse`).
 */
export async function reverseClaim({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReverseClaimInput>;
}): Promise<TClaimDetail> {
  const me = ctx.actor;
  const { id, reason } = input;
  const reversalId = await withTransaction(ctx, async (ctx) => {
    const original = (await ctx.db.select().from(claims).where(eq(claims.id, id)).limit(1))[0];
    if (!original) throw notFound('结算单不存在');
    assertInUserRegion(me, original.regionPath, '该结算单');
    const acc = await lockYtd(ctx.db, original.personId, original.year);
    const current = (await ctx.db.select().from(claims).where(eq(claims.id, id)).limit(1))[0]!;
    if (current.kind !== 'settlement' || current.status !== 'settled') throw conflict('该结算单已冲销或本身是冲销单，不能再次冲销');
    // Four eyes: whoever entered (or, for a reimbursement, paid) the claim does not reverse it.
    assertSeparated('claim.reverse', [{ act: 'claim.create', actorId: current.createdBy }], me);
    const later = (
      await ctx.db
        .select({ claimNo: claims.claimNo })
        .from(claims)
        // PostgreSQL keeps microseconds but a JS Date only milliseconds: without the id check the
        // claim itself would count as "later" than its own truncated timestamp.
        .where(
          and(
            eq(claims.personId, current.personId),
            eq(claims.year, current.year),
            eq(claims.kind, 'settlement'),
            eq(claims.status, 'settled'),
            gt(claims.createdAt, current.createdAt),
            ne(claims.id, current.id),
          ),
        )
        .orderBy(asc(claims.createdAt))
        .limit(1)
    )[0];
    if (later) throw preconditionFailed(`该参保人本年度在此之后还有结算单 ${later.claimNo}，请先冲销后面的结算单，再冲销本单`);
    const claimNo = await nextClaimNo(ctx.db, current.year);
    const neg = (n: number) => -n;
    const { id: _id, claimNo: _no, createdAt: _at, idempotencyKey: _key, ...rest } = current;
    const [row] = await ctx.db
      .insert(claims)
      .values({
        ...rest,
        claimNo,
        kind: 'reversal',
        status: 'reversal',
        totalCost: neg(current.totalCost),
        inScopeCost: neg(current.inScopeCost),
        specialDrugCost: neg(current.specialDrugCost),
        basic: neg(current.basic),
        critical: neg(current.critical),
        hospitalReduction: neg(current.hospitalReduction),
        assistance: neg(current.assistance),
        tilted: neg(current.tilted),
        hospitalBorne: neg(current.hospitalBorne),
        fundPaid: neg(current.fundPaid),
        patientPays: neg(current.patientPays),
        paidElsewhere: neg(current.paidElsewhere),
        reversesClaimId: current.id,
        reason,
        createdBy: me.id,
      })
      .returning({ id: claims.id });
    if (!row) throw new Error('reversal insert returned no row');
    const lines = await ctx.db.select().from(claimLines).where(eq(claimLines.claimId, current.id));
    if (lines.length) {
      await ctx.db.insert(claimLines).values(
        lines.map((l) => ({
          claimId: row.id,
          seq: l.seq,
          tier: l.tier,
          amount: -l.amount,
          clause: l.clause,
          explain: `冲销：${l.explain}`,
        })),
      );
    }
    await addClaimToTotals(ctx.db, row.id);
    await ctx.db.update(claims).set({ status: 'reversed', reversedByClaimId: row.id }).where(eq(claims.id, current.id));
    await ctx.db
      .update(personYearAccumulators)
      .set({ ytd: ZYtd.parse(current.ytdBefore), claimCount: Math.max(0, acc.claimCount - 1), updatedAt: ctx.now() })
      .where(eq(personYearAccumulators.id, acc.id));
    await writeAudit(ctx, {
      action: 'claim.reverse',
      entity: 'claim',
      entityId: current.id,
      regionPath: current.regionPath,
      before: { status: 'settled', ytd: acc.ytd },
      after: { status: 'reversed', reversalClaimNo: claimNo, reason, ytd: current.ytdBefore },
    });
    return row.id;
  });
  return getClaim({ ctx, input: { id: reversalId } });
}
