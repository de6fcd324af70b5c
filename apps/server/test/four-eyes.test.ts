import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  advanceApprovals,
  advancePayments,
  auditLog,
  claims,
  eq,
  persons,
  reimbursementCases,
  reimbursementPayeeChanges,
  type DbHandle,
} from '@portal/db';
import { createPerson, createUser } from '@portal/db/test';
import type { TRole } from '@portal/rules';
import { createCaller } from '../src/root.js';
import { createSession, findSessionUser } from '../src/services/auth/session.js';
import { callerAs, env, makeContext, makeTree, setupDb, testPasswordHash } from './helpers.js';
import { ALL_RECEIVED, EXAMPLE_PARAMS, key, visit } from './support/world.js';

/**
 * Issue 12, "four eyes on every movement of money": every row of the separation table
 * (packages/rules/src/access/separation.ts) refused to the person it names, and allowed to a
 * second person; the payee flow of 零星报销; hospital advances with partial payments and recoveries.
 */

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const ACCOUNT = '6217000012345678901';
const NEW_ACCOUNT = '6228480012345670042';

function makeClock(today: string) {
  let current = today;
  return { set: (d: string) => (current = d), now: () => new Date(`${current}T04:00:00.000Z`) };
}
type Clock = ReturnType<typeof makeClock>;

async function actorAs(role: TRole, orgUnitId: string, clock: Clock) {
  const user = await createUser(handle.db, { orgUnitId, role, passwordHash: await testPasswordHash() });
  const session = await createSession(handle.db, user.id, new Date(), env);
  const sessionUser = await findSessionUser(handle.db, session.token, new Date(), env);
  return { user, caller: createCaller({ ...makeContext(handle, sessionUser, session.token), now: clock.now }) };
}
type Person = Awaited<ReturnType<typeof actorAs>>;

