import { and, enrollments, eq } from '@portal/db';
import { NOT_ENROLLED_REASON_LABELS, type TEnrollmentOnStatus, type TEnrollmentRecord } from '@portal/rules';
import { toEnrollmentDto } from './internal.js';
import { type ServiceContext, invalid } from '../../core/index.js';

export type EnrollmentStatusOn = TEnrollmentOnStatus;

export interface EnrollmentOn {
  year: number;
  /**
   * `enrolled`: the register says so and `date` is not before the enrollment date;
   * `not_enrolled`: the register marks the year not enrolled; `before_enrollment`: enrolled, but
   * from a later date; `unrecorded`: no register entry for the year yet.
   */
  status: EnrollmentStatusOn;
  /** Whether care on the date may be settled (应保尽保): every status but the two refusals. */
  isCovered: boolean;
  record: TEnrollmentRecord | null;
  /** The reason label of a not-enrolled year (参军, 拒绝参保 …). */
  reasonLabel: string | null;
}

/**
 * The enrollment register on a date, without refusing: the year of `date` (the day care starts)
 * and what its entry says. A year with no entry yet counts as covered (decision 0004).
 * No region check: the caller has loaded the person through `getPersonFacts`.
 */
export async function getEnrollmentOn(ctx: Pick<ServiceContext, 'db'>, personId: string, date: string): Promise<EnrollmentOn> {
  const year = Number(date.slice(0, 4));
  const row = (
    await ctx.db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.personId, personId), eq(enrollments.year, year)))
      .limit(1)
  )[0];
  if (!row) return { year, status: 'unrecorded', isCovered: true, record: null, reasonLabel: null };
  const reason = row.notEnrolledReason;
  const reasonLabel = reason ? (NOT_ENROLLED_REASON_LABELS[reason] ?? reason) : null;
  const status: EnrollmentStatusOn = !row.basicEnrolled
    ? 'not_enrolled'
    : row.enrolledOn && date < row.enrolledOn
      ? 'before_enrollment'
      : 'enrolled';
  return { year, status, isCovered: status === 'enrolled', record: toEnrollmentDto(row), reasonLabel };
}

/**
 * 应保尽保: refuses care on `date` (the day it starts) when the register marks that year not
 * enrolled, or when `date` is before the enrollment date; a year with no register entry yet is
 * accepted (decision 0004). The message names the person (`who`), what is refused (`action`) and
 * the date (`dateLabel`), and is attached to `field`.
 */
export async function assertEnrolledOn(
  ctx: Pick<ServiceContext, 'db'>,
  personId: string,
  date: string,
  refusal: { field: string; action: string; who?: string; dateLabel?: string },
): Promise<EnrollmentOn> {
  const on = await getEnrollmentOn(ctx, personId, date);
  const who = refusal.who ?? '参保人';
  if (on.status === 'not_enrolled') {
    throw invalid(
      `${who} ${on.year} 年度未参加城乡居民基本医疗保险${on.reasonLabel ? `（${on.reasonLabel}）` : ''}，不能${refusal.action}`,
      refusal.field,
    );
  }
  if (on.status === 'before_enrollment') {
    throw invalid(`${refusal.dateLabel ?? '就诊日期'}早于参保日期 ${on.record?.enrolledOn}`, refusal.field);
  }
  return on;
}
