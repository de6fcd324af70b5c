import type { z } from 'zod';
import {
  STEP_RULES,
  type TReimbursementDetail,
  type ZSecondReviewInput,
  type ZStepInput,
  decideStep,
  maskBankAccount,
} from '@portal/rules';
import { assertOverrideUsable } from '../claims/index.js';
import { getReimbursement } from './get.js';
import { loadCaseHistory, runAction } from './internal.js';
import { sameSettlement, settleCase } from './settle.js';
import { type ActorContext, assertSeparated, conflict, forbidden } from '../../core/index.js';

/** 病案登记录入 and 病案调查核实: the clerk records the step and a note. */
export async function registerCase(args: { ctx: ActorContext; input: z.output<typeof ZStepInput> }): Promise<TReimbursementDetail> {
  return simpleStep('register', args);
}
export async function investigateCase(args: { ctx: ActorContext; input: z.output<typeof ZStepInput> }): Promise<TReimbursementDetail> {
  return simpleStep('investigate', args);
}

async function simpleStep(
  step: 'register' | 'investigate',
  { ctx, input }: { ctx: ActorContext; input: z.output<typeof ZStepInput> },
): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (_ctx, row) => {
    const d = decideStep(step, { status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me);
    if (!d.ok) throw forbidden(d.message);
    return { action: step, to: d.to, note: data.note || STEP_RULES[step].label };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}

/**
 * 初审: settles the visit with the rules package on the person's current accumulators (the same
 * path as claim entry) and stores the result on the case; nothing is paid or accumulated yet.
 */
export async function firstReviewCase({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZStepInput>;
}): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row) => {
    const d = decideStep('first_review', { status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me);
    if (!d.ok) throw forbidden(d.message);
    const settlement = await settleCase(ctx, row);
    assertOverrideUsable(settlement.overrideGrantedBy, row.createdBy, me);
    return {
      action: 'first_review',
      to: d.to,
      note: data.note || '初审通过',
      patch: { settlement, payable: settlement.payable, firstReviewBy: me.id, secondReviewBy: null, payeeVerifiedBy: null },
      audit: { payable: settlement.payable, totals: settlement.result.totals },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}

/**
 * 复核: a reviewer who neither took the intake nor did the 初审 (nor granted the override the
 * settlement rests on) confirms the settlement and the payee (separation table). The settlement is
 * recomputed; if the person's accumulators moved since 初审 (another visit settled) the figures differ
 * and the case must go back to 初审 rather than be confirmed on stale numbers.
 */
export async function secondReviewCase({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZSecondReviewInput>;
}): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row) => {
    const d = decideStep('second_review', { status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me);
    if (!d.ok) throw forbidden(d.message);
    const stored = row.settlement;
    if (!stored) throw conflict('案件没有初审结算结果，请退回初审');
    const now = await settleCase(ctx, row);
    const history = await loadCaseHistory(ctx.db, row.id);
    if (now.overrideGrantedBy) history.push({ act: 'referral.override', actorId: now.overrideGrantedBy });
    assertSeparated('reimbursement.second_review', history, me);
    if (!sameSettlement(stored, now)) throw conflict('参保人本年度累计已变化，重新计算的结果与初审不一致，请退回初审重新计算');
    if (!row.payeeAccount) throw conflict('案件没有收款账户，请先提出收款账户变更并经审批');
    const account = maskBankAccount(row.payeeAccount);
    return {
      action: 'second_review',
      to: d.to,
      note: `${data.note || '复核通过'}；收款账户 ${row.payeeName ?? ''} ${account} 已与银行存折（卡）复印件核对`,
      patch: { secondReviewBy: me.id, payeeVerifiedBy: me.id },
      audit: { payable: stored.payable, accountMasked: account },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}
