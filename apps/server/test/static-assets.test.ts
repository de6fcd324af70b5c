import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@portal/db';
import { buildApp } from '../src/app.js';
import { env, setupDb } from './helpers.js';

/**
 * The built web app as fastify serves it (decision 0010): the .br/.gz files written at build time
 * are sent as they are, hashed assets are cached for good, index.html is revalidated.
 */
let handle: DbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let dist: string;
const script = `console.log(${JSON.stringify('医保扶贫 '.repeat(200))});\n`;
const html = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body></body></html>';

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'portal-web-'));
  mkdirSync(join(dist, 'assets'));
  for (const [name, text] of [
    ['index.html', html],
    ['assets/index-abc123.js', script],
  ] as const) {
    writeFileSync(join(dist, name), text);
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(text));
  }
  handle = await setupDb();
  app = await buildApp({ db: handle.db, reports: handle.reports, env: { ...env, WEB_DIST: dist }, logger: false });
});
afterAll(async () => {
  await app.close();
  await handle.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('static web assets', () => {
  it('sends the precompressed brotli or gzip file the browser accepts, else the plain one', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(script.length);

    const gz = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
  });

  it('caches hashed assets for a year and revalidates index.html, also as the SPA fallback', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/claims/123']) {
      const page = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      expect(page.statusCode).toBe(200);
      expect(page.payload).toBe(html);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });
});
