import { z } from 'zod';
import { ZClaimEntry } from '../claims/schema.js';
import { ZActionBase, ZActionNote, ZIdempotencyKey } from '../fields.js';
import { ZFen } from '../params/index.js';

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

const ZReason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(4, `请填写${label}（至少 4 个字）`)
    .max(500, `${label}最多 500 字`);

/** A bank account number as on the 存折 (卡) copy: digits only once spaces are removed. */
export const ZBankAccountNo = z
  .string({ error: '请填写银行账号' })
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => /^\d{12,30}$/.test(s), '银行账号应为 12–30 位数字');

/** Who is paid and where: the holder's name, the bank (开户行) and the account. */
export const ZPayeeDetails = z.object({
  name: z.string({ error: '请填写收款人姓名' }).trim().min(2, '请填写收款人姓名').max(32, '收款人姓名最多 32 个字'),
  bankName: z.string({ error: '请填写开户行' }).trim().min(2, '请填写开户行').max(60, '开户行最多 60 个字'),
  account: ZBankAccountNo,
});
export type TPayeeDetails = z.output<typeof ZPayeeDetails>;

/**
 * The payee captured at 受理: the person's registered account (the default), or the account the
 * 银行存折（卡）复印件 shows when it is another one (`000 §二(五)3`: 患者指定金融账户).
 */
export const ZPayeeChoice = z.discriminatedUnion(
  'source',
  [z.object({ source: z.literal('registered') }), ZPayeeDetails.extend({ source: z.literal('entered') })],
  { error: '请选择收款账户' },
);
export type TPayeeChoice = z.input<typeof ZPayeeChoice>;

export const PAYEE_SOURCE_LABELS = { registered: '参保人登记账户', entered: '受理时按存折（卡）填写', changed: '经审批变更' } as const;

export const ZReimbursementIntake = z
  .object({
    kind: z.enum(REIMBURSEMENT_KINDS, { error: '请选择报销类型' }),
    entry: ZClaimEntry,
    materials: ZMaterials,
    payee: ZPayeeChoice.default({ source: 'registered' }),
    /** Only for `offsite_networked`: what the hospital already paid (from its settlement slip). */
    paidElsewhereBasic: ZFen.default(0),
    paidElsewhereCritical: ZFen.default(0),
    idempotencyKey: ZIdempotencyKey,
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

export const ZReceiveMaterialsInput = ZActionBase.extend({
  received: z.array(ZMaterialItem).min(1, '请勾选本次收到的材料'),
  note: ZActionNote,
});
export const ZStepInput = ZActionBase.extend({ note: ZActionNote });
/** 复核 confirms the settlement and that the payee matches the 银行存折（卡）复印件. */
export const ZSecondReviewInput = ZStepInput.extend({
  payeeVerified: z.literal(true, { error: '请核对收款人、开户行和账号与银行存折（卡）复印件一致' }),
});
export const ZReturnCaseInput = ZActionBase.extend({ reason: ZReason('退回原因') });
export const HOLD_KINDS = ['special', 'doubtful'] as const;
export const HOLD_KIND_LABELS = { special: '特殊病案', doubtful: '疑问病案' } as const;
export const ZHoldInput = ZActionBase.extend({ kind: z.enum(HOLD_KINDS, { error: '请选择特殊病案或疑问病案' }), reason: ZReason('原因') });
export const ZClearHoldInput = ZActionBase.extend({ note: ZReason('处理结果') });
/** 支付: the transfer's reference. The account is the case's payee; nobody types it here. */
export const ZPayInput = ZActionBase.extend({
  paymentRef: z.string({ error: '请填写支付凭证号' }).trim().min(4, '请填写支付凭证号（至少 4 位）').max(60, '支付凭证号最多 60 位'),
});

/** A proposed change of the payee: the new holder, bank and account, and why (proposed by one, approved by another). */
export const ZProposePayeeChangeInput = ZActionBase.extend({ payee: ZPayeeDetails, reason: ZReason('变更原因') });
export type TProposePayeeChangeInput = z.input<typeof ZProposePayeeChangeInput>;

/** Approving or rejecting a proposed change; a rejection says why. */
export const ZDecidePayeeChangeInput = ZActionBase.extend({
  changeId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  note: ZActionNote,
}).superRefine((v, ctx) => {
  if (v.decision === 'reject' && v.note.length < 4)
    ctx.addIssue({ code: 'custom', path: ['note'], message: '请填写驳回原因（至少 4 个字）' });
});
export const PAYEE_CHANGE_STATUS_LABELS = { pending: '待审批', approved: '已批准', rejected: '已驳回' } as const;

export const ZListReimbursementsInput = z.object({
  status: z
    .enum(['open', 'awaiting_documents', 'registration', 'investigation', 'first_review', 'second_review', 'payment', 'paid', 'all'])
    .default('open'),
  q: z.string().trim().max(40).optional(),
  cursor: z.string().max(400).optional(),
  pageSize: z.number().int().min(1).max(200).default(50),
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
