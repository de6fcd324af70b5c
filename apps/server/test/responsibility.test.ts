import ExcelJS from 'exceljs';
import { exportRollupXlsx, exportTableXlsx } from '../src/services/responsibility/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  eq,
  responsibilityRounds,
  responsibilitySubmissions,
  responsibilityTemplates,
  responsibilityVersions,
  type DbHandle,
} from '@portal/db';
import { findBuiltinTemplate, type TResponsibilityRowInput } from '@portal/rules';
import { buildApp } from '../src/app.js';
import { callerAs, env, makeTree, setupDb } from './helpers.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupDb();
});
afterAll(async () => handle.close());

const LIAONING = findBuiltinTemplate('builtin:liaoning-2019')!;

/** A settable clock shared by the callers of one test (China 10:00 on the given date). */
function clockAt(date: string) {
  const clock = { date, now: () => new Date(`${clock.date}T02:00:00Z`) };
  return clock;
}

function fullRows(overrides: Partial<TResponsibilityRowInput> = {}): TResponsibilityRowInput[] {
  return LIAONING.items.map((item, n) => ({
    itemKey: item.key,
    name: `责任人${n + 1}`,
    unitAndDepartment: '测试市医疗保障局待遇保障科',
    post: item.isDirect ? '科长' : '副局长',
    phone: `1391234${String(5000 + n).padStart(4, '0')}`,
    isDivisionHead: Boolean(item.isDirect),
    ...overrides,
  }));
}

/** A city with two counties; the city supervisor opens a Liaoning round due 2026-04-10. */
async function openedRound(clock = clockAt('2026-04-01')) {
  const tree = await makeTree(handle, 'liaoning-2019');
  const sup = await callerAs(handle, 'supervisor', tree.root.id, { now: clock.now });
  const clerkA = await callerAs(handle, 'clerk', tree.countyA.id, { now: clock.now });
  const clerkB = await callerAs(handle, 'clerk', tree.countyB.id, { now: clock.now });
  const { id: roundId } = await sup.caller.responsibility.openRound({
    title: '2026年责任分工表报送',
    templateKey: LIAONING.key,
    dueDate: '2026-04-10',
    orgUnitIds: [tree.countyA.id, tree.countyB.id],
  });
  const subs = await handle.db.select().from(responsibilitySubmissions).where(eq(responsibilitySubmissions.roundId, roundId));
  const subA = subs.find((s) => s.orgUnitId === tree.countyA.id)!;
  const subB = subs.find((s) => s.orgUnitId === tree.countyB.id)!;
  return { tree, sup, clerkA, clerkB, roundId, subA, subB, clock };
}

async function submitA(ctx: Awaited<ReturnType<typeof openedRound>>, rows = fullRows()) {
  return ctx.clerkA.caller.responsibility.submit({
    submissionId: ctx.subA.id,
    filledDate: ctx.clock.date,
    rows,
    sealConfirmed: true,
    sealConfirmedBy: '李盖章',
  });
}

async function auditCount(entityId: string) {
  return (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).length;
}

