import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number/index.js';
import {
  dateRangesOverlap,
  formatRegistrationNo,
  issuingHospitalProblem,
  offsiteCoversRegion,
  offsiteEffectiveStatus,
  referralEffectiveStatus,
  referralValidUntil,
} from './referrals.js';
import { ZCreateOffsiteInput, ZCreateReferralInput, ZReferralSettingsInput } from './schemas.js';
import { provinceName } from './provinces.js';

describe('referralValidUntil', () => {
  it('counts the issue day as day one', () => {
    expect(referralValidUntil('2026-01-01', 90)).toBe('2026-03-31');
    expect(referralValidUntil('2026-11-20', 1)).toBe('2026-11-20');
    expect(referralValidUntil('2024-02-28', 2)).toBe('2024-02-29');
  });
  it('refuses a non-positive validity', () => {
    expect(() => referralValidUntil('2026-01-01', 0)).toThrow(RangeError);
  });
});

describe('effective status', () => {
  it('expires a submitted or registered referral after its last day only', () => {
    expect(referralEffectiveStatus('registered', '2026-03-31', '2026-03-31')).toBe('registered');
    expect(referralEffectiveStatus('registered', '2026-03-31', '2026-04-01')).toBe('expired');
    expect(referralEffectiveStatus('submitted', '2026-03-31', '2026-04-01')).toBe('expired');
    expect(referralEffectiveStatus('cancelled', '2026-03-31', '2026-04-01')).toBe('cancelled');
    expect(referralEffectiveStatus('rejected', '2026-03-31', '2026-04-01')).toBe('rejected');
  });
  it('off-site: pending before the start, expired after the end', () => {
    expect(offsiteEffectiveStatus('registered', '2026-02-01', '2026-05-01', '2026-01-31')).toBe('pending');
    expect(offsiteEffectiveStatus('registered', '2026-02-01', '2026-05-01', '2026-05-01')).toBe('registered');
    expect(offsiteEffectiveStatus('registered', '2026-02-01', '2026-05-01', '2026-05-02')).toBe('expired');
    expect(offsiteEffectiveStatus('cancelled', '2026-02-01', '2026-05-01', '2026-03-01')).toBe('cancelled');
  });
});

describe('dateRangesOverlap', () => {
  it('treats ranges as closed', () => {
    expect(dateRangesOverlap('2026-01-01', '2026-01-31', '2026-01-31', '2026-02-10')).toBe(true);
    expect(dateRangesOverlap('2026-01-01', '2026-01-30', '2026-01-31', '2026-02-10')).toBe(false);
  });
  it('is symmetric', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const range = fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
    fc.assert(fc.property(range, range, (a, b) => dateRangesOverlap(a[0], a[1], b[0], b[1]) === dateRangesOverlap(b[0], b[1], a[0], a[1])));
  });
});

describe('offsiteCoversRegion', () => {
  it('matches the city when one is named, else the province', () => {
    expect(offsiteCoversRegion({ provinceCode: '420000', cityCode: '420100' }, '420106')).toBe(true);
    expect(offsiteCoversRegion({ provinceCode: '420000', cityCode: '420100' }, '421202')).toBe(false);
    expect(offsiteCoversRegion({ provinceCode: '420000', cityCode: null }, '421202')).toBe(true);
    expect(offsiteCoversRegion({ provinceCode: '420000', cityCode: null }, '430102')).toBe(false);
  });
});

describe('formatRegistrationNo', () => {
  it('pads the sequence to six digits', () => {
    expect(formatRegistrationNo('ZZ', 2026, 1)).toBe('ZZ2026000001');
    expect(formatRegistrationNo('YD', 2026, 123456)).toBe('YD2026123456');
    expect(() => formatRegistrationNo('ZZ', 2026, 0)).toThrow(RangeError);
  });
});

describe('issuingHospitalProblem', () => {
  const county = '421222';
  it('Xianning: level 2+ in the person’s county only', () => {
    expect(issuingHospitalProblem('xianning-2022', { level: 2, regionCode: county, isActive: true }, county)).toBeNull();
    expect(issuingHospitalProblem('xianning-2022', { level: 1, regionCode: county, isActive: true }, county)).toMatch(/二级及以上/);
    expect(issuingHospitalProblem('xianning-2022', { level: 3, regionCode: '421202', isActive: true }, county)).toMatch(/县域内/);
  });
  it('other profiles: any active hospital', () => {
    expect(issuingHospitalProblem('qiannan-2019', { level: 1, regionCode: '522701', isActive: true }, '522732')).toBeNull();
    expect(issuingHospitalProblem('qiannan-2019', { level: 2, regionCode: '522732', isActive: false }, '522732')).toMatch(/停用/);
  });
});

describe('schemas', () => {
  const idNumber = makeIdNumber('421222', '1970-05-06', 11);
  const base = {
    idNumber,
    issuingHospitalId: '00000000-0000-4000-8000-000000000001',
    destinationHospitalId: '00000000-0000-4000-8000-000000000002',
    diagnosis: '肺恶性肿瘤',
    reason: '县级医院无条件开展放疗',
    issueDate: '2026-11-20',
    plannedAdmissionDate: '2026-11-25',
  };
  it('accepts a referral and defaults registerNow', () => {
    expect(ZCreateReferralInput.parse(base).registerNow).toBe(true);
  });
  it('puts dates out of order on the admission date', () => {
    const r = ZCreateReferralInput.safeParse({ ...base, plannedAdmissionDate: '2026-11-19' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['plannedAdmissionDate']);
  });
  it('refuses a bad ID number and the same hospital twice', () => {
    expect(
      ZCreateReferralInput.safeParse({ ...base, idNumber: idNumber.slice(0, 17) + (idNumber.endsWith('0') ? '1' : '0') }).success,
    ).toBe(false);
    const same = ZCreateReferralInput.safeParse({ ...base, destinationHospitalId: base.issuingHospitalId });
    expect(same.error?.issues[0]?.path).toEqual(['destinationHospitalId']);
  });
  const offsite = {
    idNumber,
    type: 'migrant_work',
    provinceCode: '440000',
    cityCode: '440300',
    cityName: '深圳市',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    documentType: '劳动合同',
    documentNo: 'HT-2026-001',
  };
  it('off-site: end before start, city outside the province', () => {
    expect(ZCreateOffsiteInput.parse(offsite).cityCode).toBe('440300');
    expect(ZCreateOffsiteInput.safeParse({ ...offsite, endDate: '2025-12-31' }).error?.issues[0]?.path).toEqual(['endDate']);
    expect(ZCreateOffsiteInput.safeParse({ ...offsite, cityCode: '420100' }).error?.issues[0]?.path).toEqual(['cityCode']);
    expect(ZCreateOffsiteInput.safeParse({ ...offsite, provinceCode: '990000' }).success).toBe(false);
  });
  it('validity days within 1–365', () => {
    expect(ZReferralSettingsInput.safeParse({ orgUnitId: base.issuingHospitalId, validityDays: 0 }).success).toBe(false);
    expect(ZReferralSettingsInput.safeParse({ orgUnitId: base.issuingHospitalId, validityDays: 90 }).success).toBe(true);
  });
  it('knows province names', () => {
    expect(provinceName('420000')).toBe('湖北省');
    expect(provinceName('990000')).toBeNull();
  });
});
