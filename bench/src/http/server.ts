import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../env.js';

const SERVER_DIR = resolve(REPO_ROOT, 'apps/server');
/** The esbuild bundle (`pnpm --filter @portal/server build`, apps/server/build.mjs); preferred when present. */
const BUILT = resolve(SERVER_DIR, 'dist/main.js');

export interface RunningServer {
  pid: number;
  url: string;
  /** 'dist' (node dist/main.js) or 'tsx' (node --import tsx src/main.ts). */
  mode: 'dist' | 'tsx';
  command: string;
  logFile: string;
  rssMb(): number;
  /** Peak resident set since the last reset (VmHWM of /proc/<pid>/status). */
  peakMb(): number;
  /** Resets VmHWM to the current RSS (writes 5 to /proc/<pid>/clear_refs), so a peak belongs to one operation. */
  resetPeak(): boolean;
  stop(): Promise<void>;
}

/** Servers this process started: stopped when it exits, even on a crash, so none is left behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : 0;
}

/**
 * Starts the production server (NODE_ENV=production) on a database, as `pnpm start` would, and
 * waits for /healthz. The process is node itself (not a wrapper), so its /proc status is the
 * server's memory.
 */
export async function startServer(options: {
  port: number;
  database: { url: string } | { pgliteDir: string };
  logFile: string;
  env?: Record<string, string>;
  /** 'dist' (the build, when there is one: the default) or 'tsx' (the sources as they are). */
  mode?: RunningServer['mode'];
}): Promise<RunningServer> {
  const mode: RunningServer['mode'] = options.mode ?? (existsSync(BUILT) ? 'dist' : 'tsx');
  if (mode === 'dist' && !existsSync(BUILT)) throw new Error(`no server build at ${BUILT}: pnpm --filter @portal/server build`);
  const args = mode === 'dist' ? [BUILT] : ['--import', 'tsx', 'src/main.ts'];
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The benchmark signs in a few accounts many times over a long run.
    LOGIN_RATE_PER_MINUTE: '10000',
    SESSION_IDLE_MINUTES: '1440',
    SESSION_ABSOLUTE_HOURS: '24',
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if ('url' in options.database) env.DATABASE_URL = options.database.url;
  else env.PGLITE_DIR = options.database.pgliteDir;
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, args, { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pid = child.pid;
  if (!pid) throw new Error('server did not start');
  let exited: number | null = null;
  running.add(child);
  child.on('exit', (code) => {
    exited = code ?? -1;
    running.delete(child);
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited} before it was ready; see ${options.logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 180 s; see ${options.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    pid,
    url,
    mode,
    command: `node ${args.join(' ')}`,
    logFile: options.logFile,
    rssMb: () => statusKb(pid, 'VmRSS') / 1024,
    peakMb: () => statusKb(pid, 'VmHWM') / 1024,
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (exited !== null) return resolveStop();
        const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(force);
          log.end();
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}
