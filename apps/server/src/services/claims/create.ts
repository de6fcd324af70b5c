import type { z } from 'zod';
import { claims, eq } from '@portal/db';
import type { TClaimDetail, ZCreateClaimInput } from '@portal/rules';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { getClaim } from './get.js';
import { settleAndStoreVisit } from './settle.js';
import { type ActorContext } from '../../core/index.js';

/**
 * Settles and stores a visit. The server recomputes everything from the database (never the
 * browser's numbers) inside one transaction that holds the person's accumulator row locked, so
 * two clerks settling for the same person at once cannot both use a deductible or a cap.
 * The same idempotency key twice returns the first claim.
 */
export async function createClaim({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZCreateClaimInput> }): Promise<TClaimDetail> {
  const { entry, idempotencyKey } = input;
  const existing = (await ctx.db.select({ id: claims.id }).from(claims).where(eq(claims.idempotencyKey, idempotencyKey)).limit(1))[0];
  if (existing) return getClaim({ ctx, input: { id: existing.id } });

  const id = await settleAndStoreVisit(ctx, { entry, idempotencyKey })
    .then((s) => s.claimId)
    .catch(async (error: unknown) => {
      if (!isUniqueViolation(error, 'idempotency')) throw error;
      const first = (await ctx.db.select({ id: claims.id }).from(claims).where(eq(claims.idempotencyKey, idempotencyKey)).limit(1))[0];
      if (!first) throw error;
      return first.id;
    });
  return getClaim({ ctx, input: { id } });
}
