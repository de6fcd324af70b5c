import { describe, expect, it } from 'vitest';
import { EXAMPLE_REQUEST } from './test-helpers.js';
import { InvalidSettleRequestError, parseSettleRequest, settleVisit } from './parse.js';

function errorsOf(input: unknown) {
  const r = parseSettleRequest(input);
  if (r.success) throw new Error('expected a validation failure');
  return r.errors;
}

describe('parseSettleRequest', () => {
  it('accepts the §8 example and fills defaults', () => {
    const r = parseSettleRequest({ ...EXAMPLE_REQUEST, ytd: undefined, params: undefined });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.ytd.chronicBasic).toBe(0);
      expect(r.data.visit.offsiteRegistered).toBe(false);
      expect(r.data.costs.specialDrug).toBe(0);
    }
  });
  it('rejects in-scope above total at costs.inScope', () => {
    expect(errorsOf({ ...EXAMPLE_REQUEST, costs: { total: 100, inScope: 200 } })).toEqual([
      { path: 'costs.inScope', message: '政策范围内费用不能大于总费用' },
    ]);
  });
  it('rejects special drugs beyond the out-of-scope remainder, and where the profile has none', () => {
    const weihai = {
      ...EXAMPLE_REQUEST,
      profile: 'weihai-2019',
      person: { categories: ['registered_poor'], countyCode: '371002' },
      costs: { total: 1000, inScope: 800, specialDrug: 300 },
    };
    expect(errorsOf(weihai)).toEqual([{ path: 'costs.specialDrug', message: '单独补偿特药费用不能大于总费用减政策范围内费用' }]);
    const qiannan = { ...EXAMPLE_REQUEST, costs: { total: 1000, inScope: 800, specialDrug: 100 } };
    expect(errorsOf(qiannan)).toEqual([{ path: 'costs.specialDrug', message: '黔南州（2019）口径没有大病保险单独补偿特药，请填 0' }]);
  });
  it('refuses a category the profile does not know, naming the field (RULES §8a.8)', () => {
    expect(errorsOf({ ...EXAMPLE_REQUEST, person: { categories: ['registered_poor', 'marginal'], countyCode: '522732' } })).toEqual([
      { path: 'person.categories.1', message: '“边缘易致贫人口”（marginal）不是黔南州（2019）口径的人员类别' },
    ]);
  });
  it('refuses a county outside the jurisdiction: a prefecture by its four digits, a province by two', () => {
    expect(errorsOf({ ...EXAMPLE_REQUEST, person: { categories: ['registered_poor'], countyCode: '520102' } })).toEqual([
      { path: 'person.countyCode', message: '县级区划代码 520102 不在黔南州（2019）辖区内（应以 5227 开头）' },
    ]);
    const hunan = { ...EXAMPLE_REQUEST, profile: 'hunan-2017', visit: { ...EXAMPLE_REQUEST.visit, date: '2017-09-01' } };
    const at = (countyCode: string) => parseSettleRequest({ ...hunan, person: { categories: ['registered_poor'], countyCode } });
    expect(at('433101').success).toBe(true);
    expect(at('430100').success).toBe(true);
    expect(errorsOf({ ...hunan, person: { categories: ['registered_poor'], countyCode: '421202' } })[0]?.message).toContain('应以 43 开头');
  });
  it('an amount beyond the range says so, once, instead of "no decimals"', () => {
    expect(errorsOf({ ...EXAMPLE_REQUEST, costs: { total: 1e20, inScope: 0 } })).toEqual([
      { path: 'costs.total', message: '金额超出范围（最多 100000000000 分，即 10 亿元）' },
    ]);
    expect(errorsOf({ ...EXAMPLE_REQUEST, ytd: { basic: -1e20 } })).toEqual([{ path: 'ytd.basic', message: '金额不能为负数' }]);
  });
  it('a request, or one of its parts, that is not an object gets a Chinese message', () => {
    expect(errorsOf([EXAMPLE_REQUEST])).toEqual([{ path: '（根）', message: '结算请求应为 JSON 对象 {…}，收到的是数组' }]);
    expect(errorsOf('x')[0]?.message).toBe('结算请求应为 JSON 对象 {…}，收到的是字符串');
    const byPath = Object.fromEntries(
      errorsOf({ ...EXAMPLE_REQUEST, person: undefined, visit: [], costs: 5, ytd: null }).map((e) => [e.path, e.message]),
    );
    expect(byPath).toEqual({
      person: '缺少参保人信息（person）',
      visit: '就诊信息（visit）应为 JSON 对象 {…}，收到的是数组',
      costs: '费用信息（costs）应为 JSON 对象 {…}，收到的是数字',
      ytd: '本年累计（ytd）应为 JSON 对象 {…}，收到的是空值（null）',
    });
  });
  it('rejects negative and fractional money, bad dates and unknown enums with Chinese messages', () => {
    const errors = errorsOf({
      ...EXAMPLE_REQUEST,
      profile: 'beijing',
      person: { categories: ['vip'] },
      visit: { ...EXAMPLE_REQUEST.visit, date: '2019-13-01', hospitalLevel: 4, type: 'dental' },
      costs: { total: -1, inScope: 1.5 },
    });
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath['profile']).toBe('未知的政策口径（profile）');
    expect(byPath['person.categories.0']).toBe('未知的人员类别');
    expect(byPath['visit.date']).toBe('日期格式应为 YYYY-MM-DD');
    expect(byPath['visit.hospitalLevel']).toBe('医院等级应为 1、2 或 3');
    expect(byPath['visit.type']).toContain('就诊类型');
    expect(byPath['costs.total']).toBe('金额不能为负数');
    expect(byPath['costs.inScope']).toBe('金额应为整数（单位：分），不能有小数');
  });
  it('rejects bad params with the field path', () => {
    const errors = errorsOf({ ...EXAMPLE_REQUEST, params: { critical: { rate: 120 } } });
    expect(errors).toEqual([{ path: 'params.critical.rate', message: '比例不能超过 100%' }]);
  });
  it('settleVisit throws a typed error naming the fields', () => {
    expect(() => settleVisit({ ...EXAMPLE_REQUEST, costs: { total: 1, inScope: 2 } })).toThrow(InvalidSettleRequestError);
    expect(settleVisit(EXAMPLE_REQUEST).totals.patientPays).toBe(374937);
  });
});
