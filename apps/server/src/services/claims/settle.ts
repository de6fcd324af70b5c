import { settle, type TClaimEntry, type TSettleRequest, type TSettleResult } from '@portal/rules';
import { lockYtd, readYtd } from './internal.js';
import { buildSettleRequest, prepareVisit, type PreparedVisit } from './prepare.js';
import { assertOverrideUsable } from './separation.js';
import { storeSettledClaim } from './store.js';
import { type ActorContext, withTransaction } from '../../core/index.js';

/** A visit settled by the rules package on the server's facts. */
export interface SettledVisit {
  prepared: PreparedVisit;
  request: TSettleRequest;
  result: TSettleResult;
}

/**
 * Settles a visit on the person's current accumulators without storing anything or locking them
 * (a reimbursement's 初审 and 复核 show and check the figures before anything is paid).
 */
export async function settleVisit(ctx: ActorContext, entry: TClaimEntry): Promise<SettledVisit> {
  const prepared = await prepareVisit(ctx, entry);
  const request = buildSettleRequest(prepared, await readYtd(ctx.db, prepared.person.person.id, prepared.year));
  return { prepared, request, result: settle(request) };
}

/**
 * Settle-and-store, written once for claim entry and for a reimbursement's payment: prepare the
 * facts, lock the person's accumulators for the year (so two settlements of one person queue and
 * each sees the other's result), settle with the rules package, let the caller `confirm` the figures
 * (throwing stores nothing), then store the claim, its lines, the moved accumulators and the audit
 * row. Joins the caller's transaction (withTransaction), or opens one. A visit resting on a 视同转诊
 * override is refused when whoever entered it (`enteredBy`, default the actor) granted the override.
 */
export async function settleAndStoreVisit(
  ctx: ActorContext,
  args: {
    entry: TClaimEntry;
    idempotencyKey: string;
    paidElsewhere?: number;
    auditAfter?: Record<string, unknown>;
    confirm?: (settled: SettledVisit) => void;
    /** Who entered the visit (a reimbursement's intake user); the actor when not given. */
    enteredBy?: string;
  },
): Promise<SettledVisit & { claimId: string }> {
  return withTransaction(ctx, async (ctx) => {
    const prepared = await prepareVisit(ctx, args.entry);
    assertOverrideUsable(prepared.referral.override?.grantedBy, args.enteredBy ?? ctx.actor.id, ctx.actor);
    const acc = await lockYtd(ctx.db, prepared.person.person.id, prepared.year);
    const request = buildSettleRequest(prepared, acc.ytd);
    const settled: SettledVisit = { prepared, request, result: settle(request) };
    args.confirm?.(settled);
    const claimId = await storeSettledClaim(ctx, {
      ...settled,
      acc,
      idempotencyKey: args.idempotencyKey,
      paidElsewhere: args.paidElsewhere,
      auditAfter: args.auditAfter,
    });
    return { ...settled, claimId };
  });
}
