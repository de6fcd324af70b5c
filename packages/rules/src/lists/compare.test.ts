import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number/index.js';
import { ZListUploadMeta, categoryFromText, compareList, mapListHeader, parseListRow, type RegistryPerson } from './index.js';

const UUID = '3b241101-e2bb-4255-8caf-4136c566a962';
const ID_A = makeIdNumber('522732', '1970-05-01', 11);
const ID_B = makeIdNumber('522732', '1980-06-02', 22);
const ID_C = makeIdNumber('522732', '1990-07-03', 33);
const ID_D = makeIdNumber('522732', '1960-01-04', 44);
const BAD_ID = ID_A.slice(0, 17) + (ID_A[17] === '1' ? '2' : '1');
const unit = { orgUnitId: UUID, regionPath: '/000000/522700/522732/' };
const options = {
  profile: 'qiannan-2019' as const,
  department: 'poverty_office' as const,
  listDate: '2019-06-30',
  today: '2019-07-01',
  resolveRegion: (code: string) => (code === '522732' ? unit : null),
  defaultUnit: unit,
};

describe('list comparison', () => {
  it('maps headings with aliases and reports the missing ones', () => {
    expect(mapListHeader(['序号', '姓名', '身份证号码', '类别']).ok).toBe(true);
    expect(mapListHeader(['编号', '名字'])).toEqual({ ok: false, missing: ['姓名', '身份证号', '人员类别'] });
  });
  it('reads category labels and short names', () => {
    expect(categoryFromText('低保')).toBe('subsistence_allowance');
    expect(categoryFromText('建档立卡贫困人口')).toBe('registered_poor');
    expect(categoryFromText('贫困')).toBeNull();
  });
  it('gives each invalid row its reason', () => {
    const reason = (raw: object) => {
      const r = parseListRow(raw, 2, 'qiannan-2019', '2019-07-01');
      return r.ok ? null : r.row.reason;
    };
    expect(reason({ idNumber: ID_A, category: '特困人员' })).toBe('缺少姓名');
    expect(reason({ name: '张三', idNumber: BAD_ID, category: '特困人员' })).toMatch(/身份证号有误：校验码错误/);
    expect(reason({ name: '张三', idNumber: ID_A, category: '富豪' })).toBe('未知的人员类别“富豪”');
    expect(reason({ name: '张三', idNumber: ID_A, category: '低保对象' })).toMatch(/不是本地政策口径/);
    expect(reason({ name: '张三', idNumber: ID_A, category: '特困人员', identifiedOn: '2019/2/30' })).toMatch(/认定日期/);
    expect(reason({ name: '张三', idNumber: ID_A, category: '特困人员', phone: '123' })).toMatch(/联系电话/);
    // Names are checked as the person form checks them: no formulas, markup or digits slip in by list.
    expect(reason({ name: '=1+1', idNumber: ID_A, category: '特困人员' })).toMatch(/姓名“=1\+1”有误：姓名只能包含汉字、字母和间隔号/);
    expect(reason({ name: '<script>', idNumber: ID_A, category: '特困人员' })).toMatch(/姓名只能包含汉字、字母和间隔号/);
    expect(reason({ name: '张', idNumber: ID_A, category: '特困人员' })).toMatch(/姓名至少 2 个字/);
    expect(reason({ name: '张三', idNumber: ID_A, category: '特困人员' })).toBeNull();
  });

  it('sorts rows into new, new category, changed, left, unchanged and invalid', () => {
    const registry: RegistryPerson[] = [
      {
        id: 'pA',
        idNumber: ID_A,
        name: '张三',
        hukouType: 'rural',
        phone: null,
        address: null,
        inScope: true,
        held: [{ factId: 'fA', category: 'registered_poor', sourceDepartment: 'poverty_office' }],
      },
      {
        id: 'pB',
        idNumber: ID_B,
        name: '李四',
        hukouType: 'rural',
        phone: null,
        address: null,
        inScope: true,
        held: [{ factId: 'fB', category: 'registered_poor', sourceDepartment: 'poverty_office' }],
      },
      { id: 'pC', idNumber: ID_C, name: '王五', hukouType: 'rural', phone: null, address: null, inScope: true, held: [] },
      // Held from another department: its absence from this list says nothing.
      {
        id: 'pD',
        idNumber: ID_D,
        name: '赵六',
        hukouType: 'rural',
        phone: null,
        address: null,
        inScope: true,
        held: [{ factId: 'fD', category: 'registered_poor', sourceDepartment: 'civil_affairs' }],
      },
    ];
    const rows = [
      { line: 2, raw: { name: '张三', idNumber: ID_A, category: '建档立卡贫困人口' } },
      { line: 3, raw: { name: '王五', idNumber: ID_C, category: '建档立卡', hukouType: '城镇' } },
      {
        line: 4,
        raw: { name: '新人', idNumber: makeIdNumber('522732', '2000-01-01', 55), category: '建档立卡', identifiedOn: '2019-05-01' },
      },
      { line: 5, raw: { name: '张三', idNumber: ID_A, category: '建档立卡' } },
      { line: 6, raw: { name: '', idNumber: ID_B, category: '建档立卡' } },
    ];
    const r = compareList(rows, registry, options);
    expect(r.unchanged).toBe(1);
    expect(r.newPersons.map((p) => [p.name, p.identifiedOn, p.unit.orgUnitId])).toEqual([['新人', '2019-05-01', UUID]]);
    expect(r.newCategories.map((c) => [c.personId, c.category])).toEqual([['pC', 'registered_poor']]);
    expect(r.changed).toEqual([
      {
        line: 3,
        personId: 'pC',
        name: '王五',
        idNumberMasked: expect.stringMatching(/^522732\*+/),
        changes: [{ field: 'hukouType', from: 'rural', to: 'urban' }],
      },
    ]);
    expect(r.left.map((l) => l.personId)).toEqual(['pB']);
    expect(r.invalid.map((i) => [i.line, i.reason])).toEqual([
      [5, '与第 2 行重复（同一人同一类别）'],
      [6, '缺少姓名'],
    ]);
  });

  it('refuses a person registered in another region and a new person without a place', () => {
    const registry: RegistryPerson[] = [
      { id: 'pA', idNumber: ID_A, name: '张三', hukouType: 'rural', phone: null, address: null, inScope: false, held: [] },
    ];
    const r = compareList(
      [
        { line: 2, raw: { name: '张三', idNumber: ID_A, category: '建档立卡' } },
        { line: 3, raw: { name: '李四', idNumber: ID_B, category: '建档立卡' } },
        { line: 4, raw: { name: '王五', idNumber: ID_C, category: '建档立卡', regionCode: '999999' } },
      ],
      registry,
      { ...options, defaultUnit: null },
    );
    expect(r.invalid.map((i) => i.reason)).toEqual([
      expect.stringMatching(/其他地区/),
      expect.stringMatching(/须填写区划代码/),
      '区划代码 999999 不在您的管辖范围内',
    ]);
  });
});

describe('list upload meta', () => {
  it('names the department, the list date and the file', () => {
    expect(ZListUploadMeta.safeParse({ sourceDepartment: 'civil_affairs', listDate: '2019-06-30', fileName: 'a.xlsx' }).success).toBe(true);
    const r = ZListUploadMeta.safeParse({ sourceDepartment: 'x', listDate: '2019-02-30', fileName: '' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['fileName', 'listDate', 'sourceDepartment']);
  });
});
