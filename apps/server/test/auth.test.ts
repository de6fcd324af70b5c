import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eq, type DbHandle } from '@portal/db';
import { createUser } from '@portal/db/test';
import { buildApp } from '../src/app.js';
import { LOGIN_REFUSED } from '../src/services/auth/index.js';
import { env, makeTree, setupDb, TEST_PASSWORD, testPasswordHash } from './helpers.js';

let handle: DbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let username: string;

beforeAll(async () => {
  handle = await setupDb();
  app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
  const tree = await makeTree(handle);
  const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() });
  username = user.username;
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

function trpcPost(path: string, body: unknown, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: `/trpc/${path}`,
    payload: body as object,
    headers: { 'content-type': 'application/json', 'x-portal-request': '1', ...(cookie ? { cookie } : {}) },
  });
}

describe('login over HTTP', () => {
  it('sets an httpOnly SameSite cookie and resolves the session', async () => {
    const res = await trpcPost('auth.login', { username, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'portal_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie: `portal_session=${cookie!.value}` } });
    expect(me.json().result.data.username).toBe(username);
    const logout = await trpcPost('auth.logout', {}, `portal_session=${cookie!.value}`);
    expect(logout.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie: `portal_session=${cookie!.value}` } });
    expect(after.json().result.data).toBeNull();
  });

  it('refuses a wrong password with a Chinese message and no stack trace', async () => {
    const res = await trpcPost('auth.login', { username, password: 'wrong-password1' });
    expect(res.statusCode).toBe(401);
    const body = res.json();
    expect(body.error.message).toBe(LOGIN_REFUSED);
    expect(JSON.stringify(body)).not.toContain('stack');
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('locks the account after five wrong passwords', async () => {
    const tree = await makeTree(handle);
    const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() });
    for (let i = 0; i < 5; i++) await trpcPost('auth.login', { username: user.username, password: 'wrong-password1' });
    const res = await trpcPost('auth.login', { username: user.username, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('锁定');
  });

  it('answers an unknown session with UNAUTHORIZED on protected procedures', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/persons.list?input=%7B%7D', headers: { cookie: 'portal_session=forged' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('登录');
  });

  it('answers malformed input with BAD_REQUEST and a Chinese message', async () => {
    const res = await trpcPost('auth.login', { username: '', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('请输入用户名');
  });

  it('reports health with the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('test clock', () => {
  it('is absent unless ALLOW_TEST_CLOCK is set', async () => {
    const res = await app.inject({ method: 'POST', url: '/__test__/clock', payload: { now: '2030-01-01T00:00:00Z' } });
    expect(res.statusCode).toBe(404);
  });

  it('moves ctx.now() when enabled', async () => {
    const testApp = await buildApp({ db: handle.db, reports: handle.reports, env: { ...env, ALLOW_TEST_CLOCK: true }, logger: false });
    const set = await testApp.inject({ method: 'POST', url: '/__test__/clock', payload: { now: '2019-09-20T02:00:00Z' } });
    expect(set.json().today).toBe('2019-09-20');
    const info = await testApp.inject({ method: 'GET', url: '/trpc/system.info' });
    expect(info.json().result.data.today).toBe('2019-09-20');
    await testApp.close();
  });
});
