import type { z } from 'zod';
import { claims, eq } from '@portal/db';
import { settle, type ZCreateClaimInput } from '@portal/rules';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { lockYtd } from './internal.js';
import { storeSettledClaim } from './store.js';
import { buildSettleRequest, prepareVisit } from './prepare.js';
import { getClaim } from './get.js';
import { type ActorContext, withTransaction } from '../../core/index.js';

/**
 * Settles and stores a visit. The server recomputes everything from the database (never the
 * browser's numbers) inside one transaction that holds the person's accumulator row locked, so
 * two clerks settling for the same person at once cannot both use a deductible or a cap.
 * The same idempotency key twice returns the first claim.
 */
export async function createClaim({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZCreateClaimInput> }) {
  const me = ctx.actor;
  const { entry, idempotencyKey } = input;
  const existing = (await ctx.db.select({ id: claims.id }).from(claims).where(eq(claims.idempotencyKey, idempotencyKey)).limit(1))[0];
  if (existing) return getClaim({ ctx, input: { id: existing.id } });

  const id = await withTransaction(ctx, async (ctx) => {
    const prepared = await prepareVisit(ctx.db, ctx, me, entry);
    const acc = await lockYtd(ctx.db, prepared.person.person.id, prepared.year);
    const request = buildSettleRequest(prepared, acc.ytd);
    const result = settle(request);
    return storeSettledClaim(ctx.db, ctx, { prepared, acc, request, result, idempotencyKey });
  }).catch(async (error: unknown) => {
    if (!isUniqueViolation(error, 'idempotency')) throw error;
    const first = (await ctx.db.select({ id: claims.id }).from(claims).where(eq(claims.idempotencyKey, idempotencyKey)).limit(1))[0];
    if (!first) throw error;
    return first.id;
  });
  return getClaim({ ctx, input: { id } });
}
