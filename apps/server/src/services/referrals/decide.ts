import type { z } from 'zod';
import { eq, referrals } from '@portal/db';
import {
  type TReferral,
  type ZCancelRegistrationInput,
  type ZReferralIdInput,
  type ZRejectReferralInput,
  formatRegistrationNo,
  referralEffectiveStatus,
} from '@portal/rules';
import type { DbOrTx } from '@portal/db';
import { getReferralDto } from './get.js';
import { nextSequence } from './internal.js';
import {
  type Actor,
  type ActorContext,
  assertInUserRegion,
  chinaDate,
  notFound,
  preconditionFailed,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

async function lockReferral(tx: DbOrTx, user: Actor, id: string) {
  const row = (await tx.select().from(referrals).where(eq(referrals.id, id)).for('update').limit(1))[0];
  if (!row) throw notFound('转诊备案不存在');
  assertInUserRegion(user, row.regionPath, '该转诊备案');
  return row;
}

/** 备案: a submitted referral still within its validity gets its electronic referral number. */
export async function registerReferral({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZReferralIdInput>;
}): Promise<TReferral> {
  const me = ctx.actor;
  const { id } = input;
  const today = chinaDate(ctx.now());
  await withTransaction(ctx, async (ctx) => {
    const row = await lockReferral(ctx.db, me, id);
    const status = referralEffectiveStatus(row.status, row.validUntil, today);
    if (status === 'expired') throw preconditionFailed(`该转诊证明已于 ${row.validUntil} 过期，不能备案`);
    if (status !== 'submitted') throw preconditionFailed('只有待备案的转诊可以备案');
    const year = Number(today.slice(0, 4));
    const referralNo = formatRegistrationNo('ZZ', year, await nextSequence(ctx.db, 'ZZ', year));
    const now = ctx.now();
    await ctx.db
      .update(referrals)
      .set({ status: 'registered', referralNo, registeredBy: me.id, registeredAt: now, updatedAt: now })
      .where(eq(referrals.id, id));
    await writeAudit(ctx, {
      action: 'referral.register',
      entity: 'referral',
      entityId: id,
      regionPath: row.regionPath,
      before: { status: row.status },
      after: { status: 'registered', referralNo },
    });
  });
  return getReferralDto(ctx.db, me, id, today);
}

export async function rejectReferral({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZRejectReferralInput>;
}): Promise<TReferral> {
  const me = ctx.actor;
  const { id, reason } = input;
  const today = chinaDate(ctx.now());
  await withTransaction(ctx, async (ctx) => {
    const row = await lockReferral(ctx.db, me, id);
    if (row.status !== 'submitted') throw preconditionFailed('只有待备案的转诊可以不予备案');
    const now = ctx.now();
    await ctx.db
      .update(referrals)
      .set({ status: 'rejected', rejectReason: reason, closedBy: me.id, closedAt: now, updatedAt: now })
      .where(eq(referrals.id, id));
    await writeAudit(ctx, {
      action: 'referral.reject',
      entity: 'referral',
      entityId: id,
      regionPath: row.regionPath,
      before: { status: row.status },
      after: { status: 'rejected', reason },
    });
  });
  return getReferralDto(ctx.db, me, id, today);
}

/** Withdraws a submitted or registered referral (the patient will not go, or a new one replaces it). */
export async function cancelReferral({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZCancelRegistrationInput>;
}): Promise<TReferral> {
  const me = ctx.actor;
  const { id, reason } = input;
  const today = chinaDate(ctx.now());
  await withTransaction(ctx, async (ctx) => {
    const row = await lockReferral(ctx.db, me, id);
    if (row.status !== 'submitted' && row.status !== 'registered') throw preconditionFailed('该转诊备案已结束，不能撤销');
    const now = ctx.now();
    await ctx.db
      .update(referrals)
      .set({ status: 'cancelled', cancelReason: reason, closedBy: me.id, closedAt: now, updatedAt: now })
      .where(eq(referrals.id, id));
    await writeAudit(ctx, {
      action: 'referral.cancel',
      entity: 'referral',
      entityId: id,
      regionPath: row.regionPath,
      before: { status: row.status, referralNo: row.referralNo },
      after: { status: 'cancelled', reason },
    });
  });
  return getReferralDto(ctx.db, me, id, today);
}
