import type { z } from 'zod';
import { and, eq, gt, loginThrottle, orgUnits, sql, users } from '@portal/db';
import type { ZLoginInput } from '@portal/rules';
import { unauthorized, writeAudit, type ServiceContext, withTransaction } from '../../core/index.js';
import { getDummyHash, verifyPassword } from '../../lib/password.js';
import { createSession } from './session.js';

/** Failures from one address before the account is locked for that address. */
export const MAX_FAILED_LOGINS = 5;
/** Failures from all addresses together before the account is locked everywhere. */
export const MAX_FAILED_LOGINS_ACCOUNT = 50;
export const LOCK_MINUTES = 15;

/**
 * The one answer to every refused sign-in — unknown name, wrong password, locked, inactive — so
 * that nobody can learn which accounts exist or are locked (OWASP ASVS V6.3.8 / V2.2.1).
 */
export const LOGIN_REFUSED = `用户名或密码错误。连续输错 ${MAX_FAILED_LOGINS} 次后，账户将在本机锁定 ${LOCK_MINUTES} 分钟`;

/**
 * Signs in. Every attempt first reserves a try atomically — one UPDATE … RETURNING on the
 * (account, address) counter, refused while it is locked — and only then verifies the password,
 * so 50 parallel guesses still get at most five verifications before the lock. A success clears
 * the address's counter. Unknown names verify against a dummy hash for similar timing. Lockouts
 * are audited.
 */
export async function login({ ctx, input, userAgent }: { ctx: ServiceContext; input: z.output<typeof ZLoginInput>; userAgent?: string }) {
  const { username, password } = input;
  // Security timing uses the wall clock, never the test clock that moves business dates.
  const now = new Date();
  const ip = ctx.ip ?? 'unknown';
  const found = (
    await ctx.db
      .select({ user: users, regionPath: orgUnits.path })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(eq(users.username, username.toLowerCase()))
      .limit(1)
  )[0];
  if (!found) {
    await verifyPassword(await getDummyHash(), password);
    throw unauthorized(LOGIN_REFUSED, `unknown user ${username}`);
  }
  const { user, regionPath } = found;
  const attempt = await reserveAttempt(ctx, user.id, ip, now);
  if (!attempt.allowed) {
    await verifyPassword(await getDummyHash(), password);
    if (attempt.justLocked) await auditLockout(ctx, { userId: user.id, ip, scope: attempt.justLocked });
    throw unauthorized(LOGIN_REFUSED, `locked ${user.username} from ${ip}`);
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok || !user.isActive) {
    await writeAudit(
      { ...ctx, actor: null },
      {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        regionPath,
        after: { username: user.username, ip, failures: attempt.failures, inactive: ok && !user.isActive },
      },
    );
    throw unauthorized(LOGIN_REFUSED, ok ? `inactive ${user.username}` : `wrong password for ${user.username}`);
  }
  return withTransaction(ctx, async (ctx) => {
    await ctx.db.delete(loginThrottle).where(and(eq(loginThrottle.userId, user.id), eq(loginThrottle.ip, ip)));
    await ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(ctx.db, user.id, now, ctx.env, userAgent);
    await writeAudit(
      { ...ctx, actor: null },
      { action: 'auth.login', entity: 'user', entityId: user.id, regionPath, after: { username: user.username, ip } },
    );
    return { ...session, mustChangePassword: user.mustChangePassword };
  });
}

type Attempt = { allowed: true; failures: number } | { allowed: false; justLocked: 'address' | 'account' | null };

/**
 * Counts this attempt before the password is checked, in two atomic statements:
 * 1. the (account, address) counter — restarted after a quiet LOCK_MINUTES window; the attempt
 *    after MAX_FAILED_LOGINS failures locks the account for that address for LOCK_MINUTES;
 * 2. the account's counter of failures since its last success from any address (users.failed_logins)
 *    — at MAX_FAILED_LOGINS_ACCOUNT the account is locked everywhere for LOCK_MINUTES.
 * A locked counter is not moved. A success clears both (login above).
 */
