import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, enrollments, eq, hospitals, orgUnits, type DbHandle } from '@portal/db';
import { createPerson } from '@portal/db/test';
import { type THospitalLevel, type TProfileId, addCalendarDays } from '@portal/rules';
import { chinaDate, type DomainError } from '../src/core/index.js';
import { assertEnrolledOn, getEnrollmentOn } from '../src/services/enrollment/index.js';
import { getPersonFacts } from '../src/services/persons/index.js';
import { decideVisitReferral } from '../src/services/referrals/index.js';
import { callerAs, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const today = chinaDate(new Date());
const day = (n: number) => addCalendarDays(today, n);
const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;

/**
 * A jurisdiction with a county hospital, a provincial hospital in another province (a referral
 * destination) and a second hospital there; a beneficiary who holds a registered referral to the
 * first and an off-site registration covering the whole other province.
 */
async function jurisdiction(profile: TProfileId, category: 'registered_poor' | 'subsistence_allowance') {
  const tree = await makeTree(handle, profile);
  const province = tree.countyA.code.startsWith('11') ? '12' : '11';
  const hospital = async (
    code: string,
    name: string,
    level: THospitalLevel,
    regionCode: string,
    referralTier: 'provincial' | null = null,
  ) =>
    (
      await handle.db
        .insert(hospitals)
        .values({ ownerOrgUnitId: tree.root.id, regionPath: tree.root.path, code, name, level, regionCode, regionName: name, referralTier })
        .returning()
    )[0]!;
  const h = {
    county: await hospital('C2', '本县人民医院', 2, tree.countyA.code),
    destination: await hospital('P1', '外省第一医院', 3, `${province}0105`, 'provincial'),
    other: await hospital('P2', '外省第二医院', 3, `${province}0108`),
  };
  const person = await createPerson(handle.db, {
    orgUnitId: tree.countyA.id,
    regionPath: tree.countyA.path,
    categories: [{ category, startDate: '2016-01-01' }],
  });
  const { caller: clerk, ctx } = await callerAs(handle, 'clerk', tree.countyA.id);
  await clerk.referrals.create({
    idNumber: person.idNumber,
    issuingHospitalId: h.county.id,
    destinationHospitalId: h.destination.id,
    diagnosis: '肺恶性肿瘤',
    reason: '本地不具备诊治条件',
    issueDate: day(-10),
    plannedAdmissionDate: day(-8),
    registerNow: true,
  });
  await clerk.referrals.createOffsite({
    idNumber: person.idNumber,
    type: 'long_term_residence',
    provinceCode: `${province}0000`,
    cityCode: null,
    cityName: null,
    startDate: day(-30),
    endDate: day(30),
    documentType: '居住证',
    documentNo: 'JZZ-001',
  });
  return { tree, h, person, clerk, ctx };
}

type Visit = { hospitalId: string; visitType: 'inpatient' | 'chronic_outpatient' | 'outpatient' };

/** What the claim preview says about the referral, next to what the saved claim holds. */
async function previewAndSave(x: Awaited<ReturnType<typeof jurisdiction>>, visit: Visit) {
  const inpatient = visit.visitType === 'inpatient';
  const admissionDate = inpatient ? day(-8) : day(-5);
  const dischargeDate = inpatient ? day(-2) : day(-5);
  const context = await x.clerk.claims.context({
    personId: x.person.id,
    date: dischargeDate,
    hospitalId: visit.hospitalId,
    admissionDate,
    visitType: visit.visitType,
  });
  const claim = await x.clerk.claims.create({
    entry: {
      personId: x.person.id,
      hospitalId: visit.hospitalId,
      visitType: visit.visitType,
      admissionDate,
      dischargeDate,
      diagnosis: '肺恶性肿瘤',
      totalCost: 200000,
      inScopeCost: 180000,
    },
    idempotencyKey: key(),
  });
  const row = (await handle.db.select().from(claims).where(eq(claims.id, claim.id)))[0]!;
  const settled = (row.request as { visit: { referred: boolean; offsiteRegistered: boolean } }).visit;
  return {
    preview: {
      source: context.referral?.source ?? 'not_required',
      referred: context.referral?.referred ?? false,
      offsiteRegistered: context.referral?.offsiteRegistered ?? false,
    },
    saved: { source: row.referralSource, referred: settled.referred, offsiteRegistered: settled.offsiteRegistered },
  };
}

describe('the claim preview and the saved claim agree on the referral', () => {
  it.each([
    // RULES §3: only an inpatient stay outside the county needs a referral; an outpatient visit to
    // the same hospital needs none, whatever the registry holds.
    ['weihai-2019', 'inpatient at the referral destination', 'destination', 'inpatient', 'registry', true, false],
    ['weihai-2019', 'chronic outpatient at the referral destination', 'destination', 'chronic_outpatient', 'not_required', false, false],
    ['weihai-2019', 'outpatient at the referral destination', 'destination', 'outpatient', 'not_required', false, false],
    // Weihai accepts the off-site registration in place of a referral (004 §四(二)1) — for an
    // inpatient stay; an outpatient visit needs neither.
    ['weihai-2019', 'inpatient covered by the off-site registration', 'other', 'inpatient', 'registry', false, true],
    ['weihai-2019', 'outpatient covered by the off-site registration', 'other', 'outpatient', 'not_required', false, false],
    ['weihai-2019', 'inpatient in the county', 'county', 'inpatient', 'not_required', false, false],
    // Elsewhere the off-site registration does not stand in for a referral.
    ['xianning-2022', 'inpatient covered by the off-site registration', 'other', 'inpatient', 'none', false, false],
    [
      'xianning-2022',
      'chronic outpatient covered by the off-site registration',
      'other',
      'chronic_outpatient',
      'not_required',
      false,
      false,
    ],
  ] as const)('%s: %s', async (profile, _label, hospital, visitType, source, referred, offsiteRegistered) => {
    const x = await jurisdiction(profile, profile === 'weihai-2019' ? 'registered_poor' : 'subsistence_allowance');
    const { preview, saved } = await previewAndSave(x, { hospitalId: x.h[hospital].id, visitType });
    expect(saved).toEqual({ source, referred, offsiteRegistered });
    expect(preview).toEqual(saved);
  });
});

describe('getPersonFacts', () => {
  it('reads the county from a county unit, and from a township unit as its first six digits (the county unit)', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const code = `${tree.countyA.code}101`;
    const [township] = await handle.db
      .insert(orgUnits)
      .values({
        code,
        name: '测试镇',
        level: 'township',
        parentId: tree.countyA.id,
        path: `${tree.countyA.path}${code}/`,
        profile: 'qiannan-2019',
      })
      .returning();
    const atCounty = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    const atTownship = await createPerson(handle.db, { orgUnitId: township!.id, regionPath: township!.path });
    const { ctx } = await callerAs(handle, 'clerk', tree.countyA.id);
    const county = await getPersonFacts(ctx, atCounty.id, '2019-09-02');
    expect(county).toMatchObject({ profile: 'qiannan-2019', countyCode: tree.countyA.code, orgUnit: { id: tree.countyA.id } });
    const town = await getPersonFacts(ctx, atTownship.id, '2019-09-02');
    expect(town).toMatchObject({
      countyCode: tree.countyA.code,
      countyName: `测试甲县${tree.root.code.slice(0, 4)}`,
      orgUnit: { name: '测试镇' },
    });
  });

  it('takes the profile from an ancestor when the unit has none, and refuses a person registered above county level', async () => {
    const tree = await makeTree(handle, 'hunan-2017');
    await handle.db.update(orgUnits).set({ profile: null }).where(eq(orgUnits.id, tree.countyB.id));
    const inheriting = await createPerson(handle.db, { orgUnitId: tree.countyB.id, regionPath: tree.countyB.path });
    const atCity = await createPerson(handle.db, { orgUnitId: tree.root.id, regionPath: tree.root.path });
    const { ctx } = await callerAs(handle, 'clerk', tree.root.id);
    expect((await getPersonFacts(ctx, inheriting.id, '2019-01-01')).profile).toBe('hunan-2017');
    await expect(getPersonFacts(ctx, atCity.id, '2019-01-01')).rejects.toMatchObject({
      kind: 'precondition',
      message: expect.stringMatching(/无法确定所属县/),
    });
  });

  it('gives the categories held on the date (both ends inclusive), only those of the profile, by precedence', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const person = await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      categories: [
        { category: 'extreme_poverty', startDate: '2019-03-01' },
        { category: 'registered_poor', startDate: '2016-01-01', endDate: '2019-06-30' },
        // Not a Qiannan category (RULES §2): never offered to its settlement.
        { category: 'subsistence_allowance', startDate: '2016-01-01' },
      ],
    });
    const { ctx } = await callerAs(handle, 'clerk', tree.countyA.id);
    const on = async (date: string) => (await getPersonFacts(ctx, person.id, date)).categories;
    expect(await on('2015-12-31')).toEqual([]);
    expect(await on('2019-02-28')).toEqual(['registered_poor']);
    expect(await on('2019-03-01')).toEqual(['registered_poor', 'extreme_poverty']);
    expect(await on('2019-06-30')).toEqual(['registered_poor', 'extreme_poverty']);
    expect(await on('2019-07-01')).toEqual(['extreme_poverty']);
  });

  it('gives the household, and refuses a person outside the caller’s region or missing', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const person = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    const { ctx, caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    expect((await getPersonFacts(ctx, person.id, '2019-01-01')).household).toBeNull();
    const { id } = await caller.households.create({ personId: person.id });
    expect((await getPersonFacts(ctx, person.id, '2019-01-01')).household).toMatchObject({
      id,
      headPersonId: person.id,
      relationship: '户主',
    });
    const { ctx: neighbour } = await callerAs(handle, 'clerk', tree.countyB.id);
    await expect(getPersonFacts(neighbour, person.id, '2019-01-01')).rejects.toMatchObject({
      kind: 'forbidden',
      message: '该参保人不在您的管辖范围内',
    });
    await expect(getPersonFacts(ctx, '00000000-0000-4000-8000-000000000000', '2019-01-01')).rejects.toMatchObject({
      kind: 'not_found',
      message: '参保人不存在',
    });
  });
});

