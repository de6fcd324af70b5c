import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, desc, eq, type DbHandle } from '@portal/db';
import { createUser } from '@portal/db/test';
import { buildApp } from '../src/app.js';
import { loadEnv } from '../src/env.js';
import { createSession } from '../src/services/auth/index.js';
import { env, makeTree, setupDb, TEST_PASSWORD, testPasswordHash } from './helpers.js';

let handle: DbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let cookie: string;
let userId: string;

beforeAll(async () => {
  handle = await setupDb();
  app = await buildApp({ db: handle.db, reports: handle.reports, env, logger: false });
  const tree = await makeTree(handle);
  const user = await createUser(handle.db, { orgUnitId: tree.countyA.id, role: 'clerk', passwordHash: await testPasswordHash() });
  userId = user.id;
  cookie = `portal_session=${(await createSession(handle.db, user.id, new Date(), env)).token}`;
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

const mutation = (headers: Record<string, string>, payload: unknown = { householdNo: 'H1' }) =>
  app.inject({ method: 'POST', url: '/trpc/households.create', payload: payload as object, headers: { cookie, ...headers } });

describe('CSRF', () => {
  it('refuses a mutation without the API header from a foreign or unknown origin', async () => {
    const foreign = await mutation({ 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toBe('请求来源不可信，请刷新页面后重试');
    const bare = await mutation({ 'content-type': 'application/json' });
    expect(bare.statusCode).toBe(403);
  });

  it('refuses form content types, which a cross-site form can post without a preflight', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const res = await app.inject({
        method: 'POST',
        url: '/trpc/households.create',
        payload: 'a=1',
        headers: { cookie, 'content-type': type, 'x-portal-request': '1' },
      });
      expect(res.statusCode).toBe(415);
    }
  });

  it('refuses a cross-site upload even with the session cookie', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/lists/upload?sourceDepartment=poverty_office&listDate=2020-03-31&fileName=a.csv',
      payload: '姓名,身份证号,人员类别\n',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('accepts our own pages: the API header, or the browser saying same-origin', async () => {
    expect((await mutation({ 'content-type': 'application/json', 'x-portal-request': '1' })).statusCode).not.toBe(403);
    expect((await mutation({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).statusCode).not.toBe(403);
    expect(
      (await mutation({ 'content-type': 'application/json', origin: 'http://localhost:80', host: 'localhost:80' })).statusCode,
    ).not.toBe(403);
  });
});

describe('headers', () => {
  it('sends a CSP without inline scripts, frame-ancestors none, nosniff and a referrer policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when the cookie is Secure (behind HTTPS)', async () => {
    const secure = await buildApp({ db: handle.db, reports: handle.reports, env: { ...env, COOKIE_SECURE: true }, logger: false });
    const res = await secure.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    await secure.close();
  });

  it('marks every API answer and export no-store', async () => {
    const q = await app.inject({
      method: 'POST',
      url: '/trpc/system.info',
      payload: {},
      headers: { 'content-type': 'application/json', 'x-portal-request': '1' },
    });
    expect(q.headers['cache-control']).toBe('no-store');
    const refused = await app.inject({ method: 'GET', url: '/api/exports/ledger.xlsx?year=2020' });
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless the proxy is configured', async () => {
    await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      remoteAddress: '192.0.2.10',
      payload: { username: 'nobody-xff', password: 'whatever-1' },
      headers: { 'content-type': 'application/json', 'x-portal-request': '1', 'x-forwarded-for': '203.0.113.99' },
    });
    const viaProxy = await buildApp({
      db: handle.db,
      reports: handle.reports,
      env: { ...env, TRUST_PROXY: ['192.0.2.10'] },
      logger: false,
    });
    const user = (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, userId)).limit(1))[0];
    expect(user).toBeUndefined();
    await viaProxy.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      remoteAddress: '192.0.2.10',
      payload: {
        username: (await handle.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, userId) }))!.username,
        password: TEST_PASSWORD,
      },
      headers: { 'content-type': 'application/json', 'x-portal-request': '1', 'x-forwarded-for': '203.0.113.99' },
    });
    const row = (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(desc(auditLog.at)).limit(1))[0]!;
    expect(row.ip).toBe('203.0.113.99');
    await viaProxy.close();
    await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      remoteAddress: '192.0.2.10',
      payload: {
        username: (await handle.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, userId) }))!.username,
        password: TEST_PASSWORD,
      },
      headers: { 'content-type': 'application/json', 'x-portal-request': '1', 'x-forwarded-for': '203.0.113.99' },
    });
    const direct = (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(desc(auditLog.at)).limit(1))[0]!;
    expect(direct.ip).toBe('192.0.2.10');
  });
});

describe('production settings', () => {
  it('default to loopback, Secure cookies and no demo data; demo data in production is refused', () => {
    const prod = loadEnv({ NODE_ENV: 'production' });
    expect(prod.HOST).toBe('127.0.0.1');
    expect(prod.COOKIE_SECURE).toBe(true);
    expect(prod.SEED_DEMO).toBe(false);
    expect(() => loadEnv({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(/生产环境不能写入演示数据/);
    const dev = loadEnv({ NODE_ENV: 'development' });
    expect(dev.COOKIE_SECURE).toBe(false);
    expect(dev.SEED_DEMO).toBe(true);
  });
});

describe('input at the edge', () => {
  it('refuses NUL and lone surrogates with 400 before any service runs, in bodies and query strings', async () => {
    for (const bad of ['张\u0000三', 'x\ud800', '\udc00y']) {
      const res = await app.inject({
        method: 'POST',
        url: '/trpc/households.create',
        payload: JSON.stringify({ householdNo: bad }),
        headers: { cookie, 'content-type': 'application/json', 'x-portal-request': '1' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/^输入有误：/);
      expect(res.body).not.toMatch(/stack|at \w+ \(/);
    }
    const query = await app.inject({
      method: 'GET',
      url: `/trpc/persons.list?input=${encodeURIComponent(JSON.stringify({ q: 'a\u0000' }))}`,
      headers: { cookie },
    });
    expect(query.statusCode).toBe(400);
  });
});
