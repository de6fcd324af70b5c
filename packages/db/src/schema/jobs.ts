import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, regionPath } from './_columns.js';
import { users } from './org.js';

/**
 * Our own record of a batch job (decision 0016). pg-boss owns delivery (retries, backoff,
 * expiry, schedules); this row owns what the portal shows and checks: who started it, for which
 * region, its progress, its result and its error in Chinese. One row per logical job; the
 * pg-boss job id of the current attempt is kept for correlation.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text().notNull(),
    regionPath: regionPath(),
    /** Null for scheduled runs (the system started them). */
    ownerId: uuid().references(() => users.id),
    status: text({ enum: ['queued', 'running', 'succeeded', 'failed'] })
      .notNull()
      .default('queued'),
    progressDone: integer().notNull().default(0),
    progressTotal: integer().notNull().default(0),
    attempts: integer().notNull().default(0),
    input: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Where the result is shown, e.g. `/lists/batches/<id>`. */
    resultLink: text(),
    /** A Chinese message for the user; never a stack trace. */
    errorZh: text(),
    bossJobId: text(),
    createdAt: createdAt(),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }),
    finishedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('jobs_region_created_idx').on(t.regionPath, t.createdAt.desc(), t.id.desc()),
    index('jobs_kind_region_created_idx').on(t.kind, t.regionPath, t.createdAt.desc(), t.id.desc()),
    /** One-at-a-time per region and kind: at most one unfinished job. */
    uniqueIndex('jobs_one_open_per_region_kind')
      .on(t.kind, t.regionPath)
      .where(sql`status in ('queued', 'running')`),
  ],
);
