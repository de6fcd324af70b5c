import type { TCategoryId } from '../categories.js';
import type { TProfileId } from '../profiles.js';
import { ZSettleRequest } from './schema.js';
import type { TSettleRequest, TSettleRequestInput, TSettleResult, TTier } from './schema.js';

/** The §8 example request of RULES.md, copied into the package (the project never reads /work/shared). */
export const EXAMPLE_REQUEST = {
  profile: 'qiannan-2019',
  params: {
    basic: {
      deductible: { '1': 20000, '2': 50000, '3': 100000 },
      rate: { '1': 85, '2': 75, '3': 60 },
      annualCap: 25000000,
      unreferredRateCut: 0,
    },
    critical: { deductible: 1000000, rate: 60, annualCap: 30000000, poorRateIncrement: 0, specialDrugRate: 0 },
    assistance: { rate: 0, annualCap: 10000000 },
  },
  person: { categories: ['registered_poor'], countyCode: '522732' },
  visit: {
    type: 'inpatient',
    hospitalLevel: 2,
    location: 'in_county',
    referred: false,
    date: '2019-09-02',
    specialDisease: null,
    designatedHospital: false,
    referralDeductiblePaid: 0,
  },
  costs: { total: 3000000, inScope: 2800000, specialDrug: 0 },
  ytd: { basic: 0, critical: 0, criticalBase: 0, assistance: 0, assistanceBase: 0, assistanceDeductible: 0, tiltedBase: 0 },
} satisfies TSettleRequestInput;

/** Date and county of each profile's period, as RULES §9 moves them. */
export const PROFILE_VISIT: Record<TProfileId, { date: string; countyCode: string }> = {
  'qiannan-2019': { date: '2019-09-02', countyCode: '522732' },
  'hunan-2017': { date: '2017-09-01', countyCode: '430124' },
  'xianning-2022': { date: '2022-05-10', countyCode: '421221' },
  'liaoning-2019': { date: '2019-06-10', countyCode: '210124' },
  'weihai-2019': { date: '2019-08-10', countyCode: '371082' },
};

/** Changes to the §8 example request, as §9 lists them. */
export interface TExampleChanges {
  profile?: TProfileId;
  categories?: TCategoryId[];
  visit?: Partial<TSettleRequestInput['visit']>;
  costs?: Partial<TSettleRequestInput['costs']>;
  params?: {
    basic?: Record<string, unknown>;
    critical?: Record<string, unknown>;
    assistance?: Record<string, unknown>;
    chronic?: Record<string, unknown>;
    outpatient?: Record<string, unknown>;
  };
  ytd?: Partial<TSettleRequest['ytd']>;
}

/** Builds and validates the §8 request with §9-style changes (throws on an invalid request). */
export function buildRequest(changes: TExampleChanges = {}): TSettleRequest {
  const profile = changes.profile ?? 'qiannan-2019';
  const p = EXAMPLE_REQUEST.params;
  const input = {
    ...EXAMPLE_REQUEST,
    profile,
    params: {
      basic: { ...p.basic, ...changes.params?.basic },
      critical: { ...p.critical, ...changes.params?.critical },
      assistance: { ...p.assistance, ...changes.params?.assistance },
      ...(changes.params?.chronic ? { chronic: changes.params.chronic } : {}),
      ...(changes.params?.outpatient ? { outpatient: changes.params.outpatient } : {}),
    },
    person: { categories: changes.categories ?? ['registered_poor'], countyCode: PROFILE_VISIT[profile].countyCode },
    visit: { ...EXAMPLE_REQUEST.visit, date: PROFILE_VISIT[profile].date, ...changes.visit },
    costs: { ...EXAMPLE_REQUEST.costs, ...changes.costs },
    ytd: { ...EXAMPLE_REQUEST.ytd, ...changes.ytd },
  };
  return ZSettleRequest.parse(input);
}

/** Amount of a tier in a result (0 when the line is left out). */
export function amountOf(result: TSettleResult, tier: TTier): number {
  return result.lines.filter((l) => l.tier === tier).reduce((s, l) => s + l.amount, 0);
}

/** All tier amounts of a result, for compact `toEqual` checks. */
export function tiersOf(result: TSettleResult) {
  return {
    hospital_borne: result.totals.hospitalBorne,
    basic: amountOf(result, 'basic'),
    critical: amountOf(result, 'critical'),
    hospital_reduction: amountOf(result, 'hospital_reduction'),
    assistance: amountOf(result, 'assistance'),
    tilted: amountOf(result, 'tilted'),
    patient: result.totals.patientPays,
  };
}
