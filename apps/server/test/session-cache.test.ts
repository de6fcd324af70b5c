import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sessions, users, type DbHandle } from '@portal/db';
import { createUser } from '@portal/db/test';
import { buildApp } from '../src/app.js';
import { clearSessionCache, createSession, SESSION_CACHE_TTL_MS } from '../src/services/auth/index.js';
import { callerAs, env, makeTree, setupDb, testPasswordHash } from './helpers.js';

/**
 * The in-memory session cache (decision 0010): a revocation in this process takes effect on the
 * next request; one made behind the server's back (another process) within SESSION_CACHE_TTL_MS;
 * idle and absolute limits hold on a cached hit.
 */
let handle: DbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let sessionNow = new Date();

beforeAll(async () => {
  handle = await setupDb();
  app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false, sessionClock: () => sessionNow });
});
afterEach(() => {
  vi.useRealTimers();
  sessionNow = new Date();
  clearSessionCache();
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

const headers = (token: string) => ({ cookie: `portal_session=${token}`, 'content-type': 'application/json', 'x-portal-request': '1' });

/** The signed-in user's name, or null when the session is refused. */
async function whoAmI(token: string): Promise<string | null> {
  const res = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: headers(token) });
  expect(res.statusCode).toBe(200);
  return (res.json() as { result: { data: { username: string } | null } }).result.data?.username ?? null;
}

async function signedInClerk() {
  const tree = await makeTree(handle);
  const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() });
  const { token } = await createSession(handle.db, user.id, sessionNow, env);
  return { tree, user, token };
}

describe('session cache', () => {
  it('a session deleted behind the server’s back still works until the TTL, never longer', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const { user, token } = await signedInClerk();
    expect(await whoAmI(token)).toBe(user.username);
    await handle.db.delete(sessions).where(eq(sessions.userId, user.id));
    vi.advanceTimersByTime(SESSION_CACHE_TTL_MS - 100);
    expect(await whoAmI(token)).toBe(user.username);
    vi.advanceTimersByTime(200);
    expect(await whoAmI(token)).toBeNull();
  });

  it('sign-out ends the session on the next request', async () => {
    const { user, token } = await signedInClerk();
    expect(await whoAmI(token)).toBe(user.username);
    const out = await app.inject({ method: 'POST', url: '/trpc/auth.logout', headers: headers(token), payload: {} });
    expect(out.statusCode).toBe(200);
    expect(await whoAmI(token)).toBeNull();
  });

  it('deactivation and a password reset by an administrator end the sessions at once', async () => {
    const { tree, user, token } = await signedInClerk();
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    expect(await whoAmI(token)).toBe(user.username);
    await admin.admin.resetPassword({ id: user.id, password: 'Reset2026x' });
    expect(await whoAmI(token)).toBeNull();

    const second = (await createSession(handle.db, user.id, sessionNow, env)).token;
    expect(await whoAmI(second)).toBe(user.username);
    const current = (await handle.db.select().from(users).where(eq(users.id, user.id)))[0]!;
    await admin.admin.updateUser({
      id: user.id,
      data: { displayName: current.displayName, role: 'clerk', orgUnitId: current.orgUnitId, isActive: false },
    });
    expect(await whoAmI(second)).toBeNull();
  });

  it('a changed role ends the sessions at once; a changed name shows on the next request', async () => {
    const { tree, user, token } = await signedInClerk();
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    const current = (await handle.db.select().from(users).where(eq(users.id, user.id)))[0]!;
    const data = { displayName: current.displayName, role: 'clerk' as const, orgUnitId: current.orgUnitId, isActive: true };
    expect(await whoAmI(token)).toBe(user.username);
    await admin.admin.updateUser({ id: user.id, data: { ...data, displayName: '改名后' } });
    const me = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: headers(token) });
    expect((me.json() as { result: { data: { displayName: string } } }).result.data.displayName).toBe('改名后');

    await admin.admin.updateUser({ id: user.id, data: { ...data, role: 'reviewer' } });
    expect(await whoAmI(token)).toBeNull();
  });

  it('a changed password ends the other sessions at once and keeps the current one', async () => {
    const { user, token } = await signedInClerk();
    const other = (await createSession(handle.db, user.id, sessionNow, env)).token;
    expect(await whoAmI(token)).toBe(user.username);
    expect(await whoAmI(other)).toBe(user.username);
    const change = await app.inject({
      method: 'POST',
      url: '/trpc/auth.changePassword',
      headers: headers(token),
      payload: { currentPassword: 'Test@1234', newPassword: 'Mine2026xy', confirmPassword: 'Mine2026xy' },
    });
    expect(change.statusCode).toBe(200);
    expect(await whoAmI(other)).toBeNull();
    expect(await whoAmI(token)).toBe(user.username);
  });

  it('idle and absolute limits hold on a cached hit', async () => {
    const { user, token } = await signedInClerk();
    expect(await whoAmI(token)).toBe(user.username);
    sessionNow = new Date(sessionNow.getTime() + (env.SESSION_IDLE_MINUTES * 60 + 1) * 1000);
    expect(await whoAmI(token)).toBeNull();

    sessionNow = new Date();
    const fresh = await signedInClerk();
    expect(await whoAmI(fresh.token)).toBe(fresh.user.username);
    sessionNow = new Date(sessionNow.getTime() + env.SESSION_ABSOLUTE_HOURS * 3600_000 + 1000);
    expect(await whoAmI(fresh.token)).toBeNull();
  });

  it('unknown tokens are never cached', async () => {
    const { user, token } = await signedInClerk();
    expect(await whoAmI(`${token}x`)).toBeNull();
    expect(await whoAmI(token)).toBe(user.username);
  });
});
