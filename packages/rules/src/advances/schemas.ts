import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZActionBase, ZActionNote, ZIdempotencyKey } from '../fields.js';
import { ZFen } from '../params/index.js';

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
    note: ZActionNote,
    idempotencyKey: ZIdempotencyKey,
  })
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '结算期间的结束日期不能早于开始日期' });
    if (v.receivedOn < v.periodTo)
      ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: '收到申报的日期不能早于结算期间结束日期' });
    if (v.basic + v.critical + v.assistance <= 0) ctx.addIssue({ code: 'custom', path: ['basic'], message: '申报金额合计应大于 0' });
  });
export type TAdvanceDeclarationInput = z.input<typeof ZAdvanceDeclarationInput>;

/** A payment of a declaration: the first 70 % or, after review, the rest. */
export const ZAdvancePaymentInput = ZActionBase.extend({
  instalment: z.enum(['first', 'rest']),
  amount: ZFen,
  /** For the rest: the total approved after review (≤ declared); the rest is approved − first. */
  approvedTotal: ZFen.optional(),
  paymentRef: z.string({ error: '请填写支付凭证号' }).trim().min(4, '请填写支付凭证号（至少 4 位）').max(60, '支付凭证号最多 60 位'),
});

/** The advance list page: open declarations or all. */
export const ZAdvanceListInput = z.object({ status: z.enum(['open', 'all']).default('open') });
