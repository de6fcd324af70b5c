import { integer, pgTable, text, uniqueIndex, index, uuid } from 'drizzle-orm/pg-core';
import type { TCategoryId, TProfileId } from '@portal/rules';
import { fen, regionPath } from './_columns.js';

/**
 * Claim sums per unit, year, discharge month, category, visit type, location and hospital: what
 * the supervisors' dashboard reads instead of the claims (decision 0014). Kept in the same
 * transaction as the claim write that it sums (settle adds the claim, reverse adds the negated
 * reversal row), so it is never behind; `rebuildClaimTotals` recomputes one unit and year from the
 * claims, and a test holds the two equal after random writes.
 */
export const claimMonthTotals = pgTable(
  'claim_month_totals',
  {
    regionPath: regionPath(),
    profile: text().$type<TProfileId>().notNull(),
    year: integer().notNull(),
    month: integer().notNull(),
    appliedCategory: text().$type<TCategoryId>().notNull(),
    visitType: text({ enum: ['inpatient', 'chronic_outpatient', 'outpatient'] }).notNull(),
    location: text({ enum: ['in_county', 'in_city', 'in_province', 'out_of_province'] }).notNull(),
    hospitalId: uuid().notNull(),
    hospitalLevel: integer().notNull(),
    /** Settlements minus reversals. */
    claims: integer().notNull().default(0),
    /** Of them, with a referral (registration or 视同转诊 override). */
    referred: integer().notNull().default(0),
    /** Of them, referred by a reviewer's 视同转诊 override. */
    overrides: integer().notNull().default(0),
    totalCost: fen(),
    inScopeCost: fen(),
    specialDrugCost: fen(),
    basic: fen(),
    critical: fen(),
    hospitalReduction: fen(),
    assistance: fen(),
    tilted: fen(),
    hospitalBorne: fen(),
    fundPaid: fen(),
    patientPays: fen(),
  },
  (t) => [
    uniqueIndex('claim_month_totals_key_idx').on(
      t.regionPath,
      t.year,
      t.month,
      t.appliedCategory,
      t.visitType,
      t.location,
      t.hospitalId,
      t.hospitalLevel,
    ),
    // The dashboard reads one year under a region prefix.
    index('claim_month_totals_year_region_path_idx').on(t.year, t.regionPath),
  ],
);
