import { eq, orgUnits, type DbOrTx } from '@portal/db';
import type { Actor } from './actor.js';
import { notFound } from './errors.js';
import { assertInUserRegion } from './scope.js';

/** Loads an org unit the user may act on, or throws (NotFound outside the user's region). */
export async function getScopedOrgUnit(tx: DbOrTx, user: Actor, id: string) {
  const unit = (await tx.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1))[0];
  if (!unit) throw notFound('机构不存在');
  assertInUserRegion(user, unit.path, '该机构');
  return unit;
}