describe('assertEnrolledOn (应保尽保)', () => {
  it('accepts a year with no register entry; refuses a year marked not enrolled, and a day before the enrollment date', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const person = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path, name: '李参保' });
    const { ctx } = await callerAs(handle, 'clerk', tree.countyA.id);
    const refusal = { field: 'admissionDate', action: '结算' };
    expect(await assertEnrolledOn(ctx, person.id, '2019-08-25', refusal)).toMatchObject({ status: 'unrecorded', isCovered: true });

    await handle.db.insert(enrollments).values({
      personId: person.id,
      regionPath: tree.countyA.path,
      year: 2019,
      basicEnrolled: false,
      criticalEnrolled: false,
      notEnrolledReason: 'refused',
    });
    expect(await getEnrollmentOn(ctx, person.id, '2019-08-25')).toMatchObject({
      status: 'not_enrolled',
      isCovered: false,
      reasonLabel: '本人拒绝参保',
    });
    const err = (await assertEnrolledOn(ctx, person.id, '2019-08-25', refusal).catch((e: unknown) => e)) as DomainError;
    expect(err.message).toBe('参保人 2019 年度未参加城乡居民基本医疗保险（本人拒绝参保），不能结算');
    expect(err.options.field).toBe('admissionDate');
    await expect(
      assertEnrolledOn(ctx, person.id, '2019-08-25', { field: 'idNumber', action: '办理转诊备案', who: '李参保' }),
    ).rejects.toThrow('李参保 2019 年度未参加城乡居民基本医疗保险（本人拒绝参保），不能办理转诊备案');

    await handle.db
      .update(enrollments)
      .set({ basicEnrolled: true, criticalEnrolled: true, enrolledOn: '2019-09-01', notEnrolledReason: null })
      .where(eq(enrollments.personId, person.id));
    await expect(assertEnrolledOn(ctx, person.id, '2019-08-31', refusal)).rejects.toThrow('就诊日期早于参保日期 2019-09-01');
    await expect(assertEnrolledOn(ctx, person.id, '2019-08-31', { ...refusal, dateLabel: '计划入院日期' })).rejects.toThrow(
      '计划入院日期早于参保日期 2019-09-01',
    );
    expect(await assertEnrolledOn(ctx, person.id, '2019-09-01', refusal)).toMatchObject({ status: 'enrolled', isCovered: true });
    expect((await getEnrollmentOn(ctx, person.id, '2020-01-01')).status).toBe('unrecorded');
  });
});

