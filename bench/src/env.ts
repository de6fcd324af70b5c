import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/src/env.ts → ../..). */
export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * The environment of the bench tools, read once here (the only place that reads process.env).
 * Paths given relative are taken from where the command was typed (pnpm runs scripts inside
 * bench/ and keeps the original folder in INIT_CWD).
 */
export const benchEnv = (() => {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const path = (p: string | undefined) => (p ? (isAbsolute(p) ? p : resolve(cwd, p)) : undefined);
  const url = process.env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// (or postgresql://)');
  return {
    cwd,
    DATABASE_URL: url || undefined,
    PGLITE_DIR: path(process.env.PGLITE_DIR),
    /** Extra environment for the server the benchmark starts (inherited as is). */
    inherited: { ...process.env } as Record<string, string | undefined>,
    path,
  };
})();
