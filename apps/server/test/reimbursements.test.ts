import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  advanceDeclarations,
  and,
  auditLog,
  calendarYears,
  claims,
  eq,
  personYearAccumulators,
  reimbursementAttachments,
  reimbursementCases,
  reimbursementEvents,
  sql,
  type DbHandle,
} from '@portal/db';
import { createPerson, createUser } from '@portal/db/test';
import type { TRole } from '@portal/rules';
import { createCaller } from '../src/root.js';
import { createSession, findSessionUser } from '../src/services/auth/session.js';
import { callerAs, env, indexPlanOf, makeContext, makeTree, setupDb, testPasswordHash } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

/** A settable server date shared by the callers of one test (China noon of `today`). */
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

const EXAMPLE_PARAMS = {
  basic: { deductible: { 1: 20000, 2: 50000, 3: 100000 }, rate: { 1: 85, 2: 75, 3: 60 }, annualCap: 25000000, unreferredRateCut: 0 },
  critical: { deductible: 1000000, rate: 60, annualCap: 30000000, poorRateIncrement: 0, specialDrugRate: 0 },
  assistance: { rate: 0, annualCap: 10000000 },
};
const ALL_RECEIVED = { insurance_card: true, identity: true, invoice: true, discharge_summary: true, cost_list: true, bank_card: true };
const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;

async function setup(today = '2019-09-16') {
  const clock = makeClock(today);
  const tree = await makeTree(handle, 'qiannan-2019');
  const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
  await admin.params.create({ orgUnitId: tree.root.id, effectiveFrom: '2019-01-01', settle: EXAMPLE_PARAMS, note: '按示例参数' });
  const local = await admin.hospitals.create({
    ownerOrgUnitId: tree.root.id,
    code: 'H-A',
    name: '甲县人民医院',
    level: 2,
    regionCode: tree.countyA.code,
    regionName: '甲县',
    isNetworked: true,
    isSpecialDiseaseDesignated: false,
    referralTier: null,
  });
  const nonNetworked = await admin.hospitals.create({
    ownerOrgUnitId: tree.root.id,
    code: 'H-N',
    name: '甲县民营医院',
    level: 2,
    regionCode: tree.countyA.code,
    regionName: '甲县',
    isNetworked: false,
    isSpecialDiseaseDesignated: false,
    referralTier: null,
  });
  const offsite = await admin.hospitals.create({
    ownerOrgUnitId: tree.root.id,
    code: 'H-O',
    name: '省外联网医院',
    level: 3,
    regionCode: '430102',
    regionName: '长沙市',
    isNetworked: true,
    isSpecialDiseaseDesignated: false,
    referralTier: null,
  });
  const clerk = await actorAs('clerk', tree.countyA.id, clock);
  const clerk2 = await actorAs('clerk', tree.countyA.id, clock);
  const reviewer = await actorAs('reviewer', tree.countyA.id, clock);
  const reviewer2 = await actorAs('reviewer', tree.countyA.id, clock);
  const person = await createPerson(handle.db, {
    orgUnitId: tree.countyA.id,
    regionPath: tree.countyA.path,
    categories: [{ category: 'registered_poor', startDate: '2016-01-01' }],
  });
  return { clock, tree, admin, local, nonNetworked, offsite, clerk, clerk2, reviewer, reviewer2, person };
}
type Setup = Awaited<ReturnType<typeof setup>>;

function visit(personId: string, hospitalId: string, over: Record<string, unknown> = {}) {
  return {
    personId,
    hospitalId,
    visitType: 'inpatient' as const,
    admissionDate: '2019-08-25',
    dischargeDate: '2019-09-02',
    diagnosis: '肺炎',
    totalCost: 3000000,
    inScopeCost: 2800000,
    ...over,
  };
}

async function intake(s: Setup, materials: Record<string, boolean> = ALL_RECEIVED) {
  return s.clerk.caller.reimbursements.create({
    kind: 'non_networked',
    entry: visit(s.person.id, s.nonNetworked.id),
    materials: materials as typeof ALL_RECEIVED,
    idempotencyKey: key(),
  });
}

/** Takes a fresh complete case through 登记, 调查 and 初审 (by `clerk`). */
async function toSecondReview(s: Setup) {
  let c = await intake(s);
  c = await s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: key(), note: '已登记' });
  c = await s.clerk.caller.reimbursements.investigate({ id: c.id, version: c.version, requestKey: key(), note: '已电话核实' });
  c = await s.clerk.caller.reimbursements.firstReview({ id: c.id, version: c.version, requestKey: key(), note: '' });
  return c;
}

const events = async (caseId: string) =>
  (
    await handle.db.select().from(reimbursementEvents).where(eq(reimbursementEvents.caseId, caseId)).orderBy(reimbursementEvents.createdAt)
  ).map((e) => e.action);

