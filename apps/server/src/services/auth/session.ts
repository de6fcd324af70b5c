import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, orgUnits, sessions, users, type Db, type DbOrTx } from '@portal/db';
import type { TProfileId } from '@portal/rules';
import type { Actor } from '../../core/index.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Resolves a cookie token to its user; slides the expiry forward on use. */
export async function findSessionUser(db: Db, token: string, now: Date, ttlHours: number): Promise<Actor | null> {
  if (token.length > 200) return null;
  const sessionId = hashToken(token);
  const rows = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      isActive: users.isActive,
      orgUnitId: orgUnits.id,
      orgUnitName: orgUnits.name,
      orgUnitCode: orgUnits.code,
      orgLevel: orgUnits.level,
      regionPath: orgUnits.path,
      profile: orgUnits.profile,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || !row.isActive) return null;
  // Write the sliding expiry at most once a minute to keep reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) })
      .where(eq(sessions.id, sessionId));
  }
  const { isActive: _active, lastSeenAt: _seen, ...user } = row;
  return { ...user, role: user.role, profile: (user.profile as TProfileId | null) ?? null };
}

export async function createSession(tx: DbOrTx, userId: string, now: Date, ttlHours: number, userAgent?: string) {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await tx.insert(sessions).values({ id: hashToken(token), userId, expiresAt, lastSeenAt: now, userAgent: userAgent?.slice(0, 200) });
  return { token, expiresAt };
}
