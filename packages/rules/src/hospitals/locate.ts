import type { TLocation } from '../settlement/index.js';

/**
 * Where a hospital lies as seen from the person's county (RULES §3 `location`), from GB/T 2260
 * codes: the same county, else the same city or prefecture (first four digits), else the same
 * province (first two), else out of the province. Both codes are six-digit county-level codes
 * (a city code such as 430100 stands for a city without counties in the register).
 */
export function locateHospital(personCountyCode: string, hospitalRegionCode: string): TLocation {
  if (personCountyCode === hospitalRegionCode) return 'in_county';
  if (personCountyCode.slice(0, 4) === hospitalRegionCode.slice(0, 4)) return 'in_city';
  if (personCountyCode.slice(0, 2) === hospitalRegionCode.slice(0, 2)) return 'in_province';
  return 'out_of_province';
}
