import { enrollments, eq } from '@portal/db';
import { ZResolveEnrollmentInput } from '@portal/rules';
import { type ActorContext, assertInUserRegion, notFound, preconditionFailed, writeAudit } from '../../core/index.js';

/** Closes a work-list item (对账销号) with a note of how it was settled. */
export async function resolveEnrollment({ ctx, input }: { ctx: ActorContext; input: unknown }) {
  const me = ctx.actor;
  const data = ZResolveEnrollmentInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const row = (await tx.select().from(enrollments).where(eq(enrollments.id, data.id)).for('update').limit(1))[0];
    if (!row) throw notFound('参保登记不存在');
    assertInUserRegion(me, row.regionPath, '该人员');
    if (row.basicEnrolled) throw preconditionFailed('该人员已参保，无需销号');
    if (row.resolvedAt) throw preconditionFailed('该事项已销号');
    await tx
      .update(enrollments)
      .set({ resolvedAt: ctx.now(), resolvedBy: me.id, resolution: data.resolution, updatedAt: ctx.now() })
      .where(eq(enrollments.id, row.id));
    await writeAudit(tx, ctx, {
      action: 'enrollment.resolve',
      entity: 'enrollment',
      entityId: row.id,
      regionPath: row.regionPath,
      after: { resolution: data.resolution },
    });
    return { id: row.id };
  });
}
