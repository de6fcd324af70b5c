import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.js';
import { ZClaimEntry } from '../claims/schema.js';
import { ZFen } from '../params/schema.js';

const ZIsoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD', abort: true }).refine(isIsoDate, '日期不存在');

/** The six items a non-networked claim needs (`000 §二(五)3`, RULES §6), in the notice's order. */
export const MATERIAL_ITEMS = ['insurance_card', 'identity', 'invoice', 'discharge_summary', 'cost_list', 'bank_card'] as const;
export type TMaterialItem = (typeof MATERIAL_ITEMS)[number];
export const MATERIAL_LABELS: Record<TMaterialItem, string> = {
  insurance_card: '医保证（卡）复印件',
  identity: '身份证复印件或户口簿复印件',
  invoice: '住院原始发票',
  discharge_summary: '出院小结',
  cost_list: '住院费用清单',
  bank_card: '银行存折（卡）复印件',
};
export const ZMaterialItem = z.enum(MATERIAL_ITEMS, { error: '未知的材料项目' });
/** Each item received (true) or missing (false). */
export const ZMaterials = z.object(
  Object.fromEntries(MATERIAL_ITEMS.map((m) => [m, z.boolean({ error: `请标明“${MATERIAL_LABELS[m]}”是否已收到` })])) as Record<
    TMaterialItem,
    z.ZodBoolean
  >,
);
export type TMaterials = z.infer<typeof ZMaterials>;

export function missingMaterials(materials: Partial<Record<TMaterialItem, boolean>>): TMaterialItem[] {
  return MATERIAL_ITEMS.filter((m) => !materials[m]);
}

/**
 * `non_networked`: treated at a hospital without direct settlement; the agency pays every tier.
 * `offsite_networked`: out-of-prefecture networked hospital (`000 §二(五)2`); basic and 大病 were
 * settled at the hospital, only the assistance part is paid here.
 */
export const REIMBURSEMENT_KINDS = ['non_networked', 'offsite_networked'] as const;
export type TReimbursementKind = (typeof REIMBURSEMENT_KINDS)[number];
export const REIMBURSEMENT_KIND_LABELS: Record<TReimbursementKind, string> = {
  non_networked: '非联网医院零星报销',
  offsite_networked: '州外联网就医（医疗救助部分）',
};

const ZKey = z.string().min(8).max(64);
const ZNote = z.string().trim().max(500, '备注最多 500 字').default('');
const ZReason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(4, `请填写${label}（至少 4 个字）`)
    .max(500, `${label}最多 500 字`);

export const ZReimbursementIntake = z
  .object({
    kind: z.enum(REIMBURSEMENT_KINDS, { error: '请选择报销类型' }),
    entry: ZClaimEntry,
    materials: ZMaterials,
    /** Only for `offsite_networked`: what the hospital already paid (from its settlement slip). */
    paidElsewhereBasic: ZFen.default(0),
    paidElsewhereCritical: ZFen.default(0),
    idempotencyKey: ZKey,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'non_networked' && (v.paidElsewhereBasic > 0 || v.paidElsewhereCritical > 0)) {
      ctx.addIssue({ code: 'custom', path: ['paidElsewhereBasic'], message: '非联网医院就医没有在医院已结算的金额' });
    }
    if (v.paidElsewhereBasic + v.paidElsewhereCritical > v.entry.totalCost) {
      ctx.addIssue({ code: 'custom', path: ['paidElsewhereCritical'], message: '医院已结算金额不能大于医疗总费用' });
    }
  });
export type TReimbursementIntake = z.input<typeof ZReimbursementIntake>;

/** Every action on a case names the version it was read at and a key per click (idempotency). */
const ZActionBase = z.object({ id: z.uuid(), version: z.number().int().min(1), requestKey: ZKey });

export const ZReceiveMaterialsInput = ZActionBase.extend({
  received: z.array(ZMaterialItem).min(1, '请勾选本次收到的材料'),
  note: ZNote,
});
export const ZStepInput = ZActionBase.extend({ note: ZNote });
export const ZReturnCaseInput = ZActionBase.extend({ reason: ZReason('退回原因') });
export const HOLD_KINDS = ['special', 'doubtful'] as const;
export const HOLD_KIND_LABELS = { special: '特殊病案', doubtful: '疑问病案' } as const;
export const ZHoldInput = ZActionBase.extend({ kind: z.enum(HOLD_KINDS, { error: '请选择特殊病案或疑问病案' }), reason: ZReason('原因') });
export const ZClearHoldInput = ZActionBase.extend({ note: ZReason('处理结果') });
export const ZPayInput = ZActionBase.extend({
  paymentRef: z.string({ error: '请填写支付凭证号' }).trim().min(4, '请填写支付凭证号（至少 4 位）').max(60, '支付凭证号最多 60 位'),
  /** Empty: the account registered for the person. Otherwise the account on the 存折 copy. */
  payeeAccount: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, ''))
    .refine((s) => s === '' || /^\d{12,30}$/.test(s), '银行账号应为 12–30 位数字')
    .default(''),
});

export const ZListReimbursementsInput = z.object({
  status: z
    .enum(['open', 'awaiting_documents', 'registration', 'investigation', 'first_review', 'second_review', 'payment', 'paid', 'all'])
    .default('open'),
  q: z.string().trim().max(40).optional(),
});

export const ZBoardInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  orgUnitId: z.uuid().optional(),
});

export const ALLOWED_UPLOAD_TYPES = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' } as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ZAttachmentUpload = z.object({
  caseId: z.uuid(),
  material: ZMaterialItem.nullable().default(null),
  fileName: z.string().trim().min(1, '文件名不能为空').max(120, '文件名最多 120 字'),
  /** The file as base64 (about 4/3 of its size); the server checks the bytes, not the name. */
  dataBase64: z
    .string()
    .min(1, '文件为空')
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 8, '文件不能超过 10 MB'),
});

export const ZCalendarYearSave = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workingDays: z.array(z.string()),
  source: z.string().trim().max(200).optional(),
});

/** Hospital advance settlement (`000 §二(五)1`). */
export const ZAdvanceDeclarationInput = z
  .object({
    hospitalId: z.uuid('请选择定点医疗机构'),
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    receivedOn: ZIsoDate,
    basic: ZFen,
    critical: ZFen,
    assistance: ZFen,
    note: ZNote,
    idempotencyKey: ZKey,
  })
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '结算期间的结束日期不能早于开始日期' });
    if (v.receivedOn < v.periodTo)
      ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: '收到申报的日期不能早于结算期间结束日期' });
    if (v.basic + v.critical + v.assistance <= 0) ctx.addIssue({ code: 'custom', path: ['basic'], message: '申报金额合计应大于 0' });
  });
export type TAdvanceDeclarationInput = z.input<typeof ZAdvanceDeclarationInput>;

export const ZAdvancePaymentInput = ZActionBase.extend({
  instalment: z.enum(['first', 'rest']),
  amount: ZFen,
  /** For the rest: the total approved after review (≤ declared); the rest is approved − first. */
  approvedTotal: ZFen.optional(),
  paymentRef: z.string({ error: '请填写支付凭证号' }).trim().min(4, '请填写支付凭证号（至少 4 位）').max(60, '支付凭证号最多 60 位'),
});

export const ZAdvanceListInput = z.object({ status: z.enum(['open', 'all']).default('open') });
