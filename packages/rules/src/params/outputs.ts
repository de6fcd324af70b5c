import { z } from 'zod';
import { PROFILE_IDS } from '../profiles.js';
import { SETTLE_PARAM_PATHS } from './defaults.js';

const partialByLevel = z.object({ '1': z.number().optional(), '2': z.number().optional(), '3': z.number().optional() });

/** A stored override as figures (the checked schema is ZSettleParamsOverride). */
export const ZSettleParamsOverrideFigures = z.object({
  basic: z
    .object({
      deductible: partialByLevel.optional(),
      rate: partialByLevel.optional(),
      annualCap: z.number().optional(),
      unreferredRateCut: z.number().optional(),
    })
    .optional(),
  critical: z
    .object({
      deductible: z.number().optional(),
      rate: z.number().optional(),
      annualCap: z.number().optional(),
      poorRateIncrement: z.number().optional(),
      specialDrugRate: z.number().optional(),
    })
    .optional(),
  assistance: z.object({ rate: z.number().optional(), annualCap: z.number().optional() }).optional(),
  chronic: z.object({ deductible: z.number().optional(), rate: z.number().optional(), annualCap: z.number().optional() }).optional(),
  outpatient: z.object({ rate: z.number().optional(), annualCap: z.number().optional() }).optional(),
  premium: z.unknown().optional(),
  subsidy: z.unknown().optional(),
});

/** One line of the parameter table: the value in force, the profile's default and where it comes from. */
export const ZSettleParamLine = z.object({
  path: z.enum(SETTLE_PARAM_PATHS),
  label: z.string(),
  unit: z.enum(['fen', 'percent', 'points']),
  value: z.number(),
  defaultValue: z.number(),
  source: z.enum(['seed', 'local', 'unused']),
  note: z.string(),
});

/** A parameter version with its resolved table (params.list). */
export const ZParamVersion = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  profile: z.enum(PROFILE_IDS),
  version: z.number(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  override: ZSettleParamsOverrideFigures,
  subsidyOverride: z.record(z.string(), z.unknown()),
  table: z.array(ZSettleParamLine),
});
export type TParamVersion = z.infer<typeof ZParamVersion>;
export const ZParamVersions = z.array(ZParamVersion);

/** The version recorded (params.create). */
export const ZCreatedParamVersion = z.object({ id: z.string(), version: z.number() });
export type TCreatedParamVersion = z.infer<typeof ZCreatedParamVersion>;
