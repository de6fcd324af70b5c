import { relations, sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TCaseSettlement, TClaimEntry, TMaterialItem, TMaterials } from '@portal/rules';
import { createdAt, fen, id, regionPath, updatedAt } from './_columns.js';
import { claims } from './claims.js';
import { hospitals } from './hospitals.js';
import { orgUnits, users } from './org.js';
import { persons } from './persons.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const reimbursementNoSeq = pgSequence('reimbursement_no_seq', { startWith: 1 });

/**
 * A non-networked reimbursement case (零星报销, `000 §二(五)3`). The 25-working-day clock starts on
 * `materialsCompleteOn` and is extended by the case's suspensions; it is computed on read from
 * the calendar so an administrator's correction of a year's holidays applies at once.
 * `version` is bumped by every action (optimistic concurrency).
 */
export const reimbursementCases = pgTable(
  'reimbursement_cases',
  {
    id: id(),
    caseNo: text().notNull(),
    kind: text({ enum: ['non_networked', 'offsite_networked'] }).notNull(),
    status: text({
      enum: ['awaiting_documents', 'registration', 'investigation', 'first_review', 'second_review', 'payment', 'paid'],
    }).notNull(),
    version: integer().notNull().default(1),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    hospitalId: uuid()
      .notNull()
      .references(() => hospitals.id),
    /** The visit as entered (the claim entry of the rules package). */
    visit: jsonb().$type<TClaimEntry>().notNull(),
    materials: jsonb().$type<TMaterials>().notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    materialsCompleteOn: date({ mode: 'string' }),
    holdKind: text({ enum: ['special', 'doubtful'] }),
    holdReason: text(),
    paidElsewhereBasic: fen(),
    paidElsewhereCritical: fen(),
    /** The 初审 settlement: `{ request, result, payable }`; confirmed unchanged at 复核. */
    settlement: jsonb().$type<TCaseSettlement>(),
    payable: fen(),
    firstReviewBy: uuid().references(() => users.id),
    secondReviewBy: uuid().references(() => users.id),
    paidAmount: fen(),
    paidOn: date({ mode: 'string' }),
    paymentRef: text(),
    /**
     * Where the money goes, captured at 受理 (the person's registered account unless the 存折 copy
     * names another), checked at 复核 (`payeeVerifiedBy`), changed only through an approved
     * `reimbursement_payee_changes` row, and the only account 支付 pays to (decision 0009).
     */
    payeeName: text(),
    payeeBankName: text(),
    payeeAccount: text(),
    payeeSource: text({ enum: ['registered', 'entered', 'changed'] }),
    payeeVerifiedBy: uuid().references(() => users.id),
    claimId: uuid().references(() => claims.id),
    idempotencyKey: text().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * The work queue's order as plain columns a keyset index serves (decision 0013): open cases
     * before paid ones, then the day the 25-day clock started (cases still waiting for materials
     * last). Computed by the database, never written.
     */
    queuePaid: smallint()
      .generatedAlwaysAs(sql`case when status = 'paid' then 1 else 0 end`)
      .notNull(),
    queueStart: date({ mode: 'string' })
      .generatedAlwaysAs(sql`coalesce(materials_complete_on, date '9999-12-31')`)
      .notNull(),
  },
  (t) => [
    index('reimbursement_cases_queue_idx').on(t.queuePaid, t.queueStart, t.receivedOn, t.id),
    uniqueIndex('reimbursement_cases_case_no_idx').on(t.caseNo),
    uniqueIndex('reimbursement_cases_idempotency_key_idx').on(t.idempotencyKey),
    index('reimbursement_cases_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('reimbursement_cases_status_idx').on(t.status),
    index('reimbursement_cases_received_on_idx').on(t.receivedOn),
    index('reimbursement_cases_person_id_idx').on(t.personId),
  ],
);

/** Intervals the clock stood still (特殊病案、疑问病案); `toDate` null while still held. */
export const reimbursementSuspensions = pgTable(
  'reimbursement_suspensions',
  {
    id: id(),
    caseId: uuid()
      .notNull()
      .references(() => reimbursementCases.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['special', 'doubtful'] }).notNull(),
    reason: text().notNull(),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }),
    clearNote: text(),
    startedBy: uuid()
      .notNull()
      .references(() => users.id),
    clearedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('reimbursement_suspensions_case_id_idx').on(t.caseId)],
);

/**
 * Every transition of a case, with its note or reason. `requestKey` is unique: the same click
 * arriving twice (double click, retry, two tabs of one form) is recorded once.
 */
export const reimbursementEvents = pgTable(
  'reimbursement_events',
  {
    id: id(),
    caseId: uuid()
      .notNull()
      .references(() => reimbursementCases.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    note: text(),
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    actorName: text().notNull(),
    onDate: date({ mode: 'string' }).notNull(),
    requestKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reimbursement_events_request_key_idx').on(t.requestKey), index('reimbursement_events_case_id_idx').on(t.caseId)],
);

/**
 * A proposed change of a case's payee account: proposed by one person with a reason, approved or
 * rejected by another (decision 0009). At most one is pending per case; the old and the new
 * account are both kept, so the history shows what was replaced.
 */
export const reimbursementPayeeChanges = pgTable(
  'reimbursement_payee_changes',
  {
    id: id(),
    caseId: uuid()
      .notNull()
      .references(() => reimbursementCases.id, { onDelete: 'cascade' }),
    status: text({ enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    oldName: text(),
    oldBankName: text(),
    oldAccount: text(),
    newName: text().notNull(),
    newBankName: text().notNull(),
    newAccount: text().notNull(),
    reason: text().notNull(),
    proposedBy: uuid()
      .notNull()
      .references(() => users.id),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true, mode: 'date' }),
    decisionNote: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('reimbursement_payee_changes_case_id_idx').on(t.caseId),
    uniqueIndex('reimbursement_payee_changes_pending_idx')
      .on(t.caseId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Scanned materials, kept in the database (decision 0401). */
export const reimbursementAttachments = pgTable(
  'reimbursement_attachments',
  {
    id: id(),
    caseId: uuid()
      .notNull()
      .references(() => reimbursementCases.id, { onDelete: 'cascade' }),
    regionPath: regionPath(),
    material: text().$type<TMaterialItem>(),
    fileName: text().notNull(),
    fileType: text({ enum: ['pdf', 'jpg', 'png'] }).notNull(),
    size: integer().notNull(),
    data: bytea().notNull(),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('reimbursement_attachments_case_id_idx').on(t.caseId)],
);

export const reimbursementCasesRelations = relations(reimbursementCases, ({ one, many }) => ({
  person: one(persons, { fields: [reimbursementCases.personId], references: [persons.id] }),
  hospital: one(hospitals, { fields: [reimbursementCases.hospitalId], references: [hospitals.id] }),
  events: many(reimbursementEvents),
  suspensions: many(reimbursementSuspensions),
}));
export const reimbursementEventsRelations = relations(reimbursementEvents, ({ one }) => ({
  case: one(reimbursementCases, { fields: [reimbursementEvents.caseId], references: [reimbursementCases.id] }),
}));
export const reimbursementSuspensionsRelations = relations(reimbursementSuspensions, ({ one }) => ({
  case: one(reimbursementCases, { fields: [reimbursementSuspensions.caseId], references: [reimbursementCases.id] }),
}));
