import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createSession } from '../src/services/auth/session.js';
import { auditLog, claims, enrollments, eq, personYearAccumulators, type DbHandle } from '@portal/db';
import { createPerson, createUser, type TestTree } from '@portal/db/test';
import { callerAs, env, makeTree, setupDb, testPasswordHash } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

/** The parameters of the RULES §8 example request. */
const EXAMPLE_PARAMS = {
  basic: { deductible: { 1: 20000, 2: 50000, 3: 100000 }, rate: { 1: 85, 2: 75, 3: 60 }, annualCap: 25000000, unreferredRateCut: 0 },
  critical: { deductible: 1000000, rate: 60, annualCap: 30000000, poorRateIncrement: 0, specialDrugRate: 0 },
  assistance: { rate: 0, annualCap: 10000000 },
};

async function qiannanSetup() {
  const tree = await makeTree(handle, 'qiannan-2019');
  const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
  await admin.params.create({ orgUnitId: tree.root.id, effectiveFrom: '2019-01-01', settle: EXAMPLE_PARAMS, note: '按示例参数' });
  const hospital = await admin.hospitals.create({
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
  const outside = await admin.hospitals.create({
    ownerOrgUnitId: tree.root.id,
    code: 'H-B',
    name: '乙县人民医院',
    level: 2,
    regionCode: tree.countyB.code,
    regionName: '乙县',
    isNetworked: true,
    isSpecialDiseaseDesignated: false,
    referralTier: null,
  });
  const { caller: clerk } = await callerAs(handle, 'clerk', tree.countyA.id);
  const person = await createPerson(handle.db, {
    orgUnitId: tree.countyA.id,
    regionPath: tree.countyA.path,
    categories: [{ category: 'registered_poor', startDate: '2016-01-01' }],
  });
  return { tree, clerk, hospital, outside, person };
}

function entry(personId: string, hospitalId: string, over: Record<string, unknown> = {}) {
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

const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;

describe('claims.create', () => {
  it('settles RULES §9 example 1 on the server and stores lines, accumulators and an audit row', async () => {
    const { clerk, hospital, person } = await qiannanSetup();
    const claim = await clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() });
    expect(claim.appliedCategory).toBe('registered_poor');
    const amounts = Object.fromEntries(claim.lines.map((l) => [l.tier, l.amount]));
    expect(amounts).toMatchObject({ basic: 2062500, critical: 154375, assistance: 408188 });
    expect(claim.totals.patientPays).toBe(374937);
    expect(claim.lines.find((l) => l.tier === 'basic')?.clause).toBe('000 §二(四)1');
    expect(claim.person.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const acc = await handle.db.select().from(personYearAccumulators).where(eq(personYearAccumulators.personId, person.id));
    expect(acc[0]?.ytd).toMatchObject({ basic: 2062500, critical: 154375, criticalBase: 737500 });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, claim.id));
    expect(audit.map((a) => a.action)).toEqual(['claim.create']);
  });

  it('a second visit continues the cumulative 大病 base', async () => {
    const { clerk, hospital, person } = await qiannanSetup();
    await clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() });
    const second = await clerk.claims.create({
      entry: entry(person.id, hospital.id, { admissionDate: '2019-10-01', dischargeDate: '2019-10-08' }),
      idempotencyKey: key(),
    });
    // Whole base 737 500 is above the already-passed 500 000 deductible: 737 500 × 65 % = 479 375.
    expect(second.lines.find((l) => l.tier === 'critical')?.amount).toBe(479375);
  });

  it('two clerks settling for the same person at once do not double-count the 大病 deductible', async () => {
    const { tree, clerk, hospital, person } = await qiannanSetup();
    const { caller: clerk2 } = await callerAs(handle, 'clerk', tree.countyA.id);
    const [a, b] = await Promise.all([
      clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() }),
      clerk2.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() }),
    ]);
    const criticals = [a, b].map((c) => c.lines.find((l) => l.tier === 'critical')?.amount).sort();
    expect(criticals).toEqual([154375, 479375]);
    const acc = await handle.db.select().from(personYearAccumulators).where(eq(personYearAccumulators.personId, person.id));
    expect(acc[0]?.ytd).toMatchObject({ critical: 154375 + 479375, criticalBase: 1475000 });
    expect(acc[0]?.claimCount).toBe(2);
  });

  it('the same idempotency key twice stores one claim', async () => {
    const { clerk, hospital, person } = await qiannanSetup();
    const k = key();
    const [a, b] = await Promise.all([
      clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: k }),
      clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: k }),
    ]);
    expect(a.id).toBe(b.id);
    const rows = await handle.db.select().from(claims).where(eq(claims.personId, person.id));
    expect(rows).toHaveLength(1);
  });

  it('an unreferred out-of-county admission loses the tilt, and says so', async () => {
    const { clerk, outside, person } = await qiannanSetup();
    const claim = await clerk.claims.create({ entry: entry(person.id, outside.id), idempotencyKey: key() });
    expect(claim.referralSource).toBe('none');
    expect(claim.notices.join('')).toMatch(/转诊/);
    // Ordinary 大病 terms: base 737 500 < 1 000 000 deductible → nothing.
    expect(claim.lines.find((l) => l.tier === 'critical')?.amount ?? 0).toBe(0);
  });

  it.each([
    ['inScopeCost', { inScopeCost: 3000001 }, '政策范围内费用不能大于医疗总费用'],
    ['dischargeDate', { dischargeDate: '2019-08-01' }, '出院日期不能早于入院日期'],
    ['totalCost', { totalCost: 100.5 }, '整数'],
    ['totalCost', { totalCost: -5 }, '不能为负'],
    ['dischargeDate', { admissionDate: '2099-01-01', dischargeDate: '2099-01-02' }, '不能晚于今天'],
    ['dischargeDate', { admissionDate: '2018-01-01', dischargeDate: '2018-01-02' }, '执行年度'],
  ])('refuses bad %s and stores nothing', async (_field, over, message) => {
    const { clerk, hospital, person } = await qiannanSetup();
    await expect(clerk.claims.create({ entry: entry(person.id, hospital.id, over), idempotencyKey: key() })).rejects.toThrow(message);
    const rows = await handle.db.select().from(claims).where(eq(claims.personId, person.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses a person outside the clerk’s county, and a supervisor', async () => {
    const { tree, hospital, person } = await qiannanSetup();
    const { caller: otherClerk } = await callerAs(handle, 'clerk', tree.countyB.id);
    await expect(otherClerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const { caller: supervisor } = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(supervisor.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a hospital of another jurisdiction', async () => {
    const { clerk, person } = await qiannanSetup();
    const other: TestTree = await makeTree(handle);
    const { caller: admin } = await callerAs(handle, 'admin', other.root.id);
    const foreign = await admin.hospitals.create({
      ownerOrgUnitId: other.root.id,
      code: 'X',
      name: '外地医院',
      level: 2,
      regionCode: other.countyA.code,
      regionName: '外地',
      isNetworked: true,
      isSpecialDiseaseDesignated: false,
      referralTier: null,
    });
    await expect(clerk.claims.create({ entry: entry(person.id, foreign.id), idempotencyKey: key() })).rejects.toThrow(
      '不在本辖区医院名单内',
    );
  });
});

describe('claims.reverse', () => {
  it('a reviewer reverses the latest claim; accumulators go back; an earlier claim must wait', async () => {
    const { tree, clerk, hospital, person } = await qiannanSetup();
    const first = await clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() });
    const second = await clerk.claims.create({
      entry: entry(person.id, hospital.id, { admissionDate: '2019-10-01', dischargeDate: '2019-10-08' }),
      idempotencyKey: key(),
    });
    const { caller: reviewer } = await callerAs(handle, 'reviewer', tree.countyA.id);
    await expect(reviewer.claims.reverse({ id: first.id, reason: '金额录入错误' })).rejects.toThrow(/请先冲销后面的结算单/);
    await expect(clerk.claims.reverse({ id: second.id, reason: '金额录入错误' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reversal = await reviewer.claims.reverse({ id: second.id, reason: '金额录入错误' });
    expect(reversal.kind).toBe('reversal');
    expect(reversal.totals.patientPays).toBe(-second.totals.patientPays);
    const acc = await handle.db.select().from(personYearAccumulators).where(eq(personYearAccumulators.personId, person.id));
    expect(acc[0]?.ytd).toMatchObject({ critical: 154375, criticalBase: 737500 });
    await expect(reviewer.claims.reverse({ id: second.id, reason: '重复冲销' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const list = await reviewer.claims.list({ personId: person.id });
    expect(list.count).toEqual({ value: 3, isEstimate: false });
    expect(list.totals?.patientPays).toBe(first.totals.patientPays);
    // Searched by the person's name or the last digits of the ID number, newest first by keyset.
    const byName = await reviewer.claims.list({ q: person.name, pageSize: 2 });
    expect(byName.items.map((c) => c.personId)).toEqual([person.id, person.id]);
    expect(byName.items[0]?.kind).toBe('reversal');
    const rest = await reviewer.claims.list({ q: person.idNumber.slice(-6), pageSize: 2, cursor: byName.nextCursor ?? undefined });
    expect(rest.items.map((c) => c.id)).toEqual([first.id]);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('claims.context', () => {
  it('gives categories held on the date, accumulators, parameters and location', async () => {
    const { clerk, outside, person } = await qiannanSetup();
    const ctx = await clerk.claims.context({ personId: person.id, date: '2019-09-02', hospitalId: outside.id });
    expect(ctx.categories.map((c) => c.id)).toEqual(['registered_poor']);
    expect(ctx.location).toBe('in_city');
    expect(ctx.params.critical.deductible).toBe(1000000);
    const before = await clerk.claims.context({ personId: person.id, date: '2015-06-01' });
    expect(before.categories).toEqual([]);
  });
});

describe('settlement slip PDF', () => {
  it('renders the slip for a user in the region and refuses others', async () => {
    const { tree, clerk, hospital, person } = await qiannanSetup();
    const claim = await clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() });
    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() });
    const session = await createSession(handle.db, user.id, new Date(), env);
    const ok = await app.inject({
      method: 'GET',
      url: `/api/claims/${claim.id}/slip.pdf`,
      headers: { cookie: `portal_session=${session.token}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await createUser(handle.db, { orgUnitId: tree.countyB.id, role: 'clerk', passwordHash: await testPasswordHash() });
    const other = await createSession(handle.db, stranger.id, new Date(), env);
    const denied = await app.inject({
      method: 'GET',
      url: `/api/claims/${claim.id}/slip.pdf`,
      headers: { cookie: `portal_session=${other.token}` },
    });
    expect(denied.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: `/api/claims/${claim.id}/slip.pdf` });
    expect(anonymous.statusCode).toBe(401);
    await app.close();
  });
});

describe('claims and the enrollment register', () => {
  it('refuses a visit in a year the register says the person was not enrolled, or before the enrollment date', async () => {
    const { clerk, hospital, person, tree } = await qiannanSetup();
    await handle.db.insert(enrollments).values({
      personId: person.id,
      regionPath: tree.countyA.path,
      year: 2019,
      basicEnrolled: false,
      criticalEnrolled: false,
      notEnrolledReason: 'refused',
      resolutionDeadline: '2019-12-31',
    });
    await expect(clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() })).rejects.toThrow(
      /未参加城乡居民基本医疗保险（/,
    );
    await handle.db
      .update(enrollments)
      .set({ basicEnrolled: true, criticalEnrolled: true, enrolledOn: '2019-09-01', notEnrolledReason: null })
      .where(eq(enrollments.personId, person.id));
    await expect(clerk.claims.create({ entry: entry(person.id, hospital.id), idempotencyKey: key() })).rejects.toThrow(
      /早于参保日期 2019-09-01/,
    );
    const rows = await handle.db.select().from(claims).where(eq(claims.personId, person.id));
    expect(rows).toHaveLength(0);
  });
});
