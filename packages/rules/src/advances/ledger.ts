import { applyRate } from '../money.js';

/** Where a declaration stands: what the next step waits for. */
export const ADVANCE_STATUSES = ['received', 'first_approved', 'first_paid', 'total_approved', 'settled'] as const;
export type TAdvanceStatus = (typeof ADVANCE_STATUSES)[number];
export const ADVANCE_STATUS_LABELS: Record<TAdvanceStatus, string> = {
  received: '待批准 70% 预付',
  first_approved: '待拨付 70%',
  first_paid: '待审核结清',
  total_approved: '待结清',
  settled: '已结清',
};

/** Advance settlement: 70 % of the declared total within 10 working days (half up), the rest later. */
export function advanceFirstInstalment(totalFen: number): number {
  return applyRate(totalFen, 70);
}

export interface AdvanceLedgerInput {
  /** The declared total. */
  total: number;
  isFirstApproved: boolean;
  /** The total approved after review; null until then. */
  approvedTotal: number | null;
  payments: readonly { amount: number }[];
  recoveries: readonly { amount: number }[];
}

export interface AdvanceLedger {
  declared: number;
  firstAmount: number;
  /** What may be paid in all so far: nothing, the 70 %, or the approved total. */
  approved: number;
  paid: number;
  recovered: number;
  /** Paid less recovered. */
  netPaid: number;
  /** Approved less net paid: above 0 still to pay, below 0 to recover (追回). */
  outstanding: number;
  status: TAdvanceStatus;
  /** The instalment the next payment belongs to, or null when nothing may be paid now. */
  nextInstalment: 'first' | 'rest' | null;
}

/**
 * The money of one declaration from its approvals and dated movements: declared, approved, paid,
 * recovered, outstanding, and the status that follows. A recovery reduces what was paid.
 */
export function summariseAdvance(input: AdvanceLedgerInput): AdvanceLedger {
  const firstAmount = advanceFirstInstalment(input.total);
  const paid = input.payments.reduce((s, p) => s + p.amount, 0);
  const recovered = input.recoveries.reduce((s, r) => s + r.amount, 0);
  const netPaid = paid - recovered;
  const approved = input.approvedTotal ?? (input.isFirstApproved ? firstAmount : 0);
  const outstanding = approved - netPaid;
  let status: TAdvanceStatus;
  if (input.approvedTotal !== null) status = outstanding === 0 ? 'settled' : 'total_approved';
  else if (!input.isFirstApproved) status = 'received';
  else status = netPaid >= firstAmount ? 'first_paid' : 'first_approved';
  const nextInstalment = outstanding <= 0 ? null : input.approvedTotal !== null ? 'rest' : 'first';
  return { declared: input.total, firstAmount, approved, paid, recovered, netPaid, outstanding, status, nextInstalment };
}
