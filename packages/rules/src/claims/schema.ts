import { z } from 'zod';
import { ZIsoDate } from '../calendar/dates.js';
import { ZFen } from '../params/schema.js';
import { ZVisitType } from '../settlement/schema.js';

/** Chinese labels of visit types. */
export const VISIT_TYPE_LABELS = { inpatient: '住院', chronic_outpatient: '门诊特慢病', outpatient: '普通门诊' } as const;
export const LOCATION_LABELS = { in_county: '县域内', in_city: '县外市内', in_province: '市外省内', out_of_province: '省外' } as const;
export const TIER_LABELS = {
  hospital_borne: '医疗机构负担（超比例目录外费用）',
  basic: '基本医疗保险',
  critical: '大病保险',
  hospital_reduction: '医疗机构减免',
  assistance: '医疗救助',
  tilted: '倾斜救助',
} as const;

/** A stay longer than this needs a written reason (rehabilitation, long-term psychiatric care …). */
export const LONG_STAY_DAYS = 180;
/** A stay longer than this is a typing error, not a stay (one year's settlement, with a margin). */
export const MAX_STAY_DAYS = 400;

/** Calendar days from admission to discharge (0 for a same-day stay). */
export function stayDays(admissionDate: string, dischargeDate: string): number {
  return Math.round((Date.parse(`${dischargeDate}T00:00:00Z`) - Date.parse(`${admissionDate}T00:00:00Z`)) / 86_400_000);
}

/**
 * A claim as the clerk enters it (amounts in fen). The server re-parses it, recomputes the
 * settlement itself and never trusts amounts from the browser. Unknown keys (a stored visit of
 * an older version with `referred`) are dropped.
 */
export const ZClaimEntry = z
  .object({
    personId: z.uuid('请选择参保人'),
    hospitalId: z.uuid('请选择就诊医院'),
    visitType: ZVisitType,
    admissionDate: ZIsoDate,
    dischargeDate: ZIsoDate,
    diagnosis: z.string({ error: '请填写诊断' }).trim().min(2, '请填写诊断').max(100, '诊断最多 100 字'),
    specialDisease: z.string().max(40).nullable().default(null),
    totalCost: ZFen,
    inScopeCost: ZFen,
    specialDrugCost: ZFen.default(0),
    /** Required when a stay is longer than LONG_STAY_DAYS: why the patient stayed so long. */
    longStayReason: z.string().trim().max(200, '原因最多 200 字').optional(),
    // No "referred" or "offsite registered" here: the server decides them from the referral
    // registry (decideVisitReferral), so the clerk cannot claim a referral the registry lacks.
  })
  .superRefine((v, ctx) => {
    if (v.inScopeCost > v.totalCost) ctx.addIssue({ code: 'custom', path: ['inScopeCost'], message: '政策范围内费用不能大于医疗总费用' });
    if (v.specialDrugCost > v.totalCost - v.inScopeCost) {
      ctx.addIssue({ code: 'custom', path: ['specialDrugCost'], message: '特药费用不能大于总费用减政策范围内费用' });
    }
    if (v.dischargeDate < v.admissionDate) ctx.addIssue({ code: 'custom', path: ['dischargeDate'], message: '出院日期不能早于入院日期' });
    const days = stayDays(v.admissionDate, v.dischargeDate);
    if (days > MAX_STAY_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['admissionDate'], message: `住院 ${days} 天，超过 ${MAX_STAY_DAYS} 天，请核实入院和出院日期` });
    } else if (days > LONG_STAY_DAYS && (v.longStayReason ?? '').length < 4) {
      ctx.addIssue({
        code: 'custom',
        path: ['longStayReason'],
        message: `住院 ${days} 天（超过 ${LONG_STAY_DAYS} 天），请填写长期住院的原因`,
      });
    }
    if (v.visitType !== 'inpatient' && v.dischargeDate !== v.admissionDate) {
      ctx.addIssue({ code: 'custom', path: ['dischargeDate'], message: '门诊就诊的结束日期应与就诊日期相同' });
    }
  });
export type TClaimEntry = z.input<typeof ZClaimEntry>;

export const ZCreateClaimInput = z.object({
  entry: ZClaimEntry,
  /** A random key per form submission: the same key twice settles once (double clicks, retries). */
  idempotencyKey: z.string().min(8).max(64),
});

export const ZReverseClaimInput = z.object({
  id: z.uuid(),
  reason: z.string({ error: '请填写冲销原因' }).trim().min(4, '请填写冲销原因（至少 4 个字）').max(200, '原因最多 200 字'),
});

export const ZClaimContextInput = z.object({
  personId: z.uuid('请选择参保人'),
  date: ZIsoDate,
  hospitalId: z.uuid().optional(),
  /** With a hospital: the admission date the referral registry is asked about. */
  admissionDate: ZIsoDate.optional(),
  /** With a hospital and an admission date: the visit type, which decides whether a referral is needed. */
  visitType: ZVisitType.optional(),
});

export const ZListClaimsInput = z.object({
  personId: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  hospitalId: z.uuid().optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  tier: z.enum(['basic', 'critical', 'hospital_reduction', 'assistance', 'tilted', 'hospital_borne']).optional(),
  /** The person by name (its start), whole ID number or its last digits. */
  q: z.string().trim().max(32, '检索词过长').optional(),
  cursor: z.string().max(400).optional(),
  pageSize: z.number().int().min(1).max(200).default(20),
});
