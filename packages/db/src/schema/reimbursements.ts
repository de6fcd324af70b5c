import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TCaseSettlement, TClaimEntry, TMaterialItem, TMaterials } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';
import { claims } from './claims.js';
import { hospitals } from './hospitals.js';
import { orgUnits, users } from './org.js';
import { persons } from './persons.js';

const fen = () => bigint({ mode: 'number' }).notNull().default(0);
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const reimbursementNoSeq = pgSequence('reimbursement_no_seq', { startWith: 1 });
export const advanceNoSeq = pgSequence('advance_no_seq', { startWith: 1 });

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
  },
  (t) => [
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

/**
 * A designated hospital's periodic declaration of what it advanced (`000 §二(五)1`): 70 % due within
 * 10 working days of receipt, the rest after review within the following 15. Declared by one person;
 * each instalment approved by a reviewer who did not declare (`advance_approvals`); money moves only
 * as dated `advance_payments` and `advance_recoveries` (decision 0009). `firstPaidOn` is the day the
 * 70 % was paid in full, `restPaidOn` the day the declaration was settled.
 */
export const advanceDeclarations = pgTable(
  'advance_declarations',
  {
    id: id(),
    declarationNo: text().notNull(),
    hospitalId: uuid()
      .notNull()
      .references(() => hospitals.id),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    regionPath: regionPath(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    basic: fen(),
    critical: fen(),
    assistance: fen(),
    total: fen(),
    status: text({ enum: ['received', 'first_approved', 'first_paid', 'total_approved', 'settled'] })
      .notNull()
      .default('received'),
    version: integer().notNull().default(1),
    firstPaidOn: date({ mode: 'string' }),
    approvedTotal: bigint({ mode: 'number' }),
    restPaidOn: date({ mode: 'string' }),
    /** Why a total above the plausible limit (ADVANCE_DECLARATION_LIMIT) is right. */
    limitReason: text(),
    note: text(),
    idempotencyKey: text().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('advance_declarations_declaration_no_idx').on(t.declarationNo),
    uniqueIndex('advance_declarations_idempotency_key_idx').on(t.idempotencyKey),
    index('advance_declarations_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);

/** A reviewer's approval of an instalment: the 70 % (its amount) or the approved total after review. */
export const advanceApprovals = pgTable(
  'advance_approvals',
  {
    id: id(),
    declarationId: uuid()
      .notNull()
      .references(() => advanceDeclarations.id, { onDelete: 'cascade' }),
    stage: text({ enum: ['first', 'total'] }).notNull(),
    amount: fen(),
    approvedBy: uuid()
      .notNull()
      .references(() => users.id),
    approvedOn: date({ mode: 'string' }).notNull(),
    note: text(),
    requestKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('advance_approvals_declaration_id_stage_idx').on(t.declarationId, t.stage),
    uniqueIndex('advance_approvals_request_key_idx').on(t.requestKey),
  ],
);

/** One transfer to the hospital, on the day it was really made (partial payments are separate rows). */
export const advancePayments = pgTable(
  'advance_payments',
  {
    id: id(),
    declarationId: uuid()
      .notNull()
      .references(() => advanceDeclarations.id, { onDelete: 'cascade' }),
    instalment: text({ enum: ['first', 'rest'] }).notNull(),
    amount: fen(),
    paidOn: date({ mode: 'string' }).notNull(),
    paymentRef: text().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    requestKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('advance_payments_declaration_id_idx').on(t.declarationId),
    uniqueIndex('advance_payments_request_key_idx').on(t.requestKey),
  ],
);

/** Money the hospital returned (追回), on the day it arrived; it reduces what was paid. */
export const advanceRecoveries = pgTable(
  'advance_recoveries',
  {
    id: id(),
    declarationId: uuid()
      .notNull()
      .references(() => advanceDeclarations.id, { onDelete: 'cascade' }),
    amount: fen(),
    recoveredOn: date({ mode: 'string' }).notNull(),
    reference: text().notNull(),
    reason: text().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    requestKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('advance_recoveries_declaration_id_idx').on(t.declarationId),
    uniqueIndex('advance_recoveries_request_key_idx').on(t.requestKey),
  ],
);

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
