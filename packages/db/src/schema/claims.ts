import { relations } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TCategoryId, TProfileId, TSettleRequest, TSettleResult, TTier, TYtd } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { hospitals } from './hospitals.js';
import { orgUnits, users } from './org.js';
import { policyParamVersions } from './params.js';
import { persons } from './persons.js';

/** Numbers claims (结算单号) without gaps from concurrent transactions mattering. */
export const claimNoSeq = pgSequence('claim_no_seq', { startWith: 1 });

const fen = () => bigint({ mode: 'number' }).notNull().default(0);

/**
 * A settled medical visit (一站式结算). Stored claims are never edited: a correction is a
 * `reversal` row (every amount negated, pointing at the original) plus a new claim, so a plain
 * SUM over a person's claims of a year gives what was really paid.
 */
export const claims = pgTable(
  'claims',
  {
    id: id(),
    claimNo: text().notNull(),
    kind: text({ enum: ['settlement', 'reversal'] })
      .notNull()
      .default('settlement'),
    status: text({ enum: ['settled', 'reversed', 'reversal'] })
      .notNull()
      .default('settled'),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    profile: text().$type<TProfileId>().notNull(),
    year: integer().notNull(),
    hospitalId: uuid()
      .notNull()
      .references(() => hospitals.id),
    hospitalName: text().notNull(),
    hospitalLevel: integer().notNull(),
    location: text({ enum: ['in_county', 'in_city', 'in_province', 'out_of_province'] }).notNull(),
    visitType: text({ enum: ['inpatient', 'chronic_outpatient', 'outpatient'] }).notNull(),
    admissionDate: date({ mode: 'string' }).notNull(),
    dischargeDate: date({ mode: 'string' }).notNull(),
    diagnosis: text().notNull(),
    specialDisease: text(),
    referred: boolean().notNull().default(false),
    /** What the referral status rests on: 'registry' (a registration), 'override' (reviewer), 'none'. */
    referralSource: text({ enum: ['registry', 'override', 'none', 'not_required'] })
      .notNull()
      .default('none'),
    referralId: uuid(),
    referralNote: text(),
    totalCost: fen(),
    inScopeCost: fen(),
    specialDrugCost: fen(),
    appliedCategory: text().$type<TCategoryId>().notNull(),
    categoriesHeld: jsonb().$type<TCategoryId[]>().notNull().default([]),
    basic: fen(),
    critical: fen(),
    hospitalReduction: fen(),
    assistance: fen(),
    tilted: fen(),
    hospitalBorne: fen(),
    fundPaid: fen(),
    patientPays: fen(),
    /** Paid outside this settlement (out-of-prefecture networked visits, `000 §二(五)2`). */
    paidElsewhere: fen(),
    paramVersionId: uuid().references(() => policyParamVersions.id),
    /** The exact request and result of the rules package, for the slip and for audits. */
    request: jsonb().$type<TSettleRequest>().notNull(),
    result: jsonb().$type<TSettleResult>().notNull(),
    ytdBefore: jsonb().$type<TYtd>().notNull(),
    reversesClaimId: uuid(),
    reversedByClaimId: uuid(),
    reason: text(),
    idempotencyKey: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('claims_claim_no_idx').on(t.claimNo),
    uniqueIndex('claims_idempotency_key_idx').on(t.idempotencyKey),
    index('claims_person_id_year_idx').on(t.personId, t.year),
    index('claims_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    // The claim list, newest first by keyset, filtered by region as it reads.
    index('claims_created_at_id_idx').on(t.createdAt.desc(), t.id.desc()),
    index('claims_discharge_date_idx').on(t.dischargeDate),
    index('claims_hospital_id_idx').on(t.hospitalId),
  ],
);

/** The settlement lines of a claim (one per tier), as shown on the slip. */
export const claimLines = pgTable(
  'claim_lines',
  {
    id: id(),
    claimId: uuid()
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    tier: text().$type<TTier>().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    clause: text().notNull(),
    explain: text().notNull(),
  },
  (t) => [index('claim_lines_claim_id_idx').on(t.claimId)],
);

/**
 * A person's year-to-date accumulators (RULES §8 `ytd`): what earlier visits of the year used of
 * deductibles, caps and cumulative bases. Updated in the claim's transaction under a row lock,
 * so two clerks settling at once cannot both use the same deductible.
 */
export const personYearAccumulators = pgTable(
  'person_year_accumulators',
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    year: integer().notNull(),
    ytd: jsonb().$type<TYtd>().notNull(),
    claimCount: integer().notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('person_year_accumulators_person_id_year_idx').on(t.personId, t.year)],
);

export const claimsRelations = relations(claims, ({ one, many }) => ({
  person: one(persons, { fields: [claims.personId], references: [persons.id] }),
  hospital: one(hospitals, { fields: [claims.hospitalId], references: [hospitals.id] }),
  lines: many(claimLines),
}));

export const claimLinesRelations = relations(claimLines, ({ one }) => ({
  claim: one(claims, { fields: [claimLines.claimId], references: [claims.id] }),
}));
