import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eq, policyParamVersions, type DbHandle } from '@portal/db';
import { callerAs, makeTree, setupDb } from './helpers.js';
import { locateHospital } from '../src/services/hospitals/index.js';
import { resolvePolicyParams } from '../src/services/params/index.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const HOSPITAL = {
  code: 'H1',
  name: '测试县人民医院',
  level: 2 as const,
  regionCode: '522732',
  regionName: '三都县',
  isNetworked: true,
  isSpecialDiseaseDesignated: false,
  referralTier: null,
};

describe('hospitals', () => {
  it('an admin adds a hospital to its list; a county clerk below sees it, another jurisdiction does not', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    const created = await admin.hospitals.create({ ...HOSPITAL, ownerOrgUnitId: tree.root.id });
    const { caller: clerk } = await callerAs(handle, 'clerk', tree.countyA.id);
    expect((await clerk.hospitals.list({})).map((h) => h.id)).toContain(created.id);
    const { caller: stranger } = await callerAs(handle, 'clerk', other.countyA.id);
    expect((await stranger.hospitals.list({})).map((h) => h.id)).not.toContain(created.id);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['hospital.create']);
  });

  it('refuses a clerk, a duplicate code and a bad level', async () => {
    const tree = await makeTree(handle);
    const { caller: clerk } = await callerAs(handle, 'clerk', tree.countyA.id);
    await expect(clerk.hospitals.create({ ...HOSPITAL, ownerOrgUnitId: tree.root.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    await admin.hospitals.create({ ...HOSPITAL, ownerOrgUnitId: tree.root.id });
    await expect(admin.hospitals.create({ ...HOSPITAL, ownerOrgUnitId: tree.root.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.hospitals.create({ ...HOSPITAL, code: 'H2', level: 4 as never, ownerOrgUnitId: tree.root.id })).rejects.toThrow(
      /医院等级/,
    );
  });

  it('locates a hospital from region codes', () => {
    expect(locateHospital('421222', '421222')).toBe('in_county');
    expect(locateHospital('421222', '421202')).toBe('in_city');
    expect(locateHospital('421222', '420106')).toBe('in_province');
    expect(locateHospital('421222', '430102')).toBe('out_of_province');
  });
});

describe('policy parameter versions', () => {
  it('resolves the nearest org unit’s latest version effective on the date, else the defaults', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    const none = await resolvePolicyParams(handle.db, { regionPath: tree.countyA.path, profile: 'qiannan-2019', date: '2019-05-01' });
    expect(none.versionId).toBeNull();
    await admin.params.create({
      orgUnitId: tree.root.id,
      effectiveFrom: '2019-01-01',
      settle: { critical: { rate: 60 } },
      note: '州级参数',
    });
    await admin.params.create({
      orgUnitId: tree.root.id,
      effectiveFrom: '2019-07-01',
      settle: { critical: { rate: 62 } },
      note: '年中调整',
    });
    await admin.params.create({
      orgUnitId: tree.countyA.id,
      effectiveFrom: '2019-03-01',
      settle: { critical: { rate: 55 } },
      note: '县级参数',
    });
    const june = await resolvePolicyParams(handle.db, { regionPath: tree.countyB.path, profile: 'qiannan-2019', date: '2019-06-30' });
    expect(june.settle.critical.rate).toBe(60);
    const july = await resolvePolicyParams(handle.db, { regionPath: tree.countyB.path, profile: 'qiannan-2019', date: '2019-07-01' });
    expect(july.settle.critical.rate).toBe(62);
    const county = await resolvePolicyParams(handle.db, { regionPath: tree.countyA.path, profile: 'qiannan-2019', date: '2019-09-01' });
    expect(county.settle.critical.rate).toBe(55);
  });

  it('rejects a rate over 100 naming the field, and writes nothing', async () => {
    const tree = await makeTree(handle);
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    await expect(
      admin.params.create({
        orgUnitId: tree.root.id,
        effectiveFrom: '2019-01-01',
        settle: { basic: { rate: { 2: 120 } } } as never,
        note: '错误参数',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const rows = await handle.db.select().from(policyParamVersions).where(eq(policyParamVersions.orgUnitId, tree.root.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses a supervisor', async () => {
    const tree = await makeTree(handle);
    const { caller } = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(
      caller.params.create({ orgUnitId: tree.root.id, effectiveFrom: '2019-01-01', settle: {}, note: '越权' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
