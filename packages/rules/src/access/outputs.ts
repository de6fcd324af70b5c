import { z } from 'zod';
import { ZProfileId } from '../profiles.js';
import { ORG_LEVELS, ZRole } from './access.js';

/*
 * What the sign-in and administration procedures answer (`.output()` of auth.*, admin.*). The
 * schemas are plain on purpose: tRPC parses every response with them, and zod drops any key a
 * service returns by mistake, so nothing unlisted here reaches the browser.
 */

/** The signed-in user as the browser knows them (auth.me); null when nobody is signed in. */
export const ZSessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  orgUnitCode: z.string(),
  orgLevel: z.enum(ORG_LEVELS),
  profile: ZProfileId.nullable(),
  mustChangePassword: z.boolean(),
  canExportFull: z.boolean(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;
export const ZMe = ZSessionUser.nullable();

/**
 * A staff account as the user administration shows it. `phone` is the staff member's work
 * number, kept in full: only administrators (users.manage) see it, and the edit form needs it.
 */
export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  orgUnitId: z.string(),
  orgUnitName: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  canExportFull: z.boolean(),
  isLocked: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserListPage = z.object({ items: z.array(ZUser), total: z.number(), page: z.number(), pageSize: z.number() });
export type TUserListPage = z.infer<typeof ZUserListPage>;

/** An org unit of the caller's region, in tree order (admin.listOrgUnits). */
export const ZOrgUnitListItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: z.string().nullable(),
  path: z.string(),
  profile: ZProfileId.nullable(),
  depth: z.number(),
  isDemo: z.boolean(),
});
export type TOrgUnitListItem = z.infer<typeof ZOrgUnitListItem>;
export const ZOrgUnitList = z.array(ZOrgUnitListItem);

export const ZCreatedOrgUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  path: z.string(),
});
export type TCreatedOrgUnit = z.infer<typeof ZCreatedOrgUnit>;

export const ZUpdatedOrgUnit = z.object({ id: z.string(), name: z.string() });
export type TUpdatedOrgUnit = z.infer<typeof ZUpdatedOrgUnit>;

/** The server's date and time (system.info): pages use it instead of the browser's clock. */
export const ZServerTime = z.object({ today: z.string(), now: z.string() });
export type TServerTime = z.infer<typeof ZServerTime>;
