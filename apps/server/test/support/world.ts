import { advanceDeclarations, eq, inArray, jobs, orgUnits, reimbursementCases, type DbHandle } from '@portal/db';
import { createUser } from '@portal/db/test';
import { addCalendarDays, findBuiltinTemplate, makeIdNumber, QIANNAN_COUNTIES, type TRole } from '@portal/rules';
import { buildApp } from '../../src/app.js';
import { chinaDate } from '../../src/core/index.js';
import { applyListBatch, previewListUpload } from '../../src/services/lists/index.js';
import { callerAs, env, makeTree, TEST_PASSWORD, testPasswordHash } from '../helpers.js';

/**
 * One world for the proof tests: jurisdiction A (a city root with counties A1 and A2 and two
 * townships below A1) holding one record of every kind in A1, all made through the procedures
 * themselves, and a second jurisdiction B of another profile. Every call of the matrix and the
 * fuzz test aims at these records.
 */

export const PLACES = ['own', 'parent', 'sibling', 'child', 'other'] as const;
export type Place = (typeof PLACES)[number];
export const ROLES: readonly TRole[] = ['clerk', 'reviewer', 'supervisor', 'admin'];

type Caller = Awaited<ReturnType<typeof callerAs>>;

export const EXAMPLE_PARAMS = {
  basic: { deductible: { 1: 20000, 2: 50000, 3: 100000 }, rate: { 1: 85, 2: 75, 3: 60 }, annualCap: 25000000, unreferredRateCut: 0 },
  critical: { deductible: 1000000, rate: 60, annualCap: 30000000, poorRateIncrement: 0, specialDrugRate: 0 },
  assistance: { rate: 0, annualCap: 10000000 },
};
export const ALL_RECEIVED = {
  insurance_card: true,
  identity: true,
  invoice: true,
  discharge_summary: true,
  cost_list: true,
  bank_card: true,
};
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n').toString('base64');
export const QIANNAN = findBuiltinTemplate('builtin:qiannan-2019')!;

let counter = 0;
/** A key no other call has used (idempotency and request keys). */
export const key = () => `k-${(counter += 1)}-${Math.random().toString(36).slice(2, 10)}`;
const HAN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土松柏梅兰竹菊';
/** A Han name nobody else in the shared test database carries (a person name is a secret marker). */
export const hanName = (prefix: string) => prefix + Array.from({ length: 4 }, () => HAN[Math.floor(Math.random() * HAN.length)]).join('');
/** A valid ID number no other test uses (random birth date and sequence). */
export const newIdNumber = () => {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(Math.random() * 18_000) * 86_400_000).toISOString().slice(0, 10);
  return makeIdNumber('522732', day, Math.floor(Math.random() * 999));
};
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

