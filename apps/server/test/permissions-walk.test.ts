import { describe, expect, it } from 'vitest';
import { PERMISSION_IDS } from '@portal/rules';
import { buildApp } from '../src/app.js';
import { HTTP_ROUTES } from '../src/http/route.js';
import { appRouter } from '../src/root.js';
import { env } from './helpers.js';

/** Procedures anyone may call: signing in and out, who am I, and the server's date. */
const PUBLIC = ['auth.login', 'auth.logout', 'auth.me', 'system.info'];

describe('every entry point declares a permission', () => {
  it('each tRPC procedure has one permission of the table, or is one of the few public ones', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: string } } }>;
    const missing: string[] = [];
    const unknown: string[] = [];
    const publicOnes: string[] = [];
    for (const [path, proc] of Object.entries(procedures)) {
      const permission = proc._def.meta?.permission;
      if (!permission) missing.push(path);
      else if (permission === 'public') publicOnes.push(path);
      else if (!PERMISSION_IDS.includes(permission as never)) unknown.push(`${path}: ${permission}`);
    }
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
    expect(publicOnes.sort()).toEqual([...PUBLIC].sort());
    expect(Object.keys(procedures).length).toBeGreaterThan(80);
  });

  it('each plain HTTP route under /api is registered through registerRoute with a permission', async () => {
    const seen: { method: string; url: string }[] = [];
    const app = await buildApp({ db: {} as never, reports: {} as never, env, logger: false });
    // printRoutes lists what fastify really serves; every /api route must be in the declared table.
    const served = app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .map((l) => l.replace(/^[\s│├└─]+/, '').trim())
      .map((l) => (l.startsWith('/') ? l : `/${l}`))
      .filter((l) => l.startsWith('/api/'));
    await app.close();
    for (const line of served) {
      const [url, methods] = line.split(' (');
      for (const method of (methods ?? '').replace(')', '').split(', ')) if (method && method !== 'HEAD') seen.push({ method, url: url! });
    }
    const declared = new Set(HTTP_ROUTES.map((r) => `${r.method} ${r.url}`));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((r) => !declared.has(`${r.method} ${r.url}`))).toEqual([]);
    for (const r of HTTP_ROUTES) expect(PERMISSION_IDS).toContain(r.permission);
  });
});
