import { existenceChecks, sql } from '@portal/db';
import { EXISTENCE_CHECKS_PER_DAY } from '@portal/rules';
import { type ActorContext, chinaDate, writeAudit, withTransaction } from '../../core/index.js';

/**
 * Spends `wanted` of the actor's daily allowance of "registered elsewhere" answers and audits the
 * lookup, in its own transaction (it must stay recorded even when the caller's work is refused).
 * Returns how many of them may be told; the rest are answered as "cannot check today".
 */
export async function spendExistenceChecks(ctx: ActorContext, wanted: number, audit: { idNumbersMasked: string[]; source: string }) {
  if (wanted <= 0) return 0;
  const day = chinaDate(ctx.now());
  return withTransaction({ ...ctx, inTransaction: false }, async (ctx) => {
    const row = (
      await ctx.db
        .insert(existenceChecks)
        .values({ userId: ctx.actor.id, day, count: wanted })
        .onConflictDoUpdate({
          target: [existenceChecks.userId, existenceChecks.day],
          set: { count: sql`${existenceChecks.count} + ${wanted}` },
        })
        .returning({ count: existenceChecks.count })
    )[0];
    const before = (row?.count ?? wanted) - wanted;
    const allowed = Math.max(0, Math.min(wanted, EXISTENCE_CHECKS_PER_DAY - before));
    await writeAudit(ctx, {
      action: 'person.registered_elsewhere',
      entity: 'person',
      entityId: null,
      after: {
        source: audit.source,
        idNumbers: audit.idNumbersMasked.slice(0, 50),
        asked: wanted,
        answered: allowed,
        usedToday: before + wanted,
      },
    });
    return allowed;
  });
}
