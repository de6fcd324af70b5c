import type { z } from 'zod';
import { type TReimbursementDetail, type ZPayInput, decideStep, formatYuan, maskBankAccount } from '@portal/rules';
import { settleAndStoreVisit } from '../claims/index.js';
import { getReimbursement } from './get.js';
import { loadCaseHistory, loadPendingPayeeChange, runAction } from './internal.js';
import { sameSettlement, toCaseSettlement } from './settle.js';
import { type ActorContext, assertSeparated, conflict, forbidden } from '../../core/index.js';

/**
 * 支付: records the transfer to the case's payee — the account captured at 受理 and checked at 复核,
 * or one changed through an approved payee change; nobody types an account here — and only now
 * stores the settlement as a claim (claims' settle-and-store, in this action's transaction, under
 * the accumulator lock), so the year's accumulators move exactly once and only for money actually
 * paid (decision 0400). The payer took no part in the case's 受理, 初审, 复核 or payee change
 * (separation table, decision 0009). If the figures no longer match the confirmed 复核 ones,
 * nothing is paid.
 */
export async function payCase({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZPayInput> }): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row, today) => {
    const d = decideStep('pay', { status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me);
    if (!d.ok) throw forbidden(d.message);
    assertSeparated('reimbursement.pay', await loadCaseHistory(ctx.db, row.id), me);
    const stored = row.settlement;
    if (!stored) throw conflict('案件没有复核确认的结算结果');
    if (await loadPendingPayeeChange(ctx.db, row.id)) throw conflict('收款账户变更待审批，审批后方可支付');
    const account = row.payeeAccount;
    if (!account) throw conflict('案件没有收款账户，请先提出收款账户变更并经审批');
    if (!row.payeeVerifiedBy) throw conflict('收款账户未经复核核对，请退回复核');
    const { claimId } = await settleAndStoreVisit(ctx, {
      entry: row.visit,
      idempotencyKey: `reimbursement:${row.id}`,
      paidElsewhere: row.paidElsewhereBasic + row.paidElsewhereCritical,
      auditAfter: { reimbursementCaseNo: row.caseNo },
      enteredBy: row.createdBy,
      confirm: (settled) => {
        if (!sameSettlement(stored, toCaseSettlement(row, settled))) {
          throw conflict('参保人本年度累计已变化，结算结果与复核确认的不一致，请退回初审重新计算');
        }
      },
    });
    const masked = maskBankAccount(account);
    return {
      action: 'pay',
      to: d.to,
      note: `支付 ${formatYuan(stored.payable)} 元至 ${row.payeeName ?? ''} ${masked}，凭证号 ${data.paymentRef}`,
      patch: { paidAmount: stored.payable, paidOn: today, paymentRef: data.paymentRef, claimId },
      audit: { paidAmount: stored.payable, paymentRef: data.paymentRef, accountMasked: masked, claimId },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}
