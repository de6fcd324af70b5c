import type { TProfileId } from '../profiles.js';
import { buildDefaultSettleParams, PROFILE_PARAM_DEFAULTS, SETTLE_PARAM_LABELS, SETTLE_PARAM_PATHS } from './defaults.js';
import type { TParamSource, TParamUnit, TSettleParamPath } from './defaults.js';
import { ZSettleParams, ZSettleParamsOverride } from './schema.js';
import type { TSettleParams, TSettleParamsOverride } from './schema.js';

type TPlain = Record<string, unknown>;

function isPlainObject(value: unknown): value is TPlain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges `override` over `base` into a new object: plain objects merge key by key, anything
 * else (numbers, arrays) replaces; `undefined` in the override keeps the base value, so a partial
 * form can be sent as is.
 */
export function mergeDeep<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const out: TPlain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    out[key] = mergeDeep(out[key], value);
  }
  return out as T;
}

const DEFAULTS_CACHE = new Map<TProfileId, TSettleParams>();

/** The profile's default parameters (a shared frozen-by-convention object: do not mutate). */
export function getDefaultSettleParams(profile: TProfileId): TSettleParams {
  let cached = DEFAULTS_CACHE.get(profile);
  if (!cached) {
    cached = buildDefaultSettleParams(profile);
    DEFAULTS_CACHE.set(profile, cached);
  }
  return cached;
}

/**
 * The effective parameters of a settlement: the validated override deep-merged over the defaults
 * (a new object; the defaults themselves when there is no override).
 */
export function resolveSettleParams(profile: TProfileId, override?: TSettleParamsOverride | null): TSettleParams {
  if (!override) return getDefaultSettleParams(profile);
  return resolveSettleParamsInto(profile, override, createSettleParams());
}

/** A parameter set of zeros, to be filled by `resolveSettleParamsInto`. */
export function createSettleParams(): TSettleParams {
  return {
    basic: { deductible: { '1': 0, '2': 0, '3': 0 }, rate: { '1': 0, '2': 0, '3': 0 }, annualCap: 0, unreferredRateCut: 0 },
    critical: { deductible: 0, rate: 0, annualCap: 0, poorRateIncrement: 0, specialDrugRate: 0 },
    assistance: { rate: 0, annualCap: 0 },
    chronic: { deductible: 0, rate: 0, annualCap: 0 },
    outpatient: { rate: 0, annualCap: 0 },
  };
}

/**
 * `resolveSettleParams` written into `out` field by field (or the shared defaults, untouched, when
 * there is no override). The settlement hot path reuses one `out`, so that merging the override of
 * every visit allocates nothing; the generic `mergeDeep` was a third of the settlement time.
 */
export function resolveSettleParamsInto(
  profile: TProfileId,
  override: TSettleParamsOverride | null | undefined,
  out: TSettleParams,
): TSettleParams {
  const d = getDefaultSettleParams(profile);
  if (!override) return d;
  const { basic: b, critical: c, assistance: a, chronic: ch, outpatient: op } = override;
  const bd = b?.deductible;
  const br = b?.rate;
  const o = out.basic;
  o.deductible['1'] = bd?.['1'] ?? d.basic.deductible['1'];
  o.deductible['2'] = bd?.['2'] ?? d.basic.deductible['2'];
  o.deductible['3'] = bd?.['3'] ?? d.basic.deductible['3'];
  o.rate['1'] = br?.['1'] ?? d.basic.rate['1'];
  o.rate['2'] = br?.['2'] ?? d.basic.rate['2'];
  o.rate['3'] = br?.['3'] ?? d.basic.rate['3'];
  o.annualCap = b?.annualCap ?? d.basic.annualCap;
  o.unreferredRateCut = b?.unreferredRateCut ?? d.basic.unreferredRateCut;
  const oc = out.critical;
  oc.deductible = c?.deductible ?? d.critical.deductible;
  oc.rate = c?.rate ?? d.critical.rate;
  oc.annualCap = c?.annualCap ?? d.critical.annualCap;
  oc.poorRateIncrement = c?.poorRateIncrement ?? d.critical.poorRateIncrement;
  oc.specialDrugRate = c?.specialDrugRate ?? d.critical.specialDrugRate;
  out.assistance.rate = a?.rate ?? d.assistance.rate;
  out.assistance.annualCap = a?.annualCap ?? d.assistance.annualCap;
  out.chronic.deductible = ch?.deductible ?? d.chronic.deductible;
  out.chronic.rate = ch?.rate ?? d.chronic.rate;
  out.chronic.annualCap = ch?.annualCap ?? d.chronic.annualCap;
  out.outpatient.rate = op?.rate ?? d.outpatient.rate;
  out.outpatient.annualCap = op?.annualCap ?? d.outpatient.annualCap;
  return out;
}

/** Outcome of validating an override: the merged parameters, or Chinese messages with field paths. */
export type TParamsParseResult = { success: true; params: TSettleParams } | { success: false; errors: { path: string; message: string }[] };

/**
 * Validates an untrusted partial override (admin form, API) and merges it over the profile defaults.
 * Errors name the field path (`critical.rate`) and say in Chinese what is wrong.
 */
export function parseSettleParams(profile: TProfileId, override: unknown): TParamsParseResult {
  const parsed = ZSettleParamsOverride.safeParse(override ?? {});
  if (!parsed.success) {
    return {
      success: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const merged = resolveSettleParams(profile, parsed.data);
  // The merged object is re-checked so that a bug in the defaults can never reach a settlement.
  const full = ZSettleParams.safeParse(merged);
  if (!full.success) {
    return {
      success: false,
      errors: full.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  return { success: true, params: full.data };
}

/** One row of the parameter sheet shown to administrators and stored with a settlement. */
export interface TParamRow {
  path: TSettleParamPath;
  label: string;
  unit: TParamUnit;
  value: number;
  defaultValue: number;
  source: TParamSource;
  note: string;
}

function readPath(params: TSettleParams, path: TSettleParamPath): number {
  let node: unknown = params;
  for (const key of path.split('.')) node = isPlainObject(node) ? node[key] : undefined;
  return typeof node === 'number' ? node : Number.NaN;
}

/** Lists every parameter of a profile with its label, default, source note and effective value. */
export function describeSettleParams(profile: TProfileId, params: TSettleParams = getDefaultSettleParams(profile)): TParamRow[] {
  const defaults = PROFILE_PARAM_DEFAULTS[profile];
  return SETTLE_PARAM_PATHS.map((path) => ({
    path,
    label: SETTLE_PARAM_LABELS[path].label,
    unit: SETTLE_PARAM_LABELS[path].unit,
    value: readPath(params, path),
    defaultValue: defaults[path].value,
    source: defaults[path].source,
    note: defaults[path].note,
  }));
}