describe('decideVisitReferral', () => {
  const decide = async (
    x: Awaited<ReturnType<typeof jurisdiction>>,
    hospital: { id: string; regionCode: string },
    visitType: 'inpatient' | 'outpatient',
    admissionDate: string,
  ) => decideVisitReferral(x.ctx, { person: await getPersonFacts(x.ctx, x.person.id, admissionDate), hospital, visitType, admissionDate });

  it('asks the registry only when a referral is required', async () => {
    const x = await jurisdiction('weihai-2019', 'registered_poor');
    expect(await decide(x, x.h.county, 'inpatient', day(-8))).toEqual({
      isRequired: false,
      location: 'in_county',
      source: 'not_required',
      referred: false,
      offsiteRegistered: false,
      registrationId: null,
      registration: null,
      override: null,
      note: null,
    });
    expect(await decide(x, x.h.destination, 'outpatient', day(-8))).toMatchObject({
      isRequired: false,
      location: 'out_of_province',
      note: null,
    });
  });

  it('a registered referral to the hospital; else the off-site registration where the profile accepts it', async () => {
    const weihai = await jurisdiction('weihai-2019', 'registered_poor');
    const referred = await decide(weihai, weihai.h.destination, 'inpatient', day(-8));
    expect(referred).toMatchObject({
      isRequired: true,
      source: 'registry',
      referred: true,
      offsiteRegistered: false,
      registration: { kind: 'referral' },
    });
    expect(referred.note).toMatch(/^依据转诊备案 ZZ/);
    const offsite = await decide(weihai, weihai.h.other, 'inpatient', day(-8));
    expect(offsite).toMatchObject({ source: 'registry', referred: false, offsiteRegistered: true, registration: { kind: 'offsite' } });
    expect(offsite.note).toMatch(/^依据异地就医备案 YD/);

    const xianning = await jurisdiction('xianning-2022', 'subsistence_allowance');
    const ignored = await decide(xianning, xianning.h.other, 'inpatient', day(-8));
    expect(ignored).toMatchObject({ source: 'none', referred: false, offsiteRegistered: false, registration: null, registrationId: null });
    expect(ignored.note).toMatch(/异地就医备案 YD\d+.*按本地政策不能代替转诊备案/);
  });

  it('a reviewer’s 视同转诊 override for exactly that admission date, else none', async () => {
    const x = await jurisdiction('xianning-2022', 'subsistence_allowance');
    const { caller: reviewer } = await callerAs(handle, 'reviewer', x.tree.countyA.id);
    const override = await reviewer.referrals.createOverride({
      personId: x.person.id,
      hospitalId: x.h.other.id,
      admissionDate: day(-4),
      reason: '急诊入院，事后补办',
    });
    expect(await decide(x, x.h.other, 'inpatient', day(-4))).toMatchObject({
      source: 'override',
      referred: true,
      registrationId: override.id,
      override: { id: override.id },
      note: '审核认定视同转诊（理由：急诊入院，事后补办）',
    });
    expect(await decide(x, x.h.other, 'inpatient', day(-3))).toMatchObject({ source: 'none', referred: false });
    // An in-county stay needs no referral, so there is nothing to override.
    await expect(
      reviewer.referrals.createOverride({
        personId: x.person.id,
        hospitalId: x.h.county.id,
        admissionDate: day(-4),
        reason: '急诊入院，事后补办',
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/县域内/) });
  });
});

describe('claim entry asks capabilities, not profile ids', () => {
  it('special drugs only where the profile has them (004 §三(一))', async () => {
    const x = await jurisdiction('xianning-2022', 'subsistence_allowance');
    const err = await x.clerk.claims
      .create({
        entry: {
          personId: x.person.id,
          hospitalId: x.h.county.id,
          visitType: 'inpatient',
          admissionDate: day(-8),
          dischargeDate: day(-2),
          diagnosis: '肺恶性肿瘤',
          totalCost: 200000,
          inScopeCost: 150000,
          specialDrugCost: 10000,
        },
        idempotencyKey: key(),
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ message: expect.stringMatching(/没有大病保险单独补偿特药/) });
    expect((err as { cause?: { options?: { field?: string } } }).cause?.options?.field).toBe('specialDrugCost');
  });
});
