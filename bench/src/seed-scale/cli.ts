/**
 * pnpm seed:scale --persons N --claims M [--seed S] [--until YYYY-MM-DD] [--years Y] [--append]
 *
 * Writes a scale data set into DATABASE_URL (PostgreSQL) or the PGlite folder PGLITE_DIR
 * (default .data/scale-pglite). Refuses a database that is not empty unless --append. Prints
 * progress and, at the end, rows and rows/s per table; the same figures go to a JSON report
 * (default .data/seed-scale-<database>.json) that `pnpm bench` puts into docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { openDb } from '@portal/db';
import postgres from 'postgres';
import { benchEnv, REPO_ROOT } from '../env.js';
import { fmt, generateScale, RefusedError, type ScaleTarget } from './generate.js';
import { SCALE_PASSWORD } from './world.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    claims: { type: 'string', default: '300000' },
    seed: { type: 'string', default: '20261201' },
    until: { type: 'string', default: '2026-11-15' },
    years: { type: 'string', default: '4' },
    append: { type: 'boolean', default: false },
    report: { type: 'string' },
  },
  strict: true,
});

const int = (name: string, v: string | undefined, min: number) => {
  const n = Number(String(v).replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};

async function main() {
  const persons = int('persons', values.persons, 1);
  const claims = int('claims', values.claims, 0);
  const seed = int('seed', values.seed, 0);
  const years = int('years', values.years, 1);
  const until = String(values.until);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new Error('--until must be YYYY-MM-DD');

  const url = benchEnv.DATABASE_URL;
  const dataDir = benchEnv.PGLITE_DIR ?? resolve(REPO_ROOT, '.data/scale-pglite');
  console.log(`seed:scale → ${url ? `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//…@')}` : `PGlite ${dataDir}`}`);
  console.log(
    `  ${fmt(persons)} persons, ${fmt(claims)} claims, seed ${seed}, ${years} years up to ${until}${values.append ? ', append' : ''}`,
  );
  // The same argon2id parameters as the server (apps/server/src/lib/password.ts), hashed once.
  const passwordHash = await hash(SCALE_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

  const handle = await openDb(url ? { databaseUrl: url } : { dataDir });
  const sql = url ? postgres(url, { max: 40, onnotice: () => {} }) : undefined;
  const target: ScaleTarget = { handle, sql, pglite: handle.pglite };
  try {
    const report = await generateScale(target, {
      persons,
      claims,
      seed,
      until,
      years,
      append: values.append ?? false,
      passwordHash,
      log: (line) => console.log(line),
    });
    console.log(`\n${report.mode}`);
    console.log(
      `done in ${report.seconds.total} s (generate ${report.seconds.generate} s, indexes ${report.seconds.indexes} s, ` +
        `${report.database === 'postgres' ? 'vacuum analyze' : 'analyze'} ${report.seconds.analyze} s)`,
    );
    console.log(`${'table'.padEnd(28)} ${'rows'.padStart(12)} ${'MB'.padStart(9)} ${'rows/s'.padStart(10)}`);
    for (const r of report.tables) {
      console.log(
        `${r.table.padEnd(28)} ${fmt(r.rows).padStart(12)} ${r.megabytes.toFixed(1).padStart(9)} ${fmt(r.rowsPerSecond).padStart(10)}`,
      );
    }
    const out = values.report ? benchEnv.path(values.report)! : resolve(REPO_ROOT, `.data/seed-scale-${report.database}.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ ...report, finishedAt: new Date().toISOString(), target: url ? 'postgres' : dataDir }, null, 2));
    console.log(`report: ${out}`);
    console.log(`accounts: sc-<org code>-clerk1 / reviewer1 / supervisor / admin, password ${SCALE_PASSWORD}`);
  } finally {
    await sql?.end({ timeout: 5 });
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof RefusedError ? err.message : err);
  process.exit(err instanceof RefusedError ? 2 : 1);
});
