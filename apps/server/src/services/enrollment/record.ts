import type { z } from 'zod';
import { and, enrollments, eq, persons } from '@portal/db';
import { SELF_RESOLVING_REASONS, type TEnrollmentRecord, type ZEnrollmentRecordInput } from '@portal/rules';
import { refuseUniqueViolation } from '../../lib/db-errors.js';
import { toEnrollmentDto } from './internal.js';
import {
  type ActorContext,
  assertInUserRegion,
  chinaDate,
  conflict,
  invalid,
  notFound,
  writeAudit,
  withTransaction,
} from '../../core/index.js';

/**
 * Records (or corrects) a person's enrollment for a year. A not-enrolled record with a reason that
 * needs follow-up goes on the work list until it is resolved (登记造册、明确解决时限、按时对账销号);
 * reasons that settle the matter themselves (参军, 已在外地参保, 职工医保, 死亡) are closed at once.
 */
export async function recordEnrollment({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZEnrollmentRecordInput>;
}): Promise<TEnrollmentRecord> {
  const me = ctx.actor;
  const data = input;
  const today = chinaDate(ctx.now());
  if (data.enrolledOn && data.enrolledOn > today) throw invalid('参保日期不能晚于今天', 'enrolledOn');
  if (!data.basicEnrolled && data.resolutionDeadline && data.resolutionDeadline < today)
    throw invalid('解决时限不能早于今天', 'resolutionDeadline');
  return withTransaction(ctx, async (ctx) => {
    const person = (await ctx.db.select().from(persons).where(eq(persons.id, data.personId)).limit(1))[0];
    if (!person) throw notFound('人员不存在');
    assertInUserRegion(me, person.regionPath, '该人员');
    const before = (
      await ctx.db
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.personId, person.id), eq(enrollments.year, data.year)))
        .for('update')
        .limit(1)
    )[0];
    const closesItself = !data.basicEnrolled && data.notEnrolledReason && SELF_RESOLVING_REASONS.includes(data.notEnrolledReason);
    const values = {
      personId: person.id,
      regionPath: person.regionPath,
      year: data.year,
      basicEnrolled: data.basicEnrolled,
      criticalEnrolled: data.criticalEnrolled,
      premiumTier: data.basicEnrolled ? data.premiumTier : null,
      enrolledOn: data.basicEnrolled ? (data.enrolledOn ?? null) : null,
      commercialSupplementary: data.commercialSupplementary,
      notEnrolledReason: data.basicEnrolled ? null : (data.notEnrolledReason ?? null),
      resolutionDeadline: data.basicEnrolled || closesItself ? null : (data.resolutionDeadline ?? null),
      // Enrolling closes an open work item; a self-resolving reason is closed when recorded.
      resolvedAt: data.basicEnrolled ? (before && !before.basicEnrolled ? ctx.now() : null) : closesItself ? ctx.now() : null,
      resolvedBy: data.basicEnrolled ? (before && !before.basicEnrolled ? me.id : null) : closesItself ? me.id : null,
      resolution: data.basicEnrolled ? (before && !before.basicEnrolled ? '已参保' : null) : closesItself ? '原因无需跟进' : null,
      note: data.note ?? null,
      updatedBy: me.id,
      updatedAt: ctx.now(),
    };
    const [row] = before
      ? await ctx.db.update(enrollments).set(values).where(eq(enrollments.id, before.id)).returning()
      : await ctx.db.insert(enrollments).values(values).returning();
    if (!row) throw new Error('write returned no row');
    await writeAudit(ctx, {
      action: before ? 'enrollment.update' : 'enrollment.create',
      entity: 'enrollment',
      entityId: row.id,
      regionPath: person.regionPath,
      before: before ? toEnrollmentDto(before) : null,
      after: toEnrollmentDto(row),
    });
    return toEnrollmentDto(row);
  }).catch(
    refuseUniqueViolation('enrollments_person_id_year', () => conflict(`该人员 ${data.year} 年度的参保登记刚被他人保存，请刷新后重试`)),
  );
}
