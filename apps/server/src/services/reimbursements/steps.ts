import type { z } from 'zod';
import { STEP_RULES, type TReimbursementDetail, type ZStepInput, decideStep } from '@portal/rules';
import { getReimbursement } from './get.js';
import { runAction } from './internal.js';
import { sameSettlement, settleCase } from './settle.js';
import { type ActorContext, conflict, forbidden } from '../../core/index.js';

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
    return {
      action: 'first_review',
      to: d.to,
      note: data.note || '初审通过',
      patch: { settlement, payable: settlement.payable, firstReviewBy: me.id, secondReviewBy: null },
      audit: { payable: settlement.payable, totals: settlement.result.totals },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}

/**
 * 复核: a reviewer other than the 初审 clerk confirms the settlement. It is recomputed; if the
 * person's accumulators moved since 初审 (another visit settled) the figures differ and the case
 * must go back to 初审 rather than be confirmed on stale numbers.
 */
export async function secondReviewCase({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZStepInput>;
}): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row) => {
    const d = decideStep('second_review', { status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me);
    if (!d.ok) throw forbidden(d.message);
    const stored = row.settlement;
    if (!stored) throw conflict('案件没有初审结算结果，请退回初审');
    const now = await settleCase(ctx, row);
    if (!sameSettlement(stored, now)) throw conflict('参保人本年度累计已变化，重新计算的结果与初审不一致，请退回初审重新计算');
    return {
      action: 'second_review',
      to: d.to,
      note: data.note || '复核通过',
      patch: { secondReviewBy: me.id },
      audit: { payable: stored.payable },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}
