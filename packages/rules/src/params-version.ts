import { z } from 'zod';
import { isIsoDate } from './calendar/dates.js';
import { ZSettleParamsOverride } from './params/schema.js';
import { ZSubsidyParamsPatch } from './subsidy/params.js';

/** A new version of an agency's local parameters (admin page). */
export const ZCreateParamVersionInput = z.object({
  orgUnitId: z.uuid('请选择机构'),
  effectiveFrom: z.iso.date({ error: '请填写生效日期（YYYY-MM-DD）', abort: true }).refine(isIsoDate, '生效日期不存在'),
  settle: ZSettleParamsOverride.default({}),
  subsidy: ZSubsidyParamsPatch.default({}),
  note: z.string().trim().min(2, '请填写调整说明（依据文件或原因）').max(200, '说明最多 200 字'),
});
export type TCreateParamVersionInput = z.input<typeof ZCreateParamVersionInput>;

/** Hospital maintained by an administrator. */
export const ZHospitalInput = z.object({
  code: z.string().trim().min(1, '请填写医院编码').max(32, '编码最多 32 个字符'),
  name: z.string().trim().min(2, '请填写医院名称').max(64, '名称最多 64 个字'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '医院等级应为一级、二级或三级' }),
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '所在地区划代码应为 6 位数字'),
  regionName: z.string().trim().min(2, '请填写所在地').max(64, '所在地最多 64 个字'),
  isNetworked: z.boolean(),
  isSpecialDiseaseDesignated: z.boolean(),
  referralTier: z.enum(['city', 'provincial']).nullable(),
  isActive: z.boolean().default(true),
});
export type THospitalInput = z.input<typeof ZHospitalInput>;

export const REFERRAL_TIER_LABELS = { city: '市级转诊定点', provincial: '省级转诊定点' } as const;
export const HOSPITAL_LEVEL_LABELS = { 1: '一级', 2: '二级', 3: '三级' } as const;
