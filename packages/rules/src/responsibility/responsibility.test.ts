import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CALENDAR } from '../calendar/calendar.js';
import {
  BUILTIN_TEMPLATES,
  buildReminderText,
  computeReportingStatus,
  diffVersions,
  EXTRA_ITEM_KEY,
  findBuiltinTemplate,
  formatChineseDate,
  neutraliseCell,
  orderRows,
  safeSheetName,
  validateRowsForSubmit,
  ZResponsibilityRow,
  ZSubmitInput,
  ZTemplateInput,
  type TResponsibilityRow,
} from './index.js';

const liaoning = findBuiltinTemplate('builtin:liaoning-2019')!;
const person = (itemKey: string, extra: Partial<TResponsibilityRow> = {}): TResponsibilityRow =>
  ZResponsibilityRow.parse({
    itemKey,
    name: '张三',
    unitAndDepartment: '沈阳市医疗保障局待遇保障处',
    post: '处长',
    phone: '024-22345678',
    isDivisionHead: true,
    ...extra,
  });
const fullTable = () => liaoning.items.map((i) => person(i.key));

describe('built-in templates', () => {
  it('Liaoning has the fourteen roles of annex 2 in the printed order, and the two notes', () => {
    expect(liaoning.items).toHaveLength(14);
    expect(liaoning.items[0]?.label).toBe('总负责人');
    expect(liaoning.items[13]?.label).toBe('定期调度（统计）责任人');
    expect(liaoning.items.filter((i) => i.isDirect).map((i) => i.label)).toEqual(['行政部门直接负责人', '经办机构直接负责人']);
    expect(liaoning.notes).toHaveLength(2);
    expect(liaoning.notes[1]).toContain('加行');
  });
  it('Qiannan lists its eight tasks with responsible units, Xianning its departments', () => {
    const qn = findBuiltinTemplate('builtin:qiannan-2019')!;
    expect(qn.items).toHaveLength(8);
    expect(qn.items.every((i) => i.hint?.startsWith('责任单位：'))).toBe(true);
    const xn = findBuiltinTemplate('builtin:xianning-2022')!;
    expect(xn.items.map((i) => i.label)).toContain('乡村振兴部门');
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.key)).size).toBe(3);
  });
  it('keys are unique within each template', () => {
    for (const t of BUILTIN_TEMPLATES) expect(new Set(t.items.map((i) => i.key)).size).toBe(t.items.length);
  });
});

