import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  claims,
  enrollments,
  eq,
  hospitals,
  inArray,
  offsiteRegistrations,
  referralOverrides,
  referrals,
  sql,
  type DbHandle,
} from '@portal/db';
import { createPerson, createUser, type TestTree } from '@portal/db/test';
import { type THospitalLevel, type TSettleRequest, type TSettleResult, addCalendarDays, createEmptyYtd } from '@portal/rules';
import { chinaDate } from '../src/core/index.js';
import { createCaller } from '../src/root.js';
import { createSession, findSessionUser } from '../src/services/auth/session.js';
import { getPersonFacts } from '../src/services/persons/index.js';
import { decideVisitReferral, findReferralOverride, findValidReferral } from '../src/services/referrals/index.js';
import { callerAs, env, indexPlanOf, makeContext, makeTree, setupDb, testPasswordHash } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const today = chinaDate(new Date());
const day = (n: number) => addCalendarDays(today, n);

/** A Xianning-like jurisdiction: county hospitals of both levels, designated destinations, a beneficiary. */
async function xianning() {
  const tree = await makeTree(handle, 'xianning-2022');
  const hospital = async (
    code: string,
    name: string,
    level: THospitalLevel,
    regionCode: string,
    referralTier: 'city' | 'provincial' | null = null,
  ) =>
    (
      await handle.db
        .insert(hospitals)
        .values({ ownerOrgUnitId: tree.root.id, regionPath: tree.root.path, code, name, level, regionCode, regionName: name, referralTier })
        .returning()
    )[0]!;
  const h = {
    countyL2: await hospital('C2', '甲县人民医院', 2, tree.countyA.code),
    countyL1: await hospital('C1', '甲县卫生院', 1, tree.countyA.code),
    otherCounty: await hospital('B2', '乙县人民医院', 2, tree.countyB.code),
    provincial: await hospital('P1', '湖北省人民医院', 3, '420106', 'provincial'),
    provincial2: await hospital('P2', '武汉大学中南医院', 3, '420106', 'provincial'),
    cityDesignated: await hospital('M1', '市中心医院', 3, '421202', 'city'),
    plain: await hospital('X1', '湘雅医院', 3, '430102'),
  };
  const person = await createPerson(handle.db, {
    orgUnitId: tree.countyA.id,
    regionPath: tree.countyA.path,
    name: '王转诊',
    regionCode: '421222',
    categories: [{ category: 'subsistence_allowance', startDate: '2020-01-01' }],
  });
  const { caller: clerk, user: clerkUser, ctx } = await callerAs(handle, 'clerk', tree.countyA.id);
  return { tree, h, person, clerk, clerkUser, ctx };
}

function referralInput(x: Awaited<ReturnType<typeof xianning>>, over: Record<string, unknown> = {}) {
  return {
    idNumber: x.person.idNumber,
    issuingHospitalId: x.h.countyL2.id,
    destinationHospitalId: x.h.provincial.id,
    diagnosis: '肺恶性肿瘤',
    reason: '县级医院不具备放疗条件',
    issueDate: today,
    plannedAdmissionDate: day(3),
    registerNow: true,
    ...over,
  };
}

/** A caller whose server clock reads `now` (for expiry). */
async function callerAt(tree: TestTree, role: 'clerk' | 'reviewer', now: Date) {
  const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role, passwordHash: await testPasswordHash() });
  const session = await createSession(handle.db, user.id, new Date(), env);
  const sessionUser = await findSessionUser(handle.db, session.token, new Date(), env);
  return createCaller({ ...makeContext(handle, sessionUser, session.token), now: () => now });
}

/** The referral decision of an inpatient stay admitted on `date`, as claim entry makes it. */
async function inpatientReferral(x: Awaited<ReturnType<typeof xianning>>, hospital: { id: string; regionCode: string }, date: string) {
  const person = await getPersonFacts(x.ctx, x.person.id, date);
  return decideVisitReferral(x.ctx, { person, hospital, visitType: 'inpatient', admissionDate: date });
}

