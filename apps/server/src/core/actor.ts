import type { TOrgLevel, TProfileId, TRole } from '@portal/rules';

/**
 * The signed-in user as every service sees them: who they are, their role, and the org unit whose
 * region subtree (`regionPath`) bounds everything they may read or change.
 */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitCode: string;
  orgLevel: TOrgLevel;
  regionPath: string;
  profile: TProfileId | null;
  sessionId: string;
  /** The password was set by an administrator or the seed: only changing it is allowed until then. */
  mustChangePassword: boolean;
  /** Exports carry full ID numbers and bank accounts (an administrator's explicit grant). */
  canExportFull: boolean;
}
