export function toUserDto(row: {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnitId: string;
  phone: string | null;
  isActive: boolean;
  lockedUntil: Date | null;
  canExportFull: boolean;
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
    canExportFull: row.canExportFull,
    isLocked: Boolean(row.lockedUntil && row.lockedUntil > new Date()),
    createdAt: row.createdAt.toISOString(),
  };
}