describe('reimbursements: intake', () => {
  it('incomplete materials: awaiting documents, no clock, the missing list for the one-time notice', async () => {
    const s = await setup();
    const c = await intake(s, { ...ALL_RECEIVED, discharge_summary: false, cost_list: false });
    expect(c.status).toBe('awaiting_documents');
    expect(c.clock.started).toBe(false);
    expect(c.missing.map((m) => m.label)).toEqual(['出院小结', '住院费用清单']);
    expect(c.person.registeredAccountMasked).toMatch(/\*+8901$/);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit.map((a) => a.action)).toEqual(['reimbursement.intake']);
  });

  it('the clock starts on the day the last item arrives (2019-09-20 → due 2019-10-30)', async () => {
    const s = await setup();
    let c = await intake(s, { ...ALL_RECEIVED, discharge_summary: false, cost_list: false });
    s.clock.set('2019-09-18');
    c = await s.clerk.caller.reimbursements.receiveMaterials({
      id: c.id,
      version: c.version,
      requestKey: key(),
      received: ['cost_list'],
      note: '',
    });
    expect(c.status).toBe('awaiting_documents');
    s.clock.set('2019-09-20');
    c = await s.clerk.caller.reimbursements.receiveMaterials({
      id: c.id,
      version: c.version,
      requestKey: key(),
      received: ['discharge_summary'],
      note: '',
    });
    expect(c.status).toBe('registration');
    expect(c.materialsCompleteOn).toBe('2019-09-20');
    expect(c.clock).toMatchObject({ due: '2019-10-30', used: 0, left: 25 });
    await expect(
      s.clerk.caller.reimbursements.receiveMaterials({ id: c.id, version: c.version, requestKey: key(), received: ['invoice'], note: '' }),
    ).rejects.toThrow('材料已齐全');
  });

  it('the same idempotency key twice makes one case', async () => {
    const s = await setup();
    const k = key();
    const input = {
      kind: 'non_networked' as const,
      entry: visit(s.person.id, s.nonNetworked.id),
      materials: ALL_RECEIVED,
      idempotencyKey: k,
    };
    const [a, b] = await Promise.all([s.clerk.caller.reimbursements.create(input), s.clerk.caller.reimbursements.create(input)]);
    expect(a.id).toBe(b.id);
    expect(await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.personId, s.person.id))).toHaveLength(1);
  });

  it.each([
    [
      'inScopeCost',
      (s: Setup) => ({ kind: 'non_networked', entry: visit(s.person.id, s.nonNetworked.id, { inScopeCost: 4000000 }) }),
      '政策范围内费用不能大于医疗总费用',
    ],
    ['hospitalId (networked)', (s: Setup) => ({ kind: 'non_networked', entry: visit(s.person.id, s.local.id) }), '该医院已联网'],
    [
      'hospitalId (local networked as offsite)',
      (s: Setup) => ({ kind: 'offsite_networked', entry: visit(s.person.id, s.local.id) }),
      '不走零星报销',
    ],
    [
      'paidElsewhere on non-networked',
      (s: Setup) => ({ kind: 'non_networked', entry: visit(s.person.id, s.nonNetworked.id), paidElsewhereBasic: 100 }),
      '没有在医院已结算',
    ],
    [
      'dischargeDate in the future',
      (s: Setup) => ({
        kind: 'non_networked',
        entry: visit(s.person.id, s.nonNetworked.id, { admissionDate: '2019-09-10', dischargeDate: '2019-09-30' }),
      }),
      '不能晚于今天',
    ],
    [
      'materials missing a key',
      (s: Setup) => ({ kind: 'non_networked', entry: visit(s.person.id, s.nonNetworked.id), materials: { invoice: true } }),
      '是否已收到',
    ],
  ])('bad input (%s) writes nothing', async (_name, make, message) => {
    const s = await setup();
    const input = { materials: ALL_RECEIVED, idempotencyKey: key(), ...make(s) } as never;
    await expect(s.clerk.caller.reimbursements.create(input)).rejects.toThrow(message);
    expect(await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.personId, s.person.id))).toHaveLength(0);
  });

  it('refuses the wrong role and a person outside the region', async () => {
    const s = await setup();
    const supervisor = await actorAs('supervisor', s.tree.root.id, s.clock);
    const input = {
      kind: 'non_networked' as const,
      entry: visit(s.person.id, s.nonNetworked.id),
      materials: ALL_RECEIVED,
      idempotencyKey: key(),
    };
    await expect(supervisor.caller.reimbursements.create(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await actorAs('clerk', s.tree.countyB.id, s.clock);
    await expect(outsider.caller.reimbursements.create({ ...input, idempotencyKey: key() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.personId, s.person.id))).toHaveLength(0);
  });
});

