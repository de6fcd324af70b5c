import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Real server processes (not in-process apps): the PGlite folder lock and the production-mode
 * start-up rules can only be proved by starting `node` twice. PGlite runs only (the PostgreSQL run
 * covers the same code in-process).
 */
const SERVER_DIR = resolve(import.meta.dirname, '..');
const running = new Set<ChildProcess>();
const dirs: string[] = [];

interface Started {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      running.delete(child);
      r(code);
    }),
  );
  return { child, out: () => out, exited };
}

// Generous: start-up transpiles the sources and migrates a fresh folder, which on a loaded 2-core CI
// machine has taken over a minute; this is a guard against a hang, not a timing.
async function waitFor(s: Started, text: string | RegExp, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (typeof text === 'string' ? s.out().includes(text) : text.test(s.out())) return;
    if (s.child.exitCode !== null) throw new Error(`process exited (${s.child.exitCode}) before "${String(text)}":\n${s.out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for "${String(text)}":\n${s.out()}`);
}

const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-proc-'));
  dirs.push(dir);
  return dir;
};
let port = 39_000 + Math.floor(Math.random() * 500);
const nextPort = () => String(port++);

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('server processes', () => {
  it('a second process on the same PGlite folder fails at once; a kill -9 leaves no lasting lock', async () => {
    const dir = freshDir();
    const first = start({ PGLITE_DIR: dir, PORT: nextPort(), SEED_DEMO: 'false' });
    await waitFor(first, '医保扶贫经办平台已启动');
    const began = Date.now();
    const second = start({ PGLITE_DIR: dir, PORT: nextPort(), SEED_DEMO: 'false' });
    expect(await second.exited).toBe(1);
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(second.out()).toContain('已被另一个进程');
    expect(second.out()).toContain(String(first.child.pid));
    first.child.kill('SIGKILL');
    await first.exited;
    const third = start({ PGLITE_DIR: dir, PORT: nextPort(), SEED_DEMO: 'false' });
    await waitFor(third, '医保扶贫经办平台已启动');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 420_000);

  it('production on an empty folder creates one administrator with a one-time password and no demo data', async () => {
    const dir = freshDir();
    const prod = start({ PGLITE_DIR: dir, PORT: nextPort(), NODE_ENV: 'production' });
    await waitFor(prod, '医保扶贫经办平台已启动');
    expect(prod.out()).toMatch(/一次性初始密码（只显示这一次，首次登录后须修改）：\S{12,}/);
    expect(prod.out()).not.toContain('演示账号');
    expect(prod.out()).not.toContain('Demo@2026');
    prod.child.kill('SIGTERM');
    expect(await prod.exited).toBe(0);
  }, 420_000);

  it('production refuses demo data, and refuses to start while a demo password is active', async () => {
    const dir = freshDir();
    const seeded = start({ PGLITE_DIR: dir, PORT: nextPort(), NODE_ENV: 'production', SEED_DEMO: 'true' });
    expect(await seeded.exited).toBe(1);
    expect(seeded.out()).toContain('生产环境不能写入演示数据');
    const dev = start({ PGLITE_DIR: dir, PORT: nextPort(), NODE_ENV: 'development' });
    await waitFor(dev, '医保扶贫经办平台已启动');
    dev.child.kill('SIGTERM');
    await dev.exited;
    const prod = start({ PGLITE_DIR: dir, PORT: nextPort(), NODE_ENV: 'production' });
    expect(await prod.exited).toBe(1);
    expect(prod.out()).toMatch(/拒绝以生产模式启动：有 \d+ 个账号仍在使用公开的演示密码/);
  }, 600_000);
});
