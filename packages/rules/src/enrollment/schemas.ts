import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { blankToUndefined, optionalText } from '../fields.js';

/** Reasons a beneficiary is not enrolled (`000 §二(一)` 未参保原因). */
export const NOT_ENROLLED_REASONS = [
  'military',
  'school',
  'enrolled_elsewhere',
  'employee_insurance',
  'deceased',
  'refused',
  'missing',
  'other',
] as const;
export const ZNotEnrolledReason = z.enum(NOT_ENROLLED_REASONS, { error: '请选择未参保原因' });
export type TNotEnrolledReason = z.infer<typeof ZNotEnrolledReason>;
export const NOT_ENROLLED_REASON_LABELS: Record<TNotEnrolledReason, string> = {
  military: '参军',
  school: '入学（在校地参保）',
  enrolled_elsewhere: '已在外地参保',
  employee_insurance: '已参加职工医保',
  deceased: '死亡',
  refused: '本人拒绝参保',
  missing: '失联或下落不明',
  other: '其他',
};
/** Reasons that close the case by themselves: the person is covered elsewhere or no longer needs cover. */
export const SELF_RESOLVING_REASONS: readonly TNotEnrolledReason[] = ['military', 'enrolled_elsewhere', 'employee_insurance', 'deceased'];

/** One person's enrollment for one year (应保尽保). */
export const ZEnrollmentRecordInput = z
  .object({
    personId: z.uuid(),
    year: z.number({ error: '请输入参保年度' }).int('参保年度应为整数').min(2017, '参保年度有误').max(2100, '参保年度有误'),
    basicEnrolled: z.boolean(),
    criticalEnrolled: z.boolean(),
    premiumTier: z
      .union([z.literal(1), z.literal(2)])
      .nullable()
      .default(null),
    enrolledOn: z.preprocess(blankToUndefined, ZIsoDate.optional()),
    commercialSupplementary: z.boolean().default(false),
    notEnrolledReason: z.preprocess(blankToUndefined, ZNotEnrolledReason.optional()),
    resolutionDeadline: z.preprocess(blankToUndefined, ZIsoDate.optional()),
    note: optionalText(200, '备注'),
  })
  .superRefine((v, ctx) => {
    if (v.basicEnrolled) {
      if (!v.enrolledOn) ctx.addIssue({ code: 'custom', path: ['enrolledOn'], message: '请填写参保日期' });
      if (v.premiumTier === null) ctx.addIssue({ code: 'custom', path: ['premiumTier'], message: '请选择缴费档次' });
    } else {
      if (v.criticalEnrolled) ctx.addIssue({ code: 'custom', path: ['criticalEnrolled'], message: '未参加基本医保的不能参加大病保险' });
      if (!v.notEnrolledReason) ctx.addIssue({ code: 'custom', path: ['notEnrolledReason'], message: '未参保的须登记原因' });
      else if (!SELF_RESOLVING_REASONS.includes(v.notEnrolledReason) && !v.resolutionDeadline) {
        ctx.addIssue({ code: 'custom', path: ['resolutionDeadline'], message: '请明确解决时限' });
      }
    }
  });
export type TEnrollmentRecordInput = z.input<typeof ZEnrollmentRecordInput>;

/** Closing an item of the not-enrolled work list (对账销号). */
export const ZResolveEnrollmentInput = z.object({
  id: z.uuid(),
  resolution: z.string().trim().min(2, '请填写销号说明').max(200, '说明最多 200 字'),
});
