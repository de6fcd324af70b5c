import { and, asc, enrollments, eq, isNull, orgUnits, persons, sql } from '@portal/db';
import { NOT_ENROLLED_REASON_LABELS, type TEnrollmentWorkItem, maskIdNumber } from '@portal/rules';
import { z } from 'zod';
import { type ActorContext, chinaDate, inUserRegion } from '../../core/index.js';

export const ZWorklistInput = z.object({
  year: z.number().int().min(2017).max(2100).optional(),
  includeResolved: z.boolean().default(false),
});

/** The not-enrolled work list of the caller's region, earliest deadline first, overdue marked. */
export async function listEnrollmentWorklist({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZWorklistInput>;
}): Promise<TEnrollmentWorkItem[]> {
  const { year, includeResolved } = input;
  const today = chinaDate(ctx.now());
  const rows = await ctx.db
    .select({ e: enrollments, name: persons.name, idNumber: persons.idNumber, orgUnitName: orgUnits.name })
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
    .where(
      and(
        inUserRegion(ctx.actor, enrollments.regionPath),
        eq(enrollments.basicEnrolled, false),
        year ? eq(enrollments.year, year) : undefined,
        includeResolved ? undefined : isNull(enrollments.resolvedAt),
      ),
    )
    .orderBy(sql`${enrollments.resolvedAt} is not null`, asc(enrollments.resolutionDeadline), asc(persons.name))
    .limit(500);
  return rows.map(({ e, name, idNumber, orgUnitName }) => ({
    id: e.id,
    personId: e.personId,
    name,
    idNumberMasked: maskIdNumber(idNumber),
    orgUnitName,
    year: e.year,
    reason: e.notEnrolledReason,
    reasonLabel: e.notEnrolledReason ? NOT_ENROLLED_REASON_LABELS[e.notEnrolledReason] : '—',
    resolutionDeadline: e.resolutionDeadline,
    isOverdue: !e.resolvedAt && !!e.resolutionDeadline && e.resolutionDeadline < today,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolution: e.resolution,
  }));
}
