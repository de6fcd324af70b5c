import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadConfig, LoadResult } from './load-types.js';

const LOAD = resolve(fileURLToPath(import.meta.url), '../load.ts');
/** bench/, where tsx resolves from whatever folder the benchmark was started in. */
const BENCH_DIR = resolve(LOAD, '../../..');

/** Runs autocannon in a child process and returns what it measured. */
export async function runLoad(config: LoadConfig): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD, file], { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number>((r) => child.on('exit', (c) => r(c ?? -1)));
    if (code !== 0) throw new Error(`load generator exited with ${code}`);
    return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
