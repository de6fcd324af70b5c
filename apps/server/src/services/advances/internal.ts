import {
  advanceApprovals,
  advanceDeclarations,
  advancePayments,
  advanceRecoveries,
  asc,
  eq,
  hospitals,
  inArray,
  users,
  type DbOrTx,
} from '@portal/db';
import {
  ADVANCE_DECLARATION_LIMIT,
  ADVANCE_STATUS_LABELS,
  CalendarYearMissingError,
  clockTone,
  computeAdvanceClock,
  separationProblem,
  summariseAdvance,
  type DutyRecord,
  type TAdvanceDeclaration,
  type TPermission,
  type TSeparatedAction,
  workingDaysBetween,
  type WorkingCalendar,
} from '@portal/rules';
import { type Actor, type ActorContext, assertInUserRegion, isAllowed, notFound } from '../../core/index.js';

export type DeclarationRow = typeof advanceDeclarations.$inferSelect;

/** A declaration's approvals and dated movements, with the names of who recorded them. */
export interface AdvanceRecords {
  approvals: {
    stage: 'first' | 'total';
    amount: number;
    approvedOn: string;
    approvedBy: string;
    approvedByName: string;
    note: string | null;
  }[];
  payments: {
    id: string;
    instalment: 'first' | 'rest';
    amount: number;
    paidOn: string;
    paymentRef: string;
    recordedBy: string;
    recordedByName: string;
  }[];
  recoveries: {
    id: string;
    amount: number;
    recoveredOn: string;
    reference: string;
    reason: string;
    recordedBy: string;
    recordedByName: string;
  }[];
}

/** Approvals, payments and recoveries of some declarations, oldest first, by declaration id. */
export async function loadAdvanceRecords(db: DbOrTx, ids: string[]): Promise<Map<string, AdvanceRecords>> {
  const map = new Map<string, AdvanceRecords>(ids.map((id) => [id, { approvals: [], payments: [], recoveries: [] }]));
  if (!ids.length) return map;
  const [approvals, payments, recoveries] = await Promise.all([
    db
      .select({ a: advanceApprovals, name: users.displayName })
      .from(advanceApprovals)
      .innerJoin(users, eq(users.id, advanceApprovals.approvedBy))
      .where(inArray(advanceApprovals.declarationId, ids))
      .orderBy(asc(advanceApprovals.createdAt)),
    db
      .select({ p: advancePayments, name: users.displayName })
      .from(advancePayments)
      .innerJoin(users, eq(users.id, advancePayments.recordedBy))
      .where(inArray(advancePayments.declarationId, ids))
      .orderBy(asc(advancePayments.paidOn), asc(advancePayments.createdAt)),
    db
      .select({ r: advanceRecoveries, name: users.displayName })
      .from(advanceRecoveries)
      .innerJoin(users, eq(users.id, advanceRecoveries.recordedBy))
      .where(inArray(advanceRecoveries.declarationId, ids))
      .orderBy(asc(advanceRecoveries.recoveredOn), asc(advanceRecoveries.createdAt)),
  ]);
  for (const { a, name } of approvals) {
    map.get(a.declarationId)?.approvals.push({
      stage: a.stage,
      amount: a.amount,
      approvedOn: a.approvedOn,
      approvedBy: a.approvedBy,
      approvedByName: name,
      note: a.note,
    });
  }
  for (const { p, name } of payments) {
    map.get(p.declarationId)?.payments.push({
      id: p.id,
      instalment: p.instalment,
      amount: p.amount,
      paidOn: p.paidOn,
      paymentRef: p.paymentRef,
      recordedBy: p.recordedBy,
      recordedByName: name,
    });
  }
  for (const { r, name } of recoveries) {
    map.get(r.declarationId)?.recoveries.push({
      id: r.id,
      amount: r.amount,
      recoveredOn: r.recoveredOn,
      reference: r.reference,
      reason: r.reason,
      recordedBy: r.recordedBy,
      recordedByName: name,
    });
  }
  return map;
}

/** The ledger of a declaration (rules: declared / approved / paid / recovered / outstanding, status). */
export function ledgerOf(row: Pick<DeclarationRow, 'total' | 'approvedTotal'>, records: AdvanceRecords) {
  return summariseAdvance({
    total: row.total,
    isFirstApproved: records.approvals.some((a) => a.stage === 'first'),
    approvedTotal: records.approvals.some((a) => a.stage === 'total') ? row.approvedTotal : null,
    payments: records.payments,
    recoveries: records.recoveries,
  });
}

/**
 * Who did what on a declaration, for the separation table: who declared, who approved each stage,
 * who recorded a recovery (payments bar nobody).
 */
export function advanceHistory(row: Pick<DeclarationRow, 'createdBy'>, records: AdvanceRecords): DutyRecord[] {
  return [
    { act: 'advance.declare', actorId: row.createdBy },
    ...records.approvals.map((a) => ({
      act: a.stage === 'first' ? ('advance.approve_first' as const) : ('advance.approve_total' as const),
      actorId: a.approvedBy,
    })),
    ...records.recoveries.map((r) => ({ act: 'advance.recover' as const, actorId: r.recordedBy })),
  ];
}

/** The step a declaration waits for, with the permission and the separation row that guard it. */
export function waitingStep(ledger: ReturnType<typeof ledgerOf>): { action: TSeparatedAction; permission: TPermission } | null {
  if (ledger.status === 'received') return { action: 'advance.approve_first', permission: 'advances.approve' };
  if (ledger.status === 'first_paid') return { action: 'advance.approve_total', permission: 'advances.approve' };
  if (ledger.nextInstalment === 'first') return { action: 'advance.pay_first', permission: 'advances.write' };
  if (ledger.nextInstalment === 'rest') return { action: 'advance.pay_rest', permission: 'advances.write' };
  return null;
}

