import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TCategoryId, TProfileId } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { orgUnits, users } from './org.js';
import { policyParamVersions } from './params.js';
import { persons } from './persons.js';

/** The individual premium (个人缴费标准) of a jurisdiction for a year; Weihai sets two tiers. */
export const premiums = pgTable(
  'premiums',
  {
    id: id(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    year: integer().notNull(),
    tier1: bigint({ mode: 'number' }).notNull(),
    tier2: bigint({ mode: 'number' }),
    note: text().notNull(),
    updatedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('premiums_org_unit_id_year_idx').on(t.orgUnitId, t.year),
    index('premiums_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);

/** A premium-subsidy run (参保资助) for a county and year, kept as computed. */
export const subsidyRuns = pgTable(
  'subsidy_runs',
  {
    id: id(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    year: integer().notNull(),
    profile: text().$type<TProfileId>().notNull(),
    personCount: integer().notNull(),
    subsidisedCount: integer().notNull(),
    totalAmount: bigint({ mode: 'number' }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('subsidy_runs_region_path_idx').on(t.regionPath.op('text_pattern_ops')), index('subsidy_runs_year_idx').on(t.year)],
);

/** One person's subsidy in a run, with the rules package's explanation and fiscal shares. */
export const subsidyRunItems = pgTable(
  'subsidy_run_items',
  {
    id: id(),
    runId: uuid()
      .notNull()
      .references(() => subsidyRuns.id, { onDelete: 'cascade' }),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    countyName: text().notNull(),
    premium: bigint({ mode: 'number' }).notNull(),
    paramVersionId: uuid().references(() => policyParamVersions.id),
    categories: jsonb().$type<TCategoryId[]>().notNull(),
    appliedCategory: text().$type<TCategoryId>().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    personPays: bigint({ mode: 'number' }).notNull(),
    shareProvince: bigint({ mode: 'number' }),
    sharePrefecture: bigint({ mode: 'number' }),
    shareCounty: bigint({ mode: 'number' }),
    assistanceFund: bigint({ mode: 'number' }),
    fiscal: bigint({ mode: 'number' }),
    explain: text().notNull(),
    clause: text().notNull(),
  },
  (t) => [index('subsidy_run_items_run_id_idx').on(t.runId), index('subsidy_run_items_person_id_idx').on(t.personId)],
);
