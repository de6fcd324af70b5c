import { bigint, date, index, integer, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, fen, id, regionPath, updatedAt } from './_columns.js';
import { hospitals } from './hospitals.js';
import { orgUnits, users } from './org.js';

export const advanceNoSeq = pgSequence('advance_no_seq', { startWith: 1 });

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
