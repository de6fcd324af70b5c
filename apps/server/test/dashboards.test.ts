import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, auditLog, claimMonthTotals, eq, like, sql, type DbHandle } from '@portal/db';
import { createPerson, createUser } from '@portal/db/test';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/app.js';
import { createSession } from '../src/services/auth/session.js';
import { callerAs, env, makeTree, setupDb, testPasswordHash } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const PARAMS = {
  basic: { deductible: { 1: 20000, 2: 50000, 3: 100000 }, rate: { 1: 85, 2: 75, 3: 60 }, annualCap: 25000000, unreferredRateCut: 0 },
  critical: { deductible: 1000000, rate: 60, annualCap: 30000000, poorRateIncrement: 0, specialDrugRate: 0 },
  assistance: { rate: 0, annualCap: 10000000 },
};

async function setup() {
  const tree = await makeTree(handle, 'qiannan-2019');
  const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
  await admin.params.create({ orgUnitId: tree.root.id, effectiveFrom: '2019-01-01', settle: PARAMS, note: '按示例参数' });
  const hospital = (code: string, name: string, level: 1 | 2 | 3, regionCode: string) =>
    admin.hospitals.create({
      ownerOrgUnitId: tree.root.id,
      code,
      name,
      level,
      regionCode,
      regionName: name.slice(0, 2),
      isNetworked: true,
      isSpecialDiseaseDesignated: false,
      referralTier: null,
    });
  const hospitals = [
    await hospital('D-A', '甲县人民医院', 2, tree.countyA.code),
    await hospital('D-B', '乙县中医院', 1, tree.countyB.code),
  ];
  const { caller: clerkA } = await callerAs(handle, 'clerk', tree.countyA.id);
  const { caller: clerkB } = await callerAs(handle, 'clerk', tree.countyB.id);
  const { caller: reviewerA } = await callerAs(handle, 'reviewer', tree.countyA.id);
  const { caller: reviewerB } = await callerAs(handle, 'reviewer', tree.countyB.id);
  const person = (unit: { id: string; path: string }, category: 'registered_poor' | 'subsistence_allowance') =>
    createPerson(handle.db, { orgUnitId: unit.id, regionPath: unit.path, categories: [{ category, startDate: '2016-01-01' }] });
  const persons = [
    { p: await person(tree.countyA, 'registered_poor'), clerk: clerkA, reviewer: reviewerA },
    { p: await person(tree.countyA, 'subsistence_allowance'), clerk: clerkA, reviewer: reviewerA },
    { p: await person(tree.countyB, 'registered_poor'), clerk: clerkB, reviewer: reviewerB },
  ];
  return { tree, admin, hospitals, persons };
}

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const COLUMNS = `claims, referred, overrides, total_cost, in_scope_cost, special_drug_cost, basic, critical, hospital_reduction, assistance, tilted, hospital_borne, fund_paid, patient_pays`;

