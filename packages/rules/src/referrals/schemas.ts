import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.js';
import { ZIdNumber } from '../id-number/index.js';
import { MAX_REFERRAL_VALIDITY_DAYS, OFFSITE_TYPES } from './referrals.js';
import { PROVINCE_CODES } from './provinces.js';

const ZDate = (what: string) => z.iso.date({ error: `请填写${what}（YYYY-MM-DD）`, abort: true }).refine(isIsoDate, `${what}不存在`);
const ZText = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .min(min, `${what}至少 ${min} 个字`)
    .max(max, `${what}最多 ${max} 字`);

/** A transfer referral as the window clerk enters it from the hospital's certificate. */
export const ZCreateReferralInput = z
  .object({
    idNumber: ZIdNumber,
    issuingHospitalId: z.uuid('请选择出具转诊证明的医院'),
    diagnosis: ZText('诊断', 2, 100),
    reason: ZText('转诊原因', 2, 200),
    destinationHospitalId: z.uuid('请选择转往的定点医院'),
    issueDate: ZDate('开具日期'),
    plannedAdmissionDate: ZDate('计划入院日期'),
    /** At the window the clerk files the certificate at once (submitted → registered in one step). */
    registerNow: z.boolean().default(true),
  })
  .refine((v) => v.plannedAdmissionDate >= v.issueDate, { path: ['plannedAdmissionDate'], message: '计划入院日期不能早于开具日期' })
  .refine((v) => v.issuingHospitalId !== v.destinationHospitalId, {
    path: ['destinationHospitalId'],
    message: '转往医院不能与出具医院相同',
  });
export type TCreateReferralInput = z.input<typeof ZCreateReferralInput>;

export const ZReferralIdInput = z.object({ id: z.uuid('记录编号格式不正确') });
export const ZRejectReferralInput = z.object({ id: z.uuid('记录编号格式不正确'), reason: ZText('不予备案的原因', 4, 200) });
export const ZCancelRegistrationInput = z.object({ id: z.uuid('记录编号格式不正确'), reason: ZText('撤销原因', 2, 200) });

/** 异地就医备案. */
export const ZCreateOffsiteInput = z
  .object({
    idNumber: ZIdNumber,
    type: z.enum(OFFSITE_TYPES, { error: '请选择备案类型' }),
    provinceCode: z.enum(PROVINCE_CODES as [string, ...string[]], { error: '请选择就医省份' }),
    cityCode: z
      .string()
      .trim()
      .regex(/^\d{4}00$/, '地市区划代码应为 6 位数字且以 00 结尾，如 420100')
      .nullable()
      .default(null),
    cityName: z.string().trim().max(32, '地市名称最多 32 字').nullable().default(null),
    startDate: ZDate('开始日期'),
    endDate: ZDate('结束日期'),
    documentType: ZText('证明材料名称', 2, 40),
    documentNo: ZText('证明材料编号或说明', 2, 100),
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: '结束日期不能早于开始日期' })
  .refine((v) => !v.cityCode || v.cityCode.slice(0, 2) === v.provinceCode.slice(0, 2), {
    path: ['cityCode'],
    message: '地市不属于所选省份',
  })
  .refine((v) => !v.cityCode || (v.cityName ?? '').length >= 2, { path: ['cityName'], message: '请填写地市名称' });
export type TCreateOffsiteInput = z.input<typeof ZCreateOffsiteInput>;

/** A reviewer's override where no registration exists (recorded before claim entry). */
export const ZCreateReferralOverrideInput = z.object({
  personId: z.uuid('请选择人员'),
  hospitalId: z.uuid('请选择就诊医院'),
  admissionDate: ZDate('入院日期'),
  reason: ZText('认定理由', 5, 300),
});
export type TCreateReferralOverrideInput = z.input<typeof ZCreateReferralOverrideInput>;

/** Local parameter: referral validity in days for an org unit. */
export const ZReferralSettingsInput = z.object({
  orgUnitId: z.uuid('请选择机构'),
  validityDays: z
    .number({ error: '请填写有效期天数' })
    .int('有效期天数应为整数')
    .min(1, '有效期至少 1 天')
    .max(MAX_REFERRAL_VALIDITY_DAYS, `有效期最多 ${MAX_REFERRAL_VALIDITY_DAYS} 天`),
});

/** Admin flags a hospital as a designated referral destination (or removes the flag). */
export const ZSetReferralTierInput = z.object({
  hospitalId: z.uuid('请选择医院'),
  referralTier: z.enum(['city', 'provincial'], { error: '转诊定点级别应为市级或省级' }).nullable(),
});
