import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { orgUnits } from './org.js';

/** A registered household (户); 建档立卡 is recorded by household. */
export const households = pgTable(
  'households',
  {
    id: id(),
    householdNo: text(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    address: text(),
    headPersonId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('households_region_path_idx').on(t.regionPath.op('text_pattern_ops'))],
);