/** The aggregates as stored, and as recomputed straight from the claims, for a region. */
async function storedAndRecomputed(path: string) {
  const key = `region_path, year, month, applied_category, visit_type, location, hospital_id, hospital_level`;
  const stored = await handle.db.execute(
    sql.raw(`select ${key}, ${COLUMNS} from claim_month_totals where region_path like '${path}%' and claims <> 0 order by ${key}`),
  );
  const recomputed = await handle.db.execute(
    sql.raw(`select region_path, year, extract(month from discharge_date)::int as month, applied_category, visit_type, location, hospital_id, hospital_level,
      sum(case when kind = 'reversal' then -1 else 1 end)::int as claims,
      sum(case when referred then (case when kind = 'reversal' then -1 else 1 end) else 0 end)::int as referred,
      sum(case when referral_source = 'override' then (case when kind = 'reversal' then -1 else 1 end) else 0 end)::int as overrides,
      sum(total_cost)::bigint as total_cost, sum(in_scope_cost)::bigint as in_scope_cost, sum(special_drug_cost)::bigint as special_drug_cost,
      sum(basic)::bigint as basic, sum(critical)::bigint as critical, sum(hospital_reduction)::bigint as hospital_reduction,
      sum(assistance)::bigint as assistance, sum(tilted)::bigint as tilted, sum(hospital_borne)::bigint as hospital_borne,
      sum(fund_paid)::bigint as fund_paid, sum(patient_pays)::bigint as patient_pays
    from claims where region_path like '${path}%'
    group by 1, 2, 3, 4, 5, 6, 7, 8 having sum(case when kind = 'reversal' then -1 else 1 end) <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8`),
  );
  const rows = (r: unknown) =>
    JSON.parse(JSON.stringify((r as { rows?: unknown[] }).rows ?? r, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
  return { stored: rows(stored), recomputed: rows(recomputed) };
}

const key = () => `d-${Math.random().toString(36).slice(2)}-${Date.now()}`;

describe('claim aggregates', () => {
  it.each([11, 29])(
    'random settle/reverse sequences leave the aggregates equal to a recompute (seed %i), and a rebuild changes nothing',
    async (seed) => {
      const { tree, admin, hospitals, persons } = await setup();
      const next = rng(seed);
      const latest = new Map<string, string>();
      for (let i = 0; i < 9; i++) {
        const who = persons[next(persons.length)]!;
        if (latest.has(who.p.id) && next(3) === 0) {
          await who.reviewer.claims.reverse({ id: latest.get(who.p.id)!, reason: '金额录入错误' });
          latest.delete(who.p.id);
          continue;
        }
        const month = 1 + next(12);
        const day = String(10 + next(15));
        const total = 100000 + next(40) * 50000;
        const visitType = (['inpatient', 'inpatient', 'outpatient'] as const)[next(3)]!;
        const claim = await who.clerk.claims.create({
          entry: {
            personId: who.p.id,
            hospitalId: hospitals[next(2)]!.id,
            visitType,
            admissionDate:
              visitType === 'outpatient' ? `2019-${String(month).padStart(2, '0')}-${day}` : `2019-${String(month).padStart(2, '0')}-01`,
            dischargeDate: `2019-${String(month).padStart(2, '0')}-${day}`,
            diagnosis: ['肺炎', '高血压', '糖尿病'][next(3)]!,
            totalCost: total,
            inScopeCost: total - next(5) * 10000,
          },
          idempotencyKey: key(),
        });
        latest.set(who.p.id, claim.id);
      }
      const before = await storedAndRecomputed(tree.root.path);
      expect(before.stored.length).toBeGreaterThan(0);
      expect(before.stored).toEqual(before.recomputed);
      await admin.dashboards.rebuildTotals({ orgUnitId: tree.countyA.id, year: 2019 });
      await admin.dashboards.rebuildTotals({ orgUnitId: tree.countyB.id, year: 2019 });
      const after = await storedAndRecomputed(tree.root.path);
      expect(after.stored).toEqual(before.stored);
    },
  );

  it('a rebuild restores drifted aggregates, is refused above county level and for another region, and is audited', async () => {
    const { tree, admin, hospitals, persons } = await setup();
    const who = persons[0]!;
    await who.clerk.claims.create({
      entry: {
        personId: who.p.id,
        hospitalId: hospitals[0]!.id,
        visitType: 'inpatient',
        admissionDate: '2019-08-25',
        dischargeDate: '2019-09-02',
        diagnosis: '肺炎',
        totalCost: 3000000,
        inScopeCost: 2800000,
      },
      idempotencyKey: key(),
    });
    const good = await storedAndRecomputed(tree.root.path);
    await handle.db
      .update(claimMonthTotals)
      .set({ basic: 1 })
      .where(like(claimMonthTotals.regionPath, `${tree.countyA.path}%`));
    expect((await storedAndRecomputed(tree.root.path)).stored).not.toEqual(good.stored);
    const result = await admin.dashboards.rebuildTotals({ orgUnitId: tree.countyA.id, year: 2019 });
    expect(result.claims).toBe(1);
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dashboard.rebuild'), eq(auditLog.entityId, tree.countyA.id)));
    expect(audit).toHaveLength(1);
    expect((await storedAndRecomputed(tree.root.path)).stored).toEqual(good.stored);
    await expect(admin.dashboards.rebuildTotals({ orgUnitId: tree.root.id, year: 2019 })).rejects.toThrow('请选择一个县（区）');
    const other = await makeTree(handle, 'qiannan-2019');
    const { caller: otherAdmin } = await callerAs(handle, 'admin', other.root.id);
    await expect(otherAdmin.dashboards.rebuildTotals({ orgUnitId: tree.countyA.id, year: 2019 })).rejects.toThrow('不在您的管辖范围内');
    const { caller: supervisor } = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(supervisor.dashboards.rebuildTotals({ orgUnitId: tree.countyA.id, year: 2019 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('dashboards.benefits', () => {
  it('gives the figures of the raw claims per county, month, category and hospital, with the target, and refuses other regions', async () => {
    const { tree, hospitals, persons } = await setup();
    const [a1, a2, b1] = persons as [(typeof persons)[0], (typeof persons)[0], (typeof persons)[0]];
    const settle = (who: typeof a1, hospitalId: string, dischargeDate: string, totalCost: number, inScopeCost: number) =>
      who.clerk.claims.create({
        entry: {
          personId: who.p.id,
          hospitalId,
          visitType: 'inpatient',
          admissionDate: `${dischargeDate.slice(0, 8)}01`,
          dischargeDate,
          diagnosis: '肺炎',
          totalCost,
          inScopeCost,
        },
        idempotencyKey: key(),
      });
    const c1 = await settle(a1, hospitals[0]!.id, '2019-03-10', 3000000, 2800000);
    const c2 = await settle(a2, hospitals[0]!.id, '2019-03-20', 1000000, 800000);
    const c3 = await settle(b1, hospitals[1]!.id, '2019-07-05', 500000, 490000);
    const reversed = await settle(a1, hospitals[1]!.id, '2019-08-05', 700000, 700000);
    await a1.reviewer.claims.reverse({ id: reversed.id, reason: '金额录入错误' });
    const kept = [c1, c2, c3];
    const sum = (f: (c: (typeof kept)[0]) => number) => kept.reduce((s, c) => s + f(c), 0);
    const basicOf = (c: (typeof kept)[0]) => c.lines.filter((l) => l.tier === 'basic').reduce((s, l) => s + l.amount, 0);

    const { caller: supervisor } = await callerAs(handle, 'supervisor', tree.root.id);
    const d = await supervisor.dashboards.benefits({ year: 2019 });
    expect(d.scope.orgUnitId).toBe(tree.root.id);
    expect(d.totals.claims).toBe(3);
    expect(d.totals.totalCost).toBe(4500000);
    expect(d.totals.basic).toBe(sum(basicOf));
    expect(d.totals.patientPays).toBe(sum((c) => c.totals.patientPays));
    expect(d.months.find((m) => m.month === 3)?.claims).toBe(2);
    expect(d.months.find((m) => m.month === 8)?.claims).toBe(0);
    expect(d.categories.map((c) => [c.category, c.claims]).sort()).toEqual(
      [
        [c2.appliedCategory, 1],
        ['registered_poor', 2],
      ].sort(),
    );
    const a = d.children.find((c) => c.orgUnitId === tree.countyA.id)!;
    expect(a.claims).toBe(2);
    expect(a.inpatientRatio).toBe(Math.round(((basicOf(c1) + basicOf(c2)) * 1000) / 3600000) / 10);
    expect(d.ratios.target).toMatchObject({ percent: 75, clause: '000 §二(四)1' });
    expect(d.ratios.inpatientInScope.explain).toMatch(/^住院基本医保支付 .+ 元 ÷ 政策范围内费用 .+ 元$/);
    expect(d.ratios.inpatientInScope.percent).toBe(Math.round((sum(basicOf) * 1000) / 4090000) / 10);
    // 甲县人民医院: out of scope 200 000 + 200 000 of 4 000 000 = 10 % — at the limit, not over.
    const h = d.hospitals.find((x) => x.hospitalId === hospitals[0]!.id)!;
    expect(h).toMatchObject({ claims: 2, outOfScope: 400000, sharePercent: 10, limitPercent: 10, isOverLimit: false });
    // A person of county A at 乙县's hospital: out of county, unreferred.
    expect(d.referrals).toEqual({ outOfCounty: 0, referred: 0, unreferred: 0, overrides: 0 });

    const county = await supervisor.dashboards.benefits({ year: 2019, orgUnitId: tree.countyB.id });
    expect(county.totals.claims).toBe(1);
    expect((await supervisor.dashboards.benefits({ year: 2018 })).totals.claims).toBe(0);

    const { caller: countySupervisor } = await callerAs(handle, 'supervisor', tree.countyB.id);
    await expect(countySupervisor.dashboards.benefits({ year: 2019, orgUnitId: tree.countyA.id })).rejects.toThrow('不在您的管辖范围内');
    await expect(countySupervisor.dashboards.benefits({ year: 2019, orgUnitId: tree.root.id })).rejects.toThrow('不在您的管辖范围内');
    const other = await makeTree(handle, 'qiannan-2019');
    const { caller: outsider } = await callerAs(handle, 'supervisor', other.root.id);
    await expect(outsider.dashboards.benefits({ year: 2019, orgUnitId: tree.root.id })).rejects.toThrow('不在您的管辖范围内');
    expect((await outsider.dashboards.benefits({ year: 2019 })).totals.claims).toBe(0);
    await expect(a1.clerk.dashboards.benefits({ year: 2019 })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    try {
      const cookie = async (role: 'supervisor' | 'clerk', unitId: string) => {
        const u = await createUser(handle.db, { orgUnitId: unitId, role, passwordHash: await testPasswordHash() });
        return `portal_session=${(await createSession(handle.db, u.id, new Date(), env)).token}`;
      };
      const res = await app.inject({
        method: 'GET',
        url: `/api/exports/dashboard.xlsx?year=2019`,
        headers: { cookie: await cookie('supervisor', tree.root.id) },
      });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows = wb.getWorksheet('下级区划')!.getSheetValues().filter(Boolean) as unknown[][];
      const rowA = rows.find((r) => r.includes(a.name))!;
      expect(rowA[2]).toBe(2);
      expect(rowA[3]).toBe(a.totalCost / 100);
      const refused = await app.inject({
        method: 'GET',
        url: `/api/exports/dashboard.xlsx?year=2019&orgUnitId=${tree.root.id}`,
        headers: { cookie: await cookie('supervisor', other.root.id) },
      });
      expect(refused.statusCode).toBe(403);
      const clerk = await app.inject({
        method: 'GET',
        url: `/api/exports/dashboard.xlsx?year=2019`,
        headers: { cookie: await cookie('clerk', tree.countyA.id) },
      });
      expect(clerk.statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
