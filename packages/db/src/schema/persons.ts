import { relations } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TCategoryId } from '@portal/rules';
import { cText, createdAt, id, regionPath, updatedAt } from './_columns.js';
import { households } from './households.js';
import { orgUnits } from './org.js';

/** A beneficiary (or any insured person the agency handles). */
export const persons = pgTable(
  'persons',
  {
    id: id(),
    name: cText().notNull(),
    idNumber: cText().notNull(),
    sex: text({ enum: ['male', 'female'] }).notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    hukouType: text({ enum: ['urban', 'rural'] }).notNull(),
    address: text(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    townshipCode: text(),
    villageCode: text(),
    phone: text(),
    bankAccount: text(),
    bankName: text(),
    insuranceCardNo: text(),
    householdId: uuid().references(() => households.id),
    relationship: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('persons_id_number_idx').on(t.idNumber),
    // The register in region order (browsing, the ledger) and a region's search by name, by keyset.
    index('persons_region_name_idx').on(t.regionPath, t.name, t.id),
    index('persons_name_idx').on(t.name, t.id),
    // Search by the last digits of the ID number: a prefix match on the reversed number.
    index('persons_id_number_reversed_idx').on(sql`reverse(${t.idNumber})`),
    index('persons_household_id_idx').on(t.householdId),
  ],
);

/** A category held over a dated interval (end null = still held). */
export const personCategories = pgTable(
  'person_categories',
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    category: text().$type<TCategoryId>().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    sourceDepartment: text({ enum: ['civil_affairs', 'poverty_office', 'disabled_federation', 'veterans', 'medical_insurance'] }).notNull(),
    sourceDocument: text(),
    createdAt: createdAt(),
  },
  (t) => [index('person_categories_person_id_idx').on(t.personId), index('person_categories_category_idx').on(t.category)],
);

export const personsRelations = relations(persons, ({ one, many }) => ({
  orgUnit: one(orgUnits, { fields: [persons.orgUnitId], references: [orgUnits.id] }),
  household: one(households, { fields: [persons.householdId], references: [households.id] }),
  categories: many(personCategories),
}));

export const personCategoriesRelations = relations(personCategories, ({ one }) => ({
  person: one(persons, { fields: [personCategories.personId], references: [persons.id] }),
}));
