import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TProfileId, TSettleParamsOverride, TSubsidyParamsPatch } from '@portal/rules';
import { createdAt, id, regionPath } from './_columns.js';
import { orgUnits, users } from './org.js';

/**
 * A version of an agency's local policy parameters (RULES §1: values the notices leave open).
 * `settle` and `subsidy` hold partial overrides deep-merged over the profile's labelled defaults;
 * a version applies from `effectiveFrom` until the next version of the same org unit. Lookups
 * walk up the org tree, so a county may override its city. Rows are never updated: a change is a
 * new version, and a settled claim records the version it used.
 */
export const policyParamVersions = pgTable(
  'policy_param_versions',
  {
    id: id(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    profile: text().$type<TProfileId>().notNull(),
    version: integer().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    settle: jsonb().$type<TSettleParamsOverride>().notNull().default({}),
    subsidy: jsonb().$type<TSubsidyParamsPatch>().notNull().default({}),
    note: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('policy_param_versions_org_unit_id_version_idx').on(t.orgUnitId, t.version),
    index('policy_param_versions_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);
