import { eq, orgUnits, type DbOrTx } from '@portal/db';
import { notFound } from '../../errors.js';
import { assertInUserRegion } from '../../lib/scope.js';
import type { SessionUser } from '../auth/session.js';

/** Loads an org unit the user may act on, or throws (NotFound outside the user's region). */
export async function getScopedOrgUnit(tx: DbOrTx, user: SessionUser, id: string) {
  const unit = (await tx.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1))[0];
  if (!unit) throw notFound('机构不存在');
  assertInUserRegion(user, unit.path, '该机构');
  return unit;
}

export function toUserDto(row: {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnitId: string;
  phone: string | null;
  isActive: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
  orgUnitName?: string;
}) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName ?? null,
    phone: row.phone,
    isActive: row.isActive,
    isLocked: Boolean(row.lockedUntil && row.lockedUntil > new Date()),
    createdAt: row.createdAt.toISOString(),
  };
}
