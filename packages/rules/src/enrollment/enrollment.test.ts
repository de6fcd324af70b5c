import { describe, expect, it } from 'vitest';
import { enrollmentYearFor } from './enrollment.js';

describe('enrollmentYearFor', () => {
  it('Qiannan: identified by 31 August → this year, from the identification date', () => {
    expect(enrollmentYearFor({ profile: 'qiannan-2019', identifiedOn: '2019-08-31' })).toMatchObject({
      year: 2019,
      subsidisedFrom: '2019-08-31',
      waitingPeriod: false,
      clause: '000 §二(二)',
    });
  });
  it('Qiannan: identified 1 September–31 December and not enrolled → next year', () => {
    expect(enrollmentYearFor({ profile: 'qiannan-2019', identifiedOn: '2019-09-01' })).toMatchObject({
      year: 2020,
      subsidisedFrom: '2020-01-01',
    });
    expect(enrollmentYearFor({ profile: 'qiannan-2019', identifiedOn: '2019-12-31' })).toMatchObject({ year: 2020 });
  });
  it('Qiannan: September, already enrolled → subsidy from next year; this year on own premium', () => {
    const r = enrollmentYearFor({ profile: 'qiannan-2019', identifiedOn: '2019-10-15', alreadyEnrolledThisYear: true });
    expect(r).toMatchObject({ year: 2020, subsidisedFrom: '2020-01-01' });
    expect(r.explain).toContain('已参保');
  });
  it('Weihai: paid → from identification, premium refunded; not paid → fiscal fund', () => {
    expect(enrollmentYearFor({ profile: 'weihai-2019', identifiedOn: '2019-03-12', alreadyEnrolledThisYear: true })).toMatchObject({
      year: 2019,
      subsidisedFrom: '2019-03-12',
      refundPaidPremium: true,
      waitingPeriod: false,
      clause: '004 §二(三)',
    });
    expect(enrollmentYearFor({ profile: 'weihai-2019', identifiedOn: '2019-11-20' })).toMatchObject({
      year: 2019,
      refundPaidPremium: false,
      premiumPaidBy: 'fiscal_preallocated',
    });
  });
  it('Xianning: current year, no waiting period', () => {
    const r = enrollmentYearFor({ profile: 'xianning-2022', identifiedOn: '2022-10-01' });
    expect(r).toMatchObject({ year: 2022, subsidisedFrom: '2022-10-01', waitingPeriod: false, clause: '002 §二(二)' });
    expect(r.explain).toContain('等待期');
  });
  it('Hunan and Liaoning: documented default (current year, from identification)', () => {
    expect(enrollmentYearFor({ profile: 'hunan-2017', identifiedOn: '2017-11-02' })).toMatchObject({
      year: 2017,
      subsidisedFrom: '2017-11-02',
    });
    expect(enrollmentYearFor({ profile: 'liaoning-2019', identifiedOn: '2019-12-30' })).toMatchObject({ year: 2019 });
  });
  it('rejects a bad date', () => {
    expect(() => enrollmentYearFor({ profile: 'hunan-2017', identifiedOn: '2017-02-30' })).toThrow();
  });
});