async function reserveAttempt(ctx: ServiceContext, userId: string, ip: string, now: Date): Promise<Attempt> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  // Raw SQL takes instants as ISO text with a cast (the PostgreSQL driver sends no Date objects).
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString()}::timestamptz`;
  const until = sql`${lockUntil.toISOString()}::timestamptz`;
  const t = loginThrottle;
  const locked = sql`${t.lockedUntil} is not null and ${t.lockedUntil} > ${at}`;
  const stale = sql`${t.windowStart} < ${windowStart}`;
  const next = sql`(case when ${stale} then 1 else ${t.failures} + 1 end)`;
  const address = (
    await ctx.db
      .insert(t)
      .values({ userId, ip, failures: 1, windowStart: now })
      .onConflictDoUpdate({
        target: [t.userId, t.ip],
        set: {
          failures: sql`case when ${locked} then ${t.failures} else ${next} end`,
          windowStart: sql`case when ${locked} then ${t.windowStart} when ${stale} then ${at} else ${t.windowStart} end`,
          lockedUntil: sql`case when ${locked} then ${t.lockedUntil} when ${next} > ${MAX_FAILED_LOGINS} then ${until} else null end`,
        },
      })
      .returning({ failures: t.failures, lockedUntil: t.lockedUntil })
  )[0];
  if (!address) throw new Error('login throttle upsert returned no row');
  if (address.lockedUntil && address.lockedUntil > now) {
    return { allowed: false, justLocked: address.lockedUntil.getTime() === lockUntil.getTime() ? 'address' : null };
  }
  const accountLocked = sql`${users.lockedUntil} is not null and ${users.lockedUntil} > ${at}`;
  const expired = sql`${users.lockedUntil} is not null and ${users.lockedUntil} <= ${at}`;
  const accountNext = sql`(case when ${expired} then 1 else ${users.failedLogins} + 1 end)`;
  const account = (
    await ctx.db
      .update(users)
      .set({
        failedLogins: sql`case when ${accountLocked} then ${users.failedLogins} else ${accountNext} end`,
        lockedUntil: sql`case when ${accountLocked} then ${users.lockedUntil} when ${accountNext} >= ${MAX_FAILED_LOGINS_ACCOUNT} then ${until} else null end`,
      })
      .where(eq(users.id, userId))
      .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
  )[0];
  if (!account) throw new Error('user vanished during sign-in');
  if (account.lockedUntil && account.lockedUntil > now) {
    // The attempt that reached the account limit is still verified (it was counted before the lock).
    if (account.lockedUntil.getTime() !== lockUntil.getTime() || account.failedLogins > MAX_FAILED_LOGINS_ACCOUNT) {
      return { allowed: false, justLocked: null };
    }
    await auditLockout(ctx, { userId, ip, scope: 'account' });
  }
  return { allowed: true, failures: address.failures };
}

async function auditLockout(ctx: ServiceContext, args: { userId: string; ip: string; scope: 'address' | 'account' }) {
  const row = (
    await ctx.db
      .select({ username: users.username, regionPath: orgUnits.path })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(eq(users.id, args.userId))
  )[0];
  await writeAudit(
    { ...ctx, actor: null },
    {
      action: 'auth.locked',
      entity: 'user',
      entityId: args.userId,
      regionPath: row?.regionPath ?? null,
      after: { username: row?.username ?? null, ip: args.ip, scope: args.scope, minutes: LOCK_MINUTES },
    },
  );
}

/** Whether an account is locked anywhere right now (the admin's user list shows it). */
export async function isLockedSomewhere(ctx: ServiceContext, userId: string): Promise<boolean> {
  const now = new Date();
  const row = (
    await ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(loginThrottle)
      .where(and(eq(loginThrottle.userId, userId), gt(loginThrottle.lockedUntil, now)))
  )[0];
  return Number(row?.n ?? 0) > 0;
}
