import { describe, expect, it } from 'vitest';
import { locateHospital } from './locate.js';

describe('locateHospital', () => {
  it('reads county, city and province from GB/T 2260 codes', () => {
    expect(locateHospital('421222', '421222')).toBe('in_county');
    expect(locateHospital('421222', '421202')).toBe('in_city');
    expect(locateHospital('421222', '420106')).toBe('in_province');
    expect(locateHospital('421222', '430102')).toBe('out_of_province');
  });
});
