import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, orgUnits, sessions, users, type Db, type DbOrTx } from '@portal/db';
import type { Actor } from '../../core/index.js';
import { forgetSessionsOf, getCachedSession, storeSession, type TLiveSession } from './session-cache.js';

/** How long a session lives: idle minutes since the last request, and hours since sign-in. */
export interface SessionLimits {
  SESSION_IDLE_MINUTES: number;
  SESSION_ABSOLUTE_HOURS: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Resolves a cookie token to its actor. A session ends after `SESSION_IDLE_MINUTES` without a
 * request (the row is deleted) and at `expiresAt` (sign-in + `SESSION_ABSOLUTE_HOURS`) at the
 * latest; an inactive user has none. `now` is the wall clock, never the test clock that moves
 * business dates. Requests go through `findSessionUserCached`.
 */
export async function findSessionUser(db: Db, token: string, now: Date, limits: SessionLimits): Promise<Actor | null> {
  return (await readSession(db, token, now, limits))?.actor ?? null;
}

/**
 * `findSessionUser` through this process's session cache (session-cache.ts): a user's requests
 * within SESSION_CACHE_TTL_MS of the last database read cost no query; the idle and absolute limits
 * still hold on a hit. Unknown and ended sessions are never cached.
 */
export async function findSessionUserCached(db: Db, token: string, now: Date, limits: SessionLimits): Promise<Actor | null> {
  if (token.length > 200) return null;
  const sessionId = hashToken(token);
  const cached = getCachedSession(sessionId, now.getTime(), limits.SESSION_IDLE_MINUTES * 60_000);
  if (cached) return cached;
  const session = await readSession(db, token, now, limits);
  if (!session) return null;
  storeSession(sessionId, session);
  return session.actor;
}

/** Reads a session with its limits (the cache keeps them to apply on a hit). */
async function readSession(db: Db, token: string, now: Date, limits: SessionLimits): Promise<TLiveSession | null> {
  if (token.length > 200) return null;
  const sessionId = hashToken(token);
  const rows = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      isActive: users.isActive,
      mustChangePassword: users.mustChangePassword,
      canExportFull: users.canExportFull,
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
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  if (idleMs > limits.SESSION_IDLE_MINUTES * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  // Record activity at most once a minute to keep reads cheap.
  let lastSeenAt = row.lastSeenAt;
  if (idleMs > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
    lastSeenAt = now;
  }
  const { isActive: _active, lastSeenAt: _seen, expiresAt, ...user } = row;
  return { actor: user, expiresAt, lastSeenAt };
}

export async function createSession(tx: DbOrTx, userId: string, now: Date, limits: SessionLimits, userAgent?: string) {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + limits.SESSION_ABSOLUTE_HOURS * 3600_000);
  await tx
    .insert(sessions)
    .values({ id: hashToken(token), userId, createdAt: now, expiresAt, lastSeenAt: now, userAgent: userAgent?.slice(0, 200) });
  return { token, expiresAt };
}

/** Ends every session of a user (password reset, deactivation, a changed password elsewhere). */
export async function endSessionsOf(db: DbOrTx, userId: string, exceptSessionId?: string) {
  forgetSessionsOf(userId);
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.filter((r) => r.id !== exceptSessionId).length;
}
