import { ZVisitType } from '@portal/rules';
import { z } from 'zod';
import { yuanToFen, zYuan } from '../../lib/money';

/** The claim form as typed: money in yuan strings; converted to fen for the rules and the API. */
export const ZClaimForm = z
  .object({
    personId: z.string().min(1, '请选择参保人'),
    hospitalId: z.string().min(1, '请选择就诊医院'),
    visitType: ZVisitType,
    admissionDate: z.iso.date({ error: '请填写日期' }),
    dischargeDate: z.iso.date({ error: '请填写日期' }),
    diagnosis: z.string().trim().min(2, '请填写诊断'),
    specialDisease: z.string().nullable(),
    totalCost: zYuan('医疗总费用'),
    inScopeCost: zYuan('政策范围内费用'),
    specialDrugCost: zYuan('特药费用', { optional: true }),
  })
  .superRefine((v, ctx) => {
    if (yuanToFen(v.inScopeCost) > yuanToFen(v.totalCost))
      ctx.addIssue({ code: 'custom', path: ['inScopeCost'], message: '政策范围内费用不能大于医疗总费用' });
    if (v.dischargeDate && v.admissionDate && v.dischargeDate < v.admissionDate)
      ctx.addIssue({ code: 'custom', path: ['dischargeDate'], message: '出院日期不能早于入院日期' });
  });
export type TClaimForm = z.infer<typeof ZClaimForm>;

export function toEntry(v: TClaimForm) {
  return {
    personId: v.personId,
    hospitalId: v.hospitalId,
    visitType: v.visitType,
    admissionDate: v.admissionDate,
    dischargeDate: v.visitType === 'inpatient' ? v.dischargeDate : v.admissionDate,
    diagnosis: v.diagnosis,
    specialDisease: v.specialDisease || null,
    totalCost: yuanToFen(v.totalCost),
    inScopeCost: yuanToFen(v.inScopeCost),
    specialDrugCost: yuanToFen(v.specialDrugCost),
  };
}