async function setup(today = '2019-09-16') {
  const clock = makeClock(today);
  const tree = await makeTree(handle, 'qiannan-2019');
  const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
  await admin.params.create({ orgUnitId: tree.root.id, effectiveFrom: '2019-01-01', settle: EXAMPLE_PARAMS, note: '按示例参数' });
  const hospital = (code: string, name: string, regionCode: string, isNetworked: boolean) =>
    admin.hospitals.create({
      ownerOrgUnitId: tree.root.id,
      code,
      name,
      level: 2,
      regionCode,
      regionName: name.slice(0, 2),
      isNetworked,
      isSpecialDiseaseDesignated: false,
      referralTier: null,
    });
  const local = await hospital('H-A', '甲县人民医院', tree.countyA.code, true);
  const nonNetworked = await hospital('H-N', '甲县民营医院', tree.countyA.code, false);
  // Outside the person's county: an inpatient stay there needs a referral (RULES §3).
  const outsideNonNetworked = await hospital('H-BN', '乙县民营医院', tree.countyB.code, false);
  const outsideNetworked = await hospital('H-B', '乙县人民医院', tree.countyB.code, true);
  const [clerk, clerk2, reviewer, reviewer2, reviewer3] = [
    await actorAs('clerk', tree.countyA.id, clock),
    await actorAs('clerk', tree.countyA.id, clock),
    await actorAs('reviewer', tree.countyA.id, clock),
    await actorAs('reviewer', tree.countyA.id, clock),
    await actorAs('reviewer', tree.countyA.id, clock),
  ];
  const person = await createPerson(handle.db, {
    orgUnitId: tree.countyA.id,
    regionPath: tree.countyA.path,
    categories: [{ category: 'registered_poor', startDate: '2016-01-01' }],
  });
  await handle.db.update(persons).set({ bankName: '三都农商银行' }).where(eq(persons.id, person.id));
  return {
    clock,
    tree,
    admin,
    local,
    nonNetworked,
    outsideNonNetworked,
    outsideNetworked,
    clerk,
    clerk2,
    reviewer,
    reviewer2,
    reviewer3,
    person,
  };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const action = (c: { id: string; version: number }) => ({ id: c.id, version: c.version, requestKey: key() });

/** 受理 by `by`, then 登记, 调查 and 初审 by `s.clerk`. */
async function toSecondReview(s: Setup, by: Person = s.clerk, hospitalId = s.nonNetworked.id) {
  let c = await by.caller.reimbursements.create({
    kind: 'non_networked',
    entry: visit(s.person.id, hospitalId),
    materials: ALL_RECEIVED,
    idempotencyKey: key(),
  });
  c = await s.clerk.caller.reimbursements.register({ ...action(c), note: '' });
  c = await s.clerk.caller.reimbursements.investigate({ ...action(c), note: '' });
  return s.clerk.caller.reimbursements.firstReview({ ...action(c), note: '' });
}

async function toPayment(s: Setup) {
  const c = await toSecondReview(s);
  return s.reviewer.caller.reimbursements.secondReview({ ...action(c), note: '', payeeVerified: true });
}

const FORBIDDEN = (text: string) => ({ code: 'FORBIDDEN', message: expect.stringContaining(text) });

/** Every string in a value, for "no unmasked account anywhere in what the browser gets". */
const allText = (v: unknown) => JSON.stringify(v);

describe('four eyes: 零星报销 复核 and 支付', () => {
  it('复核 is refused to the reviewer whose 视同转诊 override the settlement rests on; another reviewer does it', async () => {
    const s = await setup();
    await s.reviewer.caller.referrals.createOverride({
      personId: s.person.id,
      hospitalId: s.outsideNonNetworked.id,
      admissionDate: '2019-08-25',
      reason: '急诊转院，事后补办',
    });
    const c = await toSecondReview(s, s.clerk, s.outsideNonNetworked.id);
    const seen = await s.reviewer.caller.reimbursements.get({ id: c.id });
    expect(seen.can.step).toBeNull();
    expect(seen.can.stepBlockedReason).toContain('所用视同转诊认定的认定人');
    await expect(s.reviewer.caller.reimbursements.secondReview({ ...action(c), note: '', payeeVerified: true })).rejects.toMatchObject(
      FORBIDDEN('您是所用视同转诊认定的认定人'),
    );
    const done = await s.reviewer2.caller.reimbursements.secondReview({ ...action(c), note: '', payeeVerified: true });
    expect(done.status).toBe('payment');
  });

  it('支付 is refused to whoever took the intake, did 初审 or 复核, or proposed or approved the payee; a person who took no part pays', async () => {
    const s = await setup();
    let c = await toPayment(s);
    const pay = (p: Person) => p.caller.reimbursements.pay({ ...action(c), paymentRef: 'ZF20190001' });
    await expect(pay(s.clerk)).rejects.toMatchObject(FORBIDDEN('您是本案的受理人、初审人'));
    await expect(pay(s.reviewer)).rejects.toMatchObject(FORBIDDEN('您是本案的复核人'));
    // The payee changes: clerk2 proposes, reviewer2 approves; neither may pay now.
    await s.clerk2.caller.reimbursements.proposePayeeChange({
      ...action(c),
      payee: { name: '王建国', bankName: '三都农商银行', account: NEW_ACCOUNT },
      reason: '原银行卡已挂失',
    });
    c = await s.reviewer2.caller.reimbursements.get({ id: c.id });
    const change = c.payeeChanges[0]!;
    await s.reviewer2.caller.reimbursements.decidePayeeChange({ ...action(c), changeId: change.id, decision: 'approve', note: '' });
    c = await s.clerk.caller.reimbursements.get({ id: c.id });
    await expect(pay(s.clerk2)).rejects.toMatchObject(FORBIDDEN('您是本案的收款账户变更提出人'));
    await expect(pay(s.reviewer2)).rejects.toMatchObject(FORBIDDEN('您是本案的收款账户变更审批人'));
    const seen = await s.reviewer3.caller.reimbursements.get({ id: c.id });
    expect(seen.can.step).toMatchObject({ step: 'pay' });
    const paid = await pay(s.reviewer3);
    expect(paid.status).toBe('paid');
    expect(paid.payment).toMatchObject({ name: '王建国', accountMasked: '***************0042' });
    const row = (await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.id, c.id)))[0]!;
    expect(row.payeeAccount).toBe(NEW_ACCOUNT);
    const claim = (await handle.db.select().from(claims).where(eq(claims.id, row.claimId!)))[0]!;
    expect(claim.createdBy).toBe(s.reviewer3.user.id);
  });

  it('the page says why: the 初审 clerk sees the refusal instead of a pay button', async () => {
    const s = await setup();
    const c = await toPayment(s);
    const seen = await s.clerk.caller.reimbursements.get({ id: c.id });
    expect(seen.can.step).toBeNull();
    expect(seen.can.stepBlockedReason).toBe(
      '支付须由未参与本案受理、初审、复核和收款账户变更的人员办理（您是本案的受理人、初审人），请由其他人员办理',
    );
    expect((await s.clerk2.caller.reimbursements.get({ id: c.id })).can.step).toMatchObject({ step: 'pay', label: '支付' });
  });
});

