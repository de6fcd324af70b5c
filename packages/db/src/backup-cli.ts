#!/usr/bin/env node
// pnpm backup [file]            — PostgreSQL when DATABASE_URL is set (pg_dump custom format),
//                                 else the PGlite folder PGLITE_DIR (default .data/pglite).
// pnpm restore <file> [folder]  — into DATABASE_URL, or into an empty PGlite folder.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backup, restore } from './backup.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const [verb, fileArg, folderArg] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL || undefined;
// pnpm runs this in packages/db; paths given on the command line are the caller's.
const cwd = process.env.INIT_CWD ?? process.cwd();
const dataDir = folderArg ? resolve(cwd, folderArg) : resolve(root, process.env.PGLITE_DIR ?? '.data/pglite');
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

try {
  if (verb === 'backup') {
    const file = fileArg ? resolve(cwd, fileArg) : resolve(root, `.data/backups/portal-${stamp}.${databaseUrl ? 'dump' : 'tar.gz'}`);
    await backup({ databaseUrl, dataDir }, file);
    console.log(`已备份到 ${file}`);
  } else if (verb === 'restore' && fileArg) {
    await restore({ databaseUrl, dataDir }, resolve(cwd, fileArg));
    console.log(`已从 ${fileArg} 恢复${databaseUrl ? '到 DATABASE_URL 指向的数据库' : `到 ${dataDir}`}`);
  } else {
    console.error('用法：pnpm backup [文件]  或  pnpm restore <文件> [PGlite 目录]');
    process.exit(2);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
