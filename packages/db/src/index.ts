export * from './client.js';
export { claimTotalsUpsert, recomputeClaimTotals } from './claim-totals.js';
export { DataDirLockedError } from './dir-lock.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNull,
  isNotNull,
  like,
  lt,
  lte,
  ne,
  not,
  notInArray,
  or,
  sql,
  sum,
} from 'drizzle-orm';
export type { SQL, SQLWrapper } from 'drizzle-orm';
export type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
export { getTableColumns, getTableName } from 'drizzle-orm';
export { alias } from 'drizzle-orm/pg-core';
