import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSPITAL_LEVEL_LABELS, ZHospitalInput, describeReferralIssuer, locateHospital, referralIssuerProblem } from './index.js';

describe('locateHospital', () => {
  it('reads county, city and province from the GB/T 2260 code', () => {
    expect(locateHospital('421222', '421222')).toBe('in_county');
    expect(locateHospital('421222', '421202')).toBe('in_city');
    expect(locateHospital('421222', '420106')).toBe('in_province');
    expect(locateHospital('421222', '430102')).toBe('out_of_province');
  });
  it('treats a city-level code without counties as the city', () => {
    expect(locateHospital('430100', '430121')).toBe('in_city');
    expect(locateHospital('430100', '430100')).toBe('in_county');
  });
  it('is symmetric and coarser codes never make the hospital nearer', () => {
    const code = fc.stringMatching(/^[1-6][0-9]{5}$/);
    const order = ['in_county', 'in_city', 'in_province', 'out_of_province'];
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(locateHospital(a, b)).toBe(locateHospital(b, a));
        const sameCity = a.slice(0, 4) === b.slice(0, 4);
        const sameProvince = a.slice(0, 2) === b.slice(0, 2);
        const at = order.indexOf(locateHospital(a, b));
        expect(at === 0).toBe(a === b);
        expect(at <= 1).toBe(sameCity);
        expect(at <= 2).toBe(sameProvince);
      }),
    );
  });
});

describe('hospital input', () => {
  const base = {
    code: 'H001',
    name: '测试县人民医院',
    level: 2,
    regionCode: '421222',
    regionName: '通城县',
    isNetworked: true,
    isSpecialDiseaseDesignated: false,
    referralTier: null,
  };
  it('accepts a hospital and defaults it active', () => {
    expect(ZHospitalInput.parse(base).isActive).toBe(true);
    expect(HOSPITAL_LEVEL_LABELS[2]).toBe('二级');
  });
  it('names the field at fault', () => {
    const r = ZHospitalInput.safeParse({ ...base, level: 4, regionCode: '4212', referralTier: 'county' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['level', 'referralTier', 'regionCode']);
  });
});

describe('referral issuer rule', () => {
  const rule = { minLevel: 2, sameCounty: true, clause: '002 §三(三)' } as const;
  it('no rule: any hospital; a rule: level first, then county', () => {
    expect(referralIssuerProblem(null, { level: 1, regionCode: '421202' }, '421222')).toBeNull();
    expect(referralIssuerProblem(rule, { level: 1, regionCode: '421222' }, '421222')).toBe(
      '转诊证明须由二级及以上医疗机构出具（002 §三(三)）',
    );
    expect(referralIssuerProblem(rule, { level: 3, regionCode: '421202' }, '421222')).toBe(
      '转诊证明须由参保人所在县域内的医疗机构出具（002 §三(三)）',
    );
    expect(referralIssuerProblem(rule, { level: 2, regionCode: '421222' }, '421222')).toBeNull();
    expect(referralIssuerProblem({ ...rule, sameCounty: false }, { level: 3, regionCode: '421202' }, '421222')).toBeNull();
  });
  it('reads as a hint for the form', () => {
    expect(describeReferralIssuer(rule)).toBe('须为参保人所在县域内二级及以上医疗机构');
    expect(describeReferralIssuer({ ...rule, sameCounty: false, minLevel: 3 })).toBe('须为三级及以上医疗机构');
    expect(describeReferralIssuer(null)).toBeNull();
  });
});
