import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, auditLog, eq, loginThrottle, sessions, users, type DbHandle } from '@portal/db';
import { createUser } from '@portal/db/test';
import { buildApp } from '../src/app.js';
import { createSession, findSessionUser, LOGIN_REFUSED } from '../src/services/auth/index.js';
import { callerAs, env, makeTree, setupDb, TEST_PASSWORD, testPasswordHash } from './helpers.js';

let handle: DbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  handle = await setupDb();
  app = await buildApp({ db: handle.db, reports: handle.reports, env: { ...env, LOGIN_RATE_PER_MINUTE: 10_000 }, logger: false });
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

function login(username: string, password: string, ip = '10.0.0.1') {
  return app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    remoteAddress: ip,
    payload: { username, password },
    headers: { 'content-type': 'application/json', 'x-portal-request': '1' },
  });
}

async function newClerk() {
  const tree = await makeTree(handle);
  const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() });
  return { tree, user };
}

describe('sign-in under attack', () => {
  it('locks after five failures even under 50 parallel wrong passwords, for that address only', async () => {
    const { user } = await newClerk();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => login(user.username, `wrong-password-${i}`)));
    expect(answers.every((r) => r.statusCode === 401)).toBe(true);
    // At most five guesses were checked; the rest met the lock. The correct password is refused too.
    const failures = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.login_failed')));
    expect(failures.length).toBeLessThanOrEqual(5);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    const locks = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.locked')));
    expect(locks).toHaveLength(1);
    // Nobody can lock a colleague out from elsewhere: another address still signs in.
    expect((await login(user.username, TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown name, a wrong password and a locked account', async () => {
    const { user } = await newClerk();
    const unknown = await login(`nobody-${Date.now()}`, 'whatever-1');
    const wrong = await login(user.username, 'wrong-password-1', '10.0.1.1');
    for (let i = 0; i < 6; i++) await login(user.username, 'wrong-password-2', '10.0.1.2');
    const locked = await login(user.username, TEST_PASSWORD, '10.0.1.2');
    const messages = [unknown, wrong, locked].map((r) => r.json().error.message);
    expect(messages).toEqual([LOGIN_REFUSED, LOGIN_REFUSED, LOGIN_REFUSED]);
    expect(new Set([unknown, wrong, locked].map((r) => r.statusCode))).toEqual(new Set([401]));
  });

  it('locks the account everywhere after many failures from many addresses, and audits it', async () => {
    const { user } = await newClerk();
    for (let i = 0; i < 50; i++) await login(user.username, 'wrong-password-3', `10.1.${Math.floor(i / 4)}.${i % 4}`);
    expect((await login(user.username, TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(401);
    const row = (await handle.db.select().from(users).where(eq(users.id, user.id)))[0]!;
    expect(row.lockedUntil).not.toBeNull();
    const locks = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.locked')));
    expect(locks.map((l) => (l.after as { scope: string }).scope)).toContain('account');
  });

  it('a success clears the address counter', async () => {
    const { user } = await newClerk();
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password-4', '10.2.0.1');
    expect((await login(user.username, TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    expect(await handle.db.select().from(loginThrottle).where(eq(loginThrottle.userId, user.id))).toHaveLength(0);
  });

  it('limits sign-in attempts per address with a Chinese 429', async () => {
    const limited = await buildApp({ db: handle.db, reports: handle.reports, env: { ...env, LOGIN_RATE_PER_MINUTE: 5 }, logger: false });
    const answers = [];
    for (let i = 0; i < 8; i++) {
      answers.push(
        await limited.inject({
          method: 'POST',
          url: '/trpc/auth.login',
          remoteAddress: '10.3.0.1',
          payload: { username: 'nobody', password: 'whatever-1' },
          headers: { 'content-type': 'application/json', 'x-portal-request': '1' },
        }),
      );
    }
    const tooMany = answers.filter((r) => r.statusCode === 429);
    expect(tooMany.length).toBe(3);
    expect(tooMany[0]!.json().error.message).toMatch(/登录尝试过于频繁，请 \d+ 秒后再试/);
    await limited.close();
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes and 12 hours at the latest', async () => {
    const { user } = await newClerk();
    const t0 = new Date('2026-12-01T08:00:00Z');
    const s = await createSession(handle.db, user.id, t0, env);
    expect(await findSessionUser(handle.db, s.token, new Date(t0.getTime() + 29 * 60_000), env)).not.toBeNull();
    expect(await findSessionUser(handle.db, s.token, new Date(t0.getTime() + 29 * 60_000 + 31 * 60_000), env)).toBeNull();
    // Active all day, a session still ends 12 hours after sign-in.
    const s2 = await createSession(handle.db, user.id, t0, env);
    for (let m = 20; m < 12 * 60; m += 20)
      expect(await findSessionUser(handle.db, s2.token, new Date(t0.getTime() + m * 60_000), env)).not.toBeNull();
    expect(await findSessionUser(handle.db, s2.token, new Date(t0.getTime() + 12 * 3600_000 + 60_000), env)).toBeNull();
  });

  it('end when an administrator resets the password or deactivates the account', async () => {
    const { tree, user } = await newClerk();
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    await createSession(handle.db, user.id, new Date(), env);
    await admin.admin.resetPassword({ id: user.id, password: 'Reset2026x' });
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const s = await createSession(handle.db, user.id, new Date(), env);
    const current = (await handle.db.select().from(users).where(eq(users.id, user.id)))[0]!;
    await admin.admin.updateUser({
      id: user.id,
      data: { displayName: current.displayName, role: 'clerk', orgUnitId: current.orgUnitId, isActive: false },
    });
    expect(await findSessionUser(handle.db, s.token, new Date(), env)).toBeNull();
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('an account created or reset by an administrator must change its password before any work', async () => {
    const { tree } = await newClerk();
    const { caller: admin } = await callerAs(handle, 'admin', tree.root.id);
    const created = await admin.admin.createUser({
      username: `first${Date.now() % 100000}`,
      displayName: '新同事',
      role: 'clerk',
      orgUnitId: tree.countyA.id,
      password: 'Initial2026',
    });
    const token = (await createSession(handle.db, created.id, new Date(), env)).token;
    const me = await app.inject({
      method: 'POST',
      url: '/trpc/persons.list',
      payload: {},
      headers: { cookie: `portal_session=${token}`, 'content-type': 'application/json', 'x-portal-request': '1' },
    });
    expect(me.statusCode).toBe(412);
    expect(me.json().error.message).toBe('首次登录请先修改初始密码');
    const change = await app.inject({
      method: 'POST',
      url: '/trpc/auth.changePassword',
      payload: { currentPassword: 'Initial2026', newPassword: 'Mine2026xy', confirmPassword: 'Mine2026xy' },
      headers: { cookie: `portal_session=${token}`, 'content-type': 'application/json', 'x-portal-request': '1' },
    });
    expect(change.statusCode).toBe(200);
    const after = await app.inject({
      method: 'POST',
      url: '/trpc/persons.list',
      payload: {},
      headers: { cookie: `portal_session=${token}`, 'content-type': 'application/json', 'x-portal-request': '1' },
    });
    expect(after.statusCode).toBe(200);
  });
});