describe('templates', () => {
  it('lists the three built-in templates to everyone', async () => {
    const tree = await makeTree(handle, 'liaoning-2019');
    const { caller } = await callerAs(handle, 'clerk', tree.countyA.id);
    const list = await caller.responsibility.listTemplates();
    expect(list.filter((t) => t.isBuiltin).map((t) => t.key)).toEqual([
      'builtin:liaoning-2019',
      'builtin:qiannan-2019',
      'builtin:xianning-2022',
    ]);
  });

  it('an admin defines a custom template, visible below its unit and not in another region, with an audit row', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const admin = await callerAs(handle, 'admin', tree.root.id);
    const created = await admin.caller.responsibility.createTemplate({
      name: '县级责任表',
      title: '县级医保扶贫责任分工表',
      organisedBy: 'task',
      items: [{ label: '参保动员' }, { label: '科室负责人', isDirect: true }],
      notes: ['可加行'],
    });
    expect(created.items.map((i) => i.key)).toEqual(['item_1', 'item_2']);
    expect(await auditCount(created.key)).toBe(1);
    const clerk = await callerAs(handle, 'clerk', tree.countyA.id);
    expect((await clerk.caller.responsibility.listTemplates()).map((t) => t.key)).toContain(created.key);
    const outsider = await callerAs(handle, 'clerk', other.countyA.id);
    expect((await outsider.caller.responsibility.listTemplates()).map((t) => t.key)).not.toContain(created.key);
  });

  it('refuses non-admins and bad input, writing nothing', async () => {
    const tree = await makeTree(handle);
    const sup = await callerAs(handle, 'supervisor', tree.root.id);
    const name = `越权模板${Date.now()}`;
    await expect(
      sup.caller.responsibility.createTemplate({ name, title: '责任表', organisedBy: 'role', items: [{ label: 'x' }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await callerAs(handle, 'admin', tree.root.id);
    await expect(
      admin.caller.responsibility.createTemplate({ name, title: '责任表', organisedBy: 'role', items: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await handle.db.select().from(responsibilityTemplates).where(eq(responsibilityTemplates.name, name))).toHaveLength(0);
  });

  it('updates and archives only within the admin’s region', async () => {
    const tree = await makeTree(handle);
    const other = await makeTree(handle);
    const admin = await callerAs(handle, 'admin', tree.root.id);
    const outsider = await callerAs(handle, 'admin', other.root.id);
    const t = await admin.caller.responsibility.createTemplate({
      name: '原名',
      title: '责任表',
      organisedBy: 'department',
      items: [{ label: '医保部门' }],
    });
    const data = {
      name: '新名',
      title: '责任表',
      organisedBy: 'department' as const,
      items: [{ label: '医保部门' }, { label: '民政部门' }],
    };
    await expect(outsider.caller.responsibility.updateTemplate({ id: t.key, data })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(outsider.caller.responsibility.archiveTemplate({ id: t.key })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await handle.db.select().from(responsibilityTemplates).where(eq(responsibilityTemplates.id, t.key)))[0]?.name).toBe('原名');
    await expect(admin.caller.responsibility.updateTemplate({ id: t.key, data: { ...data, items: [] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const updated = await admin.caller.responsibility.updateTemplate({ id: t.key, data });
    expect(updated.items).toHaveLength(2);
    await admin.caller.responsibility.archiveTemplate({ id: t.key });
    expect((await admin.caller.responsibility.listTemplates()).map((x) => x.key)).not.toContain(t.key);
    expect(await auditCount(t.key)).toBe(3);
  });
});

describe('opening a round', () => {
  it('creates one not-started table per unit, with an audit row', async () => {
    const ctx = await openedRound();
    expect(ctx.subA.stage).toBe('not_started');
    expect(ctx.subB.regionPath).toBe(ctx.tree.countyB.path);
    const [round] = await handle.db.select().from(responsibilityRounds).where(eq(responsibilityRounds.id, ctx.roundId));
    expect(round?.template.items).toHaveLength(14);
    expect(await auditCount(ctx.roundId)).toBe(1);
  });

  it('refuses the wrong role, a county-level supervisor, units outside the region and the own unit; nothing written', async () => {
    const tree = await makeTree(handle, 'liaoning-2019');
    const other = await makeTree(handle, 'liaoning-2019');
    const title = `越权${Date.now()}`;
    const input = { title, templateKey: LIAONING.key, dueDate: '2099-12-31', orgUnitIds: [tree.countyA.id] };
    const clerk = await callerAs(handle, 'clerk', tree.root.id);
    await expect(clerk.caller.responsibility.openRound(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await callerAs(handle, 'admin', tree.root.id);
    await expect(admin.caller.responsibility.openRound(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const countySup = await callerAs(handle, 'supervisor', tree.countyA.id);
    await expect(countySup.caller.responsibility.openRound(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const sup = await callerAs(handle, 'supervisor', tree.root.id);
    await expect(sup.caller.responsibility.openRound({ ...input, orgUnitIds: [tree.countyA.id, other.countyA.id] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sup.caller.responsibility.openRound({ ...input, orgUnitIds: [tree.root.id] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await handle.db.select().from(responsibilityRounds).where(eq(responsibilityRounds.title, title))).toHaveLength(0);
  });

  it('rejects bad input with field messages; nothing written', async () => {
    const tree = await makeTree(handle, 'liaoning-2019');
    const other = await makeTree(handle, 'liaoning-2019');
    const otherAdmin = await callerAs(handle, 'admin', other.root.id);
    const foreign = await otherAdmin.caller.responsibility.createTemplate({
      name: '外地模板',
      title: '外地',
      organisedBy: 'role',
      items: [{ label: 'x' }],
    });
    const sup = await callerAs(handle, 'supervisor', tree.root.id, { now: clockAt('2026-04-01').now });
    const title = `坏输入${Date.now()}`;
    const input = { title, templateKey: LIAONING.key, dueDate: '2026-04-10', orgUnitIds: [tree.countyA.id] };
    await expect(sup.caller.responsibility.openRound({ ...input, dueDate: '2026-03-31' })).rejects.toThrow('截止日期不能早于今天');
    await expect(sup.caller.responsibility.openRound({ ...input, dueDate: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(sup.caller.responsibility.openRound({ ...input, orgUnitIds: [] })).rejects.toThrow('请至少选择一个填报单位');
    await expect(sup.caller.responsibility.openRound({ ...input, templateKey: 'builtin:nope' })).rejects.toThrow('模板不存在或无权使用');
    await expect(sup.caller.responsibility.openRound({ ...input, templateKey: foreign.key })).rejects.toThrow('模板不存在或无权使用');
    expect(await handle.db.select().from(responsibilityRounds).where(eq(responsibilityRounds.title, title))).toHaveLength(0);
  });
});

describe('filling in and submitting', () => {
  it('a clerk sees the round and only its own table', async () => {
    const ctx = await openedRound();
    const rounds = await ctx.clerkA.caller.responsibility.listRounds();
    const mine = rounds.find((r) => r.id === ctx.roundId);
    expect(mine?.ownSubmission?.id).toBe(ctx.subA.id);
    expect(mine?.canSupervise).toBe(false);
    await expect(ctx.clerkA.caller.responsibility.getSubmission({ id: ctx.subB.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await makeTree(handle);
    const outsider = await callerAs(handle, 'supervisor', other.root.id);
    expect((await outsider.caller.responsibility.listRounds()).map((r) => r.id)).not.toContain(ctx.roundId);
    await expect(outsider.caller.responsibility.getSubmission({ id: ctx.subA.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('saves a draft (audited); a bad phone, a foreign item or the wrong clerk writes nothing', async () => {
    const ctx = await openedRound();
    const rows = fullRows().slice(0, 3);
    await expect(
      ctx.clerkA.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, rows: [{ ...rows[0]!, phone: '12345' }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      ctx.clerkA.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, rows: [{ ...rows[0]!, itemKey: 'nonsense' }] }),
    ).rejects.toThrow('责任项不属于本模板');
    await expect(ctx.clerkA.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, filledDate: '2026-04-02', rows })).rejects.toThrow(
      '填报时间不能晚于今天',
    );
    await expect(ctx.clerkB.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, rows })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(ctx.sup.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, rows })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    let [row] = await handle.db.select().from(responsibilitySubmissions).where(eq(responsibilitySubmissions.id, ctx.subA.id));
    expect(row?.stage).toBe('not_started');
    expect(row?.rows).toEqual([]);
    expect(await auditCount(ctx.subA.id)).toBe(0);
    await ctx.clerkA.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, rows: [...rows, { itemKey: 'sweep' }] });
    [row] = await handle.db.select().from(responsibilitySubmissions).where(eq(responsibilitySubmissions.id, ctx.subA.id));
    expect(row?.stage).toBe('draft');
    expect(row?.rows).toHaveLength(4);
    expect(await auditCount(ctx.subA.id)).toBe(1);
  });

  it('submit checks completeness, the division head and the seal; nothing written until all pass', async () => {
    const ctx = await openedRound();
    const base = { submissionId: ctx.subA.id, filledDate: '2026-04-01', sealConfirmed: true as const, sealConfirmedBy: '李盖章' };
    await expect(ctx.clerkA.caller.responsibility.submit({ ...base, rows: fullRows().slice(1) })).rejects.toThrow(
      '“总负责人”尚未填报责任人',
    );
    await expect(ctx.clerkA.caller.responsibility.submit({ ...base, rows: fullRows({ isDivisionHead: false }) })).rejects.toThrow(
      '直接负责人须为责任处（科）室或内设部门负责人',
    );
    await expect(ctx.clerkA.caller.responsibility.submit({ ...base, rows: fullRows({ post: '' }) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请填写职务'),
    });
    await expect(
      ctx.clerkA.caller.responsibility.submit({ ...base, sealConfirmed: false as never, rows: fullRows() }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(ctx.clerkA.caller.responsibility.submit({ ...base, sealConfirmedBy: '', rows: fullRows() })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(ctx.clerkB.caller.responsibility.submit({ ...base, rows: fullRows() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await handle.db.select().from(responsibilityVersions).where(eq(responsibilityVersions.submissionId, ctx.subA.id))).toHaveLength(
      0,
    );
    const done = await submitA(ctx);
    expect(done.version).toBe(1);
    const [v] = await handle.db.select().from(responsibilityVersions).where(eq(responsibilityVersions.submissionId, ctx.subA.id));
    expect(v?.sealConfirmedBy).toBe('李盖章');
    await expect(submitA(ctx)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(ctx.clerkA.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, rows: fullRows() })).rejects.toThrow(
      '本表已报送，上级退回后方可修改',
    );
  });

  it('extra rows and several people per responsibility are kept in template order', async () => {
    const ctx = await openedRound();
    const rows = [
      { ...fullRows()[0]!, itemKey: 'extra', extraLabel: '政策宣传责任人' },
      ...fullRows(),
      { ...fullRows()[10]!, name: '第二位' },
    ];
    await submitA(ctx, rows);
    const got = await ctx.clerkA.caller.responsibility.getSubmission({ id: ctx.subA.id });
    expect(got.rows.map((r) => r.itemKey).slice(-3)).toEqual(['ledger', 'dispatch', 'extra']);
    expect(got.rows.filter((r) => r.itemKey === 'sweep').map((r) => r.name)).toEqual(['责任人11', '第二位']);
  });
});

describe('return, resubmit, versions', () => {
  it('the supervisor returns with a comment; the clerk corrects and resubmits; the diff shows the change', async () => {
    const ctx = await openedRound();
    await submitA(ctx);
    await expect(
      ctx.clerkA.caller.responsibility.returnSubmission({ submissionId: ctx.subA.id, comment: '电话有误' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const countySup = await callerAs(handle, 'supervisor', ctx.tree.countyA.id);
    await expect(countySup.caller.responsibility.returnSubmission({ submissionId: ctx.subA.id, comment: '电话有误' })).rejects.toThrow(
      '只有发起本次填报的单位可以退回',
    );
    await expect(ctx.sup.caller.responsibility.returnSubmission({ submissionId: ctx.subA.id, comment: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(ctx.sup.caller.responsibility.returnSubmission({ submissionId: ctx.subB.id, comment: '尚未报送' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect((await handle.db.select().from(responsibilitySubmissions).where(eq(responsibilitySubmissions.id, ctx.subA.id)))[0]?.stage).toBe(
      'submitted',
    );

    await ctx.sup.caller.responsibility.returnSubmission({ submissionId: ctx.subA.id, comment: '总负责人电话有误，请核实' });
    const returned = await ctx.clerkA.caller.responsibility.getSubmission({ id: ctx.subA.id });
    expect(returned.stage).toBe('returned');
    expect(returned.returnComment).toBe('总负责人电话有误，请核实');
    expect(returned.canEdit).toBe(true);
    const rows = fullRows();
    rows[0] = { ...rows[0]!, phone: '024-86123456' };
    await ctx.clerkA.caller.responsibility.saveDraft({ submissionId: ctx.subA.id, filledDate: '2026-04-01', rows });
    expect((await ctx.clerkA.caller.responsibility.getSubmission({ id: ctx.subA.id })).stage).toBe('returned');
    const second = await submitA(ctx, rows);
    expect(second.version).toBe(2);
    const got = await ctx.sup.caller.responsibility.getSubmission({ id: ctx.subA.id });
    expect(got.versions.map((v) => [v.version, v.returnComment])).toEqual([
      [1, '总负责人电话有误，请核实'],
      [2, null],
    ]);
    const diff = await ctx.sup.caller.responsibility.diff({ submissionId: ctx.subA.id, from: 1, to: 2 });
    expect(diff.changes).toEqual([
      { kind: 'changed', label: '总负责人', fields: [{ field: 'phone', before: '13912345000', after: '024-86123456' }] },
    ]);
    await expect(ctx.sup.caller.responsibility.diff({ submissionId: ctx.subA.id, from: 1, to: 7 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(ctx.clerkB.caller.responsibility.diff({ submissionId: ctx.subA.id, from: 1, to: 2 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const actions = (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, ctx.subA.id))).map((a) => a.action).sort();
    expect(actions).toEqual([
      'responsibility_submission.return',
      'responsibility_submission.save_draft',
      'responsibility_submission.submit',
      'responsibility_submission.submit',
    ]);
  });

  it('phones are full for the supervisor and the unit itself, masked for others in the region', async () => {
    const ctx = await openedRound();
    await submitA(ctx);
    const admin = await callerAs(handle, 'admin', ctx.tree.root.id);
    const reviewerA = await callerAs(handle, 'reviewer', ctx.tree.countyA.id);
    expect((await ctx.sup.caller.responsibility.getSubmission({ id: ctx.subA.id })).rows[0]?.phone).toBe('13912345000');
    expect((await reviewerA.caller.responsibility.getSubmission({ id: ctx.subA.id })).rows[0]?.phone).toBe('13912345000');
    const masked = await admin.caller.responsibility.getSubmission({ id: ctx.subA.id });
    expect(masked.rows[0]?.phone).toBe('139****5000');
    expect(masked.phonesMasked).toBe(true);
    await ctx.sup.caller.responsibility.returnSubmission({ submissionId: ctx.subA.id, comment: '请改' });
    const rows = fullRows();
    rows[0] = { ...rows[0]!, phone: '13800001111' };
    await submitA(ctx, rows);
    const diff = await admin.caller.responsibility.diff({ submissionId: ctx.subA.id, from: 1, to: 2 });
    expect(diff.changes[0]).toMatchObject({ fields: [{ before: '139****5000', after: '138****1111' }] });
    const search = await admin.caller.responsibility.search({ q: '总负责人' });
    expect(search.items.find((i) => i.submissionId === ctx.subA.id)?.phone).toBe('138****1111');
  });
});

describe('supervision', () => {
  it('shows each unit’s status, counts overdue in working days after the due date, and lists reminders', async () => {
    const ctx = await openedRound();
    await submitA(ctx);
    await ctx.clerkB.caller.responsibility.saveDraft({ submissionId: ctx.subB.id, rows: fullRows().slice(0, 2) });
    let view = await ctx.sup.caller.responsibility.getRound({ id: ctx.roundId });
    expect(view.units.map((u) => [u.unitName.startsWith('测试甲县'), u.status])).toEqual([
      [true, 'submitted'],
      [false, 'draft'],
    ]);
    expect(view.units[1]?.workingDaysLeft).toBe(6); // 04-02, 04-03, 04-07…04-10: Qingming 04-04…06 off (2026 schedule)
    expect(view.reminder).toContain('测试乙县');
    expect(view.reminder).not.toContain('测试甲县');
    ctx.clock.date = '2026-04-14';
    view = await ctx.sup.caller.responsibility.getRound({ id: ctx.roundId });
    expect(view.units[1]).toMatchObject({ status: 'overdue', stage: 'draft', workingDaysOverdue: 2 });
    expect(view.counts).toMatchObject({ submitted: 1, overdue: 1, total: 2 });
    expect(view.reminder).toContain('已逾期 2 个工作日');
    const listed = (await ctx.sup.caller.responsibility.listRounds()).find((r) => r.id === ctx.roundId);
    expect(listed?.counts).toMatchObject({ overdue: 1, submitted: 1 });
  });

  it('refuses clerks and supervisors of other regions', async () => {
    const ctx = await openedRound();
    await expect(ctx.clerkA.caller.responsibility.getRound({ id: ctx.roundId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const countySup = await callerAs(handle, 'supervisor', ctx.tree.countyA.id);
    await expect(countySup.caller.responsibility.getRound({ id: ctx.roundId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(countySup.caller.responsibility.rollup({ id: ctx.roundId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ctx.sup.caller.responsibility.getRound({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('rolls up the latest submitted table of every unit', async () => {
    const ctx = await openedRound();
    await submitA(ctx);
    const rollup = await ctx.sup.caller.responsibility.rollup({ id: ctx.roundId });
    expect(rollup.units).toHaveLength(2);
    expect(rollup.units[0]?.version?.rows).toHaveLength(14);
    expect(rollup.units[1]?.version).toBeNull();
  });

  it('answers “who is responsible for X in Y” from the latest submissions in scope', async () => {
    const ctx = await openedRound();
    await submitA(ctx);
    const hits = await ctx.sup.caller.responsibility.search({ q: '一站式', orgUnitId: ctx.tree.countyA.id });
    expect(hits.items).toHaveLength(1);
    expect(hits.items[0]).toMatchObject({ responsibility: '“一站式”结算责任人', name: '责任人9', phone: '13912345008' });
    expect((await ctx.sup.caller.responsibility.search({ q: '一站式', orgUnitId: ctx.tree.countyB.id })).items).toHaveLength(0);
    expect((await ctx.clerkB.caller.responsibility.search({ q: '责任人' })).items).toHaveLength(0);
    await expect(ctx.sup.caller.responsibility.search({ q: 'x'.repeat(40) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('exports', () => {
  it('a unit’s table as .xlsx in the printed layout, with formula injection neutralised', async () => {
    const ctx = await openedRound();
    const rows = fullRows();
    rows[1] = { ...rows[1]!, name: '=HYPERLINK("http://x","点我")', post: '+副局长' };
    await submitA(ctx, rows);
    const file = await exportTableXlsx({ ctx: supContext(ctx), input: { id: ctx.subA.id } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('医疗保障扶贫责任分工表');
    expect(String(sheet.getCell('A2').value)).toMatch(/^填报单位（盖章）：测试甲县/);
    expect(sheet.getCell('D2').value).toBe('填报时间：2026年4月1日');
    expect(sheet.getRow(3).values).toEqual([undefined, '责任分工', '姓名', '单位及部门', '职务', '联系电话']);
    expect(sheet.getRow(4).values).toEqual([undefined, '总负责人', '责任人1', '测试市医疗保障局待遇保障科', '副局长', '13912345000']);
    expect(sheet.getCell('B5').value).toBe('\'=HYPERLINK("http://x","点我")');
    expect(sheet.getCell('B5').formula).toBeUndefined();
    expect(sheet.getCell('D5').value).toBe("'+副局长");
    expect(sheet.getCell('A17').value).toBe('定期调度（统计）责任人');
    const texts = sheet.getColumn(1).values.map(String);
    expect(texts).toContain('1. 直接负责人应填报行政部门和经办机构责任处（科）室或内设部门负责人。');
  });

  it('the printable table: the unit’s own draft for its clerk, the latest submitted version for others', async () => {
    const ctx = await openedRound();
    await ctx.clerkB.caller.responsibility.saveDraft({ submissionId: ctx.subB.id, rows: fullRows().slice(0, 1) });
    const own = await ctx.clerkB.caller.responsibility.printable({ id: ctx.subB.id });
    expect(own).toMatchObject({ remark: '（草稿，尚未报送）', stage: 'draft' });
    expect(own.rows[0]?.phone).toBe('13912345000');
    const seen = await ctx.sup.caller.responsibility.printable({ id: ctx.subB.id });
    expect(seen).toMatchObject({ rows: [], remark: '（该单位尚未报送）' });
    await expect(ctx.clerkA.caller.responsibility.printable({ id: ctx.subB.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ctx.clerkA.caller.responsibility.printable({ id: 'nope' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('the round roll-up as one workbook with a sheet per unit', async () => {
    const ctx = await openedRound();
    await submitA(ctx);
    const file = await exportRollupXlsx({ ctx: supContext(ctx), input: { id: ctx.roundId } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', expect.stringMatching(/^测试甲县/), expect.stringMatching(/^测试乙县/)]);
    expect(wb.worksheets[0]!.getCell('B3').value).toBe('已报送');
    expect(wb.worksheets[2]!.getCell('A4').value).toBe('总负责人');
  });

  it('serves downloads over HTTP with the session cookie and the same region checks', async () => {
    const ctx = await openedRound();
    await submitA(ctx);
    const app = await buildApp({ db: handle.db, reports: handle.reports, env: { ...env, WEB_DIST: '/nonexistent' }, logger: false });
    try {
      const other = await makeTree(handle);
      const outsider = await callerAs(handle, 'supervisor', other.root.id);
      const url = `/api/responsibility/submissions/${ctx.subA.id}/table.xlsx`;
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url, cookies: { portal_session: outsider.token } })).statusCode).toBe(403);
      expect(
        (
          await app.inject({
            method: 'GET',
            url: '/api/responsibility/submissions/not-a-uuid/table.xlsx',
            cookies: { portal_session: ctx.sup.token },
          })
        ).statusCode,
      ).toBe(400);
      const ok = await app.inject({ method: 'GET', url, cookies: { portal_session: ctx.sup.token } });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['content-disposition']).toContain(encodeURIComponent('医疗保障扶贫责任分工表'));
      const rollup = await app.inject({
        method: 'GET',
        url: `/api/responsibility/rounds/${ctx.roundId}/rollup.xlsx`,
        cookies: { portal_session: ctx.clerkA.token },
      });
      expect(rollup.statusCode).toBe(403);
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/responsibility/submissions/${ctx.subA.id}/table.pdf`,
        cookies: { portal_session: ctx.clerkA.token },
      });
      if (pdf.statusCode === 200) expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      else expect(pdf.statusCode).toBe(412); // no CJK font on this machine
    } finally {
      await app.close();
    }
  });
});

function supContext(ctx: Awaited<ReturnType<typeof openedRound>>) {
  return ctx.sup.ctx;
}
