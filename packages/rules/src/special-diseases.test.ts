import { describe, expect, it } from 'vitest';
import {
  HUNAN_DISEASE_CLASSES,
  isSpecialDiseaseOfProfile,
  listSpecialDiseases,
  SPECIAL_DISEASES,
  ZSpecialDiseaseId,
} from './special-diseases.js';

describe('special diseases', () => {
  it("lists Qiannan's 21 diseases (000 §二(四)4)", () => {
    const qn = listSpecialDiseases('qiannan-2019');
    expect(qn).toHaveLength(21);
    expect(qn.map((d) => d.name)).toContain('尿道下裂');
    expect(qn.map((d) => d.name)).toContain('急性心肌梗死');
  });
  it("lists Hunan's 9 diseases in 4 classes (001 §三)", () => {
    const hn = listSpecialDiseases('hunan-2017');
    expect(hn).toHaveLength(9);
    const classes = new Set(hn.map((d) => d.hunanClass));
    expect([...classes].sort()).toEqual(Object.keys(HUNAN_DISEASE_CLASSES).sort());
    expect(hn.filter((d) => d.hunanClass === 'digestive_cancer')).toHaveLength(4);
    expect(hn.filter((d) => d.hunanClass === 'childhood_leukemia')).toHaveLength(2);
    expect(hn.filter((d) => d.hunanClass === 'childhood_chd')).toHaveLength(2);
  });
  it('has unique ids and names', () => {
    expect(new Set(SPECIAL_DISEASES.map((d) => d.id)).size).toBe(SPECIAL_DISEASES.length);
    expect(new Set(SPECIAL_DISEASES.map((d) => d.name)).size).toBe(SPECIAL_DISEASES.length);
  });
  it('knows which profile a disease belongs to', () => {
    expect(isSpecialDiseaseOfProfile('hunan-2017', 'gastric_cancer')).toBe(true);
    expect(isSpecialDiseaseOfProfile('hunan-2017', 'lung_cancer')).toBe(false);
    expect(isSpecialDiseaseOfProfile('qiannan-2019', 'childhood_all')).toBe(false);
    expect(isSpecialDiseaseOfProfile('weihai-2019', 'gastric_cancer')).toBe(false);
    expect(listSpecialDiseases('xianning-2022')).toHaveLength(0);
  });
  it('validates ids with a Chinese message', () => {
    expect(ZSpecialDiseaseId.safeParse('cataract').success).toBe(true);
    const bad = ZSpecialDiseaseId.safeParse('flu');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('未知的专项救治病种编码');
  });
});
