#!/usr/bin/env node
// pnpm rebuild:totals <year> [region code]  — recomputes the dashboard's claim aggregates
// (claim_month_totals) from the claims, one county per transaction, for the whole database or the
// org unit with that code; DATABASE_URL when set, else the PGlite folder PGLITE_DIR.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, like } from 'drizzle-orm';
import { recomputeClaimTotals } from './claim-totals.js';
import { openDb } from './client.js';
import { orgUnits } from './schema/index.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const [yearArg, code] = process.argv.slice(2);
const year = Number(yearArg);
if (!Number.isInteger(year) || year < 2000 || year > 2100) {
  console.error('用法：pnpm rebuild:totals <年度> [区划代码]');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || undefined;
const handle = await openDb(databaseUrl ? { databaseUrl } : { dataDir: resolve(root, process.env.PGLITE_DIR ?? '.data/pglite') });
try {
  let counties: { path: string; name: string }[];
  const unit = code ? (await handle.db.select().from(orgUnits).where(eq(orgUnits.code, code)).limit(1))[0] : undefined;
  if (code && !unit) throw new Error(`没有区划代码为 ${code} 的机构`);
  if (unit && (unit.level === 'county' || unit.level === 'township')) counties = [unit];
  else {
    counties = await handle.db
      .select({ path: orgUnits.path, name: orgUnits.name })
      .from(orgUnits)
      .where(and(like(orgUnits.path, `${unit?.path ?? '/'}%`), eq(orgUnits.level, 'county')));
  }
  for (const u of counties) {
    await handle.db.transaction((tx) => recomputeClaimTotals(tx, u.path, year));
    console.log(`已重建 ${u.name} ${year} 年`);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