type Joined = DeclarationRow & { hospitalName: string; declaredByName: string };

/** A declaration as the page shows it: ledger, both deadlines, records and what the caller may do. */
export function advanceView(
  row: Joined,
  records: AdvanceRecords,
  me: Actor,
  today: string,
  calendar: WorkingCalendar,
): TAdvanceDeclaration {
  let firstDue: string | null = null;
  let restDue: string | null = null;
  let calendarError: string | null = null;
  try {
    const clocks = computeAdvanceClock({ start: row.receivedOn, today }, calendar);
    firstDue = clocks.first.due;
    restDue = clocks.rest.due;
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError)) throw error;
    calendarError = error.message;
  }
  const ledger = ledgerOf(row, records);
  const firstOverdue = firstDue !== null && (row.firstPaidOn ?? today) > firstDue;
  const restOverdue = restDue !== null && (row.restPaidOn ?? today) > restDue;
  const daysTone = (due: string | null, paidOn: string | null, overdue: boolean) => {
    if (!due) return 'none' as const;
    if (paidOn) return overdue ? ('red' as const) : ('ok' as const);
    let left = 99;
    try {
      left = due <= today ? 0 : workingDaysBetween(calendar, today, due);
    } catch {
      // a due date beyond the calendar's years is far away
    }
    return clockTone({ overdue, left }, false);
  };
  const approval = (stage: 'first' | 'total') => records.approvals.find((a) => a.stage === stage) ?? null;
  const step = waitingStep(ledger);
  const history = advanceHistory(row, records);
  const problem = step && isAllowed(me, step.permission) ? separationProblem(step.action, history, me.id) : null;
  const mayStep = Boolean(step) && isAllowed(me, step!.permission) && !problem;
  return {
    id: row.id,
    declarationNo: row.declarationNo,
    hospitalId: row.hospitalId,
    hospitalName: row.hospitalName,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    receivedOn: row.receivedOn,
    basic: row.basic,
    critical: row.critical,
    assistance: row.assistance,
    total: row.total,
    status: ledger.status,
    statusLabel: ledger.status === 'total_approved' && ledger.outstanding < 0 ? '待追回多付资金' : ADVANCE_STATUS_LABELS[ledger.status],
    version: row.version,
    declaredByName: row.declaredByName,
    limitReason: row.limitReason,
    isAboveLimit: row.total > ADVANCE_DECLARATION_LIMIT.value,
    ledger: {
      declared: ledger.declared,
      firstAmount: ledger.firstAmount,
      approved: ledger.approved,
      paid: ledger.paid,
      recovered: ledger.recovered,
      netPaid: ledger.netPaid,
      outstanding: ledger.outstanding,
      nextInstalment: ledger.nextInstalment,
    },
    first: {
      due: firstDue,
      dueAmount: ledger.firstAmount,
      approvedOn: approval('first')?.approvedOn ?? null,
      approvedByName: approval('first')?.approvedByName ?? null,
      paidOn: row.firstPaidOn,
      overdue: firstOverdue,
      tone: daysTone(firstDue, row.firstPaidOn, firstOverdue),
    },
    rest: {
      due: restDue,
      approvedTotal: approval('total') ? row.approvedTotal : null,
      approvedOn: approval('total')?.approvedOn ?? null,
      approvedByName: approval('total')?.approvedByName ?? null,
      paidOn: row.restPaidOn,
      overdue: restOverdue,
      tone: daysTone(restDue, row.restPaidOn, restOverdue),
    },
    approvals: records.approvals.map(({ approvedBy: _a, ...a }) => a),
    payments: records.payments.map(({ recordedBy: _r, ...p }) => p),
    recoveries: records.recoveries.map(({ recordedBy: _r, ...r }) => r),
    calendarError,
    note: row.note,
    can: {
      approve: mayStep && step?.permission === 'advances.approve' ? (step.action === 'advance.approve_first' ? 'first' : 'total') : null,
      pay: mayStep && step?.permission === 'advances.write',
      recover: ledger.netPaid > 0 && isAllowed(me, 'advances.write'),
      blockedReason: problem?.message ?? null,
    },
  };
}

/** Loads one declaration with its hospital and declarer, in the caller's region (optionally locked). */
export async function loadDeclaration(ctx: ActorContext, id: string, options: { forUpdate?: boolean } = {}): Promise<Joined> {
  if (options.forUpdate) {
    const locked = (
      await ctx.db.select({ id: advanceDeclarations.id }).from(advanceDeclarations).where(eq(advanceDeclarations.id, id)).for('update')
    )[0];
    if (!locked) throw notFound('垫付申报不存在');
  }
  const row = (
    await ctx.db
      .select({ d: advanceDeclarations, hospitalName: hospitals.name, declaredByName: users.displayName })
      .from(advanceDeclarations)
      .innerJoin(hospitals, eq(hospitals.id, advanceDeclarations.hospitalId))
      .innerJoin(users, eq(users.id, advanceDeclarations.createdBy))
      .where(eq(advanceDeclarations.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('垫付申报不存在');
  assertInUserRegion(ctx.actor, row.d.regionPath, '该垫付申报');
  return { ...row.d, hospitalName: row.hospitalName, declaredByName: row.declaredByName };
}
