import type { z } from 'zod';
import { advanceApprovals } from '@portal/db';
import { formatYuan, type TAdvanceDeclaration, type ZAdvanceApprovalInput } from '@portal/rules';
import { runAdvanceAction } from './action.js';
import { advanceHistory, ledgerOf } from './internal.js';
import { type ActorContext, assertSeparated, conflict, invalid } from '../../core/index.js';

/**
 * A reviewer's approval (separation table: never the declarer). `first`: the 70 % of the declared
 * total may be paid. `total`: after review, the approved total (≤ declared); what remains is paid
 * by someone else, and a total below what was already paid leaves an amount to recover (追回).
 */
export async function approveAdvance({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAdvanceApprovalInput>;
}): Promise<TAdvanceDeclaration> {
  const me = ctx.actor;
  return runAdvanceAction(ctx, input, async (ctx, row, records, today) => {
    const ledger = ledgerOf(row, records);
    const history = advanceHistory(row, records);
    const values = { declarationId: row.id, approvedBy: me.id, approvedOn: today, note: input.note || null, requestKey: input.requestKey };
    if (input.stage === 'first') {
      if (ledger.status !== 'received') throw conflict('70% 预付已批准，请刷新后查看');
      assertSeparated('advance.approve_first', history, me);
      await ctx.db.insert(advanceApprovals).values({ ...values, stage: 'first', amount: ledger.firstAmount });
      return { action: 'advance.approve_first', onDate: today, audit: { amount: ledger.firstAmount, note: input.note || null } };
    }
    if (ledger.status === 'received' || ledger.status === 'first_approved') throw conflict('请先付清 70% 预付款，再审核确认总额');
    if (records.approvals.some((a) => a.stage === 'total')) throw conflict('审核确认总额已录入，请刷新后查看');
    assertSeparated('advance.approve_total', history, me);
    const approved = input.approvedTotal;
    if (approved === undefined) throw invalid('请填写审核确认总额', 'approvedTotal');
    if (approved > row.total) throw invalid(`审核确认总额不能大于申报总额 ${formatYuan(row.total)} 元`, 'approvedTotal');
    await ctx.db.insert(advanceApprovals).values({ ...values, stage: 'total', amount: approved });
    return {
      action: 'advance.approve_total',
      onDate: today,
      patch: { approvedTotal: approved },
      audit: { approvedTotal: approved, toRecover: Math.max(0, ledger.netPaid - approved), note: input.note || null },
    };
  });
}
