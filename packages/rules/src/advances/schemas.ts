import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZActionBase, ZActionNote, ZIdempotencyKey } from '../fields.js';
import { formatYuan } from '../money.js';
import { ZFen } from '../params/index.js';
import { ADVANCE_DECLARATION_LIMIT } from './limits.js';

const ZReason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(4, `请填写${label}（至少 4 个字）`)
    .max(500, `${label}最多 500 字`);

const ZReference = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(4, `请填写${label}（至少 4 位）`)
    .max(60, `${label}最多 60 位`);

/** A positive amount: a payment or a recovery of 0 is not a movement of money. */
const ZPositiveFen = ZFen.refine((n) => n > 0, '金额应大于 0');

/**
 * Hospital advance settlement (`000 §二(五)1`). A total above the plausible limit
 * (ADVANCE_DECLARATION_LIMIT, a local parameter) is accepted only with a written reason.
 */
export const ZAdvanceDeclarationInput = z
  .object({
    hospitalId: z.uuid('请选择定点医疗机构'),
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    receivedOn: ZIsoDate,
    basic: ZFen,
    critical: ZFen,
    assistance: ZFen,
    note: ZActionNote,
    limitReason: z.string().trim().max(500, '超限说明最多 500 字').default(''),
    idempotencyKey: ZIdempotencyKey,
  })
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '结算期间的结束日期不能早于开始日期' });
    if (v.receivedOn < v.periodTo)
      ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: '收到申报的日期不能早于结算期间结束日期' });
    const total = v.basic + v.critical + v.assistance;
    if (total <= 0) ctx.addIssue({ code: 'custom', path: ['basic'], message: '申报金额合计应大于 0' });
    if (total > ADVANCE_DECLARATION_LIMIT.value && v.limitReason.length < 4) {
      ctx.addIssue({
        code: 'custom',
        path: ['limitReason'],
        message: `申报总额超过${ADVANCE_DECLARATION_LIMIT.label} ${formatYuan(ADVANCE_DECLARATION_LIMIT.value)} 元，请填写超限说明（至少 4 个字）`,
      });
    }
  });
export type TAdvanceDeclarationInput = z.input<typeof ZAdvanceDeclarationInput>;

/**
 * A reviewer's approval: of the 70 % (its amount is fixed by the declaration) or, after review,
 * of the total (≤ declared). Neither may be given by the person who declared.
 */
export const ZAdvanceApprovalInput = ZActionBase.extend({
  stage: z.enum(['first', 'total']),
  approvedTotal: ZFen.optional(),
  note: ZActionNote,
}).superRefine((v, ctx) => {
  if (v.stage === 'total' && v.approvedTotal === undefined)
    ctx.addIssue({ code: 'custom', path: ['approvedTotal'], message: '请填写审核确认总额' });
});
export type TAdvanceApprovalInput = z.input<typeof ZAdvanceApprovalInput>;

/**
 * One transfer to the hospital, on the day it was made (partial payments are several). Which
 * instalment it pays follows from the declaration: the 70 % until the total is approved, the rest after.
 */
export const ZAdvancePaymentInput = ZActionBase.extend({
  amount: ZPositiveFen,
  paidOn: ZIsoDate,
  paymentRef: ZReference('支付凭证号'),
});
export type TAdvancePaymentInput = z.input<typeof ZAdvancePaymentInput>;

/** Money the hospital returned (追回), on the day it arrived, with its reference and why. */
export const ZAdvanceRecoveryInput = ZActionBase.extend({
  amount: ZPositiveFen,
  recoveredOn: ZIsoDate,
  reference: ZReference('追回凭证号'),
  reason: ZReason('追回原因'),
});
export type TAdvanceRecoveryInput = z.input<typeof ZAdvanceRecoveryInput>;

/** The advance list page: open declarations or all. */
export const ZAdvanceListInput = z.object({ status: z.enum(['open', 'all']).default('open') });
export const ZAdvanceIdInput = z.object({ id: z.uuid('垫付申报编号格式不正确') });
