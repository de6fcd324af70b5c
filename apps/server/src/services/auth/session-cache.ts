import type { Actor } from '../../core/index.js';

/**
 * How long a resolved session is reused without reading the database. It is also the bound on how
 * long a session revoked by another process (a second server on the same PostgreSQL, a script)
 * can still be used here: nothing tells this process, so its copy lives out its TTL (decision 0010).
 * In this process every revocation drops the copies at once.
 */
export const SESSION_CACHE_TTL_MS = 5_000;
/** At most this many sessions are kept; the oldest go first. */
export const SESSION_CACHE_MAX = 10_000;

/** A live session as read from the database: its actor, its absolute end and its last recorded activity. */
export interface TLiveSession {
  actor: Actor;
  expiresAt: Date;
  lastSeenAt: Date;
}

interface Entry {
  actor: Actor;
  /** Monotonic instant (performance.now) the session was read from the database. */
  readAt: number;
  /** Session clock (ms): the absolute end and the last recorded activity, so that a hit keeps their rules. */
  expiresAt: number;
  lastSeenAt: number;
}

/** Keyed by the token's hash (the sessions table's id), never by the token itself. */
const entries = new Map<string, Entry>();
/**
 * Users whose sessions may not be cached again before the given monotonic instant: a revocation
 * runs inside its transaction, so a request that reads the session before the commit would
 * otherwise store the old row again.
 */
const quietUntil = new Map<string, number>();

/**
 * The cached actor of a session read less than SESSION_CACHE_TTL_MS ago and still within its idle
 * and absolute limits at `nowMs` (session clock), or null: read the database.
 */
export function getCachedSession(sessionId: string, nowMs: number, idleLimitMs: number): Actor | null {
  const hit = entries.get(sessionId);
  if (!hit) return null;
  if (performance.now() - hit.readAt < SESSION_CACHE_TTL_MS && nowMs < hit.expiresAt && nowMs - hit.lastSeenAt <= idleLimitMs) {
    return hit.actor;
  }
  entries.delete(sessionId);
  return null;
}

/** Keeps a session just read from the database, unless its user's sessions were revoked within one TTL. */
export function storeSession(sessionId: string, session: TLiveSession): void {
  const quiet = quietUntil.get(session.actor.id);
  if (quiet !== undefined) {
    if (performance.now() < quiet) return;
    quietUntil.delete(session.actor.id);
  }
  if (entries.size >= SESSION_CACHE_MAX) {
    for (const key of entries.keys()) {
      entries.delete(key);
      if (entries.size < SESSION_CACHE_MAX * 0.9) break;
    }
  }
  entries.set(sessionId, {
    // Shared by every request of the session until it expires: nothing may change it in place.
    actor: Object.freeze(session.actor),
    readAt: performance.now(),
    expiresAt: session.expiresAt.getTime(),
    lastSeenAt: session.lastSeenAt.getTime(),
  });
}

/**
 * Drops this process's cached copies of a user's sessions and keeps them out for one TTL. Called
 * wherever sessions end or what a session carries changes: sign-out, a changed or reset password,
 * deactivation and the other changes that end a user's sessions (`endSessionsOf`).
 */
export function forgetSessionsOf(userId: string): void {
  const now = performance.now();
  quietUntil.set(userId, now + SESSION_CACHE_TTL_MS);
  for (const [key, entry] of entries) if (entry.actor.id === userId) entries.delete(key);
  if (quietUntil.size > SESSION_CACHE_MAX) {
    for (const [id, until] of quietUntil) if (until <= now) quietUntil.delete(id);
  }
}

/** Drops the cached copy of one session. */
export function forgetSession(sessionId: string): void {
  entries.delete(sessionId);
}

/** Empties the cache (tests). */
export function clearSessionCache(): void {
  entries.clear();
  quietUntil.clear();
}
