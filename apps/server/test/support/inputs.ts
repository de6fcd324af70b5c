import { advanceFirstInstalment, type TRole } from '@portal/rules';
import { ALL_RECEIVED, fullRows, key, newIdNumber, PDF_BASE64, TEST_PASSWORD, visit, type Place, type World } from './world.js';

/**
 * A valid input for every procedure of the router, aimed at the world's A1 record (or at A's root
 * for reference data), and what the region rule says about it. The matrix fails for a procedure
 * without an entry, so a new procedure cannot be forgotten; the fuzz test starts from these inputs.
 */
export interface ProcedureSpec {
  /** Built for every call (fresh idempotency keys, the case's current version). */
  input: (w: World) => unknown;
  /**
   * Whose record the call aims at: `a1` (default) — in scope for A1's own users and its parent's;
   * `root` — A's reference data, written only from the root; `self` — the caller's own account or
   * unit, in scope everywhere.
   */
  target?: 'a1' | 'root' | 'self';
  /** Reference data owned at A's root is readable below it too (every place of A, not B). */
  reads?: 'reference';
  /** A finer rule than the region: who among the in-scope callers may see the record at all. */
  inScope?: (role: TRole, place: Place) => boolean;
  /** What an in-scope success must contain (the data is really there, so "not seen" elsewhere means something). */
  mustSee?: (w: World) => string;
  /** An out-of-scope refusal worded as "not found" by a validation message (it reveals nothing either). */
  refusedAs?: RegExp;
  /** Why no caller of the matrix can succeed (otherwise at least one in-scope caller must). */
  noSuccess?: string;
}

const SUPERVISES = (role: TRole) => role === 'supervisor' || role === 'admin';
/** Responsibility tables: supervisors and admins see their subtree; everyone else only their own unit's. */
const ownUnitOrSupervisor = (role: TRole, place: Place) => place === 'own' || (place === 'parent' && SUPERVISES(role));
const NOT_IN_REGION_BY_ID = /本辖区没有该身份证号码的参保人员/;
const HOSPITAL_NOT_LISTED = /不在本辖区医院名单内|不在参保地的医院名单内/;

const step =
  (w: World, id: string, extra: Record<string, unknown> = {}) =>
  async () => ({
    id,
    version: await w.caseVersion(id),
    requestKey: key(),
    note: '',
    ...extra,
  });
const hospitalData = {
  code: 'M-U',
  name: '矩阵待改医院',
  level: 2 as const,
  regionCode: '000000',
  regionName: '甲县',
  isNetworked: true,
  isSpecialDiseaseDesignated: false,
  referralTier: null,
};