describe('referral registry', () => {
  it('a clerk registers a referral at the window: electronic number, audit row, and the lookup finds it', async () => {
    const x = await xianning();
    const created = await x.clerk.referrals.create(referralInput(x));
    expect(created.status).toBe('registered');
    expect(created.effectiveStatus).toBe('registered');
    expect(created.referralNo).toMatch(new RegExp(`^ZZ${today.slice(0, 4)}\\d{6}$`));
    expect(created.validUntil).toBe(day(89));
    expect(created.idNumberMasked).not.toContain(x.person.idNumber.slice(6, 14));
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['referral.register']);

    const found = await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: day(3) });
    expect(found).toMatchObject({ kind: 'referral', id: created.id, number: created.referralNo, destinationTier: 'provincial' });
    expect(found?.label).toContain(created.referralNo!);
    // Last valid day is covered, the day after and the day before issue are not; another hospital is not.
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: day(89) })).not.toBeNull();
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: day(90) })).toBeNull();
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: day(-1) })).toBeNull();
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial2.id, date: day(3) })).toBeNull();

    const visit = await inpatientReferral(x, x.h.provincial, day(3));
    expect(visit).toMatchObject({
      isRequired: true,
      source: 'registry',
      referred: true,
      offsiteRegistered: false,
      registrationId: created.id,
    });

    await x.clerk.referrals.cancel({ id: created.id, reason: '患者放弃转院' });
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: day(3) })).toBeNull();
    const none = await inpatientReferral(x, x.h.provincial, day(3));
    expect(none).toMatchObject({ source: 'none', referred: false });
    expect(none.note).toMatch(/未查到/);
  });

  it('submitted → registered by a reviewer; submitted → rejected with a reason; numbers are unique', async () => {
    const x = await xianning();
    const { caller: reviewer } = await callerAs(handle, 'reviewer', x.tree.countyA.id);
    const a = await x.clerk.referrals.create(referralInput(x, { registerNow: false }));
    expect(a).toMatchObject({ status: 'submitted', referralNo: null });
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: day(3) })).toBeNull();
    const registered = await reviewer.referrals.register({ id: a.id });
    expect(registered.referralNo).toMatch(/^ZZ\d{10}$/);
    await expect(reviewer.referrals.register({ id: a.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await x.clerk.referrals.cancel({ id: a.id, reason: '改转其他医院' });
    const b = await x.clerk.referrals.create(referralInput(x, { registerNow: false, destinationHospitalId: x.h.cityDesignated.id }));
    await expect(reviewer.referrals.reject({ id: b.id, reason: '短' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const rejected = await reviewer.referrals.reject({ id: b.id, reason: '转诊证明缺少医院盖章' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '转诊证明缺少医院盖章', referralNo: null });
    const c = await x.clerk.referrals.create(referralInput(x));
    expect(c.referralNo).not.toBe(registered.referralNo);
    const actions = (
      await handle.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.entityId, [a.id, b.id]))
    )
      .map((r) => r.action)
      .sort();
    expect(actions).toEqual(['referral.cancel', 'referral.register', 'referral.reject', 'referral.submit', 'referral.submit']);
  });

  it('bad input — wrong issuer level or county, destination off the list, dates out of order or past validity, no category, overlap — writes nothing', async () => {
    const x = await xianning();
    const bad: [Record<string, unknown>, RegExp, string][] = [
      [{ issuingHospitalId: x.h.countyL1.id }, /二级及以上/, 'issuingHospitalId'],
      [{ issuingHospitalId: x.h.otherCounty.id }, /县域内/, 'issuingHospitalId'],
      [{ destinationHospitalId: x.h.plain.id }, /指定转诊定点/, 'destinationHospitalId'],
      [{ plannedAdmissionDate: day(-1) }, /不能早于开具日期/, 'plannedAdmissionDate'],
      [{ plannedAdmissionDate: day(95) }, /超出转诊有效期/, 'plannedAdmissionDate'],
      [{ issueDate: day(1), plannedAdmissionDate: day(2) }, /不能晚于今天/, 'issueDate'],
      [{ issueDate: day(-120), plannedAdmissionDate: day(-100) }, /过期/, 'issueDate'],
    ];
    for (const [over, message, field] of bad) {
      const err = await x.clerk.referrals.create(referralInput(x, over)).catch((e: unknown) => e);
      expect(err, JSON.stringify(over)).toMatchObject({ message: expect.stringMatching(message) });
      const cause = (err as { cause?: { options?: { field?: string }; issues?: { path: PropertyKey[] }[] } }).cause;
      const where = cause?.options?.field ?? cause?.issues?.[0]?.path.join('.');
      expect(where, JSON.stringify(over)).toBe(field);
    }
    const ordinary = await createPerson(handle.db, {
      orgUnitId: x.tree.countyA.id,
      regionPath: x.tree.countyA.path,
      regionCode: '421222',
      categories: [{ category: 'subsistence_allowance', startDate: '2015-01-01', endDate: day(1) }],
    });
    await expect(x.clerk.referrals.create(referralInput(x, { idNumber: ordinary.idNumber }))).rejects.toThrow(
      /不具有有效的医保扶贫对象身份/,
    );
    const notEnrolled = await createPerson(handle.db, {
      orgUnitId: x.tree.countyA.id,
      regionPath: x.tree.countyA.path,
      regionCode: '421222',
      categories: [{ category: 'marginal', startDate: '2020-01-01' }],
    });
    await handle.db.insert(enrollments).values({
      personId: notEnrolled.id,
      regionPath: x.tree.countyA.path,
      year: Number(day(3).slice(0, 4)),
      basicEnrolled: false,
      criticalEnrolled: false,
    });
    await expect(x.clerk.referrals.create(referralInput(x, { idNumber: notEnrolled.idNumber }))).rejects.toThrow(
      /年度未参加城乡居民基本医疗保险/,
    );
    expect(
      await handle.db
        .select()
        .from(referrals)
        .where(inArray(referrals.personId, [x.person.id, ordinary.id, notEnrolled.id])),
    ).toHaveLength(0);

    await x.clerk.referrals.create(referralInput(x));
    await expect(
      x.clerk.referrals.create(
        referralInput(x, { destinationHospitalId: x.h.cityDesignated.id, issueDate: day(-5), plannedAdmissionDate: day(1) }),
      ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/有效期重叠/),
    });
    expect(await handle.db.select().from(referrals).where(eq(referrals.personId, x.person.id))).toHaveLength(1);
  });

  it('rejects the wrong role and region', async () => {
    const x = await xianning();
    const { caller: supervisor } = await callerAs(handle, 'supervisor', x.tree.root.id);
    await expect(supervisor.referrals.create(referralInput(x))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await makeTree(handle, 'xianning-2022');
    const { caller: stranger } = await callerAs(handle, 'clerk', other.countyA.id);
    await expect(stranger.referrals.create(referralInput(x))).rejects.toThrow(/本辖区没有该身份证号码/);
    await expect(stranger.referrals.prepare({ idNumber: x.person.idNumber })).rejects.toThrow(/本辖区没有/);
    const created = await x.clerk.referrals.create(referralInput(x));
    const { caller: neighbour } = await callerAs(handle, 'clerk', x.tree.countyB.id);
    await expect(neighbour.referrals.cancel({ id: created.id, reason: '越权撤销' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(neighbour.referrals.get({ id: created.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await neighbour.referrals.list({})).items.map((r) => r.id)).not.toContain(created.id);
    expect((await supervisor.referrals.list({})).items.map((r) => r.id)).toContain(created.id);
    expect(await handle.db.select().from(referrals).where(eq(referrals.personId, x.person.id))).toHaveLength(1);
  });

  it('prepare checks the identity and offers only eligible issuers and designated destinations', async () => {
    const x = await xianning();
    const p = await x.clerk.referrals.prepare({ idNumber: x.person.idNumber });
    expect(p.person).toMatchObject({ name: '王转诊', profile: 'xianning-2022' });
    expect(p.categoriesToday).toEqual(['subsistence_allowance']);
    expect(p.validityDays).toBe(90);
    expect(p.destinations.map((d) => d.name).sort()).toEqual(['市中心医院', '武汉大学中南医院', '湖北省人民医院'].sort());
    const problems = Object.fromEntries(p.issuingHospitals.map((h) => [h.name, h.problem]));
    expect(problems['甲县人民医院']).toBeNull();
    expect(problems['甲县卫生院']).toMatch(/二级/);
    expect(problems['乙县人民医院']).toMatch(/县域内/);
  });

  it('a referral past its validity shows as expired and can no longer be registered', async () => {
    const x = await xianning();
    const submitted = await x.clerk.referrals.create(referralInput(x, { registerNow: false }));
    const later = await callerAt(x.tree, 'reviewer', new Date(Date.now() + 95 * 86_400_000));
    expect((await later.referrals.get({ id: submitted.id })).effectiveStatus).toBe('expired');
    await expect(later.referrals.register({ id: submitted.id })).rejects.toThrow(/过期/);
    expect((await later.referrals.list({ status: 'expired', personId: x.person.id })).items).toHaveLength(1);
  });

  it('the list pages by keyset, newest first, every referral once, with a bounded count, served by its index', async () => {
    const x = await xianning();
    const created = await x.clerk.referrals.create(referralInput(x));
    const row = (await handle.db.select().from(referrals).where(eq(referrals.id, created.id)))[0]!;
    const { id: _id, referralNo: _no, ...template } = row;
    await handle.db
      .insert(referrals)
      .values(
        Array.from({ length: 24 }, (_, i) => ({ ...template, referralNo: null, createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, i)) })),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await x.clerk.referrals.list({ pageSize: 10, cursor });
      expect(page.count).toEqual({ value: 25, isEstimate: false });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe(created.id);
    expect((await x.clerk.referrals.list({ q: x.person.name.slice(0, 1) })).count.value).toBe(25);
    expect((await x.clerk.referrals.list({ q: x.person.idNumber.slice(-6) })).count.value).toBe(25);
    expect((await x.clerk.referrals.list({ q: created.referralNo! })).items.map((r) => r.id)).toEqual([created.id]);
    const { caller: neighbour } = await callerAs(handle, 'clerk', x.tree.countyB.id);
    expect((await neighbour.referrals.list({ q: x.person.idNumber })).count.value).toBe(0);
    await handle.db.execute(sql`analyze referrals`);
    const plan = await indexPlanOf(
      handle,
      sql`select id from referrals where region_path like ${`${x.tree.root.path}%`} order by created_at desc, id desc limit 21`,
    );
    expect(plan).toContain('referrals_created_at_idx');
    expect(plan).not.toMatch(/Sort/);
  });
});

describe('off-site registration', () => {
  const offsite = (idNumber: string, over: Record<string, unknown> = {}) => ({
    idNumber,
    type: 'migrant_work' as const,
    provinceCode: '420000',
    cityCode: '420100',
    cityName: '武汉市',
    startDate: day(-10),
    endDate: day(5),
    documentType: '劳动合同',
    documentNo: 'HT-2026-0001',
    ...over,
  });

  it('registers, covers hospitals in the destination city on dates in the period, refuses an overlap', async () => {
    const x = await xianning();
    const reg = await x.clerk.referrals.createOffsite(offsite(x.person.idNumber));
    expect(reg.registrationNo).toMatch(/^YD\d{10}$/);
    expect(reg.destination).toBe('湖北省武汉市');
    const found = await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: today });
    expect(found).toMatchObject({ kind: 'offsite', id: reg.id, offsiteType: 'migrant_work' });
    expect(found?.label).toContain('外出务工');
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.cityDesignated.id, date: today })).toBeNull();
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: day(6) })).toBeNull();
    // Xianning does not accept it in place of a referral: the decision names it and stays unreferred.
    const visit = await inpatientReferral(x, x.h.provincial, today);
    expect(visit).toMatchObject({ source: 'none', referred: false, offsiteRegistered: false, registration: null });
    expect(visit.note).toMatch(/不能代替转诊备案/);

    await expect(
      x.clerk.referrals.createOffsite(offsite(x.person.idNumber, { startDate: day(5), endDate: day(30) })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      x.clerk.referrals.createOffsite(offsite(x.person.idNumber, { startDate: day(10), endDate: day(9) })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await handle.db.select().from(offsiteRegistrations).where(eq(offsiteRegistrations.personId, x.person.id))).toHaveLength(1);

    // A referral to the same hospital is preferred over the off-site registration.
    const ref = await x.clerk.referrals.create(referralInput(x));
    expect(await findValidReferral(handle, { personId: x.person.id, hospitalId: x.h.provincial.id, date: today })).toMatchObject({
      kind: 'referral',
      id: ref.id,
    });

    await x.clerk.referrals.cancelOffsite({ id: reg.id, reason: '已返乡' });
    const next = await x.clerk.referrals.createOffsite(
      offsite(x.person.idNumber, { startDate: day(5), endDate: day(30), cityCode: null, cityName: null }),
    );
    expect(next.destination).toBe('湖北省');
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [reg.id, next.id]));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'offsite_registration.cancel',
      'offsite_registration.create',
      'offsite_registration.create',
    ]);
  });

  it('rejects the wrong role', async () => {
    const x = await xianning();
    const { caller: supervisor } = await callerAs(handle, 'supervisor', x.tree.root.id);
    await expect(supervisor.referrals.createOffsite(offsite(x.person.idNumber))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await handle.db.select().from(offsiteRegistrations).where(eq(offsiteRegistrations.personId, x.person.id))).toHaveLength(0);
  });
});

