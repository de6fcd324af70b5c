import { like, sql, type AnyPgColumn, type SQL } from '@portal/db';
import type { Actor } from './actor.js';
import { forbidden } from './index.js';

/** SQL filter: rows whose region path lies in the actor's region subtree. */
export function inUserRegion(actor: Actor, column: AnyPgColumn): SQL {
  return like(column, `${actor.regionPath}%`);
}

/** SQL filter: rows under a region path (a sub-region the caller chose, already checked). */
export function underRegion(regionPath: string, column: AnyPgColumn): SQL {
  return like(column, `${regionPath}%`);
}

export function isInUserRegion(actor: Actor, regionPath: string): boolean {
  return regionPath.startsWith(actor.regionPath);
}

/** Throws Forbidden when a row lies outside the actor's region subtree. */
export function assertInUserRegion(actor: Actor, regionPath: string, what = '该记录'): void {
  if (!isInUserRegion(actor, regionPath)) {
    throw forbidden(`${what}不在您的管辖范围内`, `region ${regionPath} outside ${actor.regionPath}`);
  }
}

/**
 * SQL filter for reference data owned by an org unit (hospital lists, parameters): visible when
 * the owner is an ancestor of the actor's unit (a county clerk sees the prefecture's list) or lies
 * inside the actor's subtree (a province supervisor sees its cities' lists).
 */
export function visibleToUser(actor: Actor, ownerPathColumn: AnyPgColumn): SQL {
  return sql`(${actor.regionPath} like ${ownerPathColumn} || '%' or ${ownerPathColumn} like ${`${actor.regionPath}%`})`;
}
