import { z } from 'zod';

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

/** The two tiers of designated referral destination (指定转诊定点医疗机构, `002 §三(三)`). */
export const REFERRAL_TIER_LABELS = { city: '市级转诊定点', provincial: '省级转诊定点' } as const;
/** Hospital levels 1–3 as the UI writes them. */
export const HOSPITAL_LEVEL_LABELS = { 1: '一级', 2: '二级', 3: '三级' } as const;
