export type { Actor } from './actor.js';
export type { ActorContext, RequestContext, ServiceContext } from './context.js';
export { authorise, isAllowed, requirePermission } from './authorise.js';
export {
  DomainError,
  QUERY_CANCELLED,
  isQueryCancelled,
  ERROR_STATUS,
  conflict,
  forbidden,
  invalid,
  notFound,
  preconditionFailed,
  toSafeError,
  unauthorized,
  type SafeError,
  type TErrorKind,
} from './errors.js';
export {
  boundedCount,
  decodeCursor,
  encodeCursor,
  EXACT_COUNT_LIMIT,
  findScopedById,
  insertOne,
  paginate,
  timestampKey,
  withReportReads,
  withTransaction,
  type Page,
} from './db.js';
export { assertInUserRegion, inUserRegion, isInUserRegion, underRegion, visibleToUser } from './scope.js';
export { writeAudit, type AuditEntry } from './audit.js';
export { chinaDate, createClock, type Clock } from './clock.js';
export { getScopedOrgUnit } from './org-units.js';
export { assertSeparated } from './separation.js';
export { findBadString } from './strings.js';
