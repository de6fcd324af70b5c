import type { z } from 'zod';
import { advancePayments } from '@portal/db';
import { formatYuan, type TAdvanceDeclaration, type ZAdvancePaymentInput } from '@portal/rules';
import { runAdvanceAction } from './action.js';
import { advanceHistory, ledgerOf } from './internal.js';
import { type ActorContext, assertSeparated, conflict, invalid } from '../../core/index.js';

/**
 * Records one transfer to the hospital on the day it was made (partial payments are several): the
 * 70 % once approved, the rest once the total is approved, never more than is approved and unpaid.
 * Not by whoever approved that instalment, nor by whoever recorded a recovery (separation table).
 */
export async function payAdvanceDeclaration({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAdvancePaymentInput>;
}): Promise<TAdvanceDeclaration> {
  const me = ctx.actor;
  return runAdvanceAction(ctx, input, async (ctx, row, records, today) => {
    const ledger = ledgerOf(row, records);
    const instalment = ledger.nextInstalment;
    if (!instalment) {
      const why = {
        received: '70% 预付尚未经审核人员批准，不能拨付',
        first_approved: '70% 预付已付清',
        first_paid: '70% 预付已付清，剩余资金须待审核确认总额后拨付',
        total_approved: '已付金额超过审核确认总额，请登记追回款',
        settled: '该申报已结清',
      } as const;
      throw conflict(why[ledger.status]);
    }
    assertSeparated(instalment === 'first' ? 'advance.pay_first' : 'advance.pay_rest', advanceHistory(row, records), me);
    if (input.amount > ledger.outstanding) {
      throw invalid(`本次支付不能超过已批准尚未支付的 ${formatYuan(ledger.outstanding)} 元`, 'amount');
    }
    if (input.paidOn > today) throw invalid('支付日期不能晚于今天', 'paidOn');
    const approvedOn = records.approvals.find((a) => a.stage === (instalment === 'first' ? 'first' : 'total'))?.approvedOn;
    if (approvedOn && input.paidOn < approvedOn) throw invalid(`支付日期不能早于批准日期（${approvedOn}）`, 'paidOn');
    await ctx.db.insert(advancePayments).values({
      declarationId: row.id,
      instalment,
      amount: input.amount,
      paidOn: input.paidOn,
      paymentRef: input.paymentRef,
      recordedBy: me.id,
      requestKey: input.requestKey,
    });
    return {
      action: instalment === 'first' ? 'advance.pay_first' : 'advance.pay_rest',
      onDate: input.paidOn,
      audit: { amount: input.amount, paidOn: input.paidOn, paymentRef: input.paymentRef },
    };
  });
}
