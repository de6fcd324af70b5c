import type { enrollments } from '@portal/db';
import type { TEnrollmentRecord } from '@portal/rules';

type EnrollmentRow = typeof enrollments.$inferSelect;

export function toEnrollmentDto(e: EnrollmentRow): TEnrollmentRecord {
  return {
    id: e.id,
    year: e.year,
    basicEnrolled: e.basicEnrolled,
    criticalEnrolled: e.criticalEnrolled,
    premiumTier: e.premiumTier,
    enrolledOn: e.enrolledOn,
    commercialSupplementary: e.commercialSupplementary,
    notEnrolledReason: e.notEnrolledReason,
    resolutionDeadline: e.resolutionDeadline,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolution: e.resolution,
    note: e.note,
  };
}
