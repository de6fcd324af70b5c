import { and, asc, eq, gt, ilike, inArray, loginThrottle, or, orgUnits, users, count, sql, type SQL } from '@portal/db';
import { type TUser, type TUserListPage, type ZCreateUserInput, ZNewPassword, type ZUpdateUserInput } from '@portal/rules';
import { z } from 'zod';
import { refuseUniqueViolation } from '../../lib/db-errors.js';
import { hashPassword } from '../../lib/password.js';
import { endSessionsOf, forgetSessionsOf } from '../auth/index.js';
import { toUserDto } from './internal.js';
import {
  type ActorContext,
  conflict,
  forbidden,
  inUserRegion,
  notFound,
  writeAudit,
  getScopedOrgUnit,
  withTransaction,
} from '../../core/index.js';

export const ZListUsersInput = z.object({
  q: z.string().trim().max(64).optional(),
  /** Only accounts locked now (the admin workbench's 账号已锁定 links here). */
  locked: z.boolean().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/**
 * Accounts locked at `now`: by the account's own lock or for some address (five failures from
 * there). The one predicate of the user list's 已锁定 filter and the admin workbench's count.
 */
export function lockedAt(now: Date): SQL {
  return or(
    gt(users.lockedUntil, now),
    sql`exists (select 1 from ${loginThrottle} where ${loginThrottle.userId} = ${users.id} and ${loginThrottle.lockedUntil} > ${now.toISOString()}::timestamptz)`,
  ) as SQL;
}

/** Users of the admin's region subtree, newest first, with paging. */
export async function listUsers({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZListUsersInput> }): Promise<TUserListPage> {
  const me = ctx.actor;
  const { q, locked, page, pageSize } = input;
  const now = ctx.now();
  const where = and(
    inUserRegion(me, orgUnits.path),
    q ? or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined,
    locked ? lockedAt(now) : undefined,
  );
  const [rows, totalRows] = await Promise.all([
    ctx.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        orgUnitId: users.orgUnitId,
        phone: users.phone,
        isActive: users.isActive,
        lockedUntil: users.lockedUntil,
        canExportFull: users.canExportFull,
        createdAt: users.createdAt,
        orgUnitName: orgUnits.name,
      })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(where)
      .orderBy(asc(orgUnits.path), asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(users).innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId)).where(where),
  ]);
  // Locked for some address (five failures from there) counts as locked in the list too.
  const ids = rows.map((r) => r.id);
  const lockedIds = new Set(
    ids.length
      ? (
          await ctx.db
            .select({ userId: loginThrottle.userId })
            .from(loginThrottle)
            .where(and(inArray(loginThrottle.userId, ids), gt(loginThrottle.lockedUntil, now)))
        ).map((r) => r.userId)
      : [],
  );
  const items = rows.map((r) => {
    const dto = toUserDto(r);
    return { ...dto, isLocked: dto.isLocked || lockedIds.has(r.id) };
  });
  return { items, total: totalRows[0]?.n ?? 0, page, pageSize };
}

export async function createUser({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZCreateUserInput> }): Promise<TUser> {
  const me = ctx.actor;
  const data = input;
  const username = data.username.toLowerCase();
  const passwordHash = await hashPassword(data.password);
  return withTransaction(ctx, async (ctx) => {
    const unit = await getScopedOrgUnit(ctx.db, me, data.orgUnitId);
    const existing = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
    if (existing.length) throw conflict(`用户名“${username}”已被使用`, 'username');
    const [row] = await ctx.db
      .insert(users)
      .values({
        username,
        displayName: data.displayName,
        role: data.role,
        orgUnitId: unit.id,
        phone: data.phone ?? null,
        passwordHash,
        canExportFull: data.canExportFull,
        // The administrator chose this password: the user replaces it at first sign-in.
        mustChangePassword: true,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const dto = toUserDto({ ...row, orgUnitName: unit.name });
    await writeAudit(ctx, { action: 'user.create', entity: 'user', entityId: row.id, regionPath: unit.path, after: dto });
    return dto;
  }).catch(refuseUniqueViolation('users_username', () => conflict(`用户名“${username}”已被使用`, 'username')));
}

export async function updateUser({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZUpdateUserInput> }): Promise<TUser> {
  const me = ctx.actor;
  const { id, data } = input;
  return withTransaction(ctx, async (ctx) => {
    const current = (await ctx.db.select().from(users).where(eq(users.id, id)).limit(1))[0];
    if (!current) throw notFound('用户不存在');
    const currentUnit = await getScopedOrgUnit(ctx.db, me, current.orgUnitId);
    const unit = await getScopedOrgUnit(ctx.db, me, data.orgUnitId);
    if (current.id === me.id && (!data.isActive || data.role !== 'admin')) {
      throw forbidden('不能停用自己的账户或取消自己的管理员角色');
    }
    const [row] = await ctx.db
      .update(users)
      .set({
        displayName: data.displayName,
        role: data.role,
        orgUnitId: unit.id,
        phone: data.phone ?? null,
        isActive: data.isActive,
        canExportFull: data.canExportFull,
        updatedAt: ctx.now(),
      })
      .where(eq(users.id, id))
      .returning();
    if (!row) throw notFound('用户不存在');
    // A deactivated account, or one whose role or unit changed, signs in again with its new rights.
    if (!data.isActive || data.role !== current.role || unit.id !== current.orgUnitId || data.canExportFull !== current.canExportFull) {
      await endSessionsOf(ctx.db, id);
    } else {
      // The sessions go on, carrying the new name and phone from their next request.
      forgetSessionsOf(id);
    }
    const before = toUserDto({ ...current, orgUnitName: currentUnit.name });
    const after = toUserDto({ ...row, orgUnitName: unit.name });
    await writeAudit(ctx, { action: 'user.update', entity: 'user', entityId: id, regionPath: unit.path, before, after });
    return after;
  });
}

export const ZResetPasswordInput = z.object({ id: z.uuid(), password: ZNewPassword });

/**
 * Sets a new password chosen by the admin: unlocks the account, ends its sessions, and makes the
 * user choose their own password at the next sign-in.
 */
export async function resetPassword({ ctx, input }: { ctx: ActorContext; input: z.output<typeof ZResetPasswordInput> }): Promise<void> {
  const me = ctx.actor;
  const { id, password } = input;
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx, async (ctx) => {
    const current = (await ctx.db.select().from(users).where(eq(users.id, id)).limit(1))[0];
    if (!current) throw notFound('用户不存在');
    const unit = await getScopedOrgUnit(ctx.db, me, current.orgUnitId);
    await ctx.db
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, mustChangePassword: true, hasDemoPassword: false, updatedAt: ctx.now() })
      .where(eq(users.id, id));
    await ctx.db.delete(loginThrottle).where(eq(loginThrottle.userId, id));
    await endSessionsOf(ctx.db, id);
    await writeAudit(ctx, { action: 'user.reset_password', entity: 'user', entityId: id, regionPath: unit.path });
  });
}
