import type { z } from 'zod';
import { and, eq, isNull, reimbursementSuspensions } from '@portal/db';
import {
  HOLD_KIND_LABELS,
  REIMBURSEMENT_STATUS_LABELS,
  type TReimbursementDetail,
  type ZClearHoldInput,
  type ZHoldInput,
  type ZReturnCaseInput,
  decideHold,
  decideReturn,
} from '@portal/rules';
import { getReimbursement } from './get.js';
import { runAction } from './internal.js';
import { type ActorContext, forbidden } from '../../core/index.js';

/** 退回: one step back with a reason; a 复核 confirmation is undone when payment is sent back. */
export async function returnCase({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReturnCaseInput>;
}): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (_ctx, row) => {
    const d = decideReturn({ status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me);
    if (!d.ok) throw forbidden(d.message);
    return {
      action: 'return',
      to: d.to,
      note: `退回至“${REIMBURSEMENT_STATUS_LABELS[d.to]}”：${data.reason}`,
      patch: d.to === 'second_review' ? { secondReviewBy: null, payeeVerifiedBy: null } : {},
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}

/** 特殊病案 / 疑问病案: stops the clock from today until cleared (RULES §6). */
export async function holdCase({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZHoldInput> }): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row, today) => {
    const d = decideHold({ status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me, false);
    if (!d.ok) throw forbidden(d.message);
    await ctx.db
      .insert(reimbursementSuspensions)
      .values({ caseId: row.id, kind: data.kind, reason: data.reason, fromDate: today, startedBy: me.id });
    return {
      action: 'hold',
      to: d.to,
      note: `标记为${HOLD_KIND_LABELS[data.kind]}，暂停计时：${data.reason}`,
      patch: { holdKind: data.kind, holdReason: data.reason },
      audit: { kind: data.kind, from: today },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}

export async function clearHold({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZClearHoldInput>;
}): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const data = input;
  await runAction(ctx, data, async (ctx, row, today) => {
    const d = decideHold({ status: row.status, isHeld: Boolean(row.holdKind), firstReviewBy: row.firstReviewBy }, me, true);
    if (!d.ok) throw forbidden(d.message);
    await ctx.db
      .update(reimbursementSuspensions)
      .set({ toDate: today, clearNote: data.note, clearedBy: me.id })
      .where(and(eq(reimbursementSuspensions.caseId, row.id), isNull(reimbursementSuspensions.toDate)));
    const label = row.holdKind ? HOLD_KIND_LABELS[row.holdKind] : '标记';
    return {
      action: 'clear_hold',
      to: d.to,
      note: `解除${label}，恢复计时：${data.note}`,
      patch: { holdKind: null, holdReason: null },
      audit: { to: today },
    };
  });
  return getReimbursement({ ctx, input: { id: data.id } });
}
