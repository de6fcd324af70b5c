import { z } from 'zod';
import { ADVANCE_STATUSES } from './ledger.js';

/**
 * What the advance procedures return (`.output()`): a declaration with its ledger, both deadlines,
 * its approvals and dated movements, and what the caller may do next. No bank account is in it.
 */
const ZTone = z.enum(['ok', 'amber', 'red', 'none']);
const ZInstalment = z.enum(['first', 'rest']);

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
  status: z.enum(ADVANCE_STATUSES),
  statusLabel: z.string(),
  version: z.number(),
  declaredByName: z.string(),
  /** Set when the total is above the plausible limit: the declarer's reason. */
  limitReason: z.string().nullable(),
  isAboveLimit: z.boolean(),
  ledger: z.object({
    declared: z.number(),
    firstAmount: z.number(),
    approved: z.number(),
    paid: z.number(),
    recovered: z.number(),
    netPaid: z.number(),
    outstanding: z.number(),
    nextInstalment: ZInstalment.nullable(),
  }),
  first: z.object({
    due: z.string().nullable(),
    dueAmount: z.number(),
    approvedOn: z.string().nullable(),
    approvedByName: z.string().nullable(),
    /** The day the 70 % was paid in full. */
    paidOn: z.string().nullable(),
    overdue: z.boolean(),
    tone: ZTone,
  }),
  rest: z.object({
    due: z.string().nullable(),
    approvedTotal: z.number().nullable(),
    approvedOn: z.string().nullable(),
    approvedByName: z.string().nullable(),
    /** The day the declaration was settled. */
    paidOn: z.string().nullable(),
    overdue: z.boolean(),
    tone: ZTone,
  }),
  approvals: z.array(
    z.object({
      stage: z.enum(['first', 'total']),
      amount: z.number(),
      approvedOn: z.string(),
      approvedByName: z.string(),
      note: z.string().nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      instalment: ZInstalment,
      amount: z.number(),
      paidOn: z.string(),
      paymentRef: z.string(),
      recordedByName: z.string(),
    }),
  ),
  recoveries: z.array(
    z.object({
      id: z.string(),
      amount: z.number(),
      recoveredOn: z.string(),
      reference: z.string(),
      reason: z.string(),
      recordedByName: z.string(),
    }),
  ),
  calendarError: z.string().nullable(),
  note: z.string().nullable(),
  /** What the caller may do now; the server asks again (permissions, separation) on every action. */
  can: z.object({
    approve: z.enum(['first', 'total']).nullable(),
    pay: z.boolean(),
    recover: z.boolean(),
    /** Why the waiting step is not this caller's (the separation table's refusal), or null. */
    blockedReason: z.string().nullable(),
  }),
});
export type TAdvanceDeclaration = z.infer<typeof ZAdvanceDeclaration>;

export const ZAdvanceList = z.object({ today: z.string(), items: z.array(ZAdvanceDeclaration) });
export type TAdvanceList = z.infer<typeof ZAdvanceList>;
