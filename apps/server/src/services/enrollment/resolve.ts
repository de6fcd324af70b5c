import type { z } from 'zod';
import { enrollments, eq } from '@portal/db';
import type { TRecordRef, ZResolveEnrollmentInput } from '@portal/rules';
import { type ActorContext, assertInUserRegion, notFound, preconditionFailed, writeAudit, withTransaction } from '../../core/index.js';

/** Closes a work-list item (对账销号) with a note of how it was settled. */
export async function resolveEnrollment({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZResolveEnrollmentInput>;
}): Promise<TRecordRef> {
  const me = ctx.actor;
  const data = input;
  return withTransaction(ctx, async (ctx) => {
    const row = (await ctx.db.select().from(enrollments).where(eq(enrollments.id, data.id)).for('update').limit(1))[0];
    if (!row) throw notFound('参保登记不存在');
    assertInUserRegion(me, row.regionPath, '该人员');
    if (row.basicEnrolled) throw preconditionFailed('该人员已参保，无需销号');
    if (row.resolvedAt) throw preconditionFailed('该事项已销号');
    await ctx.db
      .update(enrollments)
      .set({ resolvedAt: ctx.now(), resolvedBy: me.id, resolution: data.resolution, updatedAt: ctx.now() })
      .where(eq(enrollments.id, row.id));
    await writeAudit(ctx, {
      action: 'enrollment.resolve',
      entity: 'enrollment',
      entityId: row.id,
      regionPath: row.regionPath,
      after: { resolution: data.resolution },
    });
    return { id: row.id };
  });
}
