import {
  asc,
  desc,
  eq,
  hospitals,
  orgUnits,
  persons,
  reimbursementAttachments,
  reimbursementCases,
  reimbursementEvents,
  reimbursementPayeeChanges,
  users,
} from '@portal/db';
import {
  HOLD_KIND_LABELS,
  MATERIAL_ITEMS,
  MATERIAL_LABELS,
  PAYEE_CHANGE_STATUS_LABELS,
  PAYEE_SOURCE_LABELS,
  REIMBURSEMENT_KIND_LABELS,
  REIMBURSEMENT_STATUS_LABELS,
  separationProblem,
  STEP_RULES,
  type TReimbursementDetail,
  decideHold,
  decideReturn,
  decideStep,
  maskBankAccount,
  maskIdNumber,
  stepOf,
} from '@portal/rules';
import { z } from 'zod';
import { loadServerCalendar } from '../calendar/index.js';
import { caseClock, loadCaseHistory, loadSuspensions } from './internal.js';
import { type ActorContext, assertInUserRegion, chinaDate, notFound, isAllowed } from '../../core/index.js';

export const ZGetReimbursementInput = z.object({ id: z.uuid('案件编号格式不正确') });

/** A case with its clock, materials, settlement, holds, events and what the caller may do now. */
export async function getReimbursement({
  ctx,
  input,
}: {
  ctx: ActorContext;
  input: z.output<typeof ZGetReimbursementInput>;
}): Promise<TReimbursementDetail> {
  const me = ctx.actor;
  const { id } = input;
  const row = (
    await ctx.db
      .select({
        c: reimbursementCases,
        person: persons,
        hospitalName: hospitals.name,
        hospitalLevel: hospitals.level,
        hospitalRegion: hospitals.regionName,
        unitName: orgUnits.name,
      })
      .from(reimbursementCases)
      .innerJoin(persons, eq(persons.id, reimbursementCases.personId))
      .innerJoin(hospitals, eq(hospitals.id, reimbursementCases.hospitalId))
      .innerJoin(orgUnits, eq(orgUnits.id, reimbursementCases.orgUnitId))
      .where(eq(reimbursementCases.id, id))
      .limit(1)
  )[0];
  if (!row) throw notFound('报销案件不存在');
  assertInUserRegion(me, row.c.regionPath, '该报销案件');
  const c = row.c;
  const today = chinaDate(ctx.now());
  const [calendar, suspensionMap, events, attachments, payeeChanges, history] = await Promise.all([
    loadServerCalendar(ctx.db),
    loadSuspensions(ctx.db, [c.id]),
    ctx.db.select().from(reimbursementEvents).where(eq(reimbursementEvents.caseId, c.id)).orderBy(asc(reimbursementEvents.createdAt)),
    ctx.db
      .select({
        id: reimbursementAttachments.id,
        material: reimbursementAttachments.material,
        fileName: reimbursementAttachments.fileName,
        fileType: reimbursementAttachments.fileType,
        size: reimbursementAttachments.size,
        createdAt: reimbursementAttachments.createdAt,
        uploadedBy: users.displayName,
      })
      .from(reimbursementAttachments)
      .innerJoin(users, eq(users.id, reimbursementAttachments.uploadedBy))
      .where(eq(reimbursementAttachments.caseId, c.id))
      .orderBy(desc(reimbursementAttachments.createdAt)),
    ctx.db
      .select()
      .from(reimbursementPayeeChanges)
      .where(eq(reimbursementPayeeChanges.caseId, c.id))
      .orderBy(desc(reimbursementPayeeChanges.createdAt)),
    loadCaseHistory(ctx.db, c.id),
  ]);
  const suspensions = suspensionMap.get(c.id) ?? [];
  const reviewers = [
    c.firstReviewBy,
    c.secondReviewBy,
    c.payeeVerifiedBy,
    ...payeeChanges.flatMap((p) => [p.proposedBy, p.decidedBy]),
  ].filter((x, i, all): x is string => Boolean(x) && all.indexOf(x) === i);
  const names = new Map<string, string>();
  for (const uid of reviewers) {
    const u = (await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, uid)).limit(1))[0];
    if (u) names.set(uid, u.name);
  }
  const materials = c.materials;
  const facts = { status: c.status, isHeld: Boolean(c.holdKind), firstReviewBy: c.firstReviewBy };
  const step = stepOf(c.status);
  const settlement = c.settlement;
  const pendingChange = payeeChanges.find((p) => p.status === 'pending') ?? null;
  const stepDecision = step ? decideStep(step, facts, me) : null;
  // The person, not only the role: the separation table on the case's stored history (decision 0009).
  const separated = (() => {
    if (!stepDecision?.ok) return null;
    if (step === 'second_review') {
      const withOverride = settlement?.overrideGrantedBy
        ? [...history, { act: 'referral.override' as const, actorId: settlement.overrideGrantedBy }]
        : history;
      return separationProblem('reimbursement.second_review', withOverride, me.id)?.message ?? null;
    }
    if (step === 'pay') {
      if (pendingChange) return '收款账户变更待审批，审批后方可支付';
      return separationProblem('reimbursement.pay', history, me.id)?.message ?? null;
    }
    return null;
  })();
  const approveProblem = pendingChange
    ? separationProblem('reimbursement.payee_approve', [{ act: 'reimbursement.payee_propose', actorId: pendingChange.proposedBy }], me.id)
    : null;
  const canDecidePayee = Boolean(pendingChange) && c.status !== 'paid' && isAllowed(me, 'reimbursements.approvePayee');
  const maskedOrNull = (account: string | null) => (account ? maskBankAccount(account) : null);
  return {
    id: c.id,
    caseNo: c.caseNo,
    kind: c.kind,
    kindLabel: REIMBURSEMENT_KIND_LABELS[c.kind],
    status: c.status,
    statusLabel: REIMBURSEMENT_STATUS_LABELS[c.status],
    version: c.version,
    receivedOn: c.receivedOn,
    materialsCompleteOn: c.materialsCompleteOn,
    agencyName: row.unitName,
    person: {
      id: row.person.id,
      name: row.person.name,
      idNumberMasked: maskIdNumber(row.person.idNumber),
      address: row.person.address,
      registeredAccountMasked: row.person.bankAccount ? maskBankAccount(row.person.bankAccount) : null,
      bankName: row.person.bankName,
    },
    hospital: { id: c.hospitalId, name: row.hospitalName, level: row.hospitalLevel, regionName: row.hospitalRegion },
    /** Where the money goes (masked): captured at 受理, checked at 复核, changed only through an approved change. */
    payee: {
      name: c.payeeName,
      bankName: c.payeeBankName,
      accountMasked: maskedOrNull(c.payeeAccount),
      source: c.payeeSource,
      sourceLabel: c.payeeSource ? PAYEE_SOURCE_LABELS[c.payeeSource] : null,
      verifiedByName: c.payeeVerifiedBy ? (names.get(c.payeeVerifiedBy) ?? null) : null,
    },
    payeeChanges: payeeChanges.map((p) => ({
      id: p.id,
      status: p.status,
      statusLabel: PAYEE_CHANGE_STATUS_LABELS[p.status],
      old: { name: p.oldName, bankName: p.oldBankName, accountMasked: maskedOrNull(p.oldAccount) },
      new: { name: p.newName, bankName: p.newBankName, accountMasked: maskBankAccount(p.newAccount) },
      reason: p.reason,
      proposedByName: names.get(p.proposedBy) ?? null,
      proposedAt: p.createdAt.toISOString(),
      decidedByName: p.decidedBy ? (names.get(p.decidedBy) ?? null) : null,
      decidedAt: p.decidedAt?.toISOString() ?? null,
      decisionNote: p.decisionNote,
    })),
    visit: c.visit,
    materials: MATERIAL_ITEMS.map((m) => ({ id: m, label: MATERIAL_LABELS[m], received: Boolean(materials[m]) })),
    missing: MATERIAL_ITEMS.filter((m) => !materials[m]).map((m) => ({ id: m, label: MATERIAL_LABELS[m] })),
    paidElsewhere: { basic: c.paidElsewhereBasic, critical: c.paidElsewhereCritical },
    hold: c.holdKind ? { kind: c.holdKind, label: HOLD_KIND_LABELS[c.holdKind], reason: c.holdReason } : null,
    suspensions: suspensions.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: HOLD_KIND_LABELS[s.kind],
      reason: s.reason,
      from: s.fromDate,
      to: s.toDate,
      clearNote: s.clearNote,
    })),
    clock: caseClock(c, suspensions, today, calendar),
    settlement: settlement ? { result: settlement.result, payable: settlement.payable } : null,
    firstReviewByName: c.firstReviewBy ? (names.get(c.firstReviewBy) ?? null) : null,
    secondReviewByName: c.secondReviewBy ? (names.get(c.secondReviewBy) ?? null) : null,
    payment:
      c.status === 'paid'
        ? {
            amount: c.paidAmount,
            paidOn: c.paidOn,
            reference: c.paymentRef,
            name: c.payeeName,
            accountMasked: maskedOrNull(c.payeeAccount),
            claimId: c.claimId,
          }
        : null,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      from: e.fromStatus,
      to: e.toStatus,
      note: e.note,
      actorName: e.actorName,
      onDate: e.onDate,
      at: e.createdAt.toISOString(),
    })),
    attachments: attachments.map((a) => ({
      ...a,
      createdAt: a.createdAt.toISOString(),
      materialLabel: a.material ? (MATERIAL_LABELS[a.material] ?? null) : null,
    })),
    /** What the caller may do now; the server checks again on every action. */
    can: {
      step: step && stepDecision?.ok && !separated ? { step, label: STEP_RULES[step].label } : null,
      stepBlockedReason: step && stepDecision && !stepDecision.ok ? stepDecision.message : separated,
      proposePayee: c.status !== 'paid' && !pendingChange && isAllowed(me, 'reimbursements.proposePayee'),
      approvePayee: canDecidePayee && !approveProblem,
      approvePayeeBlockedReason: canDecidePayee ? (approveProblem?.message ?? null) : null,
      rejectPayee: canDecidePayee,
      returnCase: decideReturn(facts, me).ok,
      hold: decideHold(facts, me, false).ok,
      clearHold: decideHold(facts, me, true).ok,
      receiveMaterials: c.status === 'awaiting_documents' && isAllowed(me, 'reimbursements.intake'),
      attach: c.status !== 'paid' && isAllowed(me, 'reimbursements.intake'),
    },
  };
}
