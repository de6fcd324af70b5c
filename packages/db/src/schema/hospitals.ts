import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { THospitalLevel } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { orgUnits } from './org.js';

/**
 * Medical institutions a jurisdiction deals with, maintained by its administrators. A hospital
 * may lie outside the jurisdiction (a provincial referral hospital); `regionCode` is where it is,
 * and the visit's location (县域内 / 市内 / 省内 / 省外) is derived from it and the person's county.
 */
export const hospitals = pgTable(
  'hospitals',
  {
    id: id(),
    /** The jurisdiction (org unit) whose list this hospital is on; scoping uses its path. */
    ownerOrgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    code: text().notNull(),
    name: text().notNull(),
    level: integer().$type<THospitalLevel>().notNull(),
    regionCode: text().notNull(),
    regionName: text().notNull(),
    isNetworked: boolean().notNull().default(true),
    isSpecialDiseaseDesignated: boolean().notNull().default(false),
    /** Designated referral destination tier (Xianning `002 §三(三)`): city or provincial. */
    referralTier: text({ enum: ['city', 'provincial'] }),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('hospitals_owner_org_unit_id_code_idx').on(t.ownerOrgUnitId, t.code),
    index('hospitals_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);
