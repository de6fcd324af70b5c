import { z } from 'zod';
import { ZNotEnrolledReason } from './schemas.js';

/** A person's enrollment record of one year (enrollment.record; the person page lists them). */
export const ZEnrollmentRecord = z.object({
  id: z.string(),
  year: z.number(),
  basicEnrolled: z.boolean(),
  criticalEnrolled: z.boolean(),
  premiumTier: z.number().nullable(),
  enrolledOn: z.string().nullable(),
  commercialSupplementary: z.boolean(),
  notEnrolledReason: ZNotEnrolledReason.nullable(),
  resolutionDeadline: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  note: z.string().nullable(),
});
export type TEnrollmentRecord = z.infer<typeof ZEnrollmentRecord>;

/** An item of the not-enrolled work list (enrollment.worklist). */
export const ZEnrollmentWorkItem = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  orgUnitName: z.string(),
  year: z.number(),
  reason: ZNotEnrolledReason.nullable(),
  reasonLabel: z.string(),
  resolutionDeadline: z.string().nullable(),
  isOverdue: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type TEnrollmentWorkItem = z.infer<typeof ZEnrollmentWorkItem>;
export const ZEnrollmentWorklist = z.array(ZEnrollmentWorkItem);

/**
 * The enrollment register on a date: `enrolled` (on or after the enrollment date), `not_enrolled`
 * (the year is marked not enrolled), `before_enrollment` (enrolled from a later date) or
 * `unrecorded` (no entry for the year yet).
 */
export const ZEnrollmentOnStatus = z.enum(['enrolled', 'not_enrolled', 'before_enrollment', 'unrecorded']);
export type TEnrollmentOnStatus = z.infer<typeof ZEnrollmentOnStatus>;
