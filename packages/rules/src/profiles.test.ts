import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROFILES,
  PROFILE_IDS,
  ZProfileId,
  capabilitiesOf,
  findOutOfScopeLimit,
  isInJurisdiction,
  jurisdictionPrefix,
} from './profiles.js';

describe('profiles', () => {
  it('knows the five profiles and refuses others in Chinese', () => {
    expect(PROFILE_IDS.every((id) => PROFILES[id].id === id && capabilitiesOf(id) === PROFILES[id].capabilities)).toBe(true);
    expect(ZProfileId.safeParse('beijing-2020').error?.issues[0]?.message).toBe('未知的政策口径（profile）');
  });
});

describe('jurisdiction', () => {
  it('a prefecture keeps four digits, a province two', () => {
    expect(PROFILE_IDS.map(jurisdictionPrefix)).toEqual(['5227', '43', '4212', '21', '3710']);
  });
  it('holds the counties, cities and townships under the top code, and nothing else', () => {
    expect(isInJurisdiction('qiannan-2019', '522732')).toBe(true);
    expect(isInJurisdiction('qiannan-2019', '522732101')).toBe(true);
    expect(isInJurisdiction('qiannan-2019', '520102')).toBe(false);
    expect(isInJurisdiction('hunan-2017', '433101')).toBe(true);
    expect(isInJurisdiction('hunan-2017', '421202')).toBe(false);
    expect(isInJurisdiction('weihai-2019', '371082')).toBe(true);
    expect(isInJurisdiction('weihai-2019', '370102')).toBe(false);
  });
  it('every code of the top region’s own prefix is inside, and no jurisdictions overlap', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILE_IDS), fc.stringMatching(/^[0-9]{6}$/), (profile, code) => {
        const inside = PROFILE_IDS.filter((p) => isInJurisdiction(p, code));
        expect(inside.length).toBeLessThanOrEqual(1);
        expect(isInJurisdiction(profile, code)).toBe(code.startsWith(jurisdictionPrefix(profile)));
        expect(isInJurisdiction(profile, PROFILES[profile].regionCode)).toBe(true);
      }),
    );
  });
});

describe('out-of-scope limits (RULES §3 step 0)', () => {
  const at = (
    profile: (typeof PROFILE_IDS)[number],
    type: 'inpatient' | 'outpatient',
    location: 'in_county' | 'in_city' | 'in_province' | 'out_of_province',
    hospitalLevel: 1 | 2 | 3,
  ) => findOutOfScopeLimit(profile, { type, location, hospitalLevel });
  it('Qiannan 000 §二(六): 10 % for inpatient and outpatient care, everywhere', () => {
    expect(at('qiannan-2019', 'inpatient', 'out_of_province', 1)).toBe(10);
    expect(at('qiannan-2019', 'outpatient', 'in_county', 3)).toBe(10);
  });
  it('Xianning 002 §三(一): in county 3 % (level 1) and 8 % (2–3); out of county in province level 3: 10 %; else none', () => {
    expect(at('xianning-2022', 'inpatient', 'in_county', 1)).toBe(3);
    expect(at('xianning-2022', 'inpatient', 'in_county', 2)).toBe(8);
    expect(at('xianning-2022', 'inpatient', 'in_county', 3)).toBe(8);
    expect(at('xianning-2022', 'inpatient', 'in_city', 3)).toBe(10);
    expect(at('xianning-2022', 'inpatient', 'in_province', 3)).toBe(10);
    expect(at('xianning-2022', 'inpatient', 'in_province', 2)).toBeNull();
    expect(at('xianning-2022', 'inpatient', 'out_of_province', 3)).toBeNull();
    expect(at('xianning-2022', 'outpatient', 'in_county', 1)).toBeNull();
  });
  it('the other notices set no limit', () => {
    for (const profile of ['hunan-2017', 'liaoning-2019', 'weihai-2019'] as const)
      expect(at(profile, 'inpatient', 'in_county', 1)).toBeNull();
  });
});