describe('row schema', () => {
  it('accepts an empty draft row and rejects a malformed phone', () => {
    expect(ZResponsibilityRow.safeParse({ itemKey: 'overall_lead' }).success).toBe(true);
    const bad = ZResponsibilityRow.safeParse({ itemKey: 'overall_lead', phone: '12345' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('电话号码格式不正确');
  });
  it('submit needs the seal confirmation and the confirming person', () => {
    const base = { submissionId: '00000000-0000-4000-8000-000000000000', filledDate: '2019-04-10', rows: [] };
    expect(ZSubmitInput.safeParse({ ...base, sealConfirmed: false, sealConfirmedBy: '李四' }).success).toBe(false);
    expect(ZSubmitInput.safeParse({ ...base, sealConfirmed: true, sealConfirmedBy: ' ' }).error?.issues[0]?.message).toBe(
      '请输入盖章确认人姓名',
    );
    expect(ZSubmitInput.safeParse({ ...base, sealConfirmed: true, sealConfirmedBy: '李四' }).success).toBe(true);
  });
  it('a custom template needs a name, a title and at least one item', () => {
    expect(ZTemplateInput.safeParse({ name: '自定义', title: '责任表', organisedBy: 'role', items: [] }).error?.issues[0]?.message).toBe(
      '至少需要一项责任',
    );
    expect(ZTemplateInput.safeParse({ name: '自定义', title: '责任表', organisedBy: 'task', items: [{ label: '统计' }] }).success).toBe(
      true,
    );
  });
});

describe('validateRowsForSubmit', () => {
  it('passes a complete table', () => {
    expect(validateRowsForSubmit(liaoning, fullTable())).toEqual([]);
  });
  it('names each missing responsibility and each empty field', () => {
    const rows = fullTable().slice(1);
    rows[0] = { ...rows[0]!, name: '', phone: '' };
    const issues = validateRowsForSubmit(liaoning, rows);
    expect(issues).toContainEqual({ path: 'items.overall_lead', message: '“总负责人”尚未填报责任人' });
    expect(issues).toContainEqual({ path: 'rows.0.name', message: '请填写姓名' });
    expect(issues).toContainEqual({ path: 'rows.0.phone', message: '请填写联系电话' });
  });
  it('a direct row must confirm a division head; other rows need not', () => {
    const rows = fullTable().map((r) => ({ ...r, isDivisionHead: false }));
    const issues = validateRowsForSubmit(liaoning, rows);
    expect(issues.map((i) => i.path)).toEqual(['rows.3.isDivisionHead', 'rows.4.isDivisionHead']);
  });
  it('extra rows need their own label and are refused where the template forbids them', () => {
    const extra = person(EXTRA_ITEM_KEY, { extraLabel: '' });
    expect(validateRowsForSubmit(liaoning, [...fullTable(), extra])).toEqual([
      { path: 'rows.14.extraLabel', message: '请填写加行的责任分工' },
    ]);
    const closed = { ...liaoning, allowExtraRows: false };
    expect(validateRowsForSubmit(closed, [...fullTable(), { ...extra, extraLabel: '宣传' }])[0]?.message).toBe('本模板不允许加行');
  });
  it('two people for one responsibility are fine', () => {
    expect(validateRowsForSubmit(liaoning, [...fullTable(), person('sweep', { name: '王五' })])).toEqual([]);
  });
});

describe('orderRows', () => {
  it('puts rows in template order, extra rows last, keeping people in order', () => {
    const rows = [
      person(EXTRA_ITEM_KEY, { extraLabel: '宣传' }),
      person('sweep', { name: 'B' }),
      person('overall_lead'),
      person('sweep', { name: 'C' }),
      person('unknown'),
    ];
    expect(orderRows(liaoning, rows).map((r) => `${r.itemKey}:${r.name}`)).toEqual([
      'overall_lead:张三',
      'sweep:B',
      'sweep:C',
      'extra:张三',
    ]);
  });
});

describe('computeReportingStatus', () => {
  it('counts working days left and overdue with the holiday calendar', () => {
    // 2019-04-12 (Fri) due; 2019-04-05 was Qingming (a holiday).
    expect(computeReportingStatus(DEFAULT_CALENDAR, { stage: 'draft', dueDate: '2019-04-12', today: '2019-04-04' })).toMatchObject({
      status: 'draft',
      workingDaysLeft: 5,
    });
    expect(computeReportingStatus(DEFAULT_CALENDAR, { stage: 'not_started', dueDate: '2019-04-12', today: '2019-04-12' })).toMatchObject({
      status: 'not_started',
      workingDaysLeft: 0,
    });
    expect(computeReportingStatus(DEFAULT_CALENDAR, { stage: 'not_started', dueDate: '2019-04-12', today: '2019-04-16' })).toMatchObject({
      status: 'overdue',
      workingDaysOverdue: 2,
    });
    expect(computeReportingStatus(DEFAULT_CALENDAR, { stage: 'returned', dueDate: '2019-04-12', today: '2019-04-13' })).toMatchObject({
      status: 'overdue',
      stage: 'returned',
      workingDaysOverdue: 0,
    });
  });
  it('a submitted table is never overdue but is marked late when submitted after the due date', () => {
    expect(
      computeReportingStatus(DEFAULT_CALENDAR, {
        stage: 'submitted',
        dueDate: '2019-04-12',
        today: '2019-05-01',
        submittedOn: '2019-04-11',
      }),
    ).toMatchObject({ status: 'submitted', isLate: false });
    expect(
      computeReportingStatus(DEFAULT_CALENDAR, {
        stage: 'submitted',
        dueDate: '2019-04-12',
        today: '2019-05-01',
        submittedOn: '2019-04-15',
      }),
    ).toMatchObject({ isLate: true });
  });
  it('returns null days when the calendar lacks the year', () => {
    expect(computeReportingStatus(DEFAULT_CALENDAR, { stage: 'draft', dueDate: '2031-01-10', today: '2030-12-01' })).toMatchObject({
      status: 'draft',
      workingDaysLeft: null,
    });
  });
});

describe('reminder text', () => {
  it('lists only the units still owing, with stage and overdue days', () => {
    const text = buildReminderText({
      roundTitle: '2019年责任分工表',
      tableTitle: '医疗保障扶贫责任分工表',
      dueDate: '2019-04-12',
      units: [
        { name: '沈阳市', status: 'submitted', stage: 'submitted' },
        { name: '大连市', status: 'overdue', stage: 'not_started', workingDaysOverdue: 2 },
        { name: '鞍山市', status: 'returned', stage: 'returned' },
      ],
    });
    expect(text).toContain('2019年4月12日前报送《医疗保障扶贫责任分工表》');
    expect(text).toContain('1. 大连市（未填报，已逾期 2 个工作日）');
    expect(text).toContain('2. 鞍山市（已退回）');
    expect(text).not.toContain('沈阳市');
    expect(text).toContain('已退回的请按退回意见修改后重新报送');
    expect(
      buildReminderText({
        roundTitle: 'x',
        tableTitle: 'y',
        dueDate: '2019-04-12',
        units: [{ name: '大连市', status: 'draft', stage: 'draft' }],
      }),
    ).not.toContain('已退回');
    expect(buildReminderText({ roundTitle: 'x', tableTitle: 'y', dueDate: '2019-04-12', units: [] })).toBe('');
    expect(formatChineseDate('2019-04-02')).toBe('2019年4月2日');
  });
});

describe('diffVersions', () => {
  it('reports changed fields, added and removed people', () => {
    const before = fullTable();
    const after = fullTable();
    after[0] = { ...after[0]!, phone: '13912345678' };
    after.push(person('sweep', { name: '王五' }));
    const d = diffVersions(
      liaoning,
      { rows: before, filledDate: '2019-04-10' },
      { rows: after.filter((r) => r.itemKey !== 'ledger'), filledDate: '2019-04-11' },
    );
    expect(d.changes).toContainEqual({
      kind: 'changed',
      label: '总负责人',
      fields: [{ field: 'phone', before: '024-22345678', after: '13912345678' }],
    });
    expect(d.changes.find((c) => c.kind === 'added')?.label).toBe('扶贫对象大排查责任人');
    expect(d.changes.find((c) => c.kind === 'removed')?.label).toBe('扶贫对象管理台账责任人');
    expect(d.filledDate).toEqual({ before: '2019-04-10', after: '2019-04-11' });
  });
  it('a version compared with itself has no changes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ item: fc.constantFrom(...liaoning.items.map((i) => i.key)), name: fc.string({ maxLength: 5 }) }), {
          maxLength: 20,
        }),
        (spec) => {
          const rows = spec.map((s) => person(s.item, { name: s.name }));
          expect(diffVersions(liaoning, { rows }, { rows: [...rows] }).changes).toEqual([]);
        },
      ),
    );
  });
});

describe('export safety', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+86', '-2', '@SUM(A1)', '\t=x']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    for (const ok of ['张三', '024-22345678', '13912345678', '']) expect(neutraliseCell(ok)).toBe(ok);
  });
  it('makes sheet names Excel accepts, unique and at most 31 characters', () => {
    const taken = new Set<string>();
    expect(safeSheetName('沈阳市', taken)).toBe('沈阳市');
    expect(safeSheetName('沈阳市', taken)).toBe('沈阳市(2)');
    expect(safeSheetName('a/b:c*d?[e]', taken)).toBe('a_b_c_d__e_');
    expect(safeSheetName('x'.repeat(40), taken)).toHaveLength(31);
  });
});
