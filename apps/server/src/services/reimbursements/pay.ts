import type { z } from 'zod';
import { eq, persons } from '@portal/db';
import { type TReimbursementDetail, type ZPayInput, decideStep, formatYuan, maskBankAccount } from '@portal/rules';
import { settleAndStoreVisit } from '../claims/index.js';
import { getReimbursement } from './get.js';
import { runAction } from './internal.js';
import { sameSettlement, toCaseSettlement } from './settle.js';
import { type ActorContext, conflict, forbidden, invalid } from '../../core/index.js';

/**
 * 支付: records the transfer to the patient's account and only now stores the settlement as a
 * claim (claims' settle-and-store, in this action's transaction, under the accumulator lock), so
 * the year's accumulators move exactly once and only for money actually paid (decision 0400). If
 * the figures no longer match the confirmed 复核 ones, nothing is paid.
 */
export async function payCase({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZPayInput> }): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row, today) => {
    const d = decideStep('pay', { status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me);
    if (!d.ok) throw forbidden(d.message);
    const stored = row.settlement;
    if (!stored) throw conflict('案件没有复核确认的结算结果');
    const person = (
      await ctx.db.select({ bankAccount: persons.bankAccount }).from(persons).where(eq(persons.id, row.personId)).limit(1)
    )[0];
    const account = data.payeeAccount || person?.bankAccount?.replace(/\s+/g, '') || '';
    if (!account) throw invalid('参保人未登记银行账户，请按银行存折（卡）复印件填写收款账号', 'payeeAccount');
    const { claimId } = await settleAndStoreVisit(ctx, {
      entry: row.visit,
      idempotencyKey: `reimbursement:${row.id}`,
      paidElsewhere: row.paidElsewhereBasic + row.paidElsewhereCritical,
      auditAfter: { reimbursementCaseNo: row.caseNo },
      confirm: (settled) => {
        if (!sameSettlement(stored, toCaseSettlement(row, settled))) {
          throw conflict('参保人本年度累计已变化，结算结果与复核确认的不一致，请退回初审重新计算');
        }
      },
    });
    return {
      action: 'pay',
      to: d.to,
      note: `支付 ${formatYuan(stored.payable)} 元至账户 ${maskBankAccount(account)}，凭证号 ${data.paymentRef}`,
      patch: { paidAmount: stored.payable, paidOn: today, paymentRef: data.paymentRef, payeeAccount: account, claimId },
      audit: { paidAmount: stored.payable, paymentRef: data.paymentRef, account: maskBankAccount(account), claimId },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}
