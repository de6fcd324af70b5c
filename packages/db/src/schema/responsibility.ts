import { relations } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TResponsibilityRow, TResponsibilityTemplate, TTemplateItem } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { orgUnits, users } from './org.js';

/**
 * Custom responsibility-table templates an administrator defines for its region. The three
 * built-in templates live in @portal/rules (docs/decisions/0100), not here.
 */
export const responsibilityTemplates = pgTable(
  'responsibility_templates',
  {
    id: id(),
    name: text().notNull(),
    title: text().notNull(),
    organisedBy: text({ enum: ['role', 'task', 'department'] }).notNull(),
    items: jsonb().$type<TTemplateItem[]>().notNull(),
    notes: jsonb().$type<string[]>().notNull(),
    allowExtraRows: boolean().notNull().default(true),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    isArchived: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('responsibility_templates_region_path_idx').on(t.regionPath.op('text_pattern_ops'))],
);

/**
 * A reporting round: a supervisor asks some units of its region to report their table by a due
 * date. The template is copied in, so later edits to a custom template never change an open round.
 */
export const responsibilityRounds = pgTable(
  'responsibility_rounds',
  {
    id: id(),
    title: text().notNull(),
    templateKey: text().notNull(),
    template: jsonb().$type<TResponsibilityTemplate>().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    instructions: text().notNull().default(''),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    openedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('responsibility_rounds_region_path_idx').on(t.regionPath.op('text_pattern_ops'))],
);

/**
 * One reporting unit's table in a round (created with the round, stage `not_started`). `rows` is
 * the working copy the clerk edits; every submission is also kept in responsibility_versions.
 */
export const responsibilitySubmissions = pgTable(
  'responsibility_submissions',
  {
    id: id(),
    roundId: uuid()
      .notNull()
      .references(() => responsibilityRounds.id, { onDelete: 'cascade' }),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    /** The reporting unit's path: clerks see their own, supervisors their subtree. */
    regionPath: regionPath(),
    stage: text({ enum: ['not_started', 'draft', 'submitted', 'returned'] })
      .notNull()
      .default('not_started'),
    rows: jsonb().$type<TResponsibilityRow[]>().notNull().default([]),
    filledDate: date({ mode: 'string' }),
    currentVersion: integer().notNull().default(0),
    submittedAt: timestamp({ withTimezone: true, mode: 'date' }),
    returnedAt: timestamp({ withTimezone: true, mode: 'date' }),
    returnComment: text(),
    updatedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('responsibility_submissions_round_unit_idx').on(t.roundId, t.orgUnitId),
    index('responsibility_submissions_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);

/** Each submitted version of a unit's table, never changed afterwards except to record a return. */
export const responsibilityVersions = pgTable(
  'responsibility_versions',
  {
    id: id(),
    submissionId: uuid()
      .notNull()
      .references(() => responsibilitySubmissions.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    rows: jsonb().$type<TResponsibilityRow[]>().notNull(),
    filledDate: date({ mode: 'string' }).notNull(),
    sealConfirmedBy: text().notNull(),
    submittedBy: uuid().references(() => users.id),
    submittedByName: text().notNull(),
    submittedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    returnComment: text(),
    returnedBy: uuid().references(() => users.id),
    returnedByName: text(),
    returnedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('responsibility_versions_submission_version_idx').on(t.submissionId, t.version)],
);

export const responsibilityRoundsRelations = relations(responsibilityRounds, ({ many, one }) => ({
  submissions: many(responsibilitySubmissions),
  orgUnit: one(orgUnits, { fields: [responsibilityRounds.orgUnitId], references: [orgUnits.id] }),
}));

export const responsibilitySubmissionsRelations = relations(responsibilitySubmissions, ({ one, many }) => ({
  round: one(responsibilityRounds, { fields: [responsibilitySubmissions.roundId], references: [responsibilityRounds.id] }),
  orgUnit: one(orgUnits, { fields: [responsibilitySubmissions.orgUnitId], references: [orgUnits.id] }),
  versions: many(responsibilityVersions),
}));

export const responsibilityVersionsRelations = relations(responsibilityVersions, ({ one }) => ({
  submission: one(responsibilitySubmissions, { fields: [responsibilityVersions.submissionId], references: [responsibilitySubmissions.id] }),
}));
