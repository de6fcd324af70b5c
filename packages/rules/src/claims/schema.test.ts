import { describe, expect, it } from 'vitest';
import { LONG_STAY_DAYS, MAX_STAY_DAYS, stayDays, ZClaimEntry } from './schema.js';

const entry = (over: Record<string, unknown>) => ({
  personId: '00000000-0000-4000-8000-000000000001',
  hospitalId: '00000000-0000-4000-8000-000000000002',
  visitType: 'inpatient',
  admissionDate: '2019-01-01',
  dischargeDate: '2019-01-10',
  diagnosis: '肺炎',
  totalCost: 100_000,
  inScopeCost: 90_000,
  ...over,
});
const messages = (over: Record<string, unknown>) => {
  const r = ZClaimEntry.safeParse(entry(over));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('stays are bounded', () => {
  it('counts calendar days of a stay', () => {
    expect(stayDays('2019-01-01', '2019-01-01')).toBe(0);
    expect(stayDays('2019-12-30', '2020-01-02')).toBe(3);
    expect(stayDays('2020-02-28', '2020-03-01')).toBe(2);
  });
  it('refuses a stay of decades as a typing error', () => {
    expect(messages({ admissionDate: '1988-01-01', dischargeDate: '2019-01-10' })[0]).toMatch(
      new RegExp(`超过 ${MAX_STAY_DAYS} 天，请核实入院和出院日期`),
    );
  });
  it('asks a reason for a long stay, and accepts it with one', () => {
    const long = { admissionDate: '2019-01-01', dischargeDate: '2019-08-01' };
    expect(stayDays(long.admissionDate, long.dischargeDate)).toBeGreaterThan(LONG_STAY_DAYS);
    expect(messages(long)).toEqual([`longStayReason: 住院 212 天（超过 ${LONG_STAY_DAYS} 天），请填写长期住院的原因`]);
    expect(messages({ ...long, longStayReason: '脊髓损伤康复治疗' })).toEqual([]);
    expect(messages({ dischargeDate: '2019-06-29' })).toEqual([]);
  });
});
