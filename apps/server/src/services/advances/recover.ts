import type { z } from 'zod';
import { advanceRecoveries } from '@portal/db';
import { formatYuan, type TAdvanceDeclaration, type ZAdvanceRecoveryInput } from '@portal/rules';
import { runAdvanceAction } from './action.js';
import { ledgerOf } from './internal.js';
import { type ActorContext, conflict, invalid } from '../../core/index.js';

/**
 * 追回: money the hospital returned, on the day it arrived; it reduces what was paid (an approved
 * total below the payments, or a transfer the bank sent back). Whoever records it may not then pay
 * this declaration again (separation table).
 */
export async function recoverAdvance({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZAdvanceRecoveryInput>;
}): Promise<TAdvanceDeclaration> {
  const me = ctx.actor;
  return runAdvanceAction(ctx, input, async (ctx, row, records, today) => {
    const ledger = ledgerOf(row, records);
    if (ledger.netPaid <= 0) throw conflict('该申报尚无已拨付资金，无需追回');
    if (input.amount > ledger.netPaid) throw invalid(`追回金额不能超过已拨付净额 ${formatYuan(ledger.netPaid)} 元`, 'amount');
    if (input.recoveredOn > today) throw invalid('追回日期不能晚于今天', 'recoveredOn');
    const firstPaidOn = records.payments.map((p) => p.paidOn).sort()[0];
    if (firstPaidOn && input.recoveredOn < firstPaidOn) throw invalid(`追回日期不能早于首笔拨付日期（${firstPaidOn}）`, 'recoveredOn');
    await ctx.db.insert(advanceRecoveries).values({
      declarationId: row.id,
      amount: input.amount,
      recoveredOn: input.recoveredOn,
      reference: input.reference,
      reason: input.reason,
      recordedBy: me.id,
      requestKey: input.requestKey,
    });
    return {
      action: 'advance.recover',
      onDate: input.recoveredOn,
      audit: { amount: input.amount, recoveredOn: input.recoveredOn, reference: input.reference, reason: input.reason },
    };
  });
}
