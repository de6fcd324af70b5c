import { z } from 'zod';
import { PHONE_PATTERN } from '../access.js';
import { ZIsoDate } from '../calendar/dates.js';
import { ZCategoryId } from '../categories.js';
import { ZIdNumber } from '../id-number/id-number.js';

/** Departments that certify a category (RULES §2: 民政 / 扶贫·乡村振兴 / 残联 / 退役军人, plus our own agency). */
export const SOURCE_DEPARTMENTS = ['civil_affairs', 'poverty_office', 'disabled_federation', 'veterans', 'medical_insurance'] as const;
export const ZSourceDepartment = z.enum(SOURCE_DEPARTMENTS, { error: '请选择认定部门' });
export type TSourceDepartment = z.infer<typeof ZSourceDepartment>;
export const SOURCE_DEPARTMENT_LABELS: Record<TSourceDepartment, string> = {
  civil_affairs: '民政部门',
  poverty_office: '扶贫（乡村振兴）部门',
  disabled_federation: '残联',
  veterans: '退役军人事务部门',
  medical_insurance: '医保部门',
};

export const HUKOU_TYPES = ['urban', 'rural'] as const;
export const ZHukouType = z.enum(HUKOU_TYPES, { error: '请选择户籍类型' });

/** A person's name: 2–32 characters, Chinese names may contain the middle dot of minority names. */
export const ZPersonName = z
  .string({ error: '请输入姓名' })
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(32, '姓名最多 32 个字')
  .regex(/^[\p{Script=Han}A-Za-z·•．. ]+$/u, '姓名只能包含汉字、字母和间隔号');

/** A bank card or account number for reimbursements: 12–25 digits (spaces are removed). */
export const ZBankAccount = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{12,25}$/, '银行账号应为 12–25 位数字'));

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((s) => (s ? s : undefined));

/** Empty strings from a form mean "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const ZOptionalPhone = z.preprocess(
  blankToUndefined,
  z.string().trim().regex(PHONE_PATTERN, '电话号码格式不正确（手机号 11 位，或带区号的固定电话）').optional(),
);
const ZOptionalBank = z.preprocess(blankToUndefined, ZBankAccount.optional());
const ZTownshipCode = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{9}$/, '乡镇（街道）代码应为 9 位数字')
    .optional(),
);
const ZVillageCode = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{12}$/, '村（社区）代码应为 12 位数字')
    .optional(),
);

const personFields = {
  name: ZPersonName,
  hukouType: ZHukouType,
  address: optionalText(128, '住址'),
  orgUnitId: z.uuid('请选择所属区划'),
  townshipCode: ZTownshipCode,
  villageCode: ZVillageCode,
  phone: ZOptionalPhone,
  bankName: optionalText(64, '开户银行'),
  bankAccount: ZOptionalBank,
  insuranceCardNo: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{6,32}$/, '医保卡号应为 6–32 位字母或数字')
      .optional(),
  ),
};

/** A new person: sex and birth date come from the ID number, never from the form. */
export const ZPersonCreateInput = z.object({ idNumber: ZIdNumber, ...personFields });
export type TPersonCreateInput = z.input<typeof ZPersonCreateInput>;

/**
 * An edit: the ID number is the person's identity and is not edited (a wrong number is a new
 * record). A blank bank account keeps the stored one, since the form only ever shows it masked.
 */
export const ZPersonUpdateInput = z.object({
  id: z.uuid(),
  data: z.object({ ...personFields, clearBankAccount: z.boolean().default(false) }),
});
export type TPersonUpdateInput = z.input<typeof ZPersonUpdateInput>;

/** A dated category fact (身份类别), as entered on the person page. */
export const ZCategoryFactInput = z
  .object({
    personId: z.uuid(),
    category: ZCategoryId.refine((c) => c !== 'ordinary', '普通参保人员不是扶贫对象类别'),
    startDate: ZIsoDate,
    endDate: z.preprocess(blankToUndefined, ZIsoDate.optional()),
    sourceDepartment: ZSourceDepartment,
    sourceDocument: optionalText(128, '认定文件或批次'),
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { path: ['endDate'], message: '终止日期不能早于认定日期' });
export type TCategoryFactInput = z.input<typeof ZCategoryFactInput>;

/** Ends a held category on a date (the person left the department's list). */
export const ZEndCategoryInput = z.object({
  id: z.uuid(),
  endDate: ZIsoDate,
  reason: z.string().trim().min(2, '请填写终止原因').max(128, '原因最多 128 个字'),
});
export type TEndCategoryInput = z.input<typeof ZEndCategoryInput>;

/** Households (户): a person starts one (becoming its head) or moves into another. */
export const ZCreateHouseholdInput = z.object({
  personId: z.uuid(),
  householdNo: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{4,32}$/, '户编号应为 4–32 位字母或数字')
      .optional(),
  ),
  address: optionalText(128, '家庭住址'),
});
export const RELATIONSHIPS = ['户主', '配偶', '子', '女', '父亲', '母亲', '孙子', '孙女', '兄弟姐妹', '儿媳', '女婿', '其他'] as const;
export const ZRelationship = z.enum(RELATIONSHIPS, { error: '请选择与户主关系' });
export const ZMoveMemberInput = z.object({
  personId: z.uuid(),
  householdId: z.uuid('请选择要迁入的家庭户'),
  relationship: ZRelationship,
});
export const ZSetHeadInput = z.object({ householdId: z.uuid(), personId: z.uuid() });

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

/** The premium (个人缴费标准) of a jurisdiction and year; Weihai has two tiers. */
export const ZPremiumInput = z
  .object({
    orgUnitId: z.uuid('请选择机构'),
    year: z.number({ error: '请输入年度' }).int('年度应为整数').min(2017, '年度有误').max(2100, '年度有误'),
    tier1: z.number({ error: '请输入个人缴费标准' }).int('金额应为整数分').min(1, '个人缴费标准应大于 0').max(10_000_000, '金额过大'),
    tier2: z.number().int('金额应为整数分').min(1, '二档缴费标准应大于 0').max(10_000_000, '金额过大').nullable().default(null),
    note: z.string().trim().min(2, '请填写依据文件或说明').max(200, '说明最多 200 字'),
  })
  .refine((v) => v.tier2 === null || v.tier2 > v.tier1, { path: ['tier2'], message: '二档缴费标准应高于一档' });
export type TPremiumInput = z.input<typeof ZPremiumInput>;

export const ZSubsidyRunInput = z.object({
  orgUnitId: z.uuid('请选择县（市、区）'),
  year: z.number({ error: '请输入年度' }).int().min(2017, '年度有误').max(2100, '年度有误'),
});
export type TSubsidyRunInput = z.input<typeof ZSubsidyRunInput>;

export const ZLedgerFilter = z.object({
  orgUnitId: z.uuid().optional(),
  year: z.number({ error: '请选择年度' }).int().min(2017, '年度有误').max(2100, '年度有误'),
});
export type TLedgerFilter = z.input<typeof ZLedgerFilter>;

/** What the clerk states about an uploaded list before comparing it. */
export const ZListUploadMeta = z.object({
  sourceDepartment: ZSourceDepartment,
  listDate: ZIsoDate,
  fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
});
export type TListUploadMeta = z.infer<typeof ZListUploadMeta>;