export const PROCEDURES: Record<string, ProcedureSpec> = {
  // Account.
  'auth.me': { input: () => undefined, target: 'self' },
  'auth.login': { input: (w) => ({ username: w.users.forLogin.username, password: TEST_PASSWORD }), target: 'self' },
  'auth.logout': { input: () => undefined, target: 'self' },
  'auth.changePassword': {
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'Chang3d-pw', confirmPassword: 'Chang3d-pw' }),
    target: 'self',
  },
  'system.info': { input: () => undefined, target: 'self' },

  // Administration.
  'admin.listUsers': { input: (w) => ({ q: w.users.toUpdate.username }), mustSee: (w) => w.users.toUpdate.id },
  'admin.createUser': {
    input: (w) => ({
      username: `mx${Math.random().toString().slice(2, 11)}`,
      displayName: '矩阵新用户',
      role: 'clerk',
      orgUnitId: w.units.own.id,
      password: 'Passw0rd!',
    }),
  },
  'admin.updateUser': {
    input: (w) => ({
      id: w.users.toUpdate.id,
      data: { displayName: '矩阵用户', role: 'clerk', orgUnitId: w.units.own.id, isActive: true },
    }),
  },
  'admin.resetPassword': { input: (w) => ({ id: w.users.toReset.id, password: 'Passw0rd!2' }) },
  'admin.listOrgUnits': { input: () => undefined, mustSee: (w) => w.town2.id },
  'admin.createOrgUnit': {
    input: (w) => ({
      parentId: w.units.own.id,
      code: `${w.units.own.code}${String(200 + Math.floor(Math.random() * 800))}`,
      name: '矩阵新乡',
    }),
  },
  'admin.updateOrgUnit': { input: (w) => ({ id: w.town2.id, data: { name: '矩阵测试镇' } }) },
  'audit.list': { input: (w) => ({ orgUnitId: w.units.own.id, limit: 20 }) },

  // Register.
  'persons.list': { input: () => ({ pageSize: 100 }), mustSee: (w) => w.p.main.name },
  'persons.get': { input: (w) => ({ id: w.p.main.id }), mustSee: (w) => w.p.main.name },
  'persons.reveal': { input: (w) => ({ id: w.p.main.id, field: 'idNumber' }) },
  'persons.create': {
    input: (w) => ({ idNumber: newIdNumber(), name: '矩阵新人', hukouType: 'rural', orgUnitId: w.units.own.id }),
  },
  'persons.update': {
    input: (w) => ({ id: w.p.scratch.id, data: { name: w.p.scratch.name, hukouType: 'rural', orgUnitId: w.units.own.id } }),
  },
  'persons.addCategory': {
    input: (w) => ({ personId: w.p.scratch.id, category: 'extreme_poverty', startDate: '2018-01-01', sourceDepartment: 'civil_affairs' }),
  },
  'persons.endCategory': { input: (w) => ({ id: w.scratchFact.id, endDate: '2025-12-31', reason: '退出名单' }) },
  'households.find': { input: (w) => ({ q: w.p.head.name }), mustSee: (w) => w.household.id },
  'households.create': { input: (w) => ({ personId: w.p.mover.id }) },
  'households.moveMember': { input: (w) => ({ personId: w.p.mover.id, householdId: w.household.id, relationship: '子' }) },
  'households.setHead': { input: (w) => ({ householdId: w.household.id, personId: w.p.member.id }) },
  'lists.batches': { input: () => undefined, mustSee: (w) => w.batches.main.id },
  'lists.get': { input: (w) => ({ id: w.batches.main.id }) },
  'lists.applyBatch': { input: async (w) => ({ id: (await w.freshBatch()).id }) },
  'lists.revertBatch': { input: async (w) => ({ id: (await w.appliedBatch()).id }) },
  'lists.discard': { input: (w) => ({ id: w.batches.toDiscard.id }) },
  'jobs.list': { input: () => ({ limit: 50 }), mustSee: (w) => w.job.id },
  'jobs.get': { input: (w) => ({ id: w.job.id }) },

  // Enrollment, subsidies, ledger.
  'enrollment.record': {
    input: (w) => ({
      personId: w.p.enrolled.id,
      year: 2020,
      basicEnrolled: true,
      criticalEnrolled: true,
      premiumTier: 1,
      enrolledOn: '2020-01-02',
    }),
  },
  'enrollment.worklist': { input: () => ({ year: 2021, includeResolved: true }), mustSee: (w) => w.p.notEnrolled.name },
  'enrollment.resolve': { input: (w) => ({ id: w.toResolve.id, resolution: '已联系到本人并动员参保' }) },
  'subsidies.premiums': { input: () => undefined, target: 'root', reads: 'reference', mustSee: (w) => w.premium.id },
  'subsidies.setPremium': {
    input: (w) => ({ orgUnitId: w.units.parent.id, year: 2019, tier1: 22_000, tier2: null, note: '矩阵缴费标准' }),
    target: 'root',
  },
  'subsidies.run': { input: (w) => ({ orgUnitId: w.units.own.id, year: 2019 }) },
  'subsidies.runs': { input: () => undefined, mustSee: (w) => w.run.id },
  'subsidies.getRun': { input: (w) => ({ id: w.run.id, pageSize: 100 }), mustSee: (w) => w.p.main.name },
  'dashboards.benefits': { input: (w) => ({ orgUnitId: w.units.own.id, year: 2019 }) },
  'dashboards.rebuildTotals': { input: (w) => ({ orgUnitId: w.units.own.id, year: 2019 }) },
  'ledger.list': { input: (w) => ({ orgUnitId: w.units.own.id, year: 2019, pageSize: 100 }), mustSee: (w) => w.p.main.name },

  // One-stop settlement.
  'claims.context': {
    input: (w) => ({
      personId: w.p.main.id,
      date: '2019-09-02',
      hospitalId: w.h.local.id,
      admissionDate: '2019-08-25',
      visitType: 'inpatient',
    }),
    mustSee: (w) => w.p.main.name,
  },
  'claims.create': { input: (w) => ({ entry: visit(w.p.main.id, w.h.local.id), idempotencyKey: key() }) },
  'claims.get': { input: (w) => ({ id: w.claim.id }), mustSee: (w) => w.claim.claimNo },
  'claims.list': { input: () => ({ pageSize: 200 }), mustSee: (w) => w.claim.id },
  'claims.reverse': { input: (w) => ({ id: w.claimToReverse.id, reason: '录入错误需要冲销' }) },

  // Reimbursements and advances.
  'reimbursements.create': {
    input: (w) => ({
      kind: 'non_networked',
      entry: visit(w.p.intake.id, w.h.nonNetworked.id),
      materials: ALL_RECEIVED,
      idempotencyKey: key(),
    }),
  },
  'reimbursements.get': { input: (w) => ({ id: w.cases.main.id }), mustSee: (w) => w.cases.main.caseNo },
  'reimbursements.list': { input: () => ({ status: 'all' }), mustSee: (w) => w.cases.main.id },
  'reimbursements.receiveMaterials': { input: (w) => step(w, w.cases.awaiting.id, { received: ['invoice'] })() },
  'reimbursements.register': { input: (w) => step(w, w.cases.registration.id)() },
  'reimbursements.investigate': { input: (w) => step(w, w.cases.investigation.id)() },
  'reimbursements.firstReview': { input: (w) => step(w, w.cases.firstReview.id)() },
  'reimbursements.secondReview': { input: (w) => step(w, w.cases.secondReview.id, { payeeVerified: true })() },
  'reimbursements.pay': { input: (w) => step(w, w.cases.payment.id, { paymentRef: 'ZF-MATRIX-1' })() },
  'reimbursements.proposePayeeChange': {
    input: (w) =>
      step(w, w.cases.payeeToPropose.id, {
        payee: { name: '矩阵收款人', bankName: '矩阵银行', account: '6217000011112222333' },
        reason: '原银行卡已挂失',
      })(),
  },
  'reimbursements.decidePayeeChange': {
    input: (w) => step(w, w.cases.payeeToDecide.id, { changeId: w.payeeChange.id, decision: 'approve' })(),
  },
  'reimbursements.returnCase': { input: (w) => step(w, w.cases.toReturn.id, { reason: '住院天数与清单不符' })() },
  'reimbursements.hold': { input: (w) => step(w, w.cases.toHold.id, { kind: 'special', reason: '特殊病案待专家评审' })() },
  'reimbursements.clearHold': { input: (w) => step(w, w.cases.held.id, { note: '医院已出具说明' })() },
  'reimbursements.uploadAttachment': {
    input: (w) => ({ caseId: w.cases.main.id, material: 'invoice', fileName: '补充发票.pdf', dataBase64: PDF_BASE64 }),
  },
  'reimbursements.board': { input: (w) => ({ month: w.today.slice(0, 7), orgUnitId: w.units.own.id }) },
  'advances.list': { input: () => ({ status: 'all' }), mustSee: (w) => w.advances.main.id },
  'advances.create': {
    input: (w) => ({
      hospitalId: w.h.local.id,
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
      receivedOn: w.today,
      basic: 100_000,
      critical: 0,
      assistance: 0,
      note: '',
      idempotencyKey: key(),
    }),
    // An advance is declared in the caller's own region for a hospital on its jurisdiction's list.
    target: 'root',
    reads: 'reference',
    refusedAs: HOSPITAL_NOT_LISTED,
  },
  'advances.approve': {
    input: async (w) => ({
      id: w.advances.toApprove.id,
      version: await w.advanceVersion(w.advances.toApprove.id),
      requestKey: key(),
      stage: 'first',
      note: '',
    }),
  },
  'advances.pay': {
    input: async (w) => ({
      id: w.advances.toPay.id,
      version: await w.advanceVersion(w.advances.toPay.id),
      requestKey: key(),
      amount: advanceFirstInstalment(w.advances.toPay.total),
      paidOn: w.today,
      paymentRef: 'YF-MATRIX-1',
    }),
  },
  'advances.recover': {
    input: async (w) => ({
      id: w.advances.toRecover.id,
      version: await w.advanceVersion(w.advances.toRecover.id),
      requestKey: key(),
      amount: 10_000,
      recoveredOn: w.today,
      reference: 'ZH-MATRIX-1',
      reason: '银行退回转账',
    }),
  },

  // Referrals and off-site registrations.
  'referrals.prepare': { input: (w) => ({ idNumber: w.p.main.idNumber }), refusedAs: NOT_IN_REGION_BY_ID, mustSee: (w) => w.p.main.name },
  'referrals.list': { input: () => ({ pageSize: 100 }), mustSee: (w) => w.referrals.main.id },
  'referrals.get': { input: (w) => ({ id: w.referrals.main.id }), mustSee: (w) => w.p.referral.name },
  'referrals.create': { input: (w) => w.referralInput(w.p.main.idNumber), refusedAs: NOT_IN_REGION_BY_ID },
  'referrals.register': { input: (w) => ({ id: w.referrals.submitted.id }) },
  'referrals.reject': { input: (w) => ({ id: w.referrals.toReject.id, reason: '转诊证明缺少医院盖章' }) },
  'referrals.cancel': { input: (w) => ({ id: w.referrals.toCancel.id, reason: '患者放弃转院' }) },
  'referrals.listOffsite': { input: () => ({ pageSize: 100 }), mustSee: (w) => w.offsite.main.id },
  'referrals.createOffsite': { input: (w) => w.offsiteInput(w.p.offsiteNew.idNumber), refusedAs: NOT_IN_REGION_BY_ID },
  'referrals.cancelOffsite': { input: (w) => ({ id: w.offsite.toCancel.id, reason: '已回参保地' }) },
  'referrals.createOverride': {
    input: (w) => ({ personId: w.p.main.id, hospitalId: w.h.plain.id, admissionDate: '2019-07-01', reason: '急诊抢救未及办理转诊' }),
  },
  'referrals.listOverrides': { input: () => undefined, mustSee: (w) => w.override.id },
  'referrals.reportByMonth': { input: (w) => ({ year: Number(w.today.slice(0, 4)) }) },
  'referrals.reportUnreferred': { input: () => ({ year: 2019 }) },
  'referrals.reportExpiring': { input: () => undefined },
  'referrals.adminList': { input: () => undefined, target: 'root', reads: 'reference', mustSee: (w) => w.h.toTier.id },
  'referrals.setTier': { input: (w) => ({ hospitalId: w.h.toTier.id, referralTier: 'city' }), target: 'root' },
  'referrals.setValidity': { input: (w) => ({ orgUnitId: w.units.own.id, validityDays: 90 }) },

  // Responsibility tables.
  'responsibility.listTemplates': { input: () => undefined, target: 'root', reads: 'reference', mustSee: (w) => w.templates.main.key },
  'responsibility.createTemplate': {
    input: () => ({ name: '矩阵新模板', title: '矩阵责任表', organisedBy: 'task', items: [{ label: '参保动员' }] }),
    target: 'self',
  },
  'responsibility.updateTemplate': {
    input: (w) => ({
      id: w.templates.toUpdate.key,
      data: { name: '矩阵待改模板', title: '矩阵责任表', organisedBy: 'task', items: [{ label: '参保动员' }] },
    }),
    target: 'root',
  },
  'responsibility.archiveTemplate': { input: (w) => ({ id: w.templates.toArchive.key }), target: 'root' },
  'responsibility.openRound': {
    input: (w) => ({ title: '矩阵新填报', templateKey: 'builtin:qiannan-2019', dueDate: '2099-12-31', orgUnitIds: [w.units.own.id] }),
    // A county is refused for its level before any unit is looked at: that says nothing about A1.
    refusedAs: /只有省级或市（州）级可以发起/,
  },
  'responsibility.listRounds': { input: () => undefined, inScope: ownUnitOrSupervisor, mustSee: (w) => w.rounds.main.roundId },
  'responsibility.getRound': { input: (w) => ({ id: w.rounds.main.roundId }), target: 'root', mustSee: (w) => w.rounds.main.submissionId },
  'responsibility.rollup': { input: (w) => ({ id: w.rounds.main.roundId }), target: 'root', mustSee: (w) => w.contact },
  'responsibility.getSubmission': {
    input: (w) => ({ id: w.rounds.main.submissionId }),
    inScope: ownUnitOrSupervisor,
    mustSee: (w) => w.contact,
  },
  'responsibility.printable': {
    input: (w) => ({ id: w.rounds.main.submissionId }),
    inScope: ownUnitOrSupervisor,
    mustSee: (w) => w.contact,
  },
  'responsibility.saveDraft': {
    input: (w) => ({ submissionId: w.rounds.draft.submissionId, rows: fullRows('矩阵草稿') }),
    inScope: ownUnitOrSupervisor,
  },
  'responsibility.submit': {
    input: (w) => ({
      submissionId: w.rounds.toSubmit.submissionId,
      filledDate: w.today,
      rows: fullRows('矩阵报送'),
      sealConfirmed: true,
      sealConfirmedBy: '矩阵盖章人',
    }),
    inScope: ownUnitOrSupervisor,
  },
  'responsibility.returnSubmission': {
    input: (w) => ({ submissionId: w.rounds.toReturn.submissionId, comment: '请补充联系电话' }),
    inScope: ownUnitOrSupervisor,
  },
  'responsibility.diff': {
    input: (w) => ({ submissionId: w.rounds.main.submissionId, from: 1, to: 0 }),
    inScope: ownUnitOrSupervisor,
  },
  'responsibility.search': {
    // The newest version of each unit's table is searched: the contacts of the world's own table.
    input: () => ({ q: '矩阵县医疗保障局' }),
    inScope: ownUnitOrSupervisor,
    mustSee: (w) => w.units.own.id,
  },

  // Reference data.
  'hospitals.list': { input: () => ({}), target: 'root', reads: 'reference', mustSee: (w) => w.h.local.id },
  'hospitals.create': {
    input: (w) => ({ ...hospitalData, ownerOrgUnitId: w.units.parent.id, code: `M-${key()}`, regionCode: w.units.own.code }),
    target: 'root',
  },
  'hospitals.update': { input: (w) => ({ id: w.h.toUpdate.id, data: { ...hospitalData, regionCode: w.units.own.code } }), target: 'root' },
  'params.list': { input: () => undefined, target: 'root', reads: 'reference', mustSee: (w) => w.param.id },
  'params.create': {
    input: (w) => ({ orgUnitId: w.units.parent.id, effectiveFrom: '2099-01-01', settle: {}, note: '矩阵参数调整' }),
    target: 'root',
  },
  'calendar.list': { input: () => undefined, target: 'self' },
  'workbench.admin': { input: () => undefined, target: 'self' },
  'calendar.save': {
    input: () => ({ year: 2099, holidays: ['2099-01-01'], workingDays: [] }),
    target: 'self',
    noSuccess: 'the national holiday table is kept by a system-level administrator only, and no place of the matrix is the system root',
  },
};
