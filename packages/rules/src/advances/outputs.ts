import { z } from 'zod';

const ZTone = z.enum(['ok', 'amber', 'red', 'none']);

/** A hospital's advance declaration with both deadlines (`000 §二(五)1`): 70 % first, the rest after review. */
export const ZAdvanceDeclaration = z.object({
  id: z.string(),
  declarationNo: z.string(),
  hospitalId: z.string(),
  hospitalName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  receivedOn: z.string(),
  basic: z.number(),
  critical: z.number(),
  assistance: z.number(),
  total: z.number(),
  status: z.enum(['received', 'first_paid', 'settled']),
  statusLabel: z.enum(['待拨付 70%', '待审核结清', '已结清']),
  version: z.number(),
  first: z.object({
    due: z.string().nullable(),
    dueAmount: z.number(),
    paidAmount: z.number(),
    paidOn: z.string().nullable(),
    paymentRef: z.string().nullable(),
    overdue: z.boolean(),
    tone: ZTone,
  }),
  rest: z.object({
    due: z.string().nullable(),
    approvedTotal: z.number().nullable(),
    paidAmount: z.number(),
    paidOn: z.string().nullable(),
    paymentRef: z.string().nullable(),
    overdue: z.boolean(),
    tone: ZTone,
  }),
  calendarError: z.string().nullable(),
  note: z.string().nullable(),
});
export type TAdvanceDeclaration = z.infer<typeof ZAdvanceDeclaration>;

export const ZAdvanceList = z.object({ today: z.string(), items: z.array(ZAdvanceDeclaration) });
export type TAdvanceList = z.infer<typeof ZAdvanceList>;
