import { like, type SQL } from '@portal/db';
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
