import { like, sql, type SQL } from '@portal/db';
import type { AnyPgColumn } from '@portal/db';
import { forbidden } from '../errors.js';
import type { SessionUser } from '../services/auth/session.js';

/** SQL filter: rows whose region path lies in the user's region subtree. */
export function inUserRegion(user: SessionUser, column: AnyPgColumn): SQL {
  return like(column, `${user.regionPath}%`);
}

export function isInUserRegion(user: SessionUser, regionPath: string): boolean {
  return regionPath.startsWith(user.regionPath);
}

/** Throws Forbidden when a row lies outside the user's region subtree. */
export function assertInUserRegion(user: SessionUser, regionPath: string, what = '该记录'): void {
  if (!isInUserRegion(user, regionPath)) {
    throw forbidden(`${what}不在您的管辖范围内`, `region ${regionPath} outside ${user.regionPath}`);
  }
}

/**
 * SQL filter for reference data owned by an org unit (hospital lists, parameters): visible when
 * the owner is an ancestor of the user's unit (a county clerk sees the prefecture's list) or lies
 * inside the user's subtree (a province supervisor sees its cities' lists).
 */
export function visibleToUser(user: SessionUser, ownerPathColumn: AnyPgColumn): SQL {
  return sql`(${user.regionPath} like ${ownerPathColumn} || '%' or ${ownerPathColumn} like ${`${user.regionPath}%`})`;
}
