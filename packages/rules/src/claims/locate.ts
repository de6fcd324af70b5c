import type { TLocation } from '../settlement/schema.js';

/**
 * Where a hospital lies as seen from the person's county (RULES §3 `location`), from GB/T 2260
 * codes: the same county, the same city (first four digits), the same province (first two), or
 * elsewhere. `personCountyCode` is the county code of the person's facts (six digits).
 */
export function locateHospital(personCountyCode: string, hospitalRegionCode: string): TLocation {
  if (personCountyCode === hospitalRegionCode) return 'in_county';
  if (personCountyCode.slice(0, 4) === hospitalRegionCode.slice(0, 4)) return 'in_city';
  if (personCountyCode.slice(0, 2) === hospitalRegionCode.slice(0, 2)) return 'in_province';
  return 'out_of_province';
}
