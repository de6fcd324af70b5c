import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, auditLog, claims, eq, hospitals, listBatches, personCategories, persons, type DbHandle } from '@portal/db';
import { createPerson } from '@portal/db/test';
import { type TSettleRequest, type TSettleResult, createEmptyYtd, makeIdNumber } from '@portal/rules';
import { applyListBatch, previewListUpload, revertListBatch } from '../src/services/lists/index.js';
import { callerAs, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const meta = (fileName: string, listDate = '2020-03-31') => ({ sourceDepartment: 'poverty_office' as const, listDate, fileName });
const csv = (rows: string[][]) =>
  Buffer.from(['姓名,身份证号,人员类别,认定日期,户籍类型', ...rows.map((r) => r.join(','))].join('\n') + '\n');

/** A county with one person staying (hukou changes), one leaving and one gaining the category. */
async function world() {
  const tree = await makeTree(handle, 'qiannan-2019');
  const { ctx, user } = await callerAs(handle, 'clerk', tree.countyA.id);
  const at = { orgUnitId: tree.countyA.id, regionPath: tree.countyA.path };
  const staying = await createPerson(handle.db, {
    ...at,
    name: '留下',
    categories: [{ category: 'registered_poor', startDate: '2019-01-01' }],
  });
  const leaving = await createPerson(handle.db, {
    ...at,
    name: '离开',
    categories: [{ category: 'registered_poor', startDate: '2019-01-01' }],
  });
  const gaining = await createPerson(handle.db, { ...at, name: '新类别' });
  const newcomer = makeIdNumber('522732', '2001-02-03', Math.floor(Math.random() * 900) + 1);
  const bytes = csv([
    ['留下', staying.idNumber, '建档立卡', '', '城镇'],
    ['新类别', gaining.idNumber, '建档立卡', '2020-02-01', ''],
    ['新来', newcomer, '建档立卡', '2020-03-01', '农村'],
  ]);
  const preview = await previewListUpload({ ctx, input: { meta: meta(`名单${Math.random()}.csv`), bytes } });
  return { tree, ctx, user, staying, leaving, gaining, newcomer, preview };
}

const factsOf = async (personId: string) =>
  (await handle.db.select().from(personCategories).where(eq(personCategories.personId, personId))).map((f) => [
    f.category,
    f.startDate,
    f.endDate,
  ]);

describe('reverting an applied list batch', () => {
  it('restores the previous facts exactly: removes new people and categories, reopens ended ones, restores details', async () => {
    const w = await world();
    const before = {
      staying: (await handle.db.select().from(persons).where(eq(persons.id, w.staying.id)))[0]!,
      leaving: await factsOf(w.leaving.id),
      gaining: await factsOf(w.gaining.id),
    };
    const applied = await applyListBatch({ ctx: w.ctx, input: { id: w.preview.id } });
    expect([applied.newCount, applied.leftCount, applied.changedCount]).toEqual([2, 1, 1]);
    expect(applied.flaggedClaims).toEqual([]);
    expect((await factsOf(w.leaving.id))[0]![2]).toBe('2020-03-30');

    const reverted = await revertListBatch({ ctx: w.ctx, input: { id: w.preview.id } });
    expect(reverted).toMatchObject({ removedPersons: 1, removedFacts: 2, reopenedFacts: 1, restoredPersons: 1 });
    expect(await handle.db.select().from(persons).where(eq(persons.idNumber, w.newcomer))).toEqual([]);
    expect(await factsOf(w.leaving.id)).toEqual(before.leaving);
    expect(await factsOf(w.gaining.id)).toEqual(before.gaining);
    expect((await handle.db.select().from(persons).where(eq(persons.id, w.staying.id)))[0]!.hukouType).toBe(before.staying.hukouType);
    const batch = (await handle.db.select().from(listBatches).where(eq(listBatches.id, w.preview.id)))[0]!;
    expect([batch.status, batch.revertedBy]).toEqual(['reverted', w.user.id]);
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'list_batch.revert'), eq(auditLog.entityId, w.preview.id)));
    expect(audit).toHaveLength(1);
    await expect(revertListBatch({ ctx: w.ctx, input: { id: w.preview.id } })).rejects.toThrow('只有已应用的批次可以撤销');
  });

  it('refuses while something later depends on the batch, naming it, and writes nothing', async () => {
    const w = await world();
    await applyListBatch({ ctx: w.ctx, input: { id: w.preview.id } });
    const created = (await handle.db.select().from(persons).where(eq(persons.idNumber, w.newcomer)))[0]!;
    // A later hand edit of a detail the batch changed, and a category registered by hand for the newcomer.
    await handle.db.update(persons).set({ hukouType: 'rural' }).where(eq(persons.id, w.staying.id));
    await handle.db
      .insert(personCategories)
      .values({ personId: created.id, category: 'subsistence_allowance', startDate: '2020-03-05', sourceDepartment: 'civil_affairs' });
    const err = await revertListBatch({ ctx: w.ctx, input: { id: w.preview.id } }).catch((e: Error) => e);
    expect(String(err)).toMatch(/不能撤销该批次/);
    expect(String(err)).toMatch(/之后又登记了其他类别：新来/);
    expect(String(err)).toMatch(/人员信息之后又被修改：留下/);
    expect((await handle.db.select().from(listBatches).where(eq(listBatches.id, w.preview.id)))[0]!.status).toBe('applied');
    expect(await handle.db.select().from(persons).where(eq(persons.id, created.id))).toHaveLength(1);

    // A later applied batch of the region must be reverted first.
    const later = await previewListUpload({
      ctx: w.ctx,
      input: {
        meta: meta('后一批.csv', '2020-04-30'),
        bytes: csv([['另一人', makeIdNumber('522732', '1980-05-05', 33), '建档立卡', '', '']]),
      },
    });
    await applyListBatch({ ctx: w.ctx, input: { id: later.id } });
    await expect(revertListBatch({ ctx: w.ctx, input: { id: w.preview.id } })).rejects.toThrow(/之后又应用了批次「后一批.csv」/);
    await revertListBatch({ ctx: w.ctx, input: { id: later.id } });
  });

  it('flags claims already settled under a category the batch ended, and refuses to revert one settled under a category it added', async () => {
    const w = await world();
    const [h] = await handle.db
      .insert(hospitals)
      .values({
        ownerOrgUnitId: w.tree.root.id,
        regionPath: w.tree.root.path,
        code: `H${Math.random()}`,
        name: '测试医院',
        level: 2,
        regionCode: '522732',
        regionName: '三都县',
      })
      .returning();
    const claim = (personId: string, admissionDate: string): typeof claims.$inferInsert => ({
      claimNo: `JS${Math.random().toString().slice(2, 12)}`,
      personId,
      orgUnitId: w.tree.countyA.id,
      regionPath: w.tree.countyA.path,
      profile: 'qiannan-2019',
      year: 2020,
      hospitalId: h!.id,
      hospitalName: '测试医院',
      hospitalLevel: 2,
      location: 'in_county',
      visitType: 'inpatient',
      admissionDate,
      dischargeDate: admissionDate,
      diagnosis: '肺炎',
      appliedCategory: 'registered_poor',
      request: {} as TSettleRequest,
      result: {} as TSettleResult,
      ytdBefore: createEmptyYtd(),
      createdBy: w.user.id,
    });
    const [late] = await handle.db.insert(claims).values(claim(w.leaving.id, '2020-04-02')).returning();
    await handle.db.insert(claims).values(claim(w.leaving.id, '2020-03-01')); // before the end: not flagged
    const applied = await applyListBatch({ ctx: w.ctx, input: { id: w.preview.id } });
    expect(applied.flaggedClaims.map((c) => [c.claimNo, c.personName, c.category])).toEqual([[late!.claimNo, '离开', '建档立卡贫困人口']]);
    expect(applied.flaggedClaims[0]!.note).toMatch(/晚于该类别的终止日期 2020-03-30/);

    const [used] = await handle.db.insert(claims).values(claim(w.gaining.id, '2020-03-10')).returning();
    await expect(revertListBatch({ ctx: w.ctx, input: { id: w.preview.id } })).rejects.toThrow(
      new RegExp(`新类别已按本批登记的“建档立卡贫困人口”结算：${used!.claimNo}`),
    );
  });

  it('refuses another region and a supervisor', async () => {
    const w = await world();
    await applyListBatch({ ctx: w.ctx, input: { id: w.preview.id } });
    const other = await makeTree(handle, 'qiannan-2019');
    const stranger = (await callerAs(handle, 'clerk', other.countyA.id)).caller;
    await expect(stranger.lists.revertBatch({ id: w.preview.id })).rejects.toThrow(/管辖范围/);
    const sup = (await callerAs(handle, 'supervisor', w.tree.root.id)).caller;
    await expect(sup.lists.revertBatch({ id: w.preview.id })).rejects.toThrow(/经办、审核/);
  });
});
