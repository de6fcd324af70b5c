import { describe, expect, it } from 'vitest';
import { buildSlip, type TSlipClaim } from './slip.js';

const CLAIM: TSlipClaim = {
  claimNo: 'JS20190000001',
  kind: 'settlement',
  profile: 'qiannan-2019',
  agencyName: '三都水族自治县',
  createdAt: '2019-09-03T10:20:00.000Z',
  clerkName: '经办员',
  person: { name: '王伟', idNumberMasked: '522732********1234', sex: 'male' },
  appliedCategory: 'registered_poor',
  categoriesHeld: ['registered_poor'],
  hospital: { name: '三都县人民医院', level: 2 },
  location: 'in_county',
  visitType: 'inpatient',
  admissionDate: '2019-08-25',
  dischargeDate: '2019-09-02',
  diagnosis: '肺炎',
  specialDisease: null,
  referralSource: 'not_required',
  referralNote: null,
  costs: { total: 3000000, inScope: 2800000, outOfScope: 200000, specialDrug: 0 },
  lines: [
    { tier: 'basic', amount: 2062500, clause: '000 §二(四)1', explain: '…' },
    { tier: 'critical', amount: 154375, clause: '000 §二(四)2', explain: '…' },
    { tier: 'assistance', amount: 408188, clause: '000 §二(四)3', explain: '…' },
  ],
  totals: { fundPaid: 2625063, hospitalBorne: 0, patientPays: 374937 },
  notices: [],
};

describe('buildSlip', () => {
  it('shows patient pays in figures and capital numerals, and each tier with its clause', () => {
    const slip = buildSlip(CLAIM);
    expect(slip.patientPays).toBe('3,749.37');
    expect(slip.patientPaysCapital).toBe('叁仟柒佰肆拾玖元叁角柒分');
    expect(slip.lines.map((l) => [l.label, l.amount, l.clause])).toEqual([
      ['基本医疗保险', '20,625.00', '000 §二(四)1'],
      ['大病保险', '1,543.75', '000 §二(四)2'],
      ['医疗救助', '4,081.88', '000 §二(四)3'],
    ]);
    expect(slip.header).toContainEqual(['适用身份', '建档立卡贫困人口']);
    expect(slip.hospitalBorne).toBeNull();
    expect(slip.signatures).toContain('患者（家属）签字');
  });

  it('titles a reversal and prints its reason', () => {
    const slip = buildSlip({
      ...CLAIM,
      kind: 'reversal',
      reason: '金额录入错误',
      totals: { fundPaid: -2625063, hospitalBorne: 0, patientPays: -374937 },
    });
    expect(slip.title).toContain('冲销');
    expect(slip.patientPaysCapital).toBe('负叁仟柒佰肆拾玖元叁角柒分');
    expect(slip.notices).toContain('冲销原因：金额录入错误');
  });

  it('shows the hospital reduction apart and leaves it out of the fund total', () => {
    const slip = buildSlip({
      ...CLAIM,
      profile: 'weihai-2019',
      lines: [
        { tier: 'basic', amount: 2_000_000, clause: '004 §三', explain: '…' },
        { tier: 'hospital_reduction', amount: 50_000, clause: '004 §四(一)', explain: '医院减免' },
        { tier: 'assistance', amount: 100_000, clause: '004 §三(二)', explain: '…' },
      ],
      totals: { fundPaid: 2_150_000, hospitalBorne: 0, patientPays: 850_000 },
    });
    expect(slip.lines.map((l) => l.label)).not.toContain('医疗机构减免');
    expect(slip.fundPaid).toBe('21,000.00');
    expect(slip.hospitalReduction).toEqual({ amount: '500.00', clause: '004 §四(一)', explain: '医院减免' });
    expect(buildSlip(CLAIM).hospitalReduction).toBeNull();
  });
});