describe('reviewer override', () => {
  it('only a reviewer records it, with a reason; claim entry finds it; refused where a registration exists', async () => {
    const x = await xianning();
    const input = { personId: x.person.id, hospitalId: x.h.plain.id, admissionDate: day(-2), reason: '急诊转院，事后补办手续' };
    await expect(x.clerk.referrals.createOverride(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller: reviewer } = await callerAs(handle, 'reviewer', x.tree.countyA.id);
    await expect(reviewer.referrals.createOverride({ ...input, reason: '急' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await handle.db.select().from(referralOverrides).where(eq(referralOverrides.personId, x.person.id))).toHaveLength(0);
    const created = await reviewer.referrals.createOverride(input);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['referral.override']);
    expect(await findReferralOverride(handle, { personId: x.person.id, hospitalId: x.h.plain.id, date: day(-2) })).toMatchObject({
      id: created.id,
    });
    expect(await findReferralOverride(handle, { personId: x.person.id, hospitalId: x.h.plain.id, date: day(-1) })).toBeNull();
    expect(await inpatientReferral(x, x.h.plain, day(-2))).toMatchObject({
      source: 'override',
      referred: true,
      registrationId: created.id,
    });

    await x.clerk.referrals.create(referralInput(x));
    await expect(
      reviewer.referrals.createOverride({ ...input, hospitalId: x.h.provincial.id, admissionDate: day(3) }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const { caller: otherReviewer } = await callerAs(handle, 'reviewer', x.tree.countyB.id);
    await expect(otherReviewer.referrals.createOverride(input)).rejects.toThrow(/不在您的管辖范围/);
  });
});

describe('referral admin', () => {
  it('an admin flags a destination and sets the validity; the next referral uses it; a clerk may not', async () => {
    const x = await xianning();
    const { caller: admin } = await callerAs(handle, 'admin', x.tree.root.id);
    await expect(x.clerk.referrals.setTier({ hospitalId: x.h.plain.id, referralTier: 'provincial' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await admin.referrals.setTier({ hospitalId: x.h.plain.id, referralTier: 'provincial' });
    await expect(admin.referrals.setValidity({ orgUnitId: x.tree.countyA.id, validityDays: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await admin.referrals.setValidity({ orgUnitId: x.tree.countyA.id, validityDays: 30 });
    const list = await admin.referrals.adminList();
    expect(list.hospitals.find((h) => h.id === x.h.plain.id)?.referralTier).toBe('provincial');
    expect(list.settings).toEqual([expect.objectContaining({ orgUnitId: x.tree.countyA.id, validityDays: 30 })]);
    const r = await x.clerk.referrals.create(referralInput(x, { destinationHospitalId: x.h.plain.id }));
    expect(r).toMatchObject({ validityDays: 30, validUntil: day(29), destinationTier: 'provincial' });
    const other = await makeTree(handle, 'xianning-2022');
    const { caller: otherAdmin } = await callerAs(handle, 'admin', other.root.id);
    await expect(otherAdmin.referrals.setTier({ hospitalId: x.h.plain.id, referralTier: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [x.h.plain.id, x.tree.countyA.id]));
    expect(audit.map((a) => a.action).sort()).toEqual(['hospital.set_referral_tier', 'referral_settings.update']);
  });
});

describe('reports', () => {
  it('counts referrals by month, destination and county; lists unreferred out-of-county admissions and expiring registrations', async () => {
    const x = await xianning();
    await x.clerk.referrals.create(referralInput(x, { issueDate: day(-84), plannedAdmissionDate: day(-80) }));
    const { caller: supervisor } = await callerAs(handle, 'supervisor', x.tree.root.id);
    const year = Number(day(-84).slice(0, 4));
    const byMonth = await supervisor.referrals.reportByMonth({ year });
    const mine = byMonth.rows.filter((r) => r.countyName === `测试甲县${x.tree.root.code.slice(0, 4)}`);
    expect(mine).toEqual([
      expect.objectContaining({ month: day(-84).slice(0, 7), destinationName: '湖北省人民医院', tier: 'provincial', count: 1 }),
    ]);

    const expiring = await supervisor.referrals.reportExpiring();
    expect(expiring.items.filter((i) => i.personName === '王转诊')).toEqual([
      expect.objectContaining({ kind: 'referral', lastDay: day(5) }),
    ]);

    const claim = (over: Partial<typeof claims.$inferInsert>): typeof claims.$inferInsert => ({
      claimNo: `T${Math.random().toString().slice(2, 12)}`,
      personId: x.person.id,
      orgUnitId: x.tree.countyA.id,
      regionPath: x.tree.countyA.path,
      profile: 'xianning-2022',
      year: Number(today.slice(0, 4)),
      hospitalId: x.h.plain.id,
      hospitalName: x.h.plain.name,
      hospitalLevel: 3,
      location: 'out_of_province' as const,
      visitType: 'inpatient' as const,
      admissionDate: day(-20),
      dischargeDate: day(-10),
      diagnosis: '冠心病',
      appliedCategory: 'subsistence_allowance',
      // The report reads the referral columns, never the stored request and result.
      request: {} as TSettleRequest,
      result: {} as TSettleResult,
      ytdBefore: createEmptyYtd(),
      createdBy: x.clerkUser.id,
      ...over,
    });
    await handle.db
      .insert(claims)
      .values([
        claim({ referralSource: 'none' }),
        claim({ referralSource: 'registry', referred: true }),
        claim({ referralSource: 'none', location: 'in_county' }),
        claim({ referralSource: 'none', visitType: 'outpatient' }),
      ]);
    const unreferred = await supervisor.referrals.reportUnreferred({ year: Number(today.slice(0, 4)) });
    const rows = unreferred.filter((r) => r.personId === x.person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hospitalName: '湘雅医院', location: 'out_of_province', diagnosis: '冠心病' });
    expect(rows[0]!.idNumberMasked).toMatch(/\*{8}/);

    const other = await makeTree(handle, 'xianning-2022');
    const { caller: stranger } = await callerAs(handle, 'supervisor', other.root.id);
    expect(
      (await stranger.referrals.reportUnreferred({ year: Number(today.slice(0, 4)) })).filter((r) => r.personId === x.person.id),
    ).toHaveLength(0);
  });
});

describe('claim entry consults the registry', () => {
  const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const entry = (personId: string, hospitalId: string, over: Record<string, unknown> = {}) => ({
    personId,
    hospitalId,
    visitType: 'inpatient' as const,
    admissionDate: day(-8),
    dischargeDate: day(-2),
    diagnosis: '肺恶性肿瘤',
    totalCost: 20000000,
    inScopeCost: 18000000,
    ...over,
  });

  it('a registered referral makes the visit referred and the claim names it; the clerk cannot claim one the registry lacks', async () => {
    const x = await xianning();
    // "referred" is no longer part of the entry: sent anyway, it is dropped and the registry decides.
    const unreferred = await x.clerk.claims.create({
      entry: { ...entry(x.person.id, x.h.provincial.id), referred: true } as ReturnType<typeof entry>,
      idempotencyKey: key(),
    });
    expect(unreferred).toMatchObject({ referralSource: 'none', referred: false });

    const context = await x.clerk.claims.context({
      personId: x.person.id,
      date: day(-2),
      hospitalId: x.h.provincial.id,
      admissionDate: day(-8),
      visitType: 'inpatient',
    });
    expect(context.referral).toMatchObject({ isRequired: true, source: 'none', referred: false });

    const ref = await x.clerk.referrals.create(referralInput(x, { issueDate: day(-10), plannedAdmissionDate: day(-8) }));
    const after = await x.clerk.claims.context({
      personId: x.person.id,
      date: day(-2),
      hospitalId: x.h.provincial.id,
      admissionDate: day(-8),
      visitType: 'inpatient',
    });
    expect(after.referral).toMatchObject({ source: 'registry', referred: true, number: ref.referralNo });
    // The clerk need not tick anything: the registry sets "referred".
    const claim = await x.clerk.claims.create({ entry: entry(x.person.id, x.h.provincial.id), idempotencyKey: key() });
    expect(claim).toMatchObject({ referralSource: 'registry' });
    expect(claim.referralNote).toContain(ref.referralNo!);
    const row = (await handle.db.select().from(claims).where(eq(claims.id, claim.id)))[0]!;
    expect(row).toMatchObject({ referred: true, referralId: ref.id });
    expect((row.request as { visit: { referred: boolean } }).visit.referred).toBe(true);
  });

  it('an off-site registration does not stand in for a referral outside Weihai; a reviewer override does, and is marked used', async () => {
    const x = await xianning();
    await x.clerk.referrals.createOffsite({
      idNumber: x.person.idNumber,
      type: 'long_term_residence' as const,
      provinceCode: '420000',
      cityCode: null,
      cityName: null,
      startDate: day(-30),
      endDate: day(30),
      documentType: '居住证',
      documentNo: 'JZZ-001',
    });
    const offsiteOnly = await x.clerk.claims.create({ entry: entry(x.person.id, x.h.provincial.id), idempotencyKey: key() });
    expect(offsiteOnly.referralSource).toBe('none');
    expect(offsiteOnly.referralNote).toMatch(/不能代替转诊备案/);

    const { caller: reviewer } = await callerAs(handle, 'reviewer', x.tree.countyA.id);
    const override = await reviewer.referrals.createOverride({
      personId: x.person.id,
      hospitalId: x.h.provincial2.id,
      admissionDate: day(-8),
      reason: '急诊转院，事后补办',
    });
    const claim = await x.clerk.claims.create({ entry: entry(x.person.id, x.h.provincial2.id), idempotencyKey: key() });
    expect(claim.referralSource).toBe('override');
    expect(claim.referralNote).toContain('急诊转院');
    const used = (await handle.db.select().from(referralOverrides).where(eq(referralOverrides.id, override.id)))[0]!;
    expect(used.claimId).toBe(claim.id);
  });
});
