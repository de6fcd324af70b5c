import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TNotEnrolledReason } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { users } from './org.js';
import { persons } from './persons.js';

/** One person's enrollment for one insurance year (应保尽保), with the not-enrolled work item. */
export const enrollments = pgTable(
  'enrollments',
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    regionPath: regionPath(),
    year: integer().notNull(),
    basicEnrolled: boolean().notNull(),
    criticalEnrolled: boolean().notNull(),
    premiumTier: integer(),
    enrolledOn: date({ mode: 'string' }),
    commercialSupplementary: boolean().notNull().default(false),
    notEnrolledReason: text().$type<TNotEnrolledReason>(),
    resolutionDeadline: date({ mode: 'string' }),
    resolvedAt: timestamp({ withTimezone: true, mode: 'date' }),
    resolvedBy: uuid().references(() => users.id),
    resolution: text(),
    note: text(),
    updatedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enrollments_person_id_year_idx').on(t.personId, t.year),
    index('enrollments_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('enrollments_year_idx').on(t.year),
  ],
);
