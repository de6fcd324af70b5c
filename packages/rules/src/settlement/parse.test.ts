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
  it('rejects special drugs beyond the out-of-scope remainder, and outside Weihai', () => {
    const weihai = { ...EXAMPLE_REQUEST, profile: 'weihai-2019', costs: { total: 1000, inScope: 800, specialDrug: 300 } };
    expect(errorsOf(weihai)[0]?.path).toBe('costs.specialDrug');
    const qiannan = { ...EXAMPLE_REQUEST, costs: { total: 1000, inScope: 800, specialDrug: 100 } };
    expect(errorsOf(qiannan)[0]?.message).toContain('只有威海口径');
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