export function visit(personId: string, hospitalId: string, over: Record<string, unknown> = {}) {
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

/** Every row of the Qiannan template filled in with contact names and phones. */
export function fullRows(contact: string) {
  return QIANNAN.items.map((item, n) => ({
    itemKey: item.key,
    name: `${contact}${n}`,
    unitAndDepartment: '矩阵县医疗保障局',
    post: '科长',
    phone: `1391234${String(5000 + n).padStart(4, '0')}`,
    isDivisionHead: true,
  }));
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * A Qiannan jurisdiction whose two counties carry real Qiannan county codes (the premium subsidy
 * shares its cost by county class, so a made-up code is refused). Codes still free in the shared
 * test database are taken.
 */
async function makeQiannanTree(handle: DbHandle) {
  const tree = await makeTree(handle, 'qiannan-2019');
  const all = QIANNAN_COUNTIES.map((c) => c.code);
  const taken = new Set(
    (await handle.db.select({ code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, all))).map((r) => r.code),
  );
  const free = all.filter((c) => !taken.has(c)).sort(() => Math.random() - 0.5);
  if (free.length < 2) throw new Error('no free Qiannan county codes left in the test database');
  await handle.db.update(orgUnits).set({ code: free[0]! }).where(eq(orgUnits.id, tree.countyA.id));
  await handle.db.update(orgUnits).set({ code: free[1]! }).where(eq(orgUnits.id, tree.countyB.id));
  return { ...tree, countyA: { ...tree.countyA, code: free[0]! }, countyB: { ...tree.countyB, code: free[1]! } };
}

export async function buildWorld(handle: DbHandle) {
  const today = chinaDate(new Date());
  const a = await makeQiannanTree(handle);
  const b = await makeTree(handle, 'xianning-2022');
  const admin = (await callerAs(handle, 'admin', a.root.id)).caller;
  const supervisor = (await callerAs(handle, 'supervisor', a.root.id)).caller;
  const clerkSetup = await callerAs(handle, 'clerk', a.countyA.id);
  const clerk = clerkSetup.caller;
  const reviewer = (await callerAs(handle, 'reviewer', a.countyA.id)).caller;

  const town = await admin.admin.createOrgUnit({ parentId: a.countyA.id, code: `${a.countyA.code}101`, name: '矩阵测试乡' });
  const town2 = await admin.admin.createOrgUnit({ parentId: a.countyA.id, code: `${a.countyA.code}102`, name: '矩阵测试镇' });
  const units = {
    own: { id: a.countyA.id, path: a.countyA.path, code: a.countyA.code },
    parent: { id: a.root.id, path: a.root.path, code: a.root.code },
    sibling: { id: a.countyB.id, path: a.countyB.path, code: a.countyB.code },
    child: { id: town.id, path: town.path, code: town.code },
    other: { id: b.root.id, path: b.root.path, code: b.root.code },
  } satisfies Record<Place, { id: string; path: string; code: string }>;

  // Reference data at A's root.
  const param = await admin.params.create({ orgUnitId: a.root.id, effectiveFrom: '2019-01-01', settle: EXAMPLE_PARAMS, note: '矩阵参数' });
  const hospital = (code: string, name: string, over: Record<string, unknown> = {}) =>
    admin.hospitals.create({
      ownerOrgUnitId: a.root.id,
      code,
      name,
      level: 2,
      regionCode: a.countyA.code,
      regionName: '甲县',
      isNetworked: true,
      isSpecialDiseaseDesignated: false,
      referralTier: null,
      ...over,
    });
  const h = {
    local: await hospital('M-L', '矩阵甲县医院'),
    nonNetworked: await hospital('M-N', '矩阵民营医院', { isNetworked: false }),
    provincial: await hospital('M-P', '矩阵省级医院', { level: 3, regionCode: '520102', regionName: '贵阳市', referralTier: 'provincial' }),
    plain: await hospital('M-X', '矩阵省外医院', { level: 3, regionCode: '430102', regionName: '长沙市' }),
    toUpdate: await hospital('M-U', '矩阵待改医院'),
    toTier: await hospital('M-T', '矩阵定点医院'),
  };
  const premium = await admin.subsidies.setPremium({ orgUnitId: a.root.id, year: 2019, tier1: 22_000, tier2: null, note: '矩阵缴费标准' });

  // Persons in A1, each registered and identified through the procedures.
  const secrets: string[] = [];
  const person = async (categories: ('registered_poor' | 'extreme_poverty')[] = ['registered_poor']) => {
    const name = hanName('矩阵');
    const idNumber = newIdNumber();
    const phone = `139${digits(8)}`;
    const bankAccount = `62170${digits(14)}`;
    const { id } = await clerk.persons.create({ idNumber, name, hukouType: 'rural', orgUnitId: a.countyA.id, phone, bankAccount });
    for (const category of categories) {
      await clerk.persons.addCategory({ personId: id, category, startDate: '2016-01-01', sourceDepartment: 'poverty_office' });
    }
    secrets.push(name, idNumber, phone, bankAccount);
    return { id, name, idNumber };
  };
  const p = {
    main: await person(),
    scratch: await person(),
    head: await person(),
    member: await person(),
    mover: await person(),
    enrolled: await person(),
    notEnrolled: await person(),
    toResolve: await person(),
    reversal: await person(),
    intake: await person(),
    referral: await person(),
    referralSubmitted: await person(),
    referralToReject: await person(),
    referralToCancel: await person(),
    offsite: await person(),
    offsiteNew: await person(),
    offsiteToCancel: await person(),
  };
  const scratchFact = (await clerk.persons.get({ id: p.scratch.id })).categoryHistory[0]!;

  const household = await clerk.households.create({ personId: p.head.id, householdNo: `JZ${digits(10)}` });
  await clerk.households.moveMember({ personId: p.member.id, householdId: household.id, relationship: '配偶' });

  await clerk.enrollment.record({
    personId: p.notEnrolled.id,
    year: 2021,
    basicEnrolled: false,
    criticalEnrolled: false,
    notEnrolledReason: 'refused',
    resolutionDeadline: addCalendarDays(today, 60),
  });
  const toResolve = await clerk.enrollment.record({
    personId: p.toResolve.id,
    year: 2021,
    basicEnrolled: false,
    criticalEnrolled: false,
    notEnrolledReason: 'missing',
    resolutionDeadline: addCalendarDays(today, 60),
  });

  const claim = await clerk.claims.create({ entry: visit(p.main.id, h.local.id), idempotencyKey: key() });
  const claimToReverse = await clerk.claims.create({ entry: visit(p.reversal.id, h.local.id), idempotencyKey: key() });

  // Reimbursement cases, one per state a step starts from, each for its own person.
  const intake = async (materials: Record<string, boolean> = ALL_RECEIVED) => {
    const owner = await person();
    return clerk.reimbursements.create({
      kind: 'non_networked',
      entry: visit(owner.id, h.nonNetworked.id, { diagnosis: hanName('矩阵诊断') }),
      materials: materials as typeof ALL_RECEIVED,
      idempotencyKey: key(),
    });
  };
  type Case = Awaited<ReturnType<typeof intake>>;
  const step = (verb: 'register' | 'investigate' | 'firstReview', c: Case) =>
    clerk.reimbursements[verb]({ id: c.id, version: c.version, requestKey: key(), note: '' });
  const toSecondReview = async () => step('firstReview', await step('investigate', await step('register', await intake())));
  const caseMain = await intake();
  const attachment = await clerk.reimbursements.uploadAttachment({
    caseId: caseMain.id,
    material: 'invoice',
    fileName: '矩阵发票.pdf',
    dataBase64: PDF_BASE64,
  });
  const forPayment = await toSecondReview();
  const cases = {
    main: caseMain,
    awaiting: await intake({ ...ALL_RECEIVED, invoice: false }),
    registration: await intake(),
    investigation: await step('register', await intake()),
    firstReview: await step('investigate', await step('register', await intake())),
    secondReview: await toSecondReview(),
    toReturn: await toSecondReview(),
    payment: await reviewer.reimbursements.secondReview({
      id: forPayment.id,
      version: forPayment.version,
      requestKey: key(),
      note: '',
      payeeVerified: true,
    }),
    toHold: await intake(),
    held: await intake(),
    payeeToPropose: await intake(),
    payeeToDecide: await intake(),
  };
  await clerk.reimbursements.hold({
    id: cases.held.id,
    version: cases.held.version,
    requestKey: key(),
    kind: 'doubtful',
    reason: '发票金额待核实',
  });

  const advance = (note = '') =>
    clerk.advances.create({
      hospitalId: h.local.id,
      periodFrom: addCalendarDays(today, -40),
      periodTo: addCalendarDays(today, -10),
      receivedOn: today,
      basic: 1_000_000,
      critical: 200_000,
      assistance: 100_000,
      note,
      idempotencyKey: key(),
    });
  // Four eyes (decision 0009): the clerk declares, the reviewer approves, the clerk pays.
  const approved = async () => {
    const d = await advance();
    return reviewer.advances.approve({ id: d.id, version: d.version, requestKey: key(), stage: 'first', note: '' });
  };
  const paid = async () => {
    const d = await approved();
    return clerk.advances.pay({
      id: d.id,
      version: d.version,
      requestKey: key(),
      amount: 100_000,
      paidOn: today,
      paymentRef: 'YF-WORLD-1',
    });
  };
  const advances = { main: await advance('矩阵垫付'), toApprove: await advance(), toPay: await approved(), toRecover: await paid() };
  // A payee change proposed by the clerk, for someone else to decide.
  const newAccount = `62170${digits(14)}`;
  secrets.push(newAccount);
  const payeeChange = await clerk.reimbursements.proposePayeeChange({
    id: cases.payeeToDecide.id,
    version: cases.payeeToDecide.version,
    requestKey: key(),
    payee: { name: '矩阵收款人', bankName: '矩阵银行', account: newAccount },
    reason: '原银行卡已挂失',
  });

  const referralInput = (idNumber: string, registerNow = true) => ({
    idNumber,
    issuingHospitalId: h.local.id,
    destinationHospitalId: h.provincial.id,
    diagnosis: '肺恶性肿瘤',
    reason: '县级医院不具备放疗条件',
    issueDate: today,
    plannedAdmissionDate: addCalendarDays(today, 3),
    registerNow,
  });
  const referrals = {
    main: await clerk.referrals.create(referralInput(p.referral.idNumber)),
    submitted: await clerk.referrals.create(referralInput(p.referralSubmitted.idNumber, false)),
    toReject: await clerk.referrals.create(referralInput(p.referralToReject.idNumber, false)),
    toCancel: await clerk.referrals.create(referralInput(p.referralToCancel.idNumber)),
  };
  const offsiteInput = (idNumber: string) => ({
    idNumber,
    type: 'migrant_work' as const,
    provinceCode: '440000',
    cityCode: '440100',
    cityName: '广州市',
    startDate: today,
    endDate: addCalendarDays(today, 180),
    documentType: '务工证明',
    documentNo: '矩阵-0001',
  });
  const offsite = {
    main: await clerk.referrals.createOffsite(offsiteInput(p.offsite.idNumber)),
    toCancel: await clerk.referrals.createOffsite(offsiteInput(p.offsiteToCancel.idNumber)),
  };
  const override = await reviewer.referrals.createOverride({
    personId: p.main.id,
    hospitalId: h.plain.id,
    admissionDate: '2019-06-01',
    reason: '急诊抢救未及办理转诊',
  });

  // List batches go through the upload route, as the web page sends them.
  const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
  const upload = async () => {
    const csv = `姓名,身份证号,人员类别\n比对新人,${newIdNumber()},建档立卡\n比对旧人,${p.main.idNumber},建档立卡\n`;
    const res = await app.inject({
      method: 'POST',
      url: `/api/lists/upload?sourceDepartment=poverty_office&listDate=${today}&fileName=${encodeURIComponent('矩阵名单.csv')}`,
      payload: csv,
      headers: { cookie: `portal_session=${clerkSetup.token}`, 'content-type': 'text/csv', 'x-portal-request': '1' },
    });
    if (res.statusCode !== 200) throw new Error(`list upload failed: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const batches = { main: await upload(), toDiscard: await upload() };
  await app.close();
  // A finished batch job of A1 (the queue itself is tested in test/jobs.test.ts).
  const [job] = await handle.db
    .insert(jobs)
    .values({ kind: 'demo', regionPath: a.countyA.path, ownerId: clerkSetup.user.id, status: 'succeeded' })
    .returning();
  if (!job) throw new Error('job insert failed');
  /**
   * A batch to apply, compared just now (applying refuses a comparison the registry has moved past).
   * Its department certifies nobody else, so applying it ends no one's category.
   */
  const freshBatch = (idNumber = newIdNumber()) =>
    previewListUpload({
      ctx: clerkSetup.ctx,
      input: {
        meta: { sourceDepartment: 'veterans', listDate: today, fileName: '矩阵退役军人名单.csv' },
        bytes: Buffer.from(`姓名,身份证号,人员类别\n比对新人,${idNumber},建档立卡\n`),
      },
    });

  /** A batch to revert: compared and applied just now, so no later batch depends on it. */
  const appliedBatch = async () => {
    const b = await freshBatch();
    await applyListBatch({ ctx: clerkSetup.ctx, input: { id: b.id } });
    return b;
  };

  const run = await clerk.subsidies.run({ orgUnitId: a.countyA.id, year: 2019 });

  const template = (name: string) =>
    admin.responsibility.createTemplate({ name, title: '矩阵责任表', organisedBy: 'task', items: [{ label: '参保动员' }] });
  const templates = {
    main: await template('矩阵模板'),
    toUpdate: await template('矩阵待改模板'),
    toArchive: await template('矩阵待归档模板'),
  };
  const contact = hanName('联系');
  secrets.push(contact);
  const round = async (submit: boolean) => {
    const { id } = await supervisor.responsibility.openRound({
      title: '矩阵责任分工表报送',
      templateKey: QIANNAN.key,
      dueDate: addCalendarDays(today, 20),
      orgUnitIds: [a.countyA.id],
    });
    const mine = (await clerk.responsibility.listRounds()).find((r) => r.id === id)!.ownSubmission!;
    if (submit) {
      await clerk.responsibility.submit({
        submissionId: mine.id,
        filledDate: today,
        rows: fullRows(contact),
        sealConfirmed: true,
        sealConfirmedBy: '矩阵盖章人',
      });
    }
    return { roundId: id, submissionId: mine.id };
  };
  const rounds = { main: await round(true), draft: await round(false), toSubmit: await round(false), toReturn: await round(true) };

  const newUser = (role: TRole) =>
    admin.admin.createUser({
      username: `mx${digits(9)}`,
      displayName: '矩阵用户',
      role,
      orgUnitId: a.countyA.id,
      password: 'Passw0rd!',
    });
  const users = {
    toUpdate: await newUser('clerk'),
    toReset: await newUser('clerk'),
    forLogin: await createUser(handle.db, { orgUnitId: a.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() }),
  };
  secrets.push(users.toUpdate.username, users.toReset.username);

  /**
   * What only A1's own and parent users may ever see (personal data and the ids of A1's records),
   * and what only users of jurisdiction A may see (its reference data).
   */
  const markers = {
    a1: [
      ...secrets,
      ...Object.values(p).map((x) => x.id),
      ...Object.values(cases).map((c) => c.id),
      ...Object.values(cases).map((c) => c.caseNo),
      attachment.id,
      claim.id,
      claim.claimNo,
      claimToReverse.id,
      household.id,
      toResolve.id,
      ...Object.values(advances).map((x) => x.id),
      payeeChange.id,
      ...Object.values(referrals).map((x) => x.id),
      ...Object.values(offsite).map((x) => x.id),
      override.id,
      ...Object.values(batches).map((x) => x.id),
      job.id,
      run.id,
      ...Object.values(rounds).flatMap((r) => [r.roundId, r.submissionId]),
      town2.id,
    ],
    jurisdiction: [param.id, premium.id, ...Object.values(h).map((x) => x.id), ...Object.values(templates).map((t) => t.key)],
  };

  return {
    handle,
    today,
    a,
    b,
    units,
    town,
    town2,
    h,
    param,
    premium,
    p,
    scratchFact,
    household,
    toResolve,
    claim,
    claimToReverse,
    cases,
    attachment,
    advances,
    payeeChange,
    referrals,
    offsite,
    override,
    batches,
    job,
    run,
    templates,
    contact,
    rounds,
    users,
    markers,
    referralInput,
    offsiteInput,
    freshBatch,
    appliedBatch,
    /** The version a reimbursement case or an advance declaration has now (inputs name it). */
    caseVersion: async (id: string) =>
      (await handle.db.select({ v: reimbursementCases.version }).from(reimbursementCases).where(eq(reimbursementCases.id, id)))[0]!.v,
    advanceVersion: async (id: string) =>
      (await handle.db.select({ v: advanceDeclarations.version }).from(advanceDeclarations).where(eq(advanceDeclarations.id, id)))[0]!.v,
  };
}

/** One signed-in user for every role at every place (the matrix's callers). */
export async function makeCallers(world: World) {
  const callers = {} as Record<TRole, Record<Place, Caller>>;
  for (const role of ROLES) {
    callers[role] = {} as Record<Place, Caller>;
    for (const place of PLACES) callers[role][place] = await callerAs(world.handle, role, world.units[place].id);
  }
  return callers;
}

export { TEST_PASSWORD };
