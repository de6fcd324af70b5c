import type { z } from 'zod';
import { desc, eq, reimbursementCases, reimbursementPayeeChanges } from '@portal/db';
import {
  maskBankAccount,
  PAYEE_CHANGE_STATUS_LABELS,
  type TPayeeChangeOutput,
  type ZDecidePayeeChangeInput,
  type ZProposePayeeChangeInput,
} from '@portal/rules';
import { refuseUniqueViolation } from '../../lib/db-errors.js';
import { loadPendingPayeeChange, runAction } from './internal.js';
import { type ActorContext, assertSeparated, conflict, invalid, notFound } from '../../core/index.js';

type ChangeRow = typeof reimbursementPayeeChanges.$inferSelect;

const masked = (account: string | null) => (account ? maskBankAccount(account) : null);

async function changeOutput(ctx: ActorContext, change: ChangeRow): Promise<TPayeeChangeOutput> {
  const c = (
    await ctx.db.select({ version: reimbursementCases.version }).from(reimbursementCases).where(eq(reimbursementCases.id, change.caseId))
  )[0];
  return {
    id: change.id,
    caseId: change.caseId,
    status: change.status,
    statusLabel: PAYEE_CHANGE_STATUS_LABELS[change.status],
    old: { name: change.oldName, bankName: change.oldBankName, accountMasked: masked(change.oldAccount) },
    new: { name: change.newName, bankName: change.newBankName, accountMasked: masked(change.newAccount) },
    caseVersion: c?.version ?? 0,
  };
}

/**
 * 提出收款账户变更: one person proposes another payee for a case not yet paid, with a reason; the
 * case keeps paying nothing until another person approves it (`decidePayeeChange`). One pending
 * change per case; audited with both accounts masked.
 */
export async function proposePayeeChange({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZProposePayeeChangeInput>;
}): Promise<TPayeeChangeOutput> {
  const me = ctx.actor;
  const data = input;
  const refusePending = () => conflict('本案已有待审批的收款账户变更，请先审批或驳回');
  await runAction(ctx, data, async (ctx, row) => {
    if (row.status === 'paid') throw conflict('案件已支付办结，不能变更收款账户');
    if (await loadPendingPayeeChange(ctx.db, row.id)) throw refusePending();
    if (row.payeeAccount === data.payee.account && row.payeeName === data.payee.name && row.payeeBankName === data.payee.bankName) {
      throw invalid('新的收款账户与当前收款账户相同', 'payee.account');
    }
    await ctx.db
      .insert(reimbursementPayeeChanges)
      .values({
        caseId: row.id,
        oldName: row.payeeName,
        oldBankName: row.payeeBankName,
        oldAccount: row.payeeAccount,
        newName: data.payee.name,
        newBankName: data.payee.bankName,
        newAccount: data.payee.account,
        reason: data.reason,
        proposedBy: me.id,
      })
      .catch(refuseUniqueViolation('reimbursement_payee_changes_pending_idx', refusePending));
    const before = masked(row.payeeAccount) ?? '无';
    const after = maskBankAccount(data.payee.account);
    return {
      action: 'payee_propose',
      to: row.status,
      note: `提出收款账户变更：${row.payeeName ?? ''} ${before} → ${data.payee.name} ${data.payee.bankName} ${after}（待审批）。原因：${data.reason}`,
      audit: {
        oldAccount: before,
        newAccount: after,
        payeeName: data.payee.name,
        payeeBankName: data.payee.bankName,
        reason: data.reason,
      },
    };
  });
  const latest = (
    await ctx.db
      .select()
      .from(reimbursementPayeeChanges)
      .where(eq(reimbursementPayeeChanges.caseId, data.id))
      .orderBy(desc(reimbursementPayeeChanges.createdAt))
      .limit(1)
  )[0];
  if (!latest) throw notFound('收款账户变更不存在');
  return changeOutput(ctx, latest);
}

/**
 * 审批收款账户变更: a person other than the proposer (separation table) approves — the case's payee
 * becomes the new account, counted as checked by the approver — or rejects it with a reason.
 */
export async function decidePayeeChange({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZDecidePayeeChangeInput>;
}): Promise<TPayeeChangeOutput> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row) => {
    const change = (
      await ctx.db.select().from(reimbursementPayeeChanges).where(eq(reimbursementPayeeChanges.id, data.changeId)).for('update').limit(1)
    )[0];
    if (!change || change.caseId !== row.id) throw notFound('收款账户变更不存在');
    if (change.status !== 'pending') throw conflict(`该收款账户变更${PAYEE_CHANGE_STATUS_LABELS[change.status]}，请刷新后查看`);
    if (row.status === 'paid') throw conflict('案件已支付办结，不能变更收款账户');
    const isApproval = data.decision === 'approve';
    if (isApproval)
      assertSeparated('reimbursement.payee_approve', [{ act: 'reimbursement.payee_propose', actorId: change.proposedBy }], me);
    await ctx.db
      .update(reimbursementPayeeChanges)
      .set({ status: isApproval ? 'approved' : 'rejected', decidedBy: me.id, decidedAt: ctx.now(), decisionNote: data.note || null })
      .where(eq(reimbursementPayeeChanges.id, change.id));
    const before = masked(change.oldAccount) ?? '无';
    const after = maskBankAccount(change.newAccount);
    return isApproval
      ? {
          action: 'payee_approve',
          to: row.status,
          note: `批准收款账户变更：${change.oldName ?? ''} ${before} → ${change.newName} ${change.newBankName} ${after}${data.note ? `。${data.note}` : ''}`,
          patch: {
            payeeName: change.newName,
            payeeBankName: change.newBankName,
            payeeAccount: change.newAccount,
            payeeSource: 'changed',
            payeeVerifiedBy: me.id,
          },
          audit: { changeId: change.id, oldAccount: before, newAccount: after },
        }
      : {
          action: 'payee_reject',
          to: row.status,
          note: `驳回收款账户变更（${after}）：${data.note}`,
          audit: { changeId: change.id, oldAccount: before, newAccount: after, reason: data.note },
        };
  });
  const change = (await ctx.db.select().from(reimbursementPayeeChanges).where(eq(reimbursementPayeeChanges.id, data.changeId)).limit(1))[0];
  if (!change) throw notFound('收款账户变更不存在');
  return changeOutput(ctx, change);
}
