import { z } from 'zod';
import { PHONE_PATTERN } from '../access/index.js';
import { ZIsoDate } from '../calendar/index.js';
import { ZCategoryId } from '../categories.js';
import { blankToUndefined, optionalText } from '../fields.js';
import { ZIdNumber } from '../id-number/index.js';

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
