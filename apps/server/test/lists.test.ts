import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eq, listBatches, personCategories, persons, type DbHandle } from '@portal/db';
import { createPerson } from '@portal/db/test';
import { makeIdNumber } from '@portal/rules';
import { buildApp } from '../src/app.js';
import { createSession } from '../src/services/auth/session.js';
import { applyListBatch, previewListUpload } from '../src/services/lists/index.js';
import { callerAs, env, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function ctxFor(role: 'clerk' | 'supervisor', orgUnitId: string) {
  return (await callerAs(handle, role, orgUnitId)).ctx;
}

const meta = (fileName = '扶贫办名单.xlsx') => ({ sourceDepartment: 'poverty_office', listDate: '2020-03-31', fileName });

describe('list comparison', () => {
  it('previews new / left / changed / invalid rows, then applies them in one go and keeps the batch', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const ctx = await ctxFor('clerk', tree.countyA.id);
    const staying = await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      name: '留下',
      categories: [{ category: 'registered_poor', startDate: '2019-01-01' }],
    });
    const leaving = await createPerson(handle.db, {
      orgUnitId: tree.countyA.id,
      regionPath: tree.countyA.path,
      name: '离开',
      categories: [{ category: 'registered_poor', startDate: '2019-01-01' }],
    });
    const gaining = await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path, name: '新类别' });
    const newcomer = makeIdNumber('522732', '2001-02-03', 7);
    const bytes = await xlsx([
      ['姓名', '身份证号', '人员类别', '认定日期', '户籍类型'],
      ['留下', staying.idNumber, '建档立卡贫困人口', '', '城镇'],
      ['新类别', gaining.idNumber, '建档立卡', '2020-02-01', ''],
      ['新来', newcomer, '建档立卡', '2020-03-01', '农村'],
      ['', makeIdNumber('522732', '1990-01-01', 9), '建档立卡', '', ''],
      ['错号', `${newcomer.slice(0, 17)}${newcomer[17] === '0' ? '1' : '0'}`, '建档立卡', '', ''],
      ['类别错', makeIdNumber('522732', '1991-01-01', 9), '富人', '', ''],
    ]);
    const preview = await previewListUpload({ ctx, input: { meta: meta(), bytes } });
    expect([preview.newCount, preview.leftCount, preview.changedCount, preview.invalidCount]).toEqual([2, 1, 1, 3]);
    expect(preview.invalidRows.map((r) => [r.line, r.reason.slice(0, 6)])).toEqual([
      [5, '缺少姓名'],
      [6, '身份证号有误'],
      [7, '未知的人员类'],
    ]);
    expect(preview.leftRows[0]!.name).toBe('离开');
    // Nothing changed yet.
    expect(await handle.db.select().from(persons).where(eq(persons.idNumber, newcomer))).toHaveLength(0);

    const applied = await applyListBatch({ ctx, input: { id: preview.id } });
    expect(applied.newPersons).toBe(1);
    const created = (await handle.db.select().from(persons).where(eq(persons.idNumber, newcomer)))[0]!;
    expect(created.regionPath).toBe(tree.countyA.path);
    const createdFacts = await handle.db.select().from(personCategories).where(eq(personCategories.personId, created.id));
    expect(createdFacts.map((f) => [f.category, f.startDate, f.sourceDepartment])).toEqual([
      ['registered_poor', '2020-03-01', 'poverty_office'],
    ]);
    const ended = await handle.db.select().from(personCategories).where(eq(personCategories.personId, leaving.id));
    expect(ended[0]!.endDate).toBe('2020-03-30');
    expect((await handle.db.select().from(persons).where(eq(persons.id, staying.id)))[0]!.hukouType).toBe('urban');
    expect(
      (await handle.db.select().from(personCategories).where(eq(personCategories.personId, gaining.id))).map((f) => f.startDate),
    ).toEqual(['2020-02-01']);
    const batch = (await handle.db.select().from(listBatches).where(eq(listBatches.id, preview.id)))[0]!;
    expect([batch.status, batch.fileName, batch.newCount, batch.invalidCount]).toEqual(['applied', '扶贫办名单.xlsx', 2, 3]);
    expect((await handle.db.select().from(auditLog).where(eq(auditLog.entityId, preview.id))).map((a) => a.action).sort()).toEqual([
      'list_batch.apply',
      'list_batch.preview',
    ]);
    await expect(applyListBatch({ ctx, input: { id: preview.id } })).rejects.toThrow(/已应用/);
  });

  it('refuses to apply a stale preview and writes nothing', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const ctx = await ctxFor('clerk', tree.countyA.id);
    const id = makeIdNumber('522732', '1999-09-09', 5);
    const preview = await previewListUpload({
      ctx,
      input: { meta: meta('a.csv'), bytes: Buffer.from(`姓名,身份证号,人员类别\n张三,${id},建档立卡\n`) },
    });
    expect(preview.newCount).toBe(1);
    await createPerson(handle.db, { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path, name: '张三' }).then((p) =>
      handle.db.update(persons).set({ idNumber: id }).where(eq(persons.id, p.id)),
    );
    await expect(applyListBatch({ ctx, input: { id: preview.id } })).rejects.toThrow(/重新上传比对/);
    expect((await handle.db.select().from(listBatches).where(eq(listBatches.id, preview.id)))[0]!.status).toBe('previewed');
  });

  it('refuses bad files with a message and records no batch', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const ctx = await ctxFor('clerk', tree.countyA.id);
    const count = async () => (await handle.db.select().from(listBatches).where(eq(listBatches.regionPath, tree.countyA.path))).length;
    const tryFile = (bytes: Buffer, name = 'x.xlsx') => previewListUpload({ ctx, input: { meta: meta(name), bytes } });
    await expect(tryFile(Buffer.alloc(0))).rejects.toThrow('文件为空');
    await expect(
      tryFile(
        await xlsx([
          ['编号', '名字'],
          ['1', '张三'],
        ]),
      ),
    ).rejects.toThrow(/表头不符.*姓名.*身份证号.*人员类别/);
    await expect(tryFile(await xlsx([['姓名', '身份证号', '人员类别']]))).rejects.toThrow('没有数据行');
    await expect(tryFile(Buffer.from('%PDF-1.4\n\0\0binary'), 'x.pdf')).rejects.toThrow(/不是表格/);
    await expect(tryFile(Buffer.from('PK\x03\x04garbage'), 'x.xlsx')).rejects.toThrow(/无法读取/);
    await expect(tryFile(Buffer.alloc(21 * 1024 * 1024, 0x41), 'big.csv')).rejects.toThrow(/超过 20 MB/);
    // GB 18030 CSV as saved by Excel on Chinese Windows.
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]); // 姓名
    await expect(tryFile(Buffer.concat([gbk, Buffer.from(',x\n1,2\n')]), 'g.csv')).rejects.toThrow(/缺少“身份证号”“人员类别”列/);
    expect(await count()).toBe(0);
  });

  it('rejects a supervisor and a batch of another region', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const other = await makeTree(handle, 'qiannan-2019');
    const sup = await ctxFor('supervisor', tree.root.id);
    const bytes = Buffer.from(`姓名,身份证号,人员类别\n张三,${makeIdNumber('522732', '1999-09-09', 6)},建档立卡\n`);
    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const supSession = await createSession(handle.db, sup.actor.id, new Date(), env);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/lists/upload?sourceDepartment=poverty_office&listDate=2020-03-31&fileName=a.csv',
      headers: { cookie: `portal_session=${supSession.token}`, 'content-type': 'text/csv', 'x-portal-request': '1' },
      payload: bytes,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/经办、审核/);
    await app.close();
    const ctx = await ctxFor('clerk', tree.countyA.id);
    const preview = await previewListUpload({ ctx, input: { meta: meta('a.csv'), bytes } });
    const stranger = await ctxFor('clerk', other.countyA.id);
    await expect(applyListBatch({ ctx: stranger, input: { id: preview.id } })).rejects.toThrow(/管辖范围/);
  });

  it('HTTP upload: needs a session, refuses 50 MB with 413, returns the preview', async () => {
    const tree = await makeTree(handle, 'qiannan-2019');
    const { user } = await callerAs(handle, 'clerk', tree.countyA.id);
    const session = await createSession(handle.db, user.id, new Date(), env);
    const app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
    const url = `/api/lists/upload?sourceDepartment=poverty_office&listDate=2020-03-31&fileName=${encodeURIComponent('名单.csv')}`;
    const body = Buffer.from(`姓名,身份证号,人员类别\n张三,${makeIdNumber('522732', '1998-08-08', 3)},建档立卡\n`);
    const anon = await app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/octet-stream', 'x-portal-request': '1' },
    });
    expect(anon.statusCode).toBe(401);
    const cookie = `portal_session=${session.token}`;
    const big = await app.inject({
      method: 'POST',
      url,
      payload: Buffer.alloc(50 * 1024 * 1024, 0x41),
      headers: { 'content-type': 'application/octet-stream', cookie, 'x-portal-request': '1' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/20 MB/);
    const ok = await app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'text/csv', cookie, 'x-portal-request': '1' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ newCount: 1, invalidCount: 0 });
    await app.close();
  });
});

describe('upload safety', () => {
  it('refuses an .xlsx that unpacks to hundreds of megabytes before parsing it, without growing the heap', async () => {
    // A zip with one "sharedStrings.xml" of 400 MB of the same character, packed to well under 1 MB.
    const big = Buffer.alloc(400 * 1024 * 1024, 0x41);
    const packed = deflateRawSync(big, { level: 9 });
    const name = Buffer.from('xl/sharedStrings.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(100, 22); // the declared size lies: 100 bytes
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(100, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const cdOffset = local.length + name.length + packed.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    const bomb = Buffer.concat([local, name, packed, central, name, eocd]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const tree = await makeTree(handle, 'qiannan-2019');
    const ctx = await ctxFor('clerk', tree.countyA.id);
    const before = process.memoryUsage().rss;
    await expect(previewListUpload({ ctx, input: { meta: meta('炸弹.xlsx'), bytes: bomb } })).rejects.toThrow(/解压后过大/);
    expect(process.memoryUsage().rss - before).toBeLessThan(120 * 1024 * 1024);
  });
});
