import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, eq, hospitals, type DbHandle } from '@portal/db';
import { createPerson } from '@portal/db/test';
import { addCalendarDays, type TProfileId } from '@portal/rules';
import { chinaDate } from '../src/core/index.js';
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
  const hospital = async (code: string, name: string, level: number, regionCode: string, referralTier: 'provincial' | null = null) =>
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
  const { caller: clerk } = await callerAs(handle, 'clerk', tree.countyA.id);
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
  return { tree, h, person, clerk };
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
    ['xianning-2022', 'chronic outpatient covered by the off-site registration', 'other', 'chronic_outpatient', 'not_required', false, false],
  ] as const)('%s: %s', async (profile, _label, hospital, visitType, source, referred, offsiteRegistered) => {
    const x = await jurisdiction(profile, profile === 'weihai-2019' ? 'registered_poor' : 'subsistence_allowance');
    const { preview, saved } = await previewAndSave(x, { hospitalId: x.h[hospital].id, visitType });
    expect(saved).toEqual({ source, referred, offsiteRegistered });
    expect(preview).toEqual(saved);
  });
});
