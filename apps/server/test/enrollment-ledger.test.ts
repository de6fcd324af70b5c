import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, auditLog, claims, enrollments, eq, hospitals, premiums, subsidyRuns, type DbHandle } from '@portal/db';
import { type TSettleRequest, type TSettleResult, createEmptyYtd, maskIdNumber } from '@portal/rules';
import { createPerson } from '@portal/db/test';
import { buildApp } from '../src/app.js';
import { createSession } from '../src/services/auth/session.js';
import { exportLedger, LEDGER_HEADER_ROWS } from '../src/services/ledger/index.js';
import { callerAs, env, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

describe('enrollment work list', () => {
  it('records not-enrolled with a reason and deadline, lists it, resolves it; enrolling later closes it', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const p = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path, name: '未参保' });
    const q = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path, name: '已故' });
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await caller.enrollment.record({
      personId: p.id,
      year: 2024,
      basicEnrolled: false,
      criticalEnrolled: false,
      notEnrolledReason: 'refused',
      resolutionDeadline: deadline,
    });
    await caller.enrollment.record({
      personId: q.id,
      year: 2024,
      basicEnrolled: false,
      criticalEnrolled: false,
      notEnrolledReason: 'deceased',
    });
    const list = await caller.enrollment.worklist({ year: 2024 });
    expect(list.map((i) => [i.name, i.reasonLabel, i.resolutionDeadline])).toEqual([['未参保', '本人拒绝参保', deadline]]);
    await caller.enrollment.record({
      personId: p.id,
      year: 2024,
      basicEnrolled: true,
      criticalEnrolled: true,
      premiumTier: 1,
      enrolledOn: '2024-03-01',
    });
    expect(await caller.enrollment.worklist({ year: 2024 })).toHaveLength(0);
    const detail = await caller.persons.get({ id: p.id });
    expect(detail.enrollments[0]).toMatchObject({ year: 2024, basicEnrolled: true, resolution: '已参保' });
    const listed = await caller.persons.list({ enrollmentStatus: 'enrolled', year: 2024 });
    expect(listed.items.map((i) => i.id)).toEqual([p.id]);
  });

  it('bad input writes nothing; another region and a supervisor are refused', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const p = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path });
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    await expect(
      caller.enrollment.record({ personId: p.id, year: 2024, basicEnrolled: false, criticalEnrolled: false, notEnrolledReason: 'refused' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { caller: stranger } = await callerAs(handle, 'clerk', other.countyA.id);
    await expect(
      stranger.enrollment.record({
        personId: p.id,
        year: 2024,
        basicEnrolled: true,
        criticalEnrolled: true,
        premiumTier: 1,
        enrolledOn: '2024-01-02',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller: sup } = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(
      sup.enrollment.record({
        personId: p.id,
        year: 2024,
        basicEnrolled: true,
        criticalEnrolled: true,
        premiumTier: 1,
        enrolledOn: '2024-01-02',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await handle.db.select().from(enrollments).where(eq(enrollments.personId, p.id))).toHaveLength(0);
  });
});

describe('premiums and subsidy runs', () => {
  it('computes every beneficiary of a city by county with the premium and the subsidy parameters in force', async () => {
    const tree = await makeTree(handle, 'hunan-2017');
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    await admin.subsidies.setPremium({ orgUnitId: tree.root.id, year: 2018, tier1: 18_000, tier2: null, note: '湘财社〔2017〕标准' });
    await admin.params.create({
      orgUnitId: tree.root.id,
      effectiveFrom: '2018-01-01',
      subsidy: { subsistenceFixed: 12_000, registeredPoorRate: 60 },
      note: '本地资助标准',
    });
    const cats = (category: 'registered_poor' | 'subsistence_allowance' | 'extreme_poverty', start = '2017-06-01') => [
      { category, startDate: start },
    ];
    await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      regionCode: '430121',
      categories: cats('registered_poor'),
    });
    await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      regionCode: '430121',
      categories: [...cats('registered_poor'), ...cats('subsistence_allowance')],
    });
    await createPerson(handle.db, {
      orgUnitId: tree.countyB.id,
      regionPath: tree.countyB.path,
      regionCode: '430181',
      categories: cats('extreme_poverty'),
    });
    await createPerson(handle.db, {
      orgUnitId: tree.countyB.id,
      regionPath: tree.countyB.path,
      regionCode: '430181',
      categories: [{ category: 'extreme_poverty', startDate: '2015-01-01', endDate: '2017-12-31' }],
    });
    const { caller } = await callerAs(handle, 'supervisor', tree.root.id);
    const run = await caller.subsidies.run({ orgUnitId: tree.root.id, year: 2018 });
    // 60 % of 180 = 108; 低保 fixed 120 (> 108, highest benefit); 特困 full 180.
    expect(run).toMatchObject({ personCount: 3, totalAmount: 10_800 + 12_000 + 18_000 });
    const detail = await caller.subsidies.getRun({ id: run.id });
    expect(detail.summary.map((s) => [s.countyName.slice(0, 4), s.category, s.persons, s.amount]).sort()).toEqual([
      ['测试乙县', 'extreme_poverty', 1, 18_000],
      ['测试甲县', 'registered_poor', 1, 10_800],
      ['测试甲县', 'subsistence_allowance', 1, 12_000],
    ]);
    const extreme = detail.items.find((i) => i.appliedCategory === 'extreme_poverty')!;
    expect(extreme.funding).toEqual({ assistanceFund: 18_000, fiscal: 0 });

    // The export: refused to an administrator (no casework role), ID numbers masked without the grant.
    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const cookieFor = async (role: 'admin' | 'supervisor') => {
      const { user } = await callerAs(handle, role, tree.root.id);
      return `portal_session=${(await createSession(handle.db, user.id, new Date(), env)).token}`;
    };
    const byAdmin = await app.inject({ url: `/api/exports/subsidy-runs/${run.id}.xlsx`, headers: { cookie: await cookieFor('admin') } });
    expect(byAdmin.statusCode).toBe(403);
    const bySupervisor = await app.inject({
      url: `/api/exports/subsidy-runs/${run.id}.xlsx`,
      headers: { cookie: await cookieFor('supervisor') },
    });
    expect(bySupervisor.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bySupervisor.rawPayload as never);
    const ids = wb.worksheets[1]!.getColumn(3).values.filter((v): v is string => typeof v === 'string' && /^\d{6}/.test(v));
    expect(ids.length).toBe(3);
    expect(ids.every((v) => v.includes('********'))).toBe(true);
    await app.close();
  });

  it('refuses a run without a premium and writes nothing; refuses another region; only admins set premiums', async () => {
    const tree = await makeTree(handle, 'weihai-2019');
    const other = await makeTree(handle, 'weihai-2019');
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    // The refusal names the page that resolves it and links it (meta.fixPath), instead of a page that does not exist.
    const missing = await caller.subsidies.run({ orgUnitId: tree.countyA.id, year: 2020 }).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/尚未设置 2020 年度个人缴费标准.*“缴费标准与资助参数”页/),
    });
    expect((missing as { cause?: { options?: { meta?: unknown } } }).cause?.options?.meta).toEqual({
      fixPath: '/admin/premiums',
      fixLabel: '前往“缴费标准与资助参数”页',
    });
    expect(await handle.db.select().from(subsidyRuns).where(eq(subsidyRuns.orgUnitId, tree.countyA.id))).toHaveLength(0);
    await expect(caller.subsidies.run({ orgUnitId: other.countyA.id, year: 2020 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      caller.subsidies.setPremium({ orgUnitId: tree.root.id, year: 2020, tier1: 25_000, tier2: 45_000, note: '威海标准' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    await expect(
      admin.subsidies.setPremium({ orgUnitId: tree.root.id, year: 2020, tier1: 25_000, tier2: 20_000, note: '威海标准' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await handle.db.select().from(premiums).where(eq(premiums.orgUnitId, tree.root.id))).toHaveLength(0);
    await admin.subsidies.setPremium({ orgUnitId: tree.root.id, year: 2020, tier1: 25_000, tier2: 45_000, note: '威海标准' });
    await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      regionCode: '371002',
      categories: [{ category: 'orphan', startDate: '2019-01-01' }],
    });
    const run = await caller.subsidies.run({ orgUnitId: tree.countyA.id, year: 2020 });
    expect(run.totalAmount).toBe(25_000);
  });
});

describe('management ledger', () => {
  async function setup() {
    const tree = await makeTree(handle, 'liaoning-2019');
    const [h] = await handle.db
      .insert(hospitals)
      .values({
        ownerOrgUnitId: tree.root.id,
        regionPath: tree.root.path,
        code: `H${Math.random()}`,
        name: '测试医院',
        level: 2,
        regionCode: '210123',
        regionName: '康平县',
      })
      .returning();
    const p = await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      name: '=HYPERLINK("x")',
      regionCode: '210123',
      categories: [{ category: 'subsistence_allowance', startDate: '2019-01-01' }],
    });
    const { user } = await callerAs(handle, 'clerk', tree.countyA.id);
    const claim = (over: Partial<typeof claims.$inferInsert>): typeof claims.$inferInsert => ({
      claimNo: `C${Math.random()}`,
      personId: p.id,
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      profile: 'liaoning-2019',
      year: 2020,
      hospitalId: h!.id,
      hospitalName: '测试医院',
      hospitalLevel: 2,
      location: 'in_county' as const,
      visitType: 'inpatient' as const,
      admissionDate: '2020-03-01',
      dischargeDate: '2020-03-10',
      diagnosis: '肺炎',
      appliedCategory: 'subsistence_allowance',
      // The ledger reads the amount columns, never the stored request and result.
      request: {} as TSettleRequest,
      result: {} as TSettleResult,
      ytdBefore: createEmptyYtd(),
      createdBy: user.id,
      ...over,
    });
    await handle.db
      .insert(claims)
      .values([
        claim({ totalCost: 1_000_000, basic: 600_000, critical: 100_000, assistance: 150_000, tilted: 20_000, hospitalReduction: 5_000 }),
        claim({ totalCost: 200_000, basic: 100_000, critical: 0, assistance: 30_000, tilted: 0, hospitalReduction: 0 }),
        claim({ kind: 'reversal', status: 'reversal', totalCost: -200_000, basic: -100_000, critical: 0, assistance: -30_000 }),
        claim({ visitType: 'outpatient', totalCost: 30_000, basic: 15_000 }),
        claim({ visitType: 'outpatient', year: 2019, totalCost: 99_999, basic: 99_999 }),
      ]);
    return { tree, p };
  }

  it('sums the benefit columns from claims (reversals subtract, 其他保障 = tilted + reduction)', async () => {
    const { tree } = await setup();
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const page = await caller.ledger.list({ year: 2020 });
    expect(page.total).toBe(1);
    const cells = page.items[0]!.cells;
    expect(cells[3]).toBe('=HYPERLINK("x")');
    expect(cells[4]).toMatch(/^210123\*+/);
    expect(cells.slice(6, 8)).toEqual(['否', '是']); // rural 低保
    expect(cells.slice(18, 24)).toEqual([1, 30_000, 15_000, 0, 0, 0]);
    expect(cells.slice(24, 30)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(cells.slice(30, 36)).toEqual([1, 1_000_000, 600_000, 100_000, 150_000, 25_000]);
  });

  it('exports a streamed .xlsx with the headings, numbering and neutralised cells', async () => {
    const { tree, p } = await setup();
    const { ctx } = await callerAs(handle, 'clerk', tree.countyA.id);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportLedger({ ctx, input: { year: 2020 }, out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('医疗保障扶贫对象综合管理台账');
    expect(ws.getCell(3, 1).value).toBe('统筹地区');
    expect(ws.getCell(3, 19).value).toBe('待遇保障情况');
    expect(ws.getCell(4, 31).value).toBe('住院');
    expect(ws.getCell(5, 31).value).toBe('住院次数');
    expect(ws.getCell(LEDGER_HEADER_ROWS, 36).value).toBe(36);
    const row = ws.getRow(LEDGER_HEADER_ROWS + 1);
    expect(row.getCell(4).value).toBe(`'=HYPERLINK("x")`);
    // Masked without the explicit grant; in full with it; both audited with which they were.
    expect(row.getCell(5).value).toBe(maskIdNumber(p.idNumber));
    const fullOut = new PassThrough();
    const fullChunks: Buffer[] = [];
    fullOut.on('data', (c: Buffer) => fullChunks.push(c));
    await exportLedger({ ctx: { ...ctx, actor: { ...ctx.actor, canExportFull: true } }, input: { year: 2020 }, out: fullOut });
    const fullWb = new ExcelJS.Workbook();
    await fullWb.xlsx.load(Buffer.concat(fullChunks) as never);
    expect(fullWb.worksheets[0]!.getRow(LEDGER_HEADER_ROWS + 1).getCell(5).value).toBe(p.idNumber);
    const exports = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ledger.export'), eq(auditLog.userId, ctx.actor.id)));
    expect(exports.map((e) => (e.after as { full: boolean }).full).sort()).toEqual([false, true]);
    expect(row.getCell(32).value).toBe(10_000);
    expect(row.getCell(36).value).toBe(250);
  });

  it('HTTP export refuses another region and an admin before any byte', async () => {
    const { tree } = await setup();
    const other = await makeTree(handle, 'liaoning-2019');
    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const cookieOf = async (role: 'clerk' | 'admin', unit: string) => {
      const { user } = await callerAs(handle, role, unit);
      return `portal_session=${(await createSession(handle.db, user.id, new Date(), env)).token}`;
    };
    const stranger = await app.inject({
      url: `/api/exports/ledger.xlsx?year=2020&orgUnitId=${tree.countyA.id}`,
      headers: { cookie: await cookieOf('clerk', other.countyA.id) },
    });
    expect(stranger.statusCode).toBe(403);
    const admin = await app.inject({
      url: `/api/exports/ledger.xlsx?year=2020`,
      headers: { cookie: await cookieOf('admin', tree.root.id) },
    });
    expect(admin.statusCode).toBe(403);
    const ok = await app.inject({
      url: `/api/exports/ledger.xlsx?year=2020`,
      headers: { cookie: await cookieOf('clerk', tree.countyA.id) },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('spreadsheetml');
    await app.close();
  });
});
