import { z } from 'zod';
import { CATEGORY_IDS } from '../categories.js';
import { PROFILE_IDS } from '../profiles.js';
import { TIERS } from './schema.js';

/** Year-to-date accumulators as figures (the request schema ZYtd fills in defaults; this does not). */
export const ZYtdFigures = z.object({
  basic: z.number(),
  critical: z.number(),
  criticalBase: z.number(),
  assistance: z.number(),
  assistanceBase: z.number(),
  assistanceDeductible: z.number(),
  tiltedBase: z.number(),
  chronicBasic: z.number(),
  chronicDeductible: z.number(),
  outpatientBasic: z.number(),
  chronicAssistanceBase: z.number(),
});

const byLevel = z.object({ '1': z.number(), '2': z.number(), '3': z.number() });

/** Complete settlement parameters as figures (the checked schema is ZSettleParams). */
export const ZSettleParamsFigures = z.object({
  basic: z.object({ deductible: byLevel, rate: byLevel, annualCap: z.number(), unreferredRateCut: z.number() }),
  critical: z.object({
    deductible: z.number(),
    rate: z.number(),
    annualCap: z.number(),
    poorRateIncrement: z.number(),
    specialDrugRate: z.number(),
  }),
  assistance: z.object({ rate: z.number(), annualCap: z.number() }),
  chronic: z.object({ deductible: z.number(), rate: z.number(), annualCap: z.number() }),
  outpatient: z.object({ rate: z.number(), annualCap: z.number() }),
});

/** The result of `settle` (TSettleResult) as it is shown: lines, totals, the categories compared. */
export const ZSettleResultView = z.object({
  profile: z.enum(PROFILE_IDS),
  appliedCategory: z.enum(CATEGORY_IDS),
  lines: z.array(z.object({ tier: z.enum(TIERS), amount: z.number(), clause: z.string(), explain: z.string() })),
  totals: z.object({ fundPaid: z.number(), hospitalBorne: z.number(), patientPays: z.number() }),
  evaluated: z.array(
    z.object({ category: z.enum(CATEGORY_IDS), fundPaid: z.number(), hospitalBorne: z.number(), patientPays: z.number() }),
  ),
  notices: z.array(z.string()),
  ytdDelta: ZYtdFigures,
});
