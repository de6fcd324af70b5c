import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org.js';

/**
 * Holiday arrangements entered by an administrator for years the rules package does not ship
 * (or to correct one). The server's calendar = the package's years extended with these.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer().primaryKey(),
  holidays: jsonb().$type<string[]>().notNull(),
  workingDays: jsonb().$type<string[]>().notNull(),
  source: text(),
  updatedBy: uuid()
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
