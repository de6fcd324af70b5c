import type { TRole, TUser } from '@portal/rules';

/** A staff account as the administration pages show it (ZUser). */
export function toUserDto(row: {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  orgUnitId: string;
  phone: string | null;
  isActive: boolean;
  lockedUntil: Date | null;
  canExportFull: boolean;
  createdAt: Date;
  orgUnitName?: string;
}): TUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName ?? null,
    phone: row.phone,
    isActive: row.isActive,
    canExportFull: row.canExportFull,
    isLocked: Boolean(row.lockedUntil && row.lockedUntil > new Date()),
    createdAt: row.createdAt.toISOString(),
  };
}