describe('reimbursements: workflow', () => {
  it('runs every step to payment; the claim is stored at payment and accumulators move once', async () => {
    const s = await setup();
    let c = await toSecondReview(s);
    expect(c.status).toBe('second_review');
    // RULES §9 example 1 with the example parameters: basic 20 625, 大病 1 543.75, assistance 4 081.88.
    expect(c.settlement?.payable).toBe(2062500 + 154375 + 408188);
    expect(await handle.db.select().from(claims).where(eq(claims.personId, s.person.id))).toHaveLength(0);
    c = await s.reviewer.caller.reimbursements.secondReview({
      payeeVerified: true,
      id: c.id,
      version: c.version,
      requestKey: key(),
      note: '复核无误',
    });
    expect(c.status).toBe('payment');
    // The 初审 clerk (who also took the intake) and the 复核 reviewer may not pay (decision 0009).
    await expect(
      s.clerk.caller.reimbursements.pay({ id: c.id, version: c.version, requestKey: key(), paymentRef: 'ZF20190001' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('您是本案的受理人、初审人') });
    await expect(
      s.reviewer.caller.reimbursements.pay({ id: c.id, version: c.version, requestKey: key(), paymentRef: 'ZF20190001' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('您是本案的复核人') });
    c = await s.clerk2.caller.reimbursements.pay({ id: c.id, version: c.version, requestKey: key(), paymentRef: 'ZF20190001' });
    expect(c.status).toBe('paid');
    expect(c.payment).toMatchObject({ amount: 2625063, reference: 'ZF20190001', accountMasked: expect.stringMatching(/8901$/) });
    expect(c.payment?.accountMasked).not.toContain('6217000012345678901');
    const stored = await handle.db.select().from(claims).where(eq(claims.personId, s.person.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.idempotencyKey).toBe(`reimbursement:${c.id}`);
    const acc = await handle.db.select().from(personYearAccumulators).where(eq(personYearAccumulators.personId, s.person.id));
    expect(acc[0]).toMatchObject({ claimCount: 1, ytd: expect.objectContaining({ basic: 2062500 }) });
    expect(await events(c.id)).toEqual(['intake', 'register', 'investigate', 'first_review', 'second_review', 'pay']);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        'reimbursement.first_review',
        'reimbursement.intake',
        'reimbursement.investigate',
        'reimbursement.pay',
        'reimbursement.register',
        'reimbursement.second_review',
      ].sort(),
    );
  });

  it('复核 is refused to whoever took the intake or did a 初审, and to a clerk; another reviewer does it', async () => {
    const s = await setup();
    // A reviewer may take the intake (window duty), and then may not do the 复核 of that case.
    let c = await s.reviewer.caller.reimbursements.create({
      kind: 'non_networked',
      entry: visit(s.person.id, s.nonNetworked.id),
      materials: ALL_RECEIVED,
      idempotencyKey: key(),
    });
    c = await s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: key(), note: '' });
    c = await s.clerk.caller.reimbursements.investigate({ id: c.id, version: c.version, requestKey: key(), note: '' });
    c = await s.clerk.caller.reimbursements.firstReview({ id: c.id, version: c.version, requestKey: key(), note: '' });
    expect(c.can.step).toBeNull();
    const seen = await s.reviewer.caller.reimbursements.get({ id: c.id });
    expect(seen.can.step).toBeNull();
    expect(seen.can.stepBlockedReason).toContain('您是本案的受理人');
    await expect(
      s.reviewer.caller.reimbursements.secondReview({ payeeVerified: true, id: c.id, version: c.version, requestKey: key(), note: '' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('复核须由未受理、未初审本案的审核人员办理') });
    await expect(
      s.clerk.caller.reimbursements.secondReview({ payeeVerified: true, id: c.id, version: c.version, requestKey: key(), note: '' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A 初审 recorded for a reviewer (the event history is what the server asks, not the role).
    await handle.db.insert(reimbursementEvents).values({
      caseId: c.id,
      action: 'first_review',
      fromStatus: 'first_review',
      toStatus: 'second_review',
      actorId: s.reviewer2.user.id,
      actorName: '测试',
      onDate: '2019-09-16',
      requestKey: key(),
    });
    await expect(
      s.reviewer2.caller.reimbursements.secondReview({ payeeVerified: true, id: c.id, version: c.version, requestKey: key(), note: '' }),
    ).rejects.toThrow('您是本案的初审人');
    const row = (await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.id, c.id)))[0];
    expect(row?.status).toBe('second_review');
    const third = await actorAs('reviewer', s.tree.countyA.id, s.clock);
    c = await third.caller.reimbursements.secondReview({ payeeVerified: true, id: c.id, version: c.version, requestKey: key(), note: '' });
    expect(c.status).toBe('payment');
    expect(c.payee.verifiedByName).toBe(third.user.displayName);
  });

  it('refuses invalid transitions and writes nothing', async () => {
    const s = await setup();
    const c = await intake(s, { ...ALL_RECEIVED, invoice: false });
    await expect(s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: key(), note: '' })).rejects.toThrow(
      '待补材料',
    );
    const d = await intake(s);
    await expect(s.clerk.caller.reimbursements.firstReview({ id: d.id, version: d.version, requestKey: key(), note: '' })).rejects.toThrow(
      '不能办理“初审”',
    );
    await expect(
      s.reviewer.caller.reimbursements.pay({ id: d.id, version: d.version, requestKey: key(), paymentRef: 'ZF0001' }),
    ).rejects.toThrow('不能办理“支付”');
    await expect(
      s.clerk.caller.reimbursements.returnCase({ id: d.id, version: d.version, requestKey: key(), reason: '材料有误需重录' }),
    ).rejects.toThrow('不能退回');
    await expect(
      s.clerk.caller.reimbursements.hold({ id: c.id, version: c.version, requestKey: key(), kind: 'doubtful', reason: '发票可疑待核' }),
    ).rejects.toThrow('计时尚未开始');
    expect(await events(d.id)).toEqual(['intake']);
    expect((await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.id, d.id)))[0]?.version).toBe(1);
  });

  it('returns one step with a reason, and the step can be done again', async () => {
    const s = await setup();
    let c = await toSecondReview(s);
    await expect(
      s.reviewer.caller.reimbursements.returnCase({ id: c.id, version: c.version, requestKey: key(), reason: '短' }),
    ).rejects.toThrow('至少 4 个字');
    c = await s.reviewer.caller.reimbursements.returnCase({
      id: c.id,
      version: c.version,
      requestKey: key(),
      reason: '住院天数与清单不符',
    });
    expect(c.status).toBe('first_review');
    expect(c.events.at(-1)?.note).toContain('住院天数与清单不符');
    c = await s.clerk2.caller.reimbursements.firstReview({ id: c.id, version: c.version, requestKey: key(), note: '已更正' });
    expect(c.firstReviewByName).toBeTruthy();
    c = await s.reviewer.caller.reimbursements.secondReview({
      payeeVerified: true,
      id: c.id,
      version: c.version,
      requestKey: key(),
      note: '',
    });
    expect(c.status).toBe('payment');
  });

  it('a hold stops the clock across the 2019 National Day week; steps wait until it is cleared', async () => {
    const s = await setup('2019-09-20');
    let c = await intake(s);
    c = await s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: key(), note: '' });
    s.clock.set('2019-09-26');
    c = await s.clerk.caller.reimbursements.hold({
      id: c.id,
      version: c.version,
      requestKey: key(),
      kind: 'doubtful',
      reason: '发票金额与清单不符',
    });
    expect(c.hold?.label).toBe('疑问病案');
    expect(c.clock.isSuspended).toBe(true);
    await expect(s.clerk.caller.reimbursements.investigate({ id: c.id, version: c.version, requestKey: key(), note: '' })).rejects.toThrow(
      '请先解除标记',
    );
    s.clock.set('2019-10-09');
    c = await s.clerk.caller.reimbursements.clearHold({ id: c.id, version: c.version, requestKey: key(), note: '医院已出具说明' });
    // 09-26, 09-27, Sunday 09-29 (worked), 09-30, 10-08, 10-09 are not counted: 2019-10-30 + 6 working days.
    expect(c.clock).toMatchObject({ due: '2019-11-07', used: 3, left: 22, isSuspended: false, suspendedWorkingDays: 6 });
    expect(c.suspensions).toEqual([expect.objectContaining({ from: '2019-09-26', to: '2019-10-09' })]);
  });

  it('a step attempted twice (same request key) happens once', async () => {
    const s = await setup();
    const c = await intake(s);
    const k = key();
    const [a, b] = await Promise.all([
      s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: k, note: '' }),
      s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: k, note: '' }),
    ]);
    expect(a.status).toBe('investigation');
    expect(b.status).toBe('investigation');
    const again = await s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: k, note: '' });
    expect(again.version).toBe(2);
    expect(await events(c.id)).toEqual(['intake', 'register']);
  });

  it('two users acting at once: one wins, the other gets a conflict and nothing is lost', async () => {
    const s = await setup();
    const c = await toSecondReview(s);
    const results = await Promise.allSettled([
      s.reviewer.caller.reimbursements.secondReview({
        payeeVerified: true,
        id: c.id,
        version: c.version,
        requestKey: key(),
        note: '甲复核',
      }),
      s.reviewer2.caller.reimbursements.returnCase({ id: c.id, version: c.version, requestKey: key(), reason: '乙认为需退回' }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toMatchObject({ code: 'CONFLICT' });
    expect(String(failed[0]?.reason.message)).toContain('已被他人处理');
    expect((await events(c.id)).length).toBe(5);
  });

  it('a payment twice stores one claim; paying a case from another county is refused', async () => {
    const s = await setup();
    let c = await toSecondReview(s);
    c = await s.reviewer.caller.reimbursements.secondReview({
      payeeVerified: true,
      id: c.id,
      version: c.version,
      requestKey: key(),
      note: '',
    });
    const outsider = await actorAs('clerk', s.tree.countyB.id, s.clock);
    await expect(
      outsider.caller.reimbursements.pay({ id: c.id, version: c.version, requestKey: key(), paymentRef: 'ZF0002' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(outsider.caller.reimbursements.get({ id: c.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.clerk2.caller.reimbursements.pay({ id: c.id, version: c.version, requestKey: key(), paymentRef: 'Z' })).rejects.toThrow(
      '支付凭证号',
    );
    const k = key();
    await Promise.all([
      s.clerk2.caller.reimbursements.pay({ id: c.id, version: c.version, requestKey: k, paymentRef: 'ZF0003' }),
      s.clerk2.caller.reimbursements.pay({ id: c.id, version: c.version, requestKey: k, paymentRef: 'ZF0003' }),
    ]);
    expect(await handle.db.select().from(claims).where(eq(claims.personId, s.person.id))).toHaveLength(1);
    const paid = await s.clerk2.caller.reimbursements.get({ id: c.id });
    expect(paid.payment?.accountMasked).toMatch(/8901$/);
    expect(paid.clock.paidOnTime).toBe(true);
  });

  it('复核 refuses when the accumulators moved since 初审 (another visit settled)', async () => {
    const s = await setup();
    const c = await toSecondReview(s);
    await s.clerk.caller.claims.create({
      entry: visit(s.person.id, s.local.id, { admissionDate: '2019-09-03', dischargeDate: '2019-09-05' }),
      idempotencyKey: key(),
    });
    await expect(
      s.reviewer.caller.reimbursements.secondReview({ payeeVerified: true, id: c.id, version: c.version, requestKey: key(), note: '' }),
    ).rejects.toThrow('请退回初审重新计算');
  });

  it('out-of-prefecture networked: only assistance is paid, hospital-paid amounts recorded', async () => {
    const s = await setup();
    let c = await s.clerk.caller.reimbursements.create({
      kind: 'offsite_networked',
      entry: visit(s.person.id, s.offsite.id),
      materials: ALL_RECEIVED,
      paidElsewhereBasic: 1500000,
      paidElsewhereCritical: 0,
      idempotencyKey: key(),
    });
    c = await s.clerk.caller.reimbursements.register({ id: c.id, version: c.version, requestKey: key(), note: '' });
    c = await s.clerk.caller.reimbursements.investigate({ id: c.id, version: c.version, requestKey: key(), note: '' });
    c = await s.clerk.caller.reimbursements.firstReview({ id: c.id, version: c.version, requestKey: key(), note: '' });
    const lines = c.settlement!.result.lines;
    const assistance = lines.filter((l) => l.tier === 'assistance' || l.tier === 'tilted').reduce((t, l) => t + l.amount, 0);
    expect(assistance).toBeGreaterThan(0);
    expect(c.settlement!.payable).toBe(assistance);
    expect(c.paidElsewhere).toEqual({ basic: 1500000, critical: 0 });
  });
});

describe('reimbursements: queue, board, attachments', () => {
  it('the queue sorts by working days left, with tones; the board counts on-time and overdue per county', async () => {
    const s = await setup('2019-09-02');
    const old = await intake(s); // complete 09-02 → due 2019-10-14... overdue by mid-October
    s.clock.set('2019-09-20');
    const fresh = await intake(s);
    const waiting = await intake(s, { ...ALL_RECEIVED, invoice: false });
    s.clock.set('2019-10-15');
    const list = await s.clerk.caller.reimbursements.list({ status: 'open' });
    const ids = list.items.map((i) => i.id);
    expect(ids.indexOf(old.id)).toBeLessThan(ids.indexOf(fresh.id));
    expect(ids.indexOf(fresh.id)).toBeLessThan(ids.indexOf(waiting.id));
    expect(list.items.find((i) => i.id === old.id)?.clock.tone).toBe('red');
    s.clock.set('2019-10-24');
    const amber = (await s.clerk.caller.reimbursements.list({ status: 'open' })).items.find((i) => i.id === fresh.id);
    expect(amber?.clock).toMatchObject({ left: 4, tone: 'amber' });
    const supervisor = await actorAs('supervisor', s.tree.root.id, s.clock);
    const board = await supervisor.caller.reimbursements.board({ month: '2019-09' });
    const a = board.counties.find((r) => r.orgUnitId === s.tree.countyA.id);
    expect(a).toMatchObject({ received: 3, open: 3, overdue: 1, paidOnTime: 0, awaitingDocuments: 1, onTimeRate: 0 });
    expect(board.overdueCases.map((o) => o.id)).toEqual([old.id]);
    const outsider = await actorAs('clerk', s.tree.countyB.id, s.clock);
    expect((await outsider.caller.reimbursements.board({ month: '2019-09' })).total.received).toBe(0);
    await expect(outsider.caller.reimbursements.board({ month: '2019-9' })).rejects.toThrow('YYYY-MM');
    await expect(s.admin.reimbursements.board({ month: '2019-09' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('stores pdf/jpg/png scans up to 10 MB, refuses other types, serves them only in the region', async () => {
    const s = await setup();
    const c = await intake(s);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n').toString('base64');
    const saved = await s.clerk.caller.reimbursements.uploadAttachment({
      caseId: c.id,
      material: 'invoice',
      fileName: '发票.pdf',
      dataBase64: pdf,
    });
    expect(saved.fileType).toBe('pdf');
    const exe = Buffer.from('MZ\x90\x00fake').toString('base64');
    await expect(
      s.clerk.caller.reimbursements.uploadAttachment({ caseId: c.id, material: null, fileName: 'scan.pdf', dataBase64: exe }),
    ).rejects.toThrow('只接受 PDF、JPG、PNG');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0xff);
    big[0] = 0xff;
    big[1] = 0xd8;
    big[2] = 0xff;
    await expect(
      s.clerk.caller.reimbursements.uploadAttachment({
        caseId: c.id,
        material: null,
        fileName: 'big.jpg',
        dataBase64: big.toString('base64'),
      }),
    ).rejects.toThrow('10 MB');
    const supervisor = await actorAs('supervisor', s.tree.root.id, s.clock);
    await expect(
      supervisor.caller.reimbursements.uploadAttachment({ caseId: c.id, material: null, fileName: 'a.pdf', dataBase64: pdf }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await handle.db
        .select({ id: reimbursementAttachments.id })
        .from(reimbursementAttachments)
        .where(eq(reimbursementAttachments.caseId, c.id)),
    ).toHaveLength(1);

    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const session = await createSession(handle.db, s.clerk.user.id, new Date(), env);
    const ok = await app.inject({
      method: 'GET',
      url: `/api/reimbursements/attachments/${saved.id}`,
      headers: { cookie: `portal_session=${session.token}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    const stranger = await createUser(handle.db, { orgUnitId: s.tree.countyB.id, role: 'clerk', passwordHash: await testPasswordHash() });
    const other = await createSession(handle.db, stranger.id, new Date(), env);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/reimbursements/attachments/${saved.id}`,
          headers: { cookie: `portal_session=${other.token}` },
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/reimbursements/attachments/${saved.id}` })).statusCode).toBe(401);
    await app.close();
  });
});

describe('hospital advance settlement', () => {
  it('70 % within 10 working days, the rest within the next 15; approvals, dated payments, overdue and conflicts', async () => {
    const s = await setup('2019-09-20');
    const input = {
      hospitalId: s.local.id,
      periodFrom: '2019-08-01',
      periodTo: '2019-08-31',
      receivedOn: '2019-09-20',
      basic: 1000001,
      critical: 200000,
      assistance: 99999,
      note: '',
      idempotencyKey: key(),
    };
    const [d, again] = await Promise.all([s.clerk.caller.advances.create(input), s.clerk.caller.advances.create(input)]);
    expect(again.id).toBe(d.id);
    expect(d.total).toBe(1300000);
    expect(d.first).toMatchObject({ due: '2019-10-10', dueAmount: 910000 });
    expect(d.rest.due).toBe('2019-10-30');
    expect(d).toMatchObject({ status: 'received', statusLabel: '待批准 70% 预付', can: { approve: null, pay: false } });
    const pay = (who: Setup['clerk'], v: number, over: Record<string, unknown>) =>
      who.caller.advances.pay({
        id: d.id,
        version: v,
        requestKey: key(),
        amount: 910000,
        paidOn: '2019-10-11',
        paymentRef: 'YF0001',
        ...over,
      });
    await expect(pay(s.clerk, d.version, {})).rejects.toThrow('尚未经审核人员批准');
    s.clock.set('2019-10-09');
    const approved = await s.reviewer.caller.advances.approve({
      id: d.id,
      version: d.version,
      requestKey: key(),
      stage: 'first',
      note: '',
    });
    expect(approved).toMatchObject({
      status: 'first_approved',
      ledger: { approved: 910000, outstanding: 910000, nextInstalment: 'first' },
    });
    expect(approved.can).toMatchObject({ pay: false, blockedReason: expect.stringContaining('70% 预付须由批准人以外的人员拨付') });
    await expect(pay(s.clerk, approved.version, { amount: 910001 })).rejects.toThrow('9,100.00 元');
    await expect(pay(s.clerk, approved.version, { paidOn: '2019-10-08' })).rejects.toThrow('不能早于批准日期');
    s.clock.set('2019-10-11');
    await expect(pay(s.clerk, approved.version, { paidOn: '2019-10-12' })).rejects.toThrow('不能晚于今天');
    // Paid in two parts; the 70 % counts as paid on the day of the second (one working day late).
    const part = await pay(s.clerk, approved.version, { amount: 400000, paidOn: '2019-10-10', paymentRef: 'YF0001-1' });
    expect(part.first).toMatchObject({ paidOn: null });
    const first = await pay(s.clerk, part.version, { amount: 510000, paidOn: '2019-10-11', paymentRef: 'YF0001-2' });
    expect(first).toMatchObject({ status: 'first_paid', ledger: { paid: 910000, outstanding: 0 } });
    expect(first.first).toMatchObject({ paidOn: '2019-10-11', overdue: true, tone: 'red' });
    expect(first.payments.map((p) => [p.amount, p.paidOn])).toEqual([
      [400000, '2019-10-10'],
      [510000, '2019-10-11'],
    ]);
    const approveTotal = (who: Setup['clerk'], v: number, approvedTotal: number) =>
      who.caller.advances.approve({ id: d.id, version: v, requestKey: key(), stage: 'total', approvedTotal, note: '' });
    await expect(approveTotal(s.reviewer, d.version, 1200000)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(approveTotal(s.reviewer, first.version, 1400000)).rejects.toThrow('不能大于申报总额');
    await expect(approveTotal(s.clerk, first.version, 1200000)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const total = await approveTotal(s.reviewer, first.version, 1200000);
    expect(total).toMatchObject({ status: 'total_approved', ledger: { approved: 1200000, outstanding: 290000, nextInstalment: 'rest' } });
    await expect(pay(s.reviewer, total.version, { amount: 290000 })).rejects.toThrow('录入审核确认总额的人不能同时支付剩余资金');
    const settled = await pay(s.clerk, total.version, { amount: 290000, paidOn: '2019-10-11', paymentRef: 'JQ0001' });
    expect(settled.rest).toMatchObject({ approvedTotal: 1200000, paidOn: '2019-10-11', overdue: false, tone: 'ok' });
    expect(settled).toMatchObject({ status: 'settled', ledger: { paid: 1200000, recovered: 0, outstanding: 0 } });
    await expect(pay(s.clerk, settled.version, { amount: 1 })).rejects.toThrow('已结清');
    const outsider = await actorAs('clerk', s.tree.countyB.id, s.clock);
    expect((await outsider.caller.advances.list({ status: 'all' })).items.find((i) => i.id === d.id)).toBeUndefined();
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'advance.approve_first',
      'advance.approve_total',
      'advance.create',
      'advance.pay_first',
      'advance.pay_first',
      'advance.pay_rest',
    ]);
  });

  it('a deadline that runs into a year without a holiday schedule is 暂定, never blank', async () => {
    const s = await setup('2030-12-10');
    const d = await s.clerk.caller.advances.create({
      hospitalId: s.local.id,
      periodFrom: '2030-11-01',
      periodTo: '2030-11-30',
      receivedOn: '2030-12-10',
      basic: 100000,
      critical: 0,
      assistance: 0,
      note: '',
      idempotencyKey: key(),
    });
    expect(d.first.due).toMatch(/^2030-12-/);
    expect(d.rest.due).toMatch(/^2031-01-/);
    expect(d.provisionalReason).toContain('2030、2031年节假日安排尚未公布或录入');
  });

  it('bad declarations write nothing; supervisors cannot declare', async () => {
    const s = await setup('2019-09-20');
    const base = {
      hospitalId: s.local.id,
      periodFrom: '2019-08-01',
      periodTo: '2019-08-31',
      receivedOn: '2019-09-20',
      basic: 100,
      critical: 0,
      assistance: 0,
      note: '',
      idempotencyKey: key(),
    };
    await expect(s.clerk.caller.advances.create({ ...base, receivedOn: '2019-09-30' })).rejects.toThrow('不能晚于今天');
    await expect(s.clerk.caller.advances.create({ ...base, periodTo: '2019-07-01' })).rejects.toThrow('结束日期不能早于开始日期');
    const supervisor = await actorAs('supervisor', s.tree.root.id, s.clock);
    await expect(supervisor.caller.advances.create(base)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rows = await handle.db.select().from(advanceDeclarations).where(eq(advanceDeclarations.hospitalId, s.local.id));
    expect(rows).toHaveLength(0);
  });
});

describe('calendar years', () => {
  it('an admin adds a year; clocks then count into it; bad years are refused and write nothing', async () => {
    // Far-future years so that no other test (the PostgreSQL run shares one database) depends on them.
    const s = await setup('2041-12-10');
    // The holiday table is national: a jurisdiction's administrator sees it and its changes but cannot change it.
    await expect(s.admin.calendar.save({ year: 2041, holidays: [], workingDays: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const system = (await callerAs(handle, 'admin', s.tree.system.id)).caller;
    await expect(system.calendar.save({ year: 2043, holidays: ['2043-01-01', '2042-12-31'], workingDays: [] })).rejects.toThrow(
      '不在 2043 年内',
    );
    await expect(system.calendar.save({ year: 2043, holidays: [], workingDays: ['2043-01-05'] })).rejects.toThrow('应为周六或周日');
    expect(await handle.db.select().from(calendarYears).where(eq(calendarYears.year, 2043))).toHaveLength(0);
    await expect(s.clerk.caller.calendar.save({ year: 2041, holidays: [], workingDays: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.admin.calendar.list()).builtInRange).toEqual({ from: 2017, to: 2026 });
    await system.calendar.save({ year: 2041, holidays: ['2041-01-01'], workingDays: [], source: '测试' });
    // Complete on 2041-12-10: 25 working days reach into 2042, which nobody has entered yet.
    const c = await s.clerk.caller.reimbursements.create({
      kind: 'non_networked',
      entry: visit(s.person.id, s.nonNetworked.id, { admissionDate: '2041-11-01', dischargeDate: '2041-11-10' }),
      materials: ALL_RECEIVED,
      idempotencyKey: key(),
    });
    // A clock is never blank: through 2042, not entered yet, the due date is provisional (weekdays only).
    expect(c.clock.error).toBeNull();
    expect(c.clock.provisional).toBe(true);
    expect(c.clock.provisionalReason).toContain('2042年节假日安排尚未公布或录入');
    // 15 weekdays 12-11..12-31, then 2042-01-01 counted as a weekday: 01-01..01-03, 01-06..01-10, 01-13, 01-14 → 2042-01-14.
    expect(c.clock.due).toBe('2042-01-14');
    await system.calendar.save({ year: 2042, holidays: ['2042-01-01'], workingDays: [], source: '测试' });
    const seen = await s.admin.calendar.list();
    expect(seen.canEdit).toBe(false);
    expect(seen.changes.some((c) => c.year === 2042)).toBe(true);
    const after = await s.clerk.caller.reimbursements.get({ id: c.id });
    expect(after.clock.error).toBeNull();
    expect(after.clock.provisional).toBe(false);
    // 2041-12-10 is a Tuesday: 15 weekdays 12-11..12-31, 2042-01-01 off, then 01-02, 01-03, 01-06..01-10, 01-13..01-15 → 2042-01-15.
    expect(after.clock.due).toBe('2042-01-15');
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.save'));
    expect(audit.length).toBeGreaterThan(1);
  });
});

describe('calendar import from a file', () => {
  async function upload(token: string, year: number, fileName: string, body: Buffer | string) {
    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const res = await app.inject({
      method: 'POST',
      url: `/api/calendar/import?year=${year}&fileName=${encodeURIComponent(fileName)}`,
      payload: body,
      headers: { cookie: `portal_session=${token}`, 'content-type': 'application/octet-stream', 'x-portal-request': '1' },
    });
    await app.close();
    return {
      status: res.statusCode,
      body: res.json() as { message?: string; field?: string; holidays?: string[]; workingDays?: string[] },
    };
  }

  it('a bad file is refused row by row and stores nothing; a good .xlsx finalises the provisional clocks; only the system root may import', async () => {
    const s = await setup('2044-12-10');
    const system = await callerAs(handle, 'admin', s.tree.system.id);
    await system.caller.calendar.save({ year: 2044, holidays: ['2044-01-01'], workingDays: [], source: '测试' });
    const c = await s.clerk.caller.reimbursements.create({
      kind: 'non_networked',
      entry: visit(s.person.id, s.nonNetworked.id, { admissionDate: '2044-11-01', dischargeDate: '2044-11-10' }),
      materials: ALL_RECEIVED,
      idempotencyKey: key(),
    });
    expect(c.clock.provisional).toBe(true);
    const provisionalDue = c.clock.due;

    const local = await callerAs(handle, 'admin', s.tree.root.id);
    const refused = await upload(local.token, 2045, 'a.csv', '日期,类型\n2045-01-01,放假\n');
    expect(refused.status).toBe(403);

    const badCsv =
      '日期,类型,说明\n2045-01-01,放假,元旦\n2044-12-31,放假,\n2045-01-02,上班,\n2045-13-01,放假,\n2045-01-01,放假,\n2045-01-07,加班,\n';
    const bad = await upload(system.token, 2045, '2045.csv', badCsv);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('file');
    expect(bad.body.message).toContain('文件有 5 处错误，未导入任何日期');
    expect(bad.body.message).toContain('第 3 行：日期 2044-12-31 不在 2045 年内');
    expect(bad.body.message).toContain('第 4 行：调休上班日 2045-01-02 应为周六或周日');
    expect(bad.body.message).toContain('第 5 行：日期“2045-13-01”无法识别');
    expect(bad.body.message).toContain('第 6 行：日期 2045-01-01 与第 2 行重复');
    expect(bad.body.message).toContain('第 7 行：类型“加班”无法识别');
    expect(await handle.db.select().from(calendarYears).where(eq(calendarYears.year, 2045))).toHaveLength(0);
    expect((await upload(system.token, 2045, 'x.xlsx', 'not a workbook')).body.message).toContain('不是有效的 Excel 文件');
    expect((await upload(system.token, 2045, 'e.csv', '')).status).toBe(400);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2045年');
    ws.addRow(['日期', '类型', '说明']);
    ws.addRow([new Date(Date.UTC(2045, 0, 1)), '放假', '元旦']);
    ws.addRow(['2045/1/2', '放假', '元旦']);
    ws.addRow(['2045年1月3日', '放假', '元旦']);
    ws.addRow(['2045-01-07', '上班', '调休']);
    const good = await upload(system.token, 2045, '2045年节假日.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ holidays: ['2045-01-01', '2045-01-02', '2045-01-03'], workingDays: ['2045-01-07'] });
    const after = await s.clerk.caller.reimbursements.get({ id: c.id });
    expect(after.clock.provisional).toBe(false);
    // 2044-12-10 is a Saturday: 15 weekdays 12-12..12-30; weekends alone: 01-02..01-06, 01-09..01-13 → 2045-01-13.
    // With the file: 01-02, 01-03 off, Sat 01-07 worked: 01-04..01-07 (19), 01-09..01-13 (24), 01-16 (25) → 2045-01-16.
    expect(provisionalDue).toBe('2045-01-13');
    expect(after.clock.due).toBe('2045-01-16');
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.save'), eq(auditLog.entityId, '2045')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ source: '文件导入：2045年节假日.xlsx' });
  });
});

describe('a person moves to another county', () => {
  it('takes open cases and this year’s enrollment along; the old county loses access to them, keeps its paid claims', async () => {
    const s = await setup();
    const open = await intake(s);
    await s.clerk.caller.enrollment.record({
      personId: s.person.id,
      year: 2019,
      basicEnrolled: true,
      criticalEnrolled: true,
      premiumTier: 1,
      enrolledOn: '2019-01-01',
    });
    // A city-level reviewer (the level above both counties) moves the person from county A to B.
    const cityReviewer = await actorAs('reviewer', s.tree.root.id, s.clock);
    const person = await cityReviewer.caller.persons.get({ id: s.person.id });
    await cityReviewer.caller.persons.update({
      id: s.person.id,
      data: { name: person.name, hukouType: person.hukouType, orgUnitId: s.tree.countyB.id, clearBankAccount: false },
    });
    await expect(s.clerk.caller.reimbursements.get({ id: open.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      s.clerk.caller.reimbursements.register({ id: open.id, version: open.version, requestKey: key(), note: '' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const clerkB = await actorAs('clerk', s.tree.countyB.id, s.clock);
    expect((await clerkB.caller.reimbursements.get({ id: open.id })).id).toBe(open.id);
    const moved = (await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.id, open.id)))[0]!;
    expect(moved.regionPath).toBe(s.tree.countyB.path);
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, s.person.id), eq(auditLog.action, 'person.transfer')));
    expect((audit[0]!.after as { moved: { reimbursementCases: number; enrollments: number } }).moved).toMatchObject({
      reimbursementCases: 1,
      enrollments: 1,
    });
  });
});

describe('the work queue at volume', () => {
  it('pages the whole queue by keyset, most urgent first, every case once, with a bounded count and a case-number search', async () => {
    const s = await setup('2019-09-16');
    const first = await intake(s);
    const row = (await handle.db.select().from(reimbursementCases).where(eq(reimbursementCases.id, first.id)))[0]!;
    // 120 open cases whose clocks started recently, then — created last — one that started long ago.
    const { id: _id, caseNo: _no, idempotencyKey: _k, queuePaid: _p, queueStart: _s, ...template } = row;
    const batch = key();
    const copies = Array.from({ length: 120 }, (_, i) => ({
      ...template,
      caseNo: `BX-Q-${batch}-${String(i).padStart(3, '0')}`,
      idempotencyKey: key(),
      receivedOn: '2019-09-12',
      materialsCompleteOn: i % 10 === 0 ? null : '2019-09-12',
      status: i % 10 === 0 ? ('awaiting_documents' as const) : template.status,
    }));
    await handle.db.insert(reimbursementCases).values(copies);
    const [urgent] = await handle.db
      .insert(reimbursementCases)
      .values({
        ...template,
        caseNo: `BX-Q-URGENT-${key()}`,
        idempotencyKey: key(),
        receivedOn: '2019-08-01',
        materialsCompleteOn: '2019-08-05',
      })
      .returning({ id: reimbursementCases.id });
    const queue = await s.clerk.caller.reimbursements.list({ status: 'open', pageSize: 50 });
    expect(queue.items).toHaveLength(50);
    expect(queue.count).toEqual({ value: 122, isEstimate: false });
    expect(queue.items[0]!.id).toBe(urgent!.id);
    expect(queue.items[0]!.clock.overdueWorkingDays).toBeGreaterThanOrEqual(0);
    const seen: string[] = [];
    const starts: (string | null)[] = [];
    let cursor: string | undefined;
    do {
      const page = await s.clerk.caller.reimbursements.list({ status: 'open', pageSize: 50, cursor });
      seen.push(...page.items.map((i) => i.id));
      starts.push(...page.items.map((i) => (i.clock.started ? 'started' : null)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(122);
    expect(new Set(seen).size).toBe(122);
    // Cases still waiting for materials come after every case whose clock runs.
    expect(starts.slice(starts.indexOf(null)).every((v) => v === null)).toBe(true);
    const byCaseNo = await s.clerk.caller.reimbursements.list({ status: 'all', q: `BX-Q-${batch}-11` });
    expect(byCaseNo.items.map((i) => i.caseNo).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `BX-Q-${batch}-11${i}`));
    expect(byCaseNo.count).toEqual({ value: 10, isEstimate: false });
    const outsider = await actorAs('clerk', s.tree.countyB.id, s.clock);
    expect((await outsider.caller.reimbursements.list({ status: 'all', q: `BX-Q-${batch}` })).count.value).toBe(0);
    await expect(s.clerk.caller.reimbursements.list({ status: 'open', cursor: 'not-a-cursor' })).rejects.toThrow();
  });

  it('the queue order is served by its index, without a sort over the region', async () => {
    const s = await setup('2019-09-16');
    await intake(s);
    await handle.db.execute(sql`analyze reimbursement_cases`);
    const region = `${s.tree.root.path}%`;
    const plan = await indexPlanOf(
      handle,
      sql`select id from reimbursement_cases where region_path like ${region} and queue_paid = 0
          order by queue_paid, queue_start, received_on, id limit 51`,
    );
    expect(plan).toContain('reimbursement_cases_queue_idx');
    expect(plan).not.toMatch(/Sort/);
  });
});
