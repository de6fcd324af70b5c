import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbParams } from '../settlement/arbitraries.js';
import { PROFILE_IDS } from '../profiles.js';
import {
  createSettleParams,
  describeSettleParams,
  getDefaultSettleParams,
  mergeDeep,
  parseSettleParams,
  PROFILE_PARAM_DEFAULTS,
  resolveSettleParams,
  resolveSettleParamsInto,
  SETTLE_PARAM_PATHS,
  ZSettleParams,
} from './index.js';

function errorsOf(override: unknown) {
  const r = parseSettleParams('qiannan-2019', override);
  if (r.success) throw new Error('expected a validation failure');
  return r.errors;
}

describe('settlement parameters', () => {
  it.each(PROFILE_IDS)('%s: defaults are complete, valid and labelled', (profile) => {
    expect(ZSettleParams.safeParse(getDefaultSettleParams(profile)).success).toBe(true);
    const rows = describeSettleParams(profile);
    expect(rows).toHaveLength(SETTLE_PARAM_PATHS.length);
    for (const row of rows) {
      expect(row.label).toMatch(/[\u4e00-\u9fff]/);
      expect(row.note.length).toBeGreaterThan(0);
      expect(['seed', 'local', 'unused']).toContain(row.source);
      expect(Number.isFinite(row.value)).toBe(true);
    }
  });

  it('uses the seed-fixed values', () => {
    expect(PROFILE_PARAM_DEFAULTS['hunan-2017']['basic.annualCap']).toMatchObject({ value: 15_000_000, source: 'seed' });
    expect(PROFILE_PARAM_DEFAULTS['hunan-2017']['critical.annualCap']).toMatchObject({ value: 20_000_000, source: 'seed' });
    expect(PROFILE_PARAM_DEFAULTS['liaoning-2019']['critical.rate']).toMatchObject({ value: 60, source: 'seed' });
    expect(PROFILE_PARAM_DEFAULTS['liaoning-2019']['assistance.rate']).toMatchObject({ value: 65, source: 'seed' });
    expect(PROFILE_PARAM_DEFAULTS['qiannan-2019']['basic.annualCap']).toMatchObject({ value: 25_000_000, source: 'seed' });
  });

  it('deep-merges a partial override over the defaults without touching them', () => {
    const before = JSON.stringify(getDefaultSettleParams('xianning-2022'));
    const merged = resolveSettleParams('xianning-2022', { basic: { rate: { '2': 70 } }, critical: { deductible: 1 } });
    expect(merged.basic.rate).toEqual({ '1': 85, '2': 70, '3': 60 });
    expect(merged.basic.deductible).toEqual(getDefaultSettleParams('xianning-2022').basic.deductible);
    expect(merged.critical.deductible).toBe(1);
    expect(merged.critical.rate).toBe(60);
    expect(JSON.stringify(getDefaultSettleParams('xianning-2022'))).toBe(before);
    expect(mergeDeep({ a: { b: 1, c: 2 } }, { a: { c: undefined, d: 3 } })).toEqual({ a: { b: 1, c: 2, d: 3 } });
  });

  it('rejects a negative rate with the field path', () => {
    expect(errorsOf({ basic: { rate: { '2': -5 } } })).toEqual([{ path: 'basic.rate.2', message: '比例不能为负数' }]);
  });
  it('rejects a rate over 100', () => {
    expect(errorsOf({ critical: { rate: 100.5 } })).toEqual([{ path: 'critical.rate', message: '比例不能超过 100%' }]);
  });
  it('rejects a non-integer fen deductible', () => {
    expect(errorsOf({ basic: { deductible: { '1': 200.5 } } })).toEqual([
      { path: 'basic.deductible.1', message: '金额应为整数（单位：分），不能有小数' },
    ]);
    expect(errorsOf({ chronic: { deductible: -1 } })).toEqual([{ path: 'chronic.deductible', message: '金额不能为负数' }]);
  });
  it('rejects unknown names and levels, naming them', () => {
    expect(errorsOf({ critical: { anualCap: 1 } })[0]).toEqual({ path: 'critical', message: '未知的参数名：anualCap' });
    expect(errorsOf({ basic: { rate: { '4': 50 } } })[0]?.path).toBe('basic.rate');
    expect(errorsOf({ critical: { rate: '60' } })[0]?.message).toContain('百分比');
  });
  it('accepts an empty or missing override', () => {
    expect(parseSettleParams('weihai-2019', undefined)).toEqual({ success: true, params: getDefaultSettleParams('weihai-2019') });
    expect(parseSettleParams('weihai-2019', {}).success).toBe(true);
  });
});

describe('combined parameter sets', () => {
  it('accepts and ignores the premium-subsidy keys of an agency parameter set', () => {
    const r = parseSettleParams('hunan-2017', { premium: 18000, subsidy: { registeredPoorRate: 60 }, critical: { rate: 55 } });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.params.critical.rate).toBe(55);
      expect(Object.keys(r.params).sort()).toEqual(['assistance', 'basic', 'chronic', 'critical', 'outpatient']);
    }
  });
});

describe('resolveSettleParams', () => {
  it('equals the generic deep merge for any valid override', async () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILE_IDS), arbParams, (profile, override) => {
        expect(resolveSettleParams(profile, override)).toEqual(mergeDeep(getDefaultSettleParams(profile), override));
      }),
      { numRuns: 300 },
    );
  });

  it('resolveSettleParamsInto reuses one object and leaves nothing of the previous override behind', () => {
    const out = createSettleParams();
    fc.assert(
      fc.property(fc.constantFrom(...PROFILE_IDS), arbParams, arbParams, (profile, first, second) => {
        resolveSettleParamsInto(profile, first, out);
        const merged = resolveSettleParamsInto(profile, second, out);
        expect(merged).toBe(out);
        expect(merged).toEqual(mergeDeep(getDefaultSettleParams(profile), second));
      }),
      { numRuns: 300 },
    );
    // Without an override: the shared defaults, and `out` is not touched.
    const before = structuredClone(out);
    expect(resolveSettleParamsInto('weihai-2019', undefined, out)).toBe(getDefaultSettleParams('weihai-2019'));
    expect(out).toEqual(before);
  });
});
