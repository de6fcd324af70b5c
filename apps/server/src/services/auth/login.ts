import type { z } from 'zod';
import { eq, orgUnits, users } from '@portal/db';
import { type ZLoginInput } from '@portal/rules';
import { getDummyHash, verifyPassword } from '../../lib/password.js';
import { createSession } from './session.js';
import { unauthorized, writeAudit, type ServiceContext, withTransaction } from '../../core/index.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const WRONG = '用户名或密码错误';

/** Checks the password, locks the account after repeated failures, and opens a session. */
export async function login({ ctx, input, userAgent }: { ctx: ServiceContext; input: z.output<typeof ZLoginInput>; userAgent?: string }) {
  const { username, password } = input;
  const now = ctx.now();
  const found = (
    await ctx.db
      .select({ user: users, regionPath: orgUnits.path })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(eq(users.username, username.toLowerCase()))
      .limit(1)
  )[0];
  const user = found?.user;
  if (!user) {
    await verifyPassword(await getDummyHash(), password);
    throw unauthorized(WRONG, `unknown user ${username}`);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw unauthorized(`连续输错密码次数过多，账户已锁定，请 ${LOCK_MINUTES} 分钟后再试`);
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await withTransaction(ctx, async (ctx) => {
      await ctx.db
        .update(users)
        .set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil })
        .where(eq(users.id, user.id));
      await writeAudit(
        { ...ctx, actor: null },
        {
          action: 'auth.login_failed',
          entity: 'user',
          entityId: user.id,
          regionPath: found.regionPath,
          after: { username: user.username, failedLogins: failed, locked: Boolean(lockedUntil) },
        },
      );
    });
    if (lockedUntil) throw unauthorized(`连续输错密码 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCK_MINUTES} 分钟`);
    throw unauthorized(WRONG);
  }
  if (!user.isActive) throw unauthorized('账户已停用，请联系系统管理员');
  return withTransaction(ctx, async (ctx) => {
    await ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(ctx.db, user.id, now, ctx.env.SESSION_TTL_HOURS, userAgent);
    await writeAudit(
      { ...ctx, actor: null },
      {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        regionPath: found.regionPath,
        after: { username: user.username },
      },
    );
    return session;
  });
}
