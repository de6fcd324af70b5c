import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TRawListRow, TSourceDepartment, TStoredListPreview } from '@portal/rules';
import { createdAt, id, regionPath } from './_columns.js';
import { orgUnits, users } from './org.js';

/** What an applied batch wrote: the people and facts it created, the end dates and details it changed. */
export interface TListBatchUndo {
  createdPersonIds: string[];
  insertedFactIds: string[];
  endedFacts: { factId: string; personId: string; previousEndDate: string | null; endDate: string }[];
  changedPersons: { personId: string; before: Record<string, string | null>; after: Record<string, string | null> }[];
}

/**
 * An uploaded department list (信息比对) and its comparison. Created at preview with the checked
 * rows; applying re-compares them against the registry inside the applying transaction, so a
 * registry that changed in between can never be overwritten by a stale preview.
 */
export const listBatches = pgTable(
  'list_batches',
  {
    id: id(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    sourceDepartment: text().$type<TSourceDepartment>().notNull(),
    listDate: date({ mode: 'string' }).notNull(),
    fileName: text().notNull(),
    fileSize: integer().notNull(),
    status: text({ enum: ['previewed', 'applied', 'discarded', 'reverted'] })
      .notNull()
      .default('previewed'),
    rowCount: integer().notNull(),
    newCount: integer().notNull(),
    leftCount: integer().notNull(),
    changedCount: integer().notNull(),
    invalidCount: integer().notNull(),
    unchangedCount: integer().notNull(),
    /** The valid rows as read (line + raw cells), re-compared on apply. */
    rows: jsonb().$type<{ line: number; raw: TRawListRow }[]>().notNull(),
    /** The comparison shown at preview (invalid rows with reasons, samples of each kind). */
    preview: jsonb().$type<TStoredListPreview>().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    appliedBy: uuid().references(() => users.id),
    appliedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** What applying wrote, so a revert can restore the previous facts exactly (decision 0018). */
    undo: jsonb().$type<TListBatchUndo>(),
    revertedBy: uuid().references(() => users.id),
    revertedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('list_batches_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('list_batches_created_at_idx').on(t.createdAt),
  ],
);
