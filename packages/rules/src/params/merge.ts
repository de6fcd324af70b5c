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
 * The effective parameters of a settlement: the validated override deep-merged over the defaults.
 * Written field by field rather than with `mergeDeep` because it runs once per settled visit and
 * the generic merge was a third of the settlement time.
 */
export function resolveSettleParams(profile: TProfileId, override?: TSettleParamsOverride | null): TSettleParams {
  const d = getDefaultSettleParams(profile);
  if (!override) return d;
  const { basic: b, critical: c, assistance: a, chronic: ch, outpatient: op } = override;
  return {
    basic: b
      ? {
          deductible: b.deductible
            ? {
                '1': b.deductible['1'] ?? d.basic.deductible['1'],
                '2': b.deductible['2'] ?? d.basic.deductible['2'],
                '3': b.deductible['3'] ?? d.basic.deductible['3'],
              }
            : d.basic.deductible,
          rate: b.rate
            ? {
                '1': b.rate['1'] ?? d.basic.rate['1'],
                '2': b.rate['2'] ?? d.basic.rate['2'],
                '3': b.rate['3'] ?? d.basic.rate['3'],
              }
            : d.basic.rate,
          annualCap: b.annualCap ?? d.basic.annualCap,
          unreferredRateCut: b.unreferredRateCut ?? d.basic.unreferredRateCut,
        }
      : d.basic,
    critical: c
      ? {
          deductible: c.deductible ?? d.critical.deductible,
          rate: c.rate ?? d.critical.rate,
          annualCap: c.annualCap ?? d.critical.annualCap,
          poorRateIncrement: c.poorRateIncrement ?? d.critical.poorRateIncrement,
          specialDrugRate: c.specialDrugRate ?? d.critical.specialDrugRate,
        }
      : d.critical,
    assistance: a ? { rate: a.rate ?? d.assistance.rate, annualCap: a.annualCap ?? d.assistance.annualCap } : d.assistance,
    chronic: ch
      ? {
          deductible: ch.deductible ?? d.chronic.deductible,
          rate: ch.rate ?? d.chronic.rate,
          annualCap: ch.annualCap ?? d.chronic.annualCap,
        }
      : d.chronic,
    outpatient: op ? { rate: op.rate ?? d.outpatient.rate, annualCap: op.annualCap ?? d.outpatient.annualCap } : d.outpatient,
  };
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
