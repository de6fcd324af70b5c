import { relations } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TProfileId } from '@portal/rules';
import { createdAt, id, regionPath, updatedAt } from './_columns.js';

/**
 * Org units form the region tree (province → city/prefecture → county → township), keyed by GB/T
 * 2260 codes. Each unit is a medical-insurance agency of that region; `profile` is the policy
 * profile of the jurisdiction it belongs to (null only for the system root).
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    code: text().notNull(),
    name: text().notNull(),
    level: text({ enum: ['system', 'province', 'city', 'county', 'township'] }).notNull(),
    parentId: uuid(),
    path: regionPath(),
    profile: text().$type<TProfileId>(),
    isDemo: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('org_units_code_idx').on(t.code),
    index('org_units_path_idx').on(t.path.op('text_pattern_ops')),
    index('org_units_parent_id_idx').on(t.parentId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: ['clerk', 'reviewer', 'supervisor', 'admin'] }).notNull(),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    phone: text(),
    isActive: boolean().notNull().default(true),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** Set when an administrator or the seed chose the password: the user must replace it at first login. */
    mustChangePassword: boolean().notNull().default(false),
    /** The published demo password (演示数据): a production server refuses to start while one is active. */
    hasDemoPassword: boolean().notNull().default(false),
    /**
     * Granted by an administrator, per person: exports carry full ID numbers and bank accounts
     * (reconciliation with other departments). Without it every export is masked. Audited.
     */
    canExportFull: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username), index('users_org_unit_id_idx').on(t.orgUnitId)],
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the id here. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/**
 * Failed sign-ins per account and source address. Five failures from one address lock the account
 * for that address only (so nobody can lock a colleague out from elsewhere); many failures from
 * many addresses lock the account everywhere (see services/auth/login.ts).
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ip: text().notNull(),
    failures: integer().notNull().default(0),
    windowStart: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ip] })],
);

/**
 * How often a user was told that an ID number is registered in another region, per day: the
 * answer is an existence oracle, so it is rate-limited (persons/existence.ts) and audited.
 */
export const existenceChecks = pgTable(
  'existence_checks',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export const orgUnitsRelations = relations(orgUnits, ({ one, many }) => ({
  parent: one(orgUnits, { fields: [orgUnits.parentId], references: [orgUnits.id], relationName: 'parent' }),
  children: many(orgUnits, { relationName: 'parent' }),
  users: many(users),
}));

export const usersRelations = relations(users, ({ one }) => ({
  orgUnit: one(orgUnits, { fields: [users.orgUnitId], references: [orgUnits.id] }),
}));
