import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { lockDataDir } from './dir-lock.js';

/**
 * Backup and restore, the same two verbs for both databases:
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists` (Debian's
 *   postgresql-client), so an operator can also restore with the standard tools;
 * - PGlite: the data folder dumped as a gzipped tarball (`dumpDataDir`), restored into an empty
 *   folder. The folder's lock is taken first, so a running server is never copied mid-write.
 */
export interface BackupTarget {
  databaseUrl?: string;
  dataDir?: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`))));
  });
}

/** Finds a PostgreSQL client tool (PATH, or Debian's versioned folders). */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(`${root}/${v}/bin/${name}`)) return `${root}/${v}/bin/${name}`;
  }
  return name;
}

export async function backup(target: BackupTarget, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  if (target.databaseUrl) {
    await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}`, target.databaseUrl]);
    return;
  }
  if (!target.dataDir || !existsSync(target.dataDir)) throw new Error(`PGlite 数据目录不存在：${target.dataDir}`);
  const release = lockDataDir(target.dataDir);
  try {
    const db = await PGlite.create(target.dataDir);
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    release();
  }
}

export async function restore(target: BackupTarget, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  if (target.databaseUrl) {
    await run(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', `--dbname=${target.databaseUrl}`, file]);
    return;
  }
  if (!target.dataDir) throw new Error('请指定 PGLITE_DIR');
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    throw new Error(`恢复目标 ${target.dataDir} 不是空目录：请恢复到新的目录，核对后再替换原目录`);
  }
  mkdirSync(target.dataDir, { recursive: true });
  const release = lockDataDir(target.dataDir);
  try {
    const blob = new Blob([readFileSync(file)]);
    const db = await PGlite.create(target.dataDir, { loadDataDir: blob });
    await db.query('select 1');
    await db.close();
  } finally {
    release();
  }
}

/**
 * Row count and a content checksum of every table of the public schema (md5 over the rows' text,
 * in a stable order): two databases with the same fingerprint hold the same data.
 */
export async function fingerprint(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const tablesResult = await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { tablename } of rowsOf(tablesResult) as { tablename: string }[]) {
    const table = sql.identifier(tablename);
    const res = rowsOf(
      await db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as h from ${table} t`,
      ),
    )[0] as { n: number; h: string };
    out[tablename] = { rows: Number(res.n), md5: res.h };
  }
  return out;
}
