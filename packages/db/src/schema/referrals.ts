import { relations } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OFFSITE_STATUSES, OFFSITE_TYPES, REFERRAL_STATUSES, type TProfileId } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { hospitals } from './hospitals.js';
import { orgUnits, users } from './org.js';
import { persons } from './persons.js';

/**
 * A transfer referral (转诊转院备案): a county hospital's referral certificate filed by the agency.
 * `validUntil` is fixed when the row is created from the validity parameter then in force, so a
 * later change of the parameter does not shorten or extend referrals already issued. `expired`
 * is never stored; it follows from `validUntil` and today.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    /** Electronic referral number, given when the agency registers (备案) it. */
    referralNo: text(),
    status: text({ enum: REFERRAL_STATUSES }).notNull().default('submitted'),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    /** The person's org unit and path: scoping follows the person. */
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    profile: text().$type<TProfileId>().notNull(),
    issuingHospitalId: uuid()
      .notNull()
      .references(() => hospitals.id),
    destinationHospitalId: uuid()
      .notNull()
      .references(() => hospitals.id),
    /** The destination's tier when the referral was made (the list may change later). */
    destinationTier: text({ enum: ['city', 'provincial'] }).notNull(),
    diagnosis: text().notNull(),
    reason: text().notNull(),
    issueDate: date({ mode: 'string' }).notNull(),
    plannedAdmissionDate: date({ mode: 'string' }).notNull(),
    validityDays: integer().notNull(),
    validUntil: date({ mode: 'string' }).notNull(),
    rejectReason: text(),
    cancelReason: text(),
    submittedBy: uuid()
      .notNull()
      .references(() => users.id),
    registeredBy: uuid().references(() => users.id),
    registeredAt: timestamp({ withTimezone: true, mode: 'date' }),
    closedBy: uuid().references(() => users.id),
    closedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('referrals_referral_no_idx').on(t.referralNo),
    /** The referral list's order, read backwards (ORDER BY created_at DESC, id DESC; decision 0013). */
    index('referrals_created_at_idx').on(t.createdAt, t.id),
    index('referrals_person_id_idx').on(t.personId),
    index('referrals_destination_hospital_id_idx').on(t.destinationHospitalId),
    index('referrals_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('referrals_valid_until_idx').on(t.validUntil),
  ],
);

/** 异地就医备案: relocation, long-term residence, migrant work or a temporary trip for care. */
export const offsiteRegistrations = pgTable(
  'offsite_registrations',
  {
    id: id(),
    registrationNo: text().notNull(),
    status: text({ enum: OFFSITE_STATUSES }).notNull().default('registered'),
    type: text({ enum: OFFSITE_TYPES }).notNull(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    profile: text().$type<TProfileId>().notNull(),
    provinceCode: text().notNull(),
    provinceName: text().notNull(),
    cityCode: text(),
    cityName: text(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    documentType: text().notNull(),
    documentNo: text().notNull(),
    cancelReason: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    closedBy: uuid().references(() => users.id),
    closedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('offsite_registrations_registration_no_idx').on(t.registrationNo),
    index('offsite_registrations_person_id_idx').on(t.personId),
    index('offsite_registrations_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('offsite_registrations_end_date_idx').on(t.endDate),
  ],
);

/**
 * A reviewer's decision that a visit counts as referred although no registration covers it
 * (e.g. an emergency transfer filed late). Claim entry consumes it for that person, hospital and
 * admission date; `claimId` records the claim that used it.
 */
export const referralOverrides = pgTable(
  'referral_overrides',
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    hospitalId: uuid()
      .notNull()
      .references(() => hospitals.id),
    admissionDate: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    regionPath: regionPath(),
    claimId: uuid(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('referral_overrides_person_id_idx').on(t.personId),
    index('referral_overrides_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);

/** Local parameter of an agency: how many days a referral stays valid (nearest ancestor wins). */
export const referralSettings = pgTable(
  'referral_settings',
  {
    id: id(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    validityDays: integer().notNull(),
    updatedBy: uuid().references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('referral_settings_org_unit_id_idx').on(t.orgUnitId)],
);

/** Per-year counters for registration numbers, bumped atomically by an upsert. */
export const registrationSequences = pgTable(
  'registration_sequences',
  {
    prefix: text().notNull(),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

export const referralsRelations = relations(referrals, ({ one }) => ({
  person: one(persons, { fields: [referrals.personId], references: [persons.id] }),
  issuingHospital: one(hospitals, { fields: [referrals.issuingHospitalId], references: [hospitals.id], relationName: 'issuing' }),
  destinationHospital: one(hospitals, {
    fields: [referrals.destinationHospitalId],
    references: [hospitals.id],
    relationName: 'destination',
  }),
}));