describe('four eyes: the payee of a 零星报销 case', () => {
  it('captured at intake: the registered account by default, or the one on the 存折 copy; shown masked', async () => {
    const s = await setup();
    const registered = await s.clerk.caller.reimbursements.create({
      kind: 'non_networked',
      entry: visit(s.person.id, s.nonNetworked.id),
      materials: ALL_RECEIVED,
      idempotencyKey: key(),
    });
    expect(registered.payee).toMatchObject({
      name: '测试人员',
      bankName: '三都农商银行',
      accountMasked: '***************8901',
      source: 'registered',
      verifiedByName: null,
    });
    const entered = await s.clerk.caller.reimbursements.create({
      kind: 'non_networked',
      entry: visit(s.person.id, s.nonNetworked.id, { admissionDate: '2019-08-01', dischargeDate: '2019-08-05' }),
      materials: ALL_RECEIVED,
      payee: { source: 'entered', name: '王秀英', bankName: '贵州银行三都支行', account: '6228 4800 1234 5670 042' },
      idempotencyKey: key(),
    });
    expect(entered.payee).toMatchObject({ name: '王秀英', accountMasked: '***************0042', source: 'entered' });
    expect(allText(entered)).not.toContain(NEW_ACCOUNT);
    expect(allText(registered)).not.toContain(ACCOUNT);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, entered.id));
    expect(allText(audit)).not.toContain(NEW_ACCOUNT);
    expect(audit[0]?.after).toMatchObject({ payee: { source: 'entered', accountMasked: '***************0042' } });
    // No registered account: the payee must be typed from the 存折 copy.
    const bare = await createPerson(handle.db, { orgUnitId: s.tree.countyA.id, regionPath: s.tree.countyA.path });
    await handle.db.update(persons).set({ bankAccount: null }).where(eq(persons.id, bare.id));
    await expect(
      s.clerk.caller.reimbursements.create({
        kind: 'non_networked',
        entry: visit(bare.id, s.nonNetworked.id),
        materials: ALL_RECEIVED,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow('参保人未登记银行账户');
  });

  it('复核 confirms it; a later change of the person’s registered account does not move the money', async () => {
    const s = await setup();
    let c = await toSecondReview(s);
    await expect(s.reviewer.caller.reimbursements.secondReview({ ...action(c), note: '' } as never)).rejects.toThrow(
      '请核对收款人、开户行和账号与银行存折（卡）复印件一致',
    );
    c = await s.reviewer.caller.reimbursements.secondReview({ ...action(c), note: '', payeeVerified: true });
    expect(c.payee.verifiedByName).toBe(s.reviewer.user.displayName);
    expect(c.events.at(-1)?.note).toContain('***************8901 已与银行存折（卡）复印件核对');
    await handle.db.update(persons).set({ bankAccount: '6222000000000000777' }).where(eq(persons.id, s.person.id));
    const paid = await s.clerk2.caller.reimbursements.pay({ ...action(c), paymentRef: 'ZF0009' });
    expect(paid.payment?.accountMasked).toBe('***************8901');
  });

  it('a change is proposed with a reason and approved by someone else: old and new masked, audited; pending blocks payment', async () => {
    const s = await setup();
    let c = await toPayment(s);
    const proposal = {
      payee: { name: '王建国', bankName: '三都农商银行', account: NEW_ACCOUNT },
      reason: '原银行卡已挂失',
    };
    await expect(s.clerk.caller.reimbursements.proposePayeeChange({ ...action(c), ...proposal, reason: '挂失' })).rejects.toThrow(
      '至少 4 个字',
    );
    await expect(
      s.clerk.caller.reimbursements.proposePayeeChange({
        ...action(c),
        ...proposal,
        payee: { ...proposal.payee, account: ACCOUNT, bankName: '三都农商银行', name: '测试人员' },
      }),
    ).rejects.toThrow('与当前收款账户相同');
    const supervisor = await actorAs('supervisor', s.tree.root.id, s.clock);
    await expect(supervisor.caller.reimbursements.proposePayeeChange({ ...action(c), ...proposal })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const proposed = await s.clerk.caller.reimbursements.proposePayeeChange({ ...action(c), ...proposal });
    expect(proposed).toEqual({
      id: expect.any(String),
      caseId: c.id,
      status: 'pending',
      statusLabel: '待审批',
      old: { name: '测试人员', bankName: '三都农商银行', accountMasked: '***************8901' },
      new: { name: '王建国', bankName: '三都农商银行', accountMasked: '***************0042' },
      caseVersion: c.version + 1,
    });
    c = await s.clerk2.caller.reimbursements.get({ id: c.id });
    expect(c.can.step).toBeNull();
    expect(c.can.stepBlockedReason).toBe('收款账户变更待审批，审批后方可支付');
    await expect(s.clerk2.caller.reimbursements.pay({ ...action(c), paymentRef: 'ZF0001' })).rejects.toThrow('收款账户变更待审批');
    await expect(s.clerk.caller.reimbursements.proposePayeeChange({ ...action(c), ...proposal })).rejects.toThrow(
      '已有待审批的收款账户变更',
    );
    // The proposer may not approve (a clerk lacks the permission; a reviewer proposer is refused by the table).
    await expect(
      s.clerk.caller.reimbursements.decidePayeeChange({ ...action(c), changeId: proposed.id, decision: 'approve', note: '' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const approved = await s.reviewer2.caller.reimbursements.decidePayeeChange({
      ...action(c),
      changeId: proposed.id,
      decision: 'approve',
      note: '已核对新卡复印件',
    });
    expect(approved).toMatchObject({ status: 'approved', new: { accountMasked: '***************0042' } });
    c = await s.clerk2.caller.reimbursements.get({ id: c.id });
    expect(c.payee).toMatchObject({
      accountMasked: '***************0042',
      source: 'changed',
      verifiedByName: s.reviewer2.user.displayName,
    });
    expect(c.payeeChanges[0]).toMatchObject({
      status: 'approved',
      proposedByName: s.clerk.user.displayName,
      decidedByName: s.reviewer2.user.displayName,
    });
    expect(allText(c)).not.toContain(NEW_ACCOUNT);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    const byAction = Object.fromEntries(audits.map((a) => [a.action, a.after]));
    expect(byAction['reimbursement.payee_propose']).toMatchObject({ oldAccount: '***************8901', newAccount: '***************0042' });
    expect(byAction['reimbursement.payee_approve']).toMatchObject({ oldAccount: '***************8901', newAccount: '***************0042' });
    expect(allText(audits)).not.toContain(NEW_ACCOUNT);
    const paid = await s.clerk2.caller.reimbursements.pay({ ...action(c), paymentRef: 'ZF0001' });
    expect(paid.payment?.accountMasked).toBe('***************0042');
    await expect(s.clerk.caller.reimbursements.proposePayeeChange({ ...action(paid), ...proposal })).rejects.toThrow('已支付办结');
  });

  it('a reviewer’s own proposal is refused to them by the table; a rejection changes nothing', async () => {
    const s = await setup();
    let c = await toPayment(s);
    const proposed = await s.reviewer2.caller.reimbursements.proposePayeeChange({
      ...action(c),
      payee: { name: '王建国', bankName: '三都农商银行', account: NEW_ACCOUNT },
      reason: '原银行卡已挂失',
    });
    c = await s.reviewer2.caller.reimbursements.get({ id: c.id });
    expect(c.can.approvePayee).toBe(false);
    expect(c.can.approvePayeeBlockedReason).toContain('收款账户变更须由提出人以外的人员审批（您是本案的收款账户变更提出人）');
    await expect(
      s.reviewer2.caller.reimbursements.decidePayeeChange({ ...action(c), changeId: proposed.id, decision: 'approve', note: '' }),
    ).rejects.toMatchObject(FORBIDDEN('收款账户变更须由提出人以外的人员审批'));
    await expect(
      s.reviewer3.caller.reimbursements.decidePayeeChange({ ...action(c), changeId: proposed.id, decision: 'reject', note: '' }),
    ).rejects.toThrow('请填写驳回原因');
    const rejected = await s.reviewer3.caller.reimbursements.decidePayeeChange({
      ...action(c),
      changeId: proposed.id,
      decision: 'reject',
      note: '新卡户名与参保人不符',
    });
    expect(rejected.status).toBe('rejected');
    c = await s.clerk2.caller.reimbursements.get({ id: c.id });
    expect(c.payee.accountMasked).toBe('***************8901');
    // A rejected proposal does not bar its proposer from paying.
    const paid = await s.reviewer2.caller.reimbursements.pay({ ...action(c), paymentRef: 'ZF0002' });
    expect(paid.payment?.accountMasked).toBe('***************8901');
    const rows = await handle.db.select().from(reimbursementPayeeChanges).where(eq(reimbursementPayeeChanges.caseId, c.id));
    expect(rows.map((r) => r.status)).toEqual(['rejected']);
  });
});

describe('four eyes: hospital advances', () => {
  const declaration = (s: Setup, over: Record<string, unknown> = {}) => ({
    hospitalId: s.local.id,
    periodFrom: '2019-08-01',
    periodTo: '2019-08-31',
    receivedOn: '2019-09-20',
    basic: 1000000,
    critical: 0,
    assistance: 0,
    note: '',
    idempotencyKey: key(),
    ...over,
  });

  it('the declarer approves neither the 70 % nor the total; an approver does not pay what they approved; others do', async () => {
    const s = await setup('2019-09-20');
    // A reviewer on window duty declares: the reviewer role alone would let them approve.
    let d = await s.reviewer.caller.advances.create(declaration(s));
    expect(d.can).toMatchObject({ approve: null, blockedReason: expect.stringContaining('70% 预付须由申报登记人以外的审核人员批准') });
    await expect(s.reviewer.caller.advances.approve({ ...action(d), stage: 'first', note: '' })).rejects.toMatchObject(
      FORBIDDEN('（您是本申报的登记人）'),
    );
    await expect(s.clerk.caller.advances.approve({ ...action(d), stage: 'first', note: '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '只有审核复核人员可以批准垫付资金预付和审核结清',
    });
    expect((await s.reviewer2.caller.advances.list({ status: 'open' })).items.find((i) => i.id === d.id)?.can.approve).toBe('first');
    d = await s.reviewer2.caller.advances.approve({ ...action(d), stage: 'first', note: '已核对申报材料' });
    const payFirst = (p: Person, amount = 700000) =>
      p.caller.advances.pay({ ...action(d), amount, paidOn: '2019-09-20', paymentRef: 'YF2019-1' });
    await expect(payFirst(s.reviewer2)).rejects.toMatchObject(FORBIDDEN('（您是本申报的70% 预付批准人）'));
    // The declarer may record the transfer the reviewer approved.
    d = await payFirst(s.reviewer);
    expect(d.status).toBe('first_paid');
    await expect(
      s.reviewer.caller.advances.approve({ ...action(d), stage: 'total', approvedTotal: 950000, note: '' }),
    ).rejects.toMatchObject(FORBIDDEN('审核确认总额（结清）须由申报登记人以外的审核人员办理'));
    d = await s.reviewer3.caller.advances.approve({ ...action(d), stage: 'total', approvedTotal: 950000, note: '' });
    expect(d.rest).toMatchObject({ approvedTotal: 950000, approvedByName: s.reviewer3.user.displayName });
    await expect(
      s.reviewer3.caller.advances.pay({ ...action(d), amount: 250000, paidOn: '2019-09-20', paymentRef: 'JQ2019-1' }),
    ).rejects.toMatchObject(FORBIDDEN('录入审核确认总额的人不能同时支付剩余资金'));
    d = await s.reviewer2.caller.advances.pay({ ...action(d), amount: 250000, paidOn: '2019-09-20', paymentRef: 'JQ2019-1' });
    expect(d).toMatchObject({
      status: 'settled',
      statusLabel: '已结清',
      ledger: { declared: 1000000, approved: 950000, paid: 950000, outstanding: 0 },
    });
    const approvals = await handle.db.select().from(advanceApprovals).where(eq(advanceApprovals.declarationId, d.id));
    expect(approvals.map((a) => [a.stage, a.approvedBy])).toEqual(
      expect.arrayContaining([
        ['first', s.reviewer2.user.id],
        ['total', s.reviewer3.user.id],
      ]),
    );
  });

  it('recoveries: a total below what was paid is recovered on its true date; it reduces paid; the recorder pays no more', async () => {
    const s = await setup('2019-09-20');
    let d = await s.clerk.caller.advances.create(declaration(s));
    d = await s.reviewer.caller.advances.approve({ ...action(d), stage: 'first', note: '' });
    s.clock.set('2019-09-27');
    d = await s.clerk.caller.advances.pay({ ...action(d), amount: 300000, paidOn: '2019-09-23', paymentRef: 'YF-1' });
    expect(d).toMatchObject({ status: 'first_approved', ledger: { paid: 300000, outstanding: 400000 } });
    d = await s.clerk.caller.advances.pay({ ...action(d), amount: 400000, paidOn: '2019-09-26', paymentRef: 'YF-2' });
    expect(d.first.paidOn).toBe('2019-09-26');
    d = await s.reviewer.caller.advances.approve({ ...action(d), stage: 'total', approvedTotal: 600000, note: '核减不合规费用' });
    expect(d).toMatchObject({
      status: 'total_approved',
      statusLabel: '待追回多付资金',
      ledger: { outstanding: -100000, nextInstalment: null },
    });
    await expect(s.clerk.caller.advances.pay({ ...action(d), amount: 1, paidOn: '2019-09-27', paymentRef: 'YF-3' })).rejects.toThrow(
      '请登记追回款',
    );
    const recover = (over: Record<string, unknown>) =>
      s.clerk2.caller.advances.recover({
        ...action(d),
        amount: 100000,
        recoveredOn: '2019-09-27',
        reference: 'ZH-0001',
        reason: '审核核减，医院退回多付',
        ...over,
      });
    await expect(recover({ amount: 700001 })).rejects.toThrow('不能超过已拨付净额 7,000.00 元');
    await expect(recover({ recoveredOn: '2019-09-28' })).rejects.toThrow('不能晚于今天');
    await expect(recover({ recoveredOn: '2019-09-22' })).rejects.toThrow('不能早于首笔拨付日期');
    s.clock.set('2019-10-08');
    d = await recover({ recoveredOn: '2019-09-30' });
    expect(d).toMatchObject({
      status: 'settled',
      ledger: { declared: 1000000, approved: 600000, paid: 700000, recovered: 100000, netPaid: 600000, outstanding: 0 },
    });
    expect(d.rest.paidOn).toBe('2019-09-30');
    expect(d.recoveries).toEqual([expect.objectContaining({ amount: 100000, recoveredOn: '2019-09-30', reference: 'ZH-0001' })]);
    // A transfer sent back after settlement reopens it; whoever recorded a recovery does not pay again.
    d = await s.clerk2.caller.advances.recover({
      ...action(d),
      amount: 50000,
      recoveredOn: '2019-10-08',
      reference: 'ZH-0002',
      reason: '银行退票，需重新拨付',
    });
    expect(d).toMatchObject({ status: 'total_approved', ledger: { outstanding: 50000, nextInstalment: 'rest' }, rest: { paidOn: null } });
    await expect(
      s.clerk2.caller.advances.pay({ ...action(d), amount: 50000, paidOn: '2019-10-08', paymentRef: 'JQ-2' }),
    ).rejects.toMatchObject(FORBIDDEN('您是本申报的追回款登记人'));
    d = await s.clerk.caller.advances.pay({ ...action(d), amount: 50000, paidOn: '2019-10-08', paymentRef: 'JQ-2' });
    expect(d).toMatchObject({ status: 'settled', ledger: { paid: 750000, recovered: 150000, outstanding: 0 } });
    const listed = (await s.clerk.caller.advances.list({ status: 'all' })).items.find((i) => i.id === d.id);
    expect(listed?.ledger).toMatchObject({ declared: 1000000, approved: 600000, paid: 750000, recovered: 150000, outstanding: 0 });
    const payments = await handle.db.select().from(advancePayments).where(eq(advancePayments.declarationId, d.id));
    expect(payments.map((p) => p.paidOn).sort()).toEqual(['2019-09-23', '2019-09-26', '2019-10-08']);
  });

  it('a declaration above the plausible limit (5 000 万元) needs a reason, shown to the approver; the same key twice is one action', async () => {
    const s = await setup('2019-09-20');
    const huge = declaration(s, { basic: 10_000_000_000 });
    await expect(s.clerk.caller.advances.create(huge)).rejects.toThrow('请填写超限说明');
    const d = await s.clerk.caller.advances.create({ ...huge, limitReason: '年度清算集中申报，附明细' });
    expect(d).toMatchObject({ total: 10_000_000_000, isAboveLimit: true, limitReason: '年度清算集中申报，附明细' });
    const seen = (await s.reviewer.caller.advances.list({ status: 'open' })).items.find((i) => i.id === d.id);
    expect(seen?.limitReason).toBe('年度清算集中申报，附明细');
    const once = { ...action(d), stage: 'first' as const, note: '' };
    const [a, b] = await Promise.all([s.reviewer.caller.advances.approve(once), s.reviewer.caller.advances.approve(once)]);
    expect(a.version).toBe(b.version);
    expect(await handle.db.select().from(advanceApprovals).where(eq(advanceApprovals.declarationId, d.id))).toHaveLength(1);
    await expect(s.reviewer2.caller.advances.approve({ ...action(d), stage: 'first', note: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('four eyes: claims and overrides', () => {
  it('the creator of a claim cannot reverse it; another reviewer can; the detail says why', async () => {
    const s = await setup();
    const claim = await s.reviewer.caller.claims.create({ entry: visit(s.person.id, s.local.id), idempotencyKey: key() });
    const seen = await s.reviewer.caller.claims.get({ id: claim.id });
    expect(seen.can).toEqual({ reverse: false, reverseBlockedReason: expect.stringContaining('您是本结算单的录入人') });
    await expect(s.reviewer.caller.claims.reverse({ id: claim.id, reason: '住院费用清单录入错误' })).rejects.toMatchObject(
      FORBIDDEN('结算单须由录入人以外的审核人员冲销'),
    );
    expect((await s.reviewer2.caller.claims.get({ id: claim.id })).can.reverse).toBe(true);
    const reversal = await s.reviewer2.caller.claims.reverse({ id: claim.id, reason: '住院费用清单录入错误' });
    expect(reversal.kind).toBe('reversal');
  });

  it('a claim resting on an override is refused to the reviewer who granted it, at claim entry and at 受理; a clerk enters it', async () => {
    const s = await setup();
    await s.reviewer.caller.referrals.createOverride({
      personId: s.person.id,
      hospitalId: s.outsideNetworked.id,
      admissionDate: '2019-08-25',
      reason: '急诊转院，事后补办',
    });
    const entry = visit(s.person.id, s.outsideNetworked.id);
    const context = await s.reviewer.caller.claims.context({
      personId: s.person.id,
      date: entry.dischargeDate,
      hospitalId: entry.hospitalId,
      visitType: 'inpatient',
      admissionDate: entry.admissionDate,
    });
    expect(context.referral).toMatchObject({ source: 'override', blockedReason: expect.stringContaining('视同转诊认定人不能录入') });
    await expect(s.reviewer.caller.claims.create({ entry, idempotencyKey: key() })).rejects.toMatchObject(
      FORBIDDEN('视同转诊认定人不能录入使用本人认定的结算'),
    );
    expect(await handle.db.select().from(claims).where(eq(claims.personId, s.person.id))).toHaveLength(0);
    const claim = await s.clerk.caller.claims.create({ entry, idempotencyKey: key() });
    expect(claim.referralSource).toBe('override');

    await s.reviewer.caller.referrals.createOverride({
      personId: s.person.id,
      hospitalId: s.outsideNonNetworked.id,
      admissionDate: '2019-07-01',
      reason: '急诊转院，事后补办',
    });
    await expect(
      s.reviewer.caller.reimbursements.create({
        kind: 'non_networked',
        entry: visit(s.person.id, s.outsideNonNetworked.id, { admissionDate: '2019-07-01', dischargeDate: '2019-07-05' }),
        materials: ALL_RECEIVED,
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject(FORBIDDEN('视同转诊认定人不能录入'));
  });
});
